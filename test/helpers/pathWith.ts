import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findOnPath } from '../../server/src/host/installedKeepalived';

/**
 * A PATH whose only `keepalived` is the given binary (or none, for undefined), with node's own directory so
 * that a child node process still starts.
 */
export function pathWithKeepalived(binary: string | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'ka-path-'));
  if (binary) symlinkSync(binary.includes('/') ? binary : findOnPath(binary, process.env.PATH)!, join(dir, 'keepalived'));
  return [dir, dirname(process.execPath), '/bin'].join(':');
}
