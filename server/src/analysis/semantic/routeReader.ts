// One virtual_routes / static_routes line read word by word the way keepalived's alloc_route reads it
// (vrrp_iproute.c, the same in 2.2.7 and 2.4.3): the first word it cannot use drops the route, an error inside
// a `nexthop` drops that hop and the ones after it, a few bad values are only ignored. Where keepalived reads
// past the last word it exits. Table, protocol, scope, realm, dsfield and interface names come from the machine
// (iproute2 files, links) and are left to keepalived; numbers are judged.
import type { Word } from '../../syntax';
import type { RuleCode } from '../../rules/registry';
import { ROUTE_OPTION_WORDS } from '../../schema/vrrp-values';
import { isTemplateValue } from '../../syntax/template';
import { interfaceNameProblem } from '../argTypes';
import { didYouMean } from '../didYouMean';
import { isRouteTypeName, readDecimal, readIlaLocator, readMplsLabels, readRealms, readRouteAddress, readRouteNumber, readRoutePrefix, readRouteProtocol, readRouteTime, type RouteFamily } from './routeValues';

export interface RouteFinding {
  word: Word;
  severity: 'error' | 'warning';
  code: RuleCode;
  message: string;
}

/** what the rest of the checks need to know of a route keepalived keeps */
export interface RouteReading {
  findings: RouteFinding[];
  /** false when keepalived drops the route (or exits) */
  kept: boolean;
  /** the route's own `dev`/`oif` */
  device: boolean;
  noTrack: boolean;
  protocol?: { word: Word; value: number | undefined };
  trackGroup?: Word;
}

const UINT32_MAX = 4294967295;
const UINT64_MAX = 18446744073709551615n;
const RTT_WORDS: Record<string, { perMs: number; name: string }> = { rtt: { perMs: 8, name: 'rtt' }, rttvar: { perMs: 4, name: 'rttvar' }, rto_min: { perMs: 1, name: 'rto_min' } };
/** metrics read as unsigned 32-bit numbers, and whether `lock` may come first */
const METRICS: Record<string, boolean> = { mtu: true, advmss: true, reordering: true, cwnd: true, ssthresh: true, window: false, initcwnd: false, initrwnd: false, metric: false, priority: false, preference: false };
const FLAGS = new Set(['onlink', 'add', 'append', 'prepend']);

class Stop extends Error {}

