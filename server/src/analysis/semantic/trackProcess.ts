// quorum and quorum_max of a vrrp_track_process, read in order as keepalived reads them (vrrp_parser.c): each is
// checked against the other as set so far, and one that contradicts it is ignored.
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';

const readCount = (text: string | undefined) => (text !== undefined && /^\d+$/.test(text) && Number(text) <= 65535 ? Number(text) : undefined);

export function checkTrackProcesses(unit: ConfigUnit): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  for (const { file, item } of collect(unit, 'trackProcesses')) {
    let quorum = 1;
    let quorumMax = Infinity;
    for (const s of item.statement.block?.statements ?? []) {
      const value = readCount(s.args[0]?.text);
      if (value === undefined) continue; // the schema reports a bad count
      if (s.name === 'quorum' && value >= 1) {
        if (value > quorumMax) out.push({ file, range: s.keyword.range, severity: 'error', code: 'invalid-number', message: `quorum ${value} is above the quorum_max ${quorumMax} set before it: keepalived ignores it` });
        else quorum = value;
      } else if (s.name === 'quorum_max') {
        // quorum_max 0 (no upper bound on a quorum of 0) is allowed while quorum is left at its default
        if ((value > 0 || quorum > 1) && value < quorum) {
          out.push({ file, range: s.keyword.range, severity: 'error', code: 'invalid-number', message: `quorum_max ${value} is below the quorum ${quorum} set before it: keepalived ignores it` });
          continue;
        }
        quorumMax = value;
        if (value === 0) quorum = 0;
        else if (quorum === 0) quorum = 1;
      }
    }
  }
  return out;
}
