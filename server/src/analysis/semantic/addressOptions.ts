// The options after an address in virtual_ipaddress, virtual_ipaddress_excluded and static_ipaddress, read as
// keepalived's alloc_ipaddress() (vrrp_ipaddress.c) reads them. Several problems make it drop the whole
// address: those are errors, since a VIP the config lists is then never added. Scope names are left alone:
// keepalived reads them from the machine's rt_scopes file.
import type { Statement, Word } from '../../syntax';
import { addressPart, interfaceNameProblem } from '../argTypes';
import { ipFamily } from '../ipFamily';
import type { FileDiagnostic } from '../unit';
import { compareVersions } from '../versions';

type Finding = Omit<FileDiagnostic, 'file'>;

/** options that take no value */
const FLAGS = new Set(['home', '-nodad', 'mngtmpaddr', 'noprefixroute', 'autojoin', 'no_track']);
/** options followed by a value */
const WITH_VALUE = new Set(['dev', 'scope', 'broadcast', 'brd', 'label', 'peer', 'preferred_lft']);
/** an interface name, and so a label, is at most 15 characters (IFNAMSIZ less its terminating zero) */
const MAX_LABEL = 15;
const USE_VMAC_SINCE = '2.2.0';
/** the standard scopes other than global (0), by name or number; other names come from the machine's rt_scopes */
const NON_GLOBAL_SCOPE = /^(?:site|link|host|nowhere|0*[1-9]\d*)$/;

const ADDRESS_BLOCKS = new Map<string, 'vip' | 'static'>([['virtual_ipaddress', 'vip'], ['virtual_ipaddress_excluded', 'vip'], ['static_ipaddress', 'static']]);

/** The findings of every address line in the config's address blocks (top-level static_ipaddress and those of instances). */
export function addressOptionFindings(statements: readonly Statement[], keepalivedVersion: string | undefined): Finding[] {
  const out: Finding[] = [];
  const visit = (blocks: readonly Statement[]) => {
    for (const block of blocks) {
      const kind = ADDRESS_BLOCKS.get(block.name);
      if (kind) for (const line of block.block?.statements ?? []) out.push(...lineFindings(line, kind, keepalivedVersion));
      else if (block.name === 'vrrp_instance') visit(block.block?.statements ?? []);
    }
  };
  visit(statements);
  return out;
}

