import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lintFiles, type FileDiagnostic, type LintOptions } from '../../server/src/analysis/lint';

/** Writes files into a fresh temporary directory and lints the ones named in `lint` (default: all). */
export function lintTexts(files: Record<string, string>, options: LintOptions & { lint?: string[] } = {}): FileDiagnostic[] & { dir?: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ka-lint-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const names = options.lint ?? Object.keys(files);
  const result: FileDiagnostic[] & { dir?: string } = lintFiles(names.map((n) => join(dir, n)), options);
  result.dir = dir;
  return result;
}

export function codes(diagnostics: readonly FileDiagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}
