import { relative, sep } from 'node:path';

/** What a report needs besides the findings. */
export interface ReportContext {
  /** paths under it are shown relative to it (the repository, in CI) */
  cwd: string;
  /** base of the rule pages' URLs (see rules/docsLocation.ts) */
  rulesUrl?: string;
  version: string;
}

/** `file` relative to the working directory when it lies inside it, else as it is; always with '/' */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  const shown = rel === '' || rel.startsWith('..') || rel.startsWith(sep) ? file : rel;
  return shown.split(sep).join('/');
}