export function readRoute(words: readonly Word[], allowTrackGroup: boolean): RouteReading {
  const findings: RouteFinding[] = [];
  const reading: RouteReading = { findings, kept: true, device: false, noTrack: false };
  const report = (word: Word, code: RuleCode, message: string, severity: 'error' | 'warning' = 'error') => findings.push({ word, code, message, severity });
  function drop(word: Word, code: RuleCode, message: string): never {
    report(word, code, `${message}: keepalived drops this route`);
    reading.kept = false;
    throw new Stop();
  }
  let i = 0;
  /** the word after `i`, which keepalived reads whether or not it is there */
  const next = (): Word => {
    if (isTemplateValue(words[i].text) || (words[i + 1] && isTemplateValue(words[i + 1].text))) throw new Stop();
    if (i + 1 >= words.length) {
      report(words[i], 'argument-count', `'${words[i].text}' needs a value after it: keepalived reads past the end of the line and exits with a configuration error`);
      reading.kept = false;
      throw new Stop();
    }
    return words[++i];
  };
  let family: RouteFamily = 0;
  const joinFamily = (word: Word, own: RouteFamily, what = `${word.text} is IPv${own}`) => {
    if (!own) return;
    if (family && family !== own) drop(word, 'ip-family-mismatch', `${what}, but the route is IPv${family}`);
    family = own;
  };
  let destination: Word | undefined;
  let skipped: { word: Word; after: string } | undefined;
  let orHops = false;
  let nexthopsFrom = -1;

  try {
    for (; i < words.length; i++) {
      const word = words[i];
      const text = word.text;
      if (isTemplateValue(text)) throw new Stop();
      if (text === 'inet' || text === 'inet6') {
        const own = text === 'inet' ? 4 : 6;
        if (family && family !== own) drop(word, 'ip-family-mismatch', `${text} makes the route IPv${own}, but it is IPv${family}`);
        family = own;
        // keepalived steps over the word after inet/inet6 as well (it advances twice)
        const over = words[++i];
        if (over) {
          skipped = { word: over, after: text };
          report(over, 'ineffective-setting', `keepalived steps over the word after ${text} and never reads '${over.text}': put ${text} last`, 'warning');
        }
      } else if (text === 'src') {
        const address = next();
        const own = readRouteAddress(address.text);
        if (!own) drop(address, 'invalid-address', `'${address.text}' is not an address (without prefix length)`);
        joinFamily(address, own);
      } else if (text === 'as') {
        if (next().text === 'to') i++;
        report(word, 'invalid-argument', "'as [to] ADDRESS' is for MPLS routes only: keepalived ignores it");
      } else if (text === 'via' || text === 'gw') {
        if (text === 'gw') report(word, 'deprecated', "'gw' in a route is deprecated; use 'via'", 'warning');
        let address = next();
        let own: RouteFamily = family;
        if (address.text === 'inet' || address.text === 'inet6') {
          own = address.text === 'inet' ? 4 : 6;
          address = next();
        }
        joinFamily(address, own, `via ${words[i - 1].text === 'inet6' ? 'inet6' : 'inet'} makes the gateway IPv${own}`);
        const gateway = readRouteAddress(address.text);
        if (!gateway) drop(address, 'invalid-address', `'${address.text}' is not an address (without prefix length)`);
        joinFamily(address, gateway);
      } else if (text === 'from') {
        const prefix = next();
        const own = readRoutePrefix(prefix.text);
        if (own === undefined) drop(prefix, 'invalid-address', `'${prefix.text}' is not an address or prefix`);
        if (own.family !== 6) drop(prefix, 'invalid-argument', `'from' takes an IPv6 source prefix (the source address is 'src')`);
        reportPrefix(prefix, own.badPrefix, report);
        joinFamily(prefix, 6);
      } else if (text === 'tos' || text === 'dsfield') {
        const value = next();
        if (readRouteNumber(value.text, 255) === false) drop(value, 'invalid-number', `${text} ${value.text} is out of range (0 to 255, or a name from rt_dsfield)`);
      } else if (text === 'table') {
        next(); // any number is taken (modulo 2^32); a name comes from the machine's rt_tables
      } else if (text === 'protocol') {
        const value = next();
        const number = readRouteProtocol(value.text);
        if (number === false) drop(value, 'invalid-number', `protocol ${value.text} is not a protocol (0 to 255, or a name)`);
        reading.protocol = { word: value, value: number };
      } else if (text === 'scope') {
        const value = next();
        if (readRouteNumber(value.text, 255) === false) drop(value, 'invalid-number', `scope ${value.text} is out of range (0 to 255, or a name such as link or global)`);
      } else if (Object.hasOwn(METRICS, text)) {
        let value = next();
        if (METRICS[text] && value.text === 'lock') value = next();
        if (readDecimal(value.text, UINT32_MAX) === undefined) drop(value, 'invalid-number', `${text} needs a decimal number from 0 to ${UINT32_MAX}`);
      } else if (text === 'hoplimit') {
        const value = next();
        if (readDecimal(value.text, 255) === undefined) drop(value, 'invalid-number', 'hoplimit needs a decimal number from 0 to 255');
      } else if (Object.hasOwn(RTT_WORDS, text)) {
        let value = next();
        if (value.text === 'lock') value = next();
        readTime(value, RTT_WORDS[text], report, drop);
      } else if (text === 'dev' || text === 'oif') {
        // keepalived looks the interface up as it reads the route, and drops the route without it: a name no
        // interface can have (eth0:1, an address label) is dropped on every machine
        const device = next();
        const problem = interfaceNameProblem(device.text);
        if (problem) drop(device, 'invalid-argument', problem.charAt(0).toUpperCase() + problem.slice(1));
        reading.device = true;
      } else if (FLAGS.has(text)) {
        // flags: nothing to read
      } else if (text === 'encap') {
        readEncap(words, i, report, (at) => (i = at));
      } else if (text === 'expires') {
        if (family === 4) drop(word, 'ip-family-mismatch', 'expires is for IPv6 routes only, and the route is IPv4');
        family = 6;
        const value = next();
        if (readDecimal(value.text, UINT32_MAX) === undefined) drop(value, 'invalid-number', `expires needs a decimal number of seconds from 0 to ${UINT32_MAX}`);
      } else if (text === 'realms') {
        const value = next();
        if (readRealms(value.text) === false) drop(value, 'invalid-number', `realms ${value.text} is out of range (FROM/TO or TO, each 0 to 255 or a name)`);
        if (family === 6) drop(word, 'ip-family-mismatch', 'realms are for IPv4 routes only, and the route is IPv6');
        family = 4;
      } else if (text === 'features') {
        const value = next();
        if (value.text !== 'ecn') report(value, 'invalid-value', `keepalived knows only the feature 'ecn': it ignores '${value.text}'`);
      } else if (text === 'quickack' || text === 'fastopen_no_cookie') {
        const value = next();
        if (readDecimal(value.text, 1) === undefined) drop(value, 'invalid-number', `${text} takes 0 or 1`);
      } else if (text === 'congctl') {
        if (next().text === 'lock') next();
      } else if (text === 'pref') {
        const value = words[i + 1];
        if (family === 4) drop(word, 'ip-family-mismatch', 'pref is for IPv6 routes only, and the route is IPv4');
        family = 6;
        next();
        if (!['low', 'medium', 'high'].includes(value.text) && readDecimal(value.text, 255) === undefined) drop(value, 'invalid-number', 'pref takes low, medium, high or a number from 0 to 255');
      } else if (text === 'ttl-propagate') {
        const value = next();
        if (value.text !== 'enabled' && value.text !== 'disabled') report(value, 'invalid-value', `ttl-propagate takes enabled or disabled: keepalived sends it as disabled`);
      } else if (text === 'or') {
        report(word, 'deprecated', "'or' in a route is deprecated; write each gateway as 'nexthop via ADDRESS'", 'warning');
        if (orHops) {
          report(word, 'duplicate-keyword', "a route takes one 'or': keepalived ignores this one and the address after it", 'warning');
          i++;
          continue;
        }
        orHops = true;
        const address = next();
        if (!readRouteAddress(address.text)) drop(address, 'invalid-address', `'${address.text}' is not an address`);
      } else if (text === 'nexthop') {
        if (orHops) drop(word, 'invalid-argument', "A route with 'or' takes no nexthop");
        nexthopsFrom = i;
        break;
      } else if (text === 'no_track') {
        reading.noTrack = true;
      } else if (text === 'track_group' && allowTrackGroup) {
        const name = next();
        // a second one is reported by trackGroups.ts; keepalived stops reading there and drops the route
        if (reading.trackGroup) {
          reading.kept = false;
          throw new Stop();
        }
        reading.trackGroup = name;
      } else if (text === 'vrf') {
        next();
      } else {
        readDestination();
      }
    }
    if (nexthopsFrom >= 0) readNexthops(words, nexthopsFrom, () => family, (own) => (family = own), report);
    if (!destination) {
      const why = skipped && readRoutePrefix(skipped.word.text) ? ` ('${skipped.word.text}' is stepped over after ${skipped.after})` : '';
      report(words[0], 'missing-required', `A route needs a destination (an address/prefix, or default)${why}: keepalived drops this route`);
      reading.kept = false;
    }
  } catch (stop) {
    if (!(stop instanceof Stop)) throw stop;
  }
  return reading;

  function readDestination(): void {
    const first = words[i];
    if (first.text === 'to') i++;
    else if (isRouteTypeName(first.text)) i++;
    if (i >= words.length) {
      i--;
      next();
    }
    const word = words[i];
    if (isTemplateValue(word.text)) throw new Stop();
    const prefix = readRoutePrefix(word.text);
    if (prefix === undefined) {
      if (word.text === 'track_group') drop(word, 'invalid-argument', 'track_group goes on static routes only');
      const looksLikeAddress = /^[\d./]+$/.test(word.text) || word.text.includes(':');
      if (looksLikeAddress) drop(word, 'invalid-address', `'${word.text}' is not an address or prefix`);
      const suggestion = didYouMean(word.text, ROUTE_OPTION_WORDS);
      drop(word, 'invalid-argument', `'${word.text}' is no route option nor destination${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`);
    }
    reportPrefix(word, prefix.badPrefix, report);
    if (destination) report(destination, 'duplicate-keyword', `The route names a second destination, '${word.text}': keepalived uses that one and forgets '${destination.text}'`, 'warning');
    if (family && prefix.family !== family) {
      drop(word, 'ip-family-mismatch', prefix.family ? `'${word.text}' is IPv${prefix.family}, but the route is IPv${family}` : `'${word.text}' has no family, and the route is IPv${family} already: write the destination first`);
    }
    family = prefix.family;
    destination = word;
  }
}

