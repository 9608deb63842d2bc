import type { RuleCode } from '../../rules/registry';
import { addressValue, ipFamily, readableAddress } from '../ipFamily';
import { isTemplateValue } from '../../syntax/template';
import { addressPart } from '../argTypes';
import type { Statement, Word } from '../../syntax';
import { isDigits } from '../../syntax/numbers';
import { last, type VirtualServerView } from '../../syntax/views';
import { StatementMemo } from '../statementMemo';
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';

const MAX_FWMARK = 4294967295;

function invalid(file: string, word: Word | Statement, code: RuleCode, message: string): FileDiagnostic {
  const range = 'keyword' in word ? word.keyword.range : word.range;
  return { file, range, severity: 'error', code, message };
}

function checkPort(file: string, word: Word | undefined, what: string, out: FileDiagnostic[]): void {
  if (!word) return;
  const n = Number(word.text);
  if (!isDigits(word.text) || n > 65535) out.push(invalid(file, word, 'invalid-number', `${what}: '${word.text}' is not a port (0-65535); keepalived skips the whole block`));
}

/** a real server keepalived keeps: its address and port can be read (or a template fills them in) */
function readable(rs: { statement: Statement }): boolean {
  const [address, port] = rs.statement.args;
  const addressOk = !!address && (readableAddress(addressPart(address.text)) || isTemplateValue(address.text));
  return addressOk && (!port || isTemplateValue(port.text) || (isDigits(port.text) && Number(port.text) <= 65535));
}

/** `IP[-LAST] [PORT]`, `PREFIX/LEN [PORT]` or `fwmark N [inet|inet6]`, as a virtual_server_group line. */
function checkGroupEntry(file: string, item: Statement, out: FileDiagnostic[]): void {
  const first = item.keyword;
  if (first.text === 'fwmark') {
    const [mark, family] = item.args;
    if (!mark || !isDigits(mark.text) || Number(mark.text) > MAX_FWMARK) out.push(invalid(file, mark ?? first, 'invalid-number', `fwmark needs a number from 0 to ${MAX_FWMARK}`));
    else if (family && !FWMARK_FAMILIES.has(family.text)) out.push(invalid(file, family, 'invalid-value', `fwmark family '${family.text}' is neither inet nor inet6; keepalived skips this group entry`));
    return;
  }
  const read = readGroupAddress(first.text);
  if ('problem' in read) out.push(invalid(file, first, 'invalid-address', `'${first.text}' ${read.problem}; keepalived skips this group entry`));
  checkPort(file, item.args[0], 'virtual_server_group entry', out);
}

const FWMARK_FAMILIES = new Set(['inet', 'inet6']);

/** The family of a group's address entry, or why keepalived skips the entry. */
export function readGroupAddress(text: string): { family: 4 | 6 } | { problem: string } {
  const [address, last] = text.split('-');
  const family = ipFamily(address.split('/')[0]);
  const lastOk = last === undefined || (family === 4 ? /^\d{1,3}$/.test(last) && Number(last) <= 255 : /^[0-9a-fA-F]{1,4}$/.test(last)) || ipFamily(last) === family;
  if (!family || !lastOk) return { problem: 'is not an address, range or prefix' };
  const problem = rangeProblem(text, family);
  return problem ? { problem } : { family };
}

/** What is wrong with a group entry's prefix or range, read as keepalived reads it (check_data.c). */
function rangeProblem(text: string, family: 4 | 6): string | undefined {
  const bits = family === 4 ? 32 : 128;
  const slash = text.indexOf('/');
  if (slash >= 0) {
    const length = text.slice(slash + 1);
    if (!isDigits(length) || Number(length) === 0 || Number(length) > bits) return `has no valid prefix length (1-${bits})`;
    const hostBits = (1n << BigInt(bits - Number(length))) - 1n;
    if (addressValue(text.slice(0, slash), family) & hostBits) return 'has host bits set: write the network address of the prefix';
    return undefined;
  }
  const dash = text.indexOf('-');
  if (dash < 0) return undefined;
  const start = text.slice(0, dash);
  const end = text.slice(dash + 1);
  if (ipFamily(end) === family) return addressValue(end, family) < addressValue(start, family) ? 'ends below its start' : undefined;
  // a short range replaces the last octet (IPv4) or group (IPv6, in hex), and must end above it
  const startLast = Number(addressValue(start, family) & (family === 4 ? 0xffn : 0xffffn));
  return parseInt(end, family === 4 ? 10 : 16) <= startLast ? 'does not end above its start' : undefined;
}

/** keepalived accepts codes 100-599, alone or as ranges. */
function checkStatusCodes(file: string, word: Word, out: FileDiagnostic[]): void {
  // most are one plain code
  if (isDigits(word.text) && Number(word.text) >= 100 && Number(word.text) <= 599) return;
  for (const part of word.text.split(',')) {
    const bounds = part.split('-');
    if (bounds.length > 2 || bounds.some((b) => !isDigits(b) || Number(b) < 100 || Number(b) > 599)) {
      out.push(invalid(file, word, 'invalid-value', `Invalid HTTP status code '${part}': use codes 100-599 or ranges like 200-299`));
    }
  }
}

