// A virtual_rules or static_rules line read word by word, as keepalived's alloc_rule reads it
// (vrrp_iprule.c): the first word it cannot use drops the rule; a few bad values are only ignored; a rule
// without a preference gets one keepalived counts down from, which is rarely the order meant. Table,
// realm, dsfield and group names come from the machine's iproute2 files and are left to keepalived.
import type { Statement, Word } from '../../syntax';
import { readUnsigned } from '../../syntax/numbers';
import type { RuleCode } from '../../rules/registry';
import { checkCidr } from '../argTypes';
import { ipFamily } from '../ipFamily';
import { readRealms, readRouteNumber } from './routeValues';
import type { FileDiagnostic } from '../unit';

const UINT32_MAX = 4294967295;
const INT32_MAX = 2147483647;
const TABLE_ACTIONS = new Set(['blackhole', 'unreachable', 'prohibit']);
/** route types iproute2 knows that are no rule action */
const OTHER_ROUTE_TYPES = new Set(['unicast', 'local', 'broadcast', 'anycast', 'multicast', 'throw', 'nat', 'xresolve']);
/** the protocol keepalived marks the rules it tracks with (RTPROT_KEEPALIVED) */
const KEEPALIVED_PROTOCOL = 18;
const isPortRange = (text: string) => /^\d+-\d+$/.test(text) && text.split('-').every((p) => Number(p) <= 65535);

