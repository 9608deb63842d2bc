import { join } from 'node:path';
import type { BenchNamespace } from './namespace';
import { LINT_BUNDLE, ROOT } from './paths';
import type { Summary } from './stats';
import { timeCommands } from './timing';

export interface LintStartResult {
  files: string[];
  lines: number;
  /** keepalived-lint on the files, as installed (the file run through its #! line) */
  lint: Summary;
  /** `node -e 0`: the floor under any Node.js command */
  nodeStartup: Summary;
  keepalived?: Summary;
  /** median(lint) / median(node -e 0) */
  ratioToNode: number;
}

/** What a pre-commit hook or an editor's save feels: the example MASTER/BACKUP pair (124 lines), one run each. */
export function measureLintStart(runs: number, namespace: BenchNamespace | undefined, lines: number): LintStartResult {
  const files = [join(ROOT, 'examples/master.conf'), join(ROOT, 'examples/backup.conf')];
  const commands = [[LINT_BUNDLE, ...files], [process.execPath, '-e', '0']];
  if (namespace) commands.push(['keepalived', '-t', '-e', '-f', files[0]]);
  const { summaries, status, stderr } = timeCommands(commands, runs, namespace);
  if (status[0] !== 0) throw new Error(`keepalived-lint failed on the examples: ${stderr[0]}`);
  const [lint, nodeStartup, keepalived] = summaries;
  return { files, lines, lint, nodeStartup, keepalived, ratioToNode: lint.median / nodeStartup.median };
}