function reportPrefix(word: Word, badPrefix: string | undefined, report: (word: Word, code: RuleCode, message: string) => void): void {
  if (badPrefix !== undefined) report(word, 'invalid-address', `'/${badPrefix}' is not a prefix length for this address: keepalived uses the full length instead`);
}

type Report = (word: Word, code: RuleCode, message: string, severity?: 'error' | 'warning') => void;

function readTime(value: Word, unit: { perMs: number; name: string }, report: Report, drop: (word: Word, code: RuleCode, message: string) => never): void {
  const time = readRouteTime(value.text, unit.perMs);
  if (time === 'exponent') drop(value, 'invalid-number', `${unit.name} ${value.text}: keepalived no longer reads the exponent form`);
  if (time === undefined) drop(value, 'invalid-number', `${unit.name} takes N (in 1/${unit.perMs * 1000} s), Nms or Ns`);
  if (time.tooManyDecimals) report(value, 'invalid-number', `${value.text} has more decimals than keepalived reads: it rounds the value`, 'warning');
  if (time.clamped) report(value, 'invalid-number', `${unit.name} ${value.text} is ${time.clamped === 'up' ? 'below 200 ms: keepalived raises it to 200 ms' : 'above 120 s: keepalived lowers it to 120 s'}`, 'warning');
}