export function checkRule(file: string, rule: Statement, allowTrackGroup: boolean, out: FileDiagnostic[]): void {
  const words: Word[] = [rule.keyword, ...rule.args];
  const report = (word: Word, code: RuleCode, message: string, severity: 'error' | 'warning' = 'error') => out.push({ file, range: word.range, severity, code, message });
  const drop = (word: Word, code: RuleCode, message: string) => report(word, code, `${message}: keepalived drops this rule`);
  let family: 4 | 6 | undefined;
  let action: string | undefined;
  let preference: number | undefined;
  let gotoTarget: { word: Word; value: number } | undefined;
  let tableOption: Word | undefined;
  let table: Word | undefined;
  let l3mdev = false;
  let protocol: { word: Word; value: number } | undefined;
  let noTrack = false;
  let trackGroup: Word | undefined;
  let inputDevice = false;
  let skipped: Word | undefined;
  const setAction = (word: Word, name: string) => {
    if (action) return drop(word, 'invalid-argument', `a rule takes one action, and it already has ${action}`), false;
    action = name;
    return true;
  };
  const joinFamily = (word: Word, own: 4 | 6) => {
    if (family && family !== own) return drop(word, 'ip-family-mismatch', `${word.text} makes the rule IPv${own}, but it is IPv${family}`), false;
    family = own;
    return true;
  };

  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const next = words[i + 1];
    const value = () => (i++, next);
    switch (word.text) {
      case 'inet':
      case 'inet6':
        if (!joinFamily(word, word.text === 'inet' ? 4 : 6)) return;
        // keepalived steps over the word after inet/inet6 as well (it advances twice)
        skipped = value();
        break;
      case 'from':
      case 'to': {
        const address = value();
        if (!address) return void drop(word, 'argument-count', `'${word.text}' needs an address`);
        if (/^[\d./]+$/.test(address.text) || address.text.includes(':')) {
          const problem = checkCidr(address.text);
          if (problem && !ipFamily(address.text.split('/')[0])) return void drop(address, 'invalid-address', `'${address.text}' is not an address or prefix`);
          if (problem) report(address, 'invalid-address', `'${address.text}': ${problem}; keepalived uses the full length instead`);
          if (!joinFamily(address, ipFamily(address.text.split('/')[0]) as 4 | 6)) return;
        }
        break;
      }
      case 'table':
      case 'lookup': {
        const name = value();
        if (!name) return void drop(word, 'argument-count', `'${word.text}' needs a table`);
        if (name.text === '0') return void drop(name, 'invalid-value', 'table 0 is no routing table');
        table = name;
        if (!setAction(word, `table ${name.text}`)) return;
        break;
      }
      case 'preference':
      case 'order':
      case 'priority':
        preference = readUnsigned(value()?.text);
        if (preference === undefined || preference > UINT32_MAX) return void drop(next ?? word, 'invalid-number', `${word.text} needs a number from 0 to ${UINT32_MAX}`);
        break;
      case 'fwmark': {
        const [mark, mask, ...rest] = (value()?.text ?? '').split('/');
        const bad = [mark, mask].some((part) => part !== undefined && (readUnsigned(part) === undefined || readUnsigned(part)! > UINT32_MAX));
        if (!mark || bad || rest.length) return void drop(next ?? word, 'invalid-number', 'fwmark needs a mark from 0 to 4294967295, optionally /MASK');
        break;
      }
      case 'realms':
        if (readRealms(value()?.text ?? '') === false) return void drop(next ?? word, 'invalid-number', `realms ${next?.text ?? ''} is out of range (FROM/TO or TO, each 0 to 255 or a name)`);
        tableOption = word;
        if (!joinFamily(word, 4)) return;
        break;
      case 'suppress_prefixlength':
      case 'sup_pl': {
        const length = readUnsigned(value()?.text);
        if (length === undefined || length > INT32_MAX) return void drop(next ?? word, 'invalid-number', `${word.text} needs a prefix length`);
        tableOption = word;
        break;
      }
      case 'suppress_ifgroup':
      case 'sup_group':
        if (readRouteNumber(value()?.text ?? '', INT32_MAX) === false) return void drop(next ?? word, 'invalid-number', `${word.text} ${next?.text ?? ''} is out of range (0 to ${INT32_MAX}, or a group name)`);
        tableOption = word;
        break;
      case 'dev':
      case 'iif':
        value();
        inputDevice = true;
        break;
      case 'oif':
      case 'tos':
      case 'dsfield':
        value();
        break;
      case 'ipproto': {
        const proto = value();
        // keepalived reads a number only up to 127 (a signed byte), so 132 (sctp) works by name only
        if (proto && (proto.text.startsWith('-') || Number(/^\d*/.exec(proto.text)![0] || 0) > 127)) report(proto, 'invalid-number', `ipproto ${proto.text}: keepalived takes a protocol number up to 127, or a name from /etc/protocols, and ignores this one`);
        break;
      }
      case 'tunnel-id':
        if (!/^\d+$/.test(value()?.text ?? '') || BigInt(next!.text) > 0xffffffffffffffffn) return void drop(next ?? word, 'invalid-number', 'tunnel-id needs a number');
        break;
      case 'uidrange':
        if (!/^\d+-\d+$/.test(value()?.text ?? '')) return void drop(next ?? word, 'invalid-value', 'uidrange needs FIRST-LAST');
        break;
      case 'l3mdev':
        l3mdev = true;
        if (action) return void drop(word, 'invalid-argument', `l3mdev is an action, and the rule already has ${action}`);
        action = 'l3mdev';
        break;
      case 'protocol': {
        const number = readUnsigned(value()?.text);
        if (number === undefined || number > 255 || !/^\d+$/.test(next?.text ?? '')) report(next ?? word, 'invalid-number', `protocol needs a number from 0 to 255: keepalived ignores it`);
        else protocol = { word: next!, value: number };
        break;
      }
      case 'sport':
      case 'dport': {
        const range = value();
        // keepalived reads the port as FIRST-LAST and rejects a single port
        if (!range || !isPortRange(range.text)) report(range ?? word, 'invalid-value', `keepalived reads ${word.text} as a range FIRST-LAST${range && /^\d+$/.test(range.text) ? ` (write ${range.text}-${range.text})` : ''}: it ignores this one`);
        break;
      }
      case 'no_track':
        noTrack = true;
        break;
      case 'not':
        break;
      default: {
        if (word.text === 'track_group' && allowTrackGroup) {
          trackGroup = word;
          value();
          break;
        }
        const type = word.text === 'type' ? value() : word;
        if (!type) return void drop(word, 'argument-count', "'type' needs a rule action");
        if (type.text === 'goto') {
          const target = readUnsigned(value()?.text);
          if (target === undefined || target > UINT32_MAX) return void drop(next ?? type, 'invalid-number', 'goto needs a rule preference to jump to');
          gotoTarget = { word: type, value: target };
          if (!setAction(type, 'goto')) return;
        } else if (type.text === 'nop' || TABLE_ACTIONS.has(type.text)) {
          if (!setAction(type, type.text)) return;
        } else if (OTHER_ROUTE_TYPES.has(type.text)) {
          return void drop(type, 'invalid-value', `${type.text} is no rule action (use table, goto, nop, blackhole, unreachable or prohibit)`);
        } else {
          const why = skipped && words[i - 1] === skipped ? ` (keepalived skipped '${skipped.text}' after ${words[i - 2].text}: put inet/inet6 last)` : '';
          return void drop(type, 'invalid-argument', `'${type.text}' is no rule option${why}`);
        }
      }
    }
  }

  if (gotoTarget && preference === undefined) return void drop(gotoTarget.word, 'missing-required', 'goto needs the rule to have a preference below its target');
  if (gotoTarget && preference! >= gotoTarget.value) return void drop(gotoTarget.word, 'invalid-number', `goto must jump forward: its target ${gotoTarget.value} is not above the preference ${preference}`);
  if (!action) return void drop(rule.keyword, 'missing-required', 'a rule needs an action (table, goto, nop, blackhole, unreachable or prohibit)');
  if (tableOption && !action.startsWith('table') && action !== 'l3mdev') return void drop(tableOption, 'invalid-argument', `${tableOption.text} only goes with a table action`);
  if (l3mdev && table) return void drop(table, 'invalid-argument', 'an l3mdev rule takes no table');
  if (!noTrack && protocol && protocol.value !== KEEPALIVED_PROTOCOL) report(protocol.word, 'ineffective-setting', `keepalived tracks this rule, so it sets protocol ${KEEPALIVED_PROTOCOL} (keepalived) instead; add no_track to keep this one`, 'warning');
  if (trackGroup && !inputDevice) report(trackGroup, 'ineffective-setting', 'track_group needs dev or iif on the rule: keepalived ignores it', 'warning');
  if (preference === undefined) report(rule.keyword, 'rule-without-preference', 'This rule has no preference: keepalived gives it one of its own, counting down from 16384 (IPv4 and IPv6 apart), so the rules may not apply in the order written. Add preference N', 'warning');
}
