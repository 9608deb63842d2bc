// The JSON Schema of .keepalived-lint.json (schemas/keepalived-lint.schema.json), made from the registry so that
// every code completes in the editor with its meaning. scripts/generate-rule-docs.ts writes it; a test holds
// the file to this and the schema's verdicts to the config reader's (server/src/analysis/lintConfig.ts).
import { RULE_CODES, RULES } from './registry';

export function lintConfigSchema(): object {
  const level = { type: 'string', enum: ['off', 'info', 'warning', 'error'] };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://keepalived-tools.invalid/schemas/keepalived-lint.schema.json',
    title: 'keepalived-lint configuration',
    description: 'Settings of keepalived-lint and the keepalived language server, found upward from the linted file (.keepalived-lint.json, .yaml or .yml). Editor settings override them.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        type: 'object',
        description: 'Severity per rule code: off, info, warning or error (keepalived-lint --list-rules lists the codes).',
        additionalProperties: false,
        properties: Object.fromEntries(RULE_CODES.map((code) => [code, { ...level, description: `${RULES[code].summary} (default: ${RULES[code].severity})` }])),
      },
      keepalivedVersion: {
        type: 'string',
        pattern: '^\\d+(\\.\\d+){0,2}$',
        description: 'The keepalived release the configs target, e.g. "2.2.7": newer keywords are reported. --keepalived-version and the editor setting override it.',
      },
      ignore: {
        type: 'array',
        description: 'Files not to lint: paths or glob patterns, relative to this file.',
        items: { type: 'string', minLength: 1 },
      },
      clusters: {
        type: 'array',
        description: 'Which configs are the directors of one cluster (compared with each other), relative to this file. A keepalived-cluster.json, where there is one, decides instead.',
        items: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      },
    },
  };
}