/**
 * `encap TYPE ...`: errors leave the route with a broken encapsulation, but where keepalived stops on a word of
 * the encapsulation, it reads that word again as a route option (and usually drops the route on it).
 */
function readEncap(words: readonly Word[], at: number, report: Report, moveTo: (index: number) => void): void {
  const encap = words[at];
  let i = at + 1;
  if (i >= words.length) {
    report(encap, 'argument-count', 'encap needs a type (ip, ip6, mpls or ila): keepalived ignores it');
    return moveTo(i);
  }
  const type = words[i++];
  if (type.text === 'mpls' || type.text === 'ila') {
    const value = words[i];
    if (!value) report(type, 'argument-count', `encap ${type.text} needs ${type.text === 'mpls' ? 'a label (LABEL[/LABEL])' : 'a locator (4 groups of hex digits)'}: the route gets a broken encapsulation`);
    else if (!(type.text === 'mpls' ? readMplsLabels(value.text) : readIlaLocator(value.text))) report(value, 'invalid-value', `'${value.text}' is not ${type.text === 'mpls' ? 'an MPLS label stack (one or two labels up to 1048575, joined by /)' : 'an ILA locator (4 groups of hex digits joined by :)'}: the route gets a broken encapsulation`);
    return moveTo(value ? i : i - 1);
  }
  if (type.text !== 'ip' && type.text !== 'ip6') {
    report(type, 'invalid-value', `'${type.text}' is no encapsulation type (ip, ip6, mpls or ila): keepalived ignores it and the word after it`);
    return moveTo(i);
  }
  const own = type.text === 'ip' ? 4 : 6;
  let target = false;
  for (; i + 1 < words.length; i += 2) {
    const key = words[i].text;
    const value = words[i + 1];
    const bad = (code: RuleCode, message: string) => {
      report(value, code, `${message}: keepalived then reads '${key}' as a route option`);
      moveTo(i - 1);
    };
    if (key === 'id') {
      if (!/^\+?\d+$/.test(value.text) || BigInt(value.text) > UINT64_MAX) return bad('invalid-number', `encap id needs a decimal number`);
      target = true;
    } else if (key === 'dst' || key === 'src') {
      const family = readRouteAddress(value.text);
      if (!family) return bad('invalid-address', `'${value.text}' is not an address`);
      if (family !== own) return bad('ip-family-mismatch', `${value.text} is IPv${family}, and encap ${type.text} takes IPv${own}`);
      if (key === 'dst') target = true;
    } else if (key === (own === 4 ? 'tos' : 'tc')) {
      if (readRouteNumber(value.text, 255) === false) return bad('invalid-number', `${key} ${value.text} is out of range (0 to 255, or a name from rt_dsfield)`);
    } else if (key === (own === 4 ? 'ttl' : 'hoplimit') || key === 'flags') {
      const max = key === 'flags' ? 65535 : 255;
      if (readDecimal(value.text, max) === undefined) return bad('invalid-number', `${key} needs a decimal number from 0 to ${max}`);
    } else break;
  }
  if (!target) report(type, 'missing-required', `encap ${type.text} needs dst ADDRESS or id N: the route gets a broken encapsulation`);
  moveTo(i - 1);
}

