import type { KeywordSpec } from './types';

/**
 * `include` and its variants are read line by line before any block is parsed, so they may stand at any
 * level of the file. Each takes one path: absolute, or relative to the including file; globs allowed.
 */
export const includeDirectives: readonly KeywordSpec[] = [
  { name: 'include', args: [{ name: 'PATH', type: { kind: 'path' } }], repeatable: true, doc: 'Read another file (or every file a glob matches) here, as if its text stood in place of this line. A relative path is taken from the directory of the including file. A path that matches no file is skipped, with a log line (`includer` makes that an error).', example: 'include /etc/keepalived/conf.d/*.conf' },
  { name: 'includer', args: [{ name: 'PATH', type: { kind: 'path' } }], repeatable: true, since: '2.2.0', doc: 'Like `include`, but a missing file is reported as an error.', example: 'includer services/*.conf' },
  { name: 'includem', args: [{ name: 'PATH', type: { kind: 'path' } }], repeatable: true, since: '2.2.0', doc: 'Like `includer`, and each part of a glob pattern must match something.' },
  { name: 'includew', args: [{ name: 'PATH', type: { kind: 'path' } }], repeatable: true, since: '2.2.0', doc: 'Like `includem`, and a wildcard pattern must match at least one file.' },
  { name: 'includeb', args: [{ name: 'PATH', type: { kind: 'path' } }], repeatable: true, since: '2.2.0', doc: 'Like `includer`, and a brace expression must match files.' },
  { name: 'includea', args: [{ name: 'PATH', type: { kind: 'path' } }], repeatable: true, since: '2.2.0', doc: 'Include with every check on: includer, includem, includew and includeb together.' },
];
