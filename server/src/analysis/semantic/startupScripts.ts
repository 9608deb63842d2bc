// startup_script and shutdown_script (global_parser.c): keepalived reads the command as a shell would split it
// and refuses one whose program is an empty word ("", '' or " "), running no script.
import type { Statement } from '../../syntax';
import type { FileDiagnostic } from '../unit';

export function startupShutdownScript(s: Statement): Omit<FileDiagnostic, 'file'>[] {
  const program = s.args[0];
  if (!program || !/^(?:\s|''|"")*$/.test(program.text)) return [];
  return [{ range: program.range, severity: 'error', code: 'invalid-value', message: `${s.name} names no program (an empty word): keepalived ignores it and runs no script` }];
}