/** The forms keepalived parses by hand rather than by keyword table. */
export function checkLvsForms(unit: ConfigUnit): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  for (const { file, item } of collect(unit, 'virtualServers')) out.push(...perService.findings(item.statement, file, () => checkService(file, item)));
  for (const { file, item } of collect(unit, 'virtualServerGroups')) {
    for (const entry of item.statement.block?.statements ?? []) checkGroupEntry(file, entry, out);
  }
  return out;
}

/** A virtual_server's findings depend on it alone: remembered across edits elsewhere. */
const perService = new StatementMemo<FileDiagnostic>();

function checkService(file: string, item: VirtualServerView): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const { statement } = item;
  if (item.form === 'address') {
    const address = item.address;
    if (!address) out.push(invalid(file, statement, 'argument-count', 'virtual_server needs an address and port, `fwmark N` or `group NAME`'));
    else if (!ipFamily(addressPart(address.value))) out.push(invalid(file, address.word, 'invalid-address', `Invalid virtual server address '${address.value}'; keepalived skips this virtual_server`));
    else if (addressPart(address.value) !== address.value) {
      const kept = addressPart(address.value);
      out.push({ file, range: address.word.range, severity: 'warning', code: 'ignored-address-suffix', message: `virtual_server: keepalived reads only the address ${kept} and ignores '${address.value.slice(kept.length)}'` });
    }
    checkPort(file, statement.args[1], 'virtual_server', out);
  } else if (item.form === 'fwmark' && (!item.fwmark || item.fwmark.value > MAX_FWMARK || !Number.isInteger(item.fwmark.value))) {
    out.push(invalid(file, statement.args[1] ?? statement, 'invalid-number', `virtual_server fwmark needs a mark number from 0 to ${MAX_FWMARK}`));
  } else if (item.form === 'group' && !item.group) {
    out.push(invalid(file, statement, 'argument-count', 'virtual_server group needs a group name'));
  }
  for (const rs of item.realServers) checkPort(file, rs.statement.args[1], 'real_server', out);
  // keepalived skips a real server it cannot read, then drops a service left with none
  if (item.realServers.length > 0 && !item.realServers.some(readable)) {
    out.push(invalid(file, statement.keyword, 'missing-required', `virtual_server ${statement.args.map((a) => a.text).join(' ')} has no real server keepalived can read (it skips each one): it ignores the whole service`));
  }
  checkQuorum(file, item, out);
  checkHysteresis(file, item, out);
  // status_code lines are where the schema allows them, in a checker's url blocks (anywhere else is an unknown keyword)
  for (const rs of item.realServers) for (const checker of rs.checkers) for (const url of checker.urls) for (const code of url.statusCodes) checkStatusCodes(file, code.word, out);
  return out;
}

/** keepalived lowers a hysteresis that is not below the quorum (once the quorum is no more than the total weight). */
function checkHysteresis(file: string, item: VirtualServerView, out: FileDiagnostic[]): void {
  const hysteresisStatement = last(item.statement, 'hysteresis');
  if (!hysteresisStatement || item.realServers.length === 0) return;
  const hysteresis = Number(hysteresisStatement.args[0]?.text);
  const quorumStatement = last(item.statement, 'quorum');
  const total = item.realServers.reduce((sum, rs) => sum + (rs.weight?.value ?? 1), 0);
  const quorum = Math.min(quorumStatement ? Number(quorumStatement.args[0]?.text) : 1, total);
  if (!(hysteresis >= quorum) || quorum < 1) return;
  const message = `hysteresis ${hysteresis} is not below the quorum ${quorum}: keepalived lowers it to ${quorum - 1}`;
  out.push({ file, range: hysteresisStatement.range, severity: 'warning', code: 'hysteresis-not-below-quorum', message });
}

/** keepalived lowers a quorum above the real servers' total weight, which turns the service off. */
function checkQuorum(file: string, item: VirtualServerView, out: FileDiagnostic[]): void {
  if (item.realServers.length === 0) return;
  let total = 0;
  for (const rs of item.realServers) total += rs.weight?.value ?? 1;
  const quorumStatement = last(item.statement, 'quorum');
  const quorum = quorumStatement ? Number(quorumStatement.args[0]?.text) : 1;
  if (!(total < quorum)) return;
  const message = `The real servers' total weight ${total} is below the quorum ${quorum}; keepalived reduces the quorum to ${total}`;
  const places = item.realServers.flatMap((rs) => (rs.weight && Number(rs.weight.statement.args[0]?.text) === 0 ? [rs.weight.statement] : []));
  for (const place of places.length ? places : [quorumStatement ?? item.statement]) out.push({ file, range: place.range, severity: 'warning', code: 'quorum-above-weight', message });
}
