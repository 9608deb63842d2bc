/**
 * Lists the config-time messages of keepalived's source that the message table (test/oracle/messages) neither
 * covers with a case nor explains as machine-dependent, per source file. Usage:
 *   node --import tsx scripts/uncovered-messages.ts [FILE-SUBSTRING...]
 */
import { MESSAGE_CASES } from '../test/oracle/messages/cases';
import { MESSAGE_VERSIONS, silentReason, sites } from '../test/oracle/messages/messageTable';
import { SILENT_MESSAGES } from '../test/oracle/messages/silent';

const filters = process.argv.slice(2);
const listed = new Set(MESSAGE_CASES.flatMap((c) => c.formats));
const byFile = new Map<string, Map<string, { versions: string[]; line: number }>>();
for (const version of MESSAGE_VERSIONS) {
  for (const site of sites(version)) {
    if (listed.has(site.format) || silentReason(SILENT_MESSAGES, site.format)) continue;
    if (filters.length && !filters.some((f) => site.file.includes(f))) continue;
    const formats = byFile.get(site.file) ?? new Map();
    byFile.set(site.file, formats);
    const entry = formats.get(site.format) ?? { versions: [], line: site.line };
    if (!entry.versions.includes(version)) entry.versions.push(version);
    formats.set(site.format, entry);
  }
}
let total = 0;
for (const [file, formats] of [...byFile].sort()) {
  console.log(`\n## ${file} (${formats.size})`);
  for (const [format, { versions, line }] of formats) console.log(`  [${versions.join(',')}] :${line}  ${JSON.stringify(format)}`);
  total += formats.size;
}
console.log(`\n${total} uncovered formats`);
