// What BFD_CHECK's name line refuses beyond its words (check/check_bfd.c, bfd_name_handler): a bfd_instance
// name too long for the checker (the checker process keeps such an instance, the BFD process ignores it), and
// a second BFD_CHECK of one real server on an instance it already follows. Either drops the checker; a name
// of no earlier bfd_instance, and a second name, are reported with the names and the schema.
import type { Statement } from '../../syntax';
import type { FileDiagnostic } from '../unit';
import { BFD_NAME_MAX } from './bfdInstances';

/**
 * The BFD_CHECKs of one real server, in order. `defined(name, at)` says whether a bfd_instance of that name
 * comes before `at` (keepalived looks it up as it reads the line).
 */
export function bfdCheckFindings(file: string, realServer: Statement, defined: (name: string, at: Statement) => boolean): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const monitored = new Map<string, Statement>();
  for (const checker of realServer.block?.statements ?? []) {
    if (checker.name !== 'BFD_CHECK') continue;
    let followed: string | undefined;
    let dropped = false;
    for (const line of checker.block?.statements ?? []) {
      if (line.name !== 'name' || dropped) continue;
      const word = line.args[0];
      // no name, two names, an unknown one or a second line: reported elsewhere, and the checker is dropped
      if (line.args.length !== 1 || !defined(word.text, line) || followed !== undefined) {
        dropped = true;
        continue;
      }
      if (word.text.length > BFD_NAME_MAX) {
        out.push({ file, range: word.range, severity: 'error', code: 'invalid-argument', message: `bfd_instance name '${word.text}' has ${word.text.length} characters, more than ${BFD_NAME_MAX}: keepalived drops this BFD_CHECK` });
        dropped = true;
        continue;
      }
      const earlier = monitored.get(word.text);
      if (earlier) {
        out.push({ file, range: word.range, severity: 'warning', code: 'ineffective-setting', message: `This real server already follows bfd_instance ${word.text} (the BFD_CHECK on line ${earlier.range.start.line + 1}): keepalived drops this BFD_CHECK` });
        dropped = true;
        continue;
      }
      followed = word.text;
    }
    // the server follows the instance once the checker's block closes with it
    if (!dropped && followed !== undefined) monitored.set(followed, checker);
  }
  return out;
}