/** `nexthop ...` to the end of the line: an error drops that hop and the ones after it, the route stays */
function readNexthops(words: readonly Word[], from: number, family: () => RouteFamily, setFamily: (own: RouteFamily) => void, report: Report): void {
  let i = from;
  const dropHops = (word: Word, code: RuleCode, message: string) => report(word, code, `${message}: keepalived drops this nexthop and any after it`);
  /** like keepalived, the family a `via inet`/`via inet6` named is remembered for the hops after it */
  let named: RouteFamily = 0;
  const value = (): Word | undefined => {
    if (i + 1 >= words.length) {
      report(words[i], 'argument-count', `'${words[i].text}' needs a value after it: keepalived reads past the end of the line and exits with a configuration error`);
      return undefined;
    }
    return words[++i];
  };
  while (i < words.length && words[i].text === 'nexthop') {
    for (i++; i < words.length; i++) {
      const word = words[i];
      if (isTemplateValue(word.text)) return;
      if (word.text === 'via') {
        let address = value();
        if (!address) return;
        if (address.text === 'inet' || address.text === 'inet6') {
          named = address.text === 'inet' ? 4 : 6;
          if (!(address = value())) return;
        }
        if (isTemplateValue(address.text)) return;
        if (named) {
          if (family() && family() !== named) return dropHops(address, 'ip-family-mismatch', `this hop is IPv${named}, but the route is IPv${family()}`);
          setFamily(named);
        }
        const own = readRouteAddress(address.text);
        if (!own) return dropHops(address, 'invalid-address', `'${address.text}' is not an address`);
        if (family() && own !== family()) return dropHops(address, 'ip-family-mismatch', `${address.text} is IPv${own}, but the route is IPv${family()}`);
        setFamily(own);
      } else if (word.text === 'dev') {
        const device = value();
        if (!device) return;
        const problem = isTemplateValue(device.text) ? undefined : interfaceNameProblem(device.text);
        if (problem) return dropHops(device, 'invalid-argument', problem.charAt(0).toUpperCase() + problem.slice(1));
      } else if (word.text === 'weight') {
        const weight = value();
        if (!weight) return;
        const number = readDecimal(weight.text, 256);
        if (!number) return dropHops(weight, 'invalid-number', 'weight needs a decimal number from 1 to 256');
      } else if (word.text === 'onlink') {
        // a flag
      } else if (word.text === 'encap') {
        readEncap(words, i, report, (at) => (i = at));
      } else if (word.text === 'realms') {
        const realms = value();
        if (!realms) return;
        if (readRealms(realms.text) === false) return dropHops(realms, 'invalid-number', `realms ${realms.text} is out of range (FROM/TO or TO, each 0 to 255 or a name)`);
        if (family() === 6) return dropHops(word, 'ip-family-mismatch', 'realms are for IPv4 routes only, and the route is IPv6');
        setFamily(4);
      } else if (word.text === 'as') {
        return dropHops(word, 'invalid-argument', "a nexthop takes no 'as [to]' (NAT)");
      } else break;
    }
  }
  if (i < words.length && !isTemplateValue(words[i].text)) report(words[i], 'invalid-argument', `'${words[i].text}' after the nexthops: keepalived ignores the rest of the line (route options go before them)`);
}
