// Runs keepalived-lint from the sources in a fresh node process, as a user would run the command.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/paths';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** tsx by absolute URL: `--import tsx` would be looked up from the working directory, a temporary one here */
export const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

export function runCli(args: readonly string[], options: { cwd?: string; input?: string } = {}): CliRun {
  const run = spawnSync(process.execPath, ['--import', TSX, join(ROOT, 'server/src/cli/lint.ts'), ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** a fresh directory holding `files` (name → text) */
export function tempTree(files: Record<string, string>, prefix = 'ka-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
