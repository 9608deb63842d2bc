// The table names of `nftables` and `nftables_ipvs` (global_parser.c): nftables keeps a table name in 256 bytes
// with its terminating zero. From 2.3.2 on keepalived wants one byte less and refuses an empty name; before, an
// empty name passed. Either way a refused name leaves the keyword unset.
import type { Statement } from '../../syntax';
import type { FileDiagnostic } from '../unit';
import { knownTo } from '../versions';

const NFT_TABLE_NAME_BYTES = 256;
const STRICTER_SINCE = '2.3.2';

export function nftablesTableName(s: Statement, keepalivedVersion: string | undefined): Omit<FileDiagnostic, 'file'>[] {
  const name = s.args[0];
  if (!name) return [];
  const stricter = knownTo(STRICTER_SINCE, keepalivedVersion);
  const longest = NFT_TABLE_NAME_BYTES - (stricter ? 2 : 1);
  const bytes = Buffer.byteLength(name.text);
  const problem = bytes > longest ? `is ${bytes} bytes long, more than the ${longest} keepalived takes` : bytes === 0 && stricter ? 'is empty' : undefined;
  return problem ? [{ range: name.range, severity: 'error', code: 'invalid-value', message: `The ${s.name} table name ${problem}: keepalived ignores the line` }] : [];
}