function lineFindings(line: Statement, kind: 'vip' | 'static', keepalivedVersion: string | undefined): Finding[] {
  const out: Finding[] = [];
  const address = line.name;
  const family = ipFamily(addressPart(address));
  if (!family) return out; // not an address: the schema says so
  const words = line.args;
  const drop = (word: Word, code: FileDiagnostic['code'], why: string) => out.push({ range: word.range, severity: 'error', code, message: `${why}: keepalived drops the address ${address}` });
  let dev = false;
  let peer: Word | undefined;
  let broadcast = false;
  /** `brd +` or `brd -`: keepalived computes the broadcast from the prefix */
  let derived: Word | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const option = word.text;
    const value = words[i + 1];
    if (WITH_VALUE.has(option) || (kind === 'static' && option === 'track_group')) {
      if (!value) {
        drop(word, 'argument-count', `${option} needs a value`);
        return out;
      }
      i++;
      if (option === 'dev') {
        if (dev) {
          drop(word, 'duplicate-keyword', 'dev is given twice');
          return out;
        }
        dev = true;
        // keepalived drops the address when it has no such interface; with dynamic_interfaces it keeps
        // the address for an interface that never comes: either way the address is never added
        const problem = interfaceNameProblem(value.text);
        const label = value.text.includes(':') ? `; an address labelled ${value.text} is written 'dev ${value.text.split(':')[0]} label ${value.text}'` : '';
        if (problem) out.push({ range: value.range, severity: 'error', code: 'invalid-argument', message: `${capitalize(problem)}: keepalived never adds ${address}${label}` });
      } else if (option === 'broadcast' || option === 'brd') {
        if (family === 6) {
          drop(word, 'invalid-argument', 'An IPv6 address has no broadcast');
          return out;
        }
        if (value.text !== '+' && value.text !== '-' && !isDottedQuad(value.text)) {
          drop(value, 'invalid-address', `'${value.text}' is not a broadcast address (an IPv4 address, + or -)`);
          return out;
        }
        broadcast = true;
        // an address after + or - does not undo it
        if (value.text === '+' || value.text === '-') derived = value;
      } else if (option === 'label' && value.text.length > MAX_LABEL) {
        drop(value, 'invalid-argument', `The label '${value.text}' is longer than ${MAX_LABEL} characters`);
        return out;
      } else if (family === 6 && (option === 'label' || (option === 'scope' && NON_GLOBAL_SCOPE.test(value.text)))) {
        // the kernel keeps neither for an IPv6 address; keepalived drops them, and says so at every start
        out.push({ range: word.range, severity: 'warning', code: 'ineffective-setting', message: `An IPv6 address takes no ${option}: keepalived ignores '${option} ${value.text}' of ${address}` });
      } else if (option === 'peer') {
        out.push(...peerFindings(value, peer, address, family));
        peer ??= value;
      } else if (option === 'preferred_lft' && value.text !== 'forever' && !/^\d+$/.test(value.text)) {
        out.push({ range: value.range, severity: 'error', code: 'invalid-number', message: `preferred_lft '${value.text}' is neither a number of seconds nor forever: keepalived ignores it` });
      }
    } else if (!FLAGS.has(option) && !(kind === 'vip' && option === 'use_vmac' && atLeast(keepalivedVersion, USE_VMAC_SINCE))) {
      out.push({ range: word.range, severity: 'error', code: 'invalid-value', message: `'${option}' is not an option of an address line: keepalived ignores it` });
    }
  }
  if (broadcast && peer) out.push({ range: peer.range, severity: 'warning', code: 'ineffective-setting', message: `With a peer address keepalived ignores the broadcast address of ${address}` });
  else if (derived && prefixLength(address) > 30) out.push({ range: derived.range, severity: 'warning', code: 'ineffective-setting', message: `A /${prefixLength(address)} has no broadcast address: keepalived sets none for ${address}` });
  return out;
}

/** the prefix length keepalived gives an IPv4 address: the one written if it reads it, else 32 */
function prefixLength(address: string): number {
  const written = address.split('/')[1];
  return written !== undefined && /^\d+$/.test(written) && Number(written) <= 32 ? Number(written) : 32;
}

function peerFindings(value: Word, earlier: Word | undefined, address: string, family: 4 | 6): Finding[] {
  if (earlier) return [{ range: value.range, severity: 'warning', code: 'duplicate-keyword', message: `${address} has a peer already (${earlier.text}): keepalived ignores this one` }];
  // a peer is one address, without a prefix length
  const peerFamily = value.text.includes('/') ? undefined : ipFamily(value.text);
  if (!peerFamily) return [{ range: value.range, severity: 'error', code: 'invalid-address', message: `peer '${value.text}' is not an address (a peer takes no prefix length): keepalived ignores it` }];
  if (peerFamily !== family) return [{ range: value.range, severity: 'error', code: 'ip-family-mismatch', message: `peer ${value.text} is IPv${peerFamily} but ${address} is IPv${family}: keepalived ignores it` }];
  const prefix = address.split('/')[1];
  if (prefix !== undefined && prefix !== (family === 4 ? '32' : '128')) {
    return [{ range: value.range, severity: 'warning', code: 'ignored-address-suffix', message: `An address with a peer is a single address: keepalived ignores /${prefix} of ${address}` }];
  }
  return [];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isDottedQuad(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function atLeast(target: string | undefined, since: string): boolean {
  return !target || compareVersions(target, since) >= 0;
}
