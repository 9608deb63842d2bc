// The address words of virtual/static routes, as keepalived reads them (vrrp_iproute.c): a gateway or
// source that is no address, a gateway of the other family than the destination, the deprecated `gw`.
// Rules are read whole (rules.ts). Only words that look like addresses are judged: route types, table
// and realm names depend on the machine's iproute2 files and are left to keepalived.
import type { Statement } from '../../syntax';
import { readUnsigned } from '../../syntax/numbers';
import { checkCidr } from '../argTypes';
import { ipFamily } from '../ipFamily';
import { StatementMemo } from '../statementMemo';
import { includeDirective } from '../../schema';
import { checkRule } from './rules';
import { compareVersions } from '../versions';
import type { FileDiagnostic } from '../unit';
import type { Workspace } from '../workspace';

const ROUTE_BLOCKS = new Set(['virtual_routes', 'static_routes']);
const RULE_BLOCKS = new Set(['virtual_rules', 'static_rules']);
/** the blocks route and rule blocks are found in besides the top level: the rest of a config is not walked */
const HOLDING_ROUTES = new Set(['vrrp_instance']);
/** the release that started tracking routes, and the one that tracks routes without an interface too */
const ROUTES_TRACKED = '2.0.1';
const ROUTES_TRACKED_WITHOUT_DEVICE = '2.3.2';
const SPECIAL_PREFIXES = new Set(['default', 'any', 'all']);
const looksLikeAddress = (text: string) => /^[\d./]+$/.test(text) || text.includes(':');

/** Each top-level statement's findings, remembered: an edit re-checks only the statements it re-parsed. */
const perStatement = new StatementMemo<FileDiagnostic>();
/** and each file's, per parse of it (and target release): an unchanged file is not walked at all */
const perFile = new WeakMap<object, { version: string | undefined; found: FileDiagnostic[] }>();

export function checkRoutes(files: readonly string[], workspace: Workspace, keepalivedVersion: string | undefined): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const untrackedWithoutDevice = keepalivedVersion !== undefined && compareVersions(keepalivedVersion, ROUTES_TRACKED) >= 0 && compareVersions(keepalivedVersion, ROUTES_TRACKED_WITHOUT_DEVICE) < 0;
  const visit = (file: string, statements: readonly Statement[], found: FileDiagnostic[]) => {
    for (const s of statements) {
      const items = s.block?.statements ?? [];
      if (ROUTE_BLOCKS.has(s.name)) {
        for (const item of items) {
          if (includeDirective(item.name)) continue;
          const words = [item.keyword, ...item.args];
          checkRoute(file, words, found);
          checkRouteProtocol(file, words, found);
          if (untrackedWithoutDevice) untrackedRoute(file, words, found);
        }
      }
      else if (RULE_BLOCKS.has(s.name)) items.filter((item) => !includeDirective(item.name)).forEach((item) => checkRule(file, item, s.name === 'static_rules', found));
      else if (HOLDING_ROUTES.has(s.name)) visit(file, items, found);
    }
    return found;
  };
  for (const file of files) {
    const parsed = workspace.parsed(file);
    if (!parsed) continue;
    let remembered = perFile.get(parsed);
    if (!remembered || remembered.version !== keepalivedVersion) {
      const found = parsed.statements.flatMap((top) => perStatement.findings(top, `${file}\n${keepalivedVersion}`, () => visit(file, [top], [])));
      perFile.set(parsed, (remembered = { version: keepalivedVersion, found }));
    }
    out.push(...remembered.found);
  }
  return out;
}

type Words = Statement['args'];

/**
 * From 2.0.1 keepalived tracks its routes (it puts back one that is deleted) but, before 2.3.2, only routes that
 * name their interface: it says so and leaves the others untracked.
 */
function untrackedRoute(file: string, words: Words, out: FileDiagnostic[]): void {
  // a nexthop's dev is that hop's, not the route's
  const hop = words.findIndex((w) => w.text === 'nexthop');
  const ownWords = hop < 0 ? words : words.slice(0, hop);
  if (ownWords.some((w) => w.text === 'dev' || w.text === 'oif') || words.some((w) => w.text === 'no_track')) return;
  out.push({ file, range: words[0].range, severity: 'warning', code: 'ineffective-setting', message: `keepalived before ${ROUTES_TRACKED_WITHOUT_DEVICE} tracks a route only when it names its interface: it will not restore this one. Add dev IFACE, or no_track` });
}

/** the protocol keepalived marks the routes it tracks with (RTPROT_KEEPALIVED), by number or by name */
const KEEPALIVED_PROTOCOL = new Set(['18', '0x12', 'keepalived']);
/** the protocol names keepalived knows without /etc/iproute2/rt_protos (lib/rttables.c); others come from the machine */
const BUILT_IN_PROTOCOLS = new Set(['none', 'redirect', 'kernel', 'boot', 'static', 'gated', 'ra', 'mrt', 'zebra', 'bird', 'babel', 'dnrouted', 'xorp', 'ntk', 'dhcp', 'keepalived']);

/**
 * A route's protocol: a number above 255 makes keepalived drop the route; keepalived tracks a route unless
 * no_track says otherwise, and marks it as its own (vrrp_iproute.c). A name it does not know itself comes from
 * the machine's rt_protos: nothing to say about it here.
 */
function checkRouteProtocol(file: string, words: Words, out: FileDiagnostic[]): void {
  const at = words.findIndex((w) => w.text === 'protocol');
  const value = at >= 0 ? words[at + 1] : undefined;
  if (!value) return;
  const number = readUnsigned(value.text);
  if (number !== undefined && number > 255) {
    out.push({ file, range: value.range, severity: 'error', code: 'invalid-number', message: `protocol ${value.text} is not a protocol (0 to 255, or a name): keepalived drops this route` });
    return;
  }
  if (number === undefined && !BUILT_IN_PROTOCOLS.has(value.text)) return;
  if (words.some((w) => w.text === 'no_track') || KEEPALIVED_PROTOCOL.has(value.text)) return;
  out.push({ file, range: value.range, severity: 'warning', code: 'ineffective-setting', message: `keepalived tracks this route, so it sets protocol 18 (keepalived) instead of ${value.text} and says so; add no_track to keep this one` });
}

function checkRoute(file: string, words: Words, out: FileDiagnostic[]): void {
  const dest = words[0] && looksLikeAddress(words[0].text) && !checkCidr(words[0].text) ? ipFamily(words[0].text.split('/')[0]) : 0;
  for (let i = 0; i < words.length - 1; i++) {
    const word = words[i];
    if (word.text === 'from') {
      const source = words[i + 1].text;
      // `from` is the IPv6 source prefix (ip -6 route ... from); `default`, `any` and `all` name no family
      if (ipFamily(source.split('/')[0]) === 4 || SPECIAL_PREFIXES.has(source)) {
        out.push({ file, range: words[i + 1].range, severity: 'error', code: 'invalid-argument', message: `A route's 'from' takes an IPv6 source prefix: keepalived drops this route. For the source address of its packets use 'src'` });
      }
      continue;
    }
    if (word.text !== 'via' && word.text !== 'gw' && word.text !== 'src') continue;
    if (word.text === 'gw') out.push({ file, range: word.range, severity: 'warning', code: 'deprecated', message: "'gw' in a route is deprecated; use 'via'", fix: [{ title: "Replace with 'via'", range: word.range, newText: 'via' }] });
    let at = i + 1;
    if (word.text !== 'src' && (words[at].text === 'inet' || words[at].text === 'inet6')) at++;
    const address = words[at];
    if (!address || !looksLikeAddress(address.text)) continue;
    const family = ipFamily(address.text);
    if (!family) {
      out.push({ file, range: address.range, severity: 'error', code: 'invalid-address', message: `'${address.text}' is not an IP address: keepalived drops this route` });
    } else if (dest && family !== dest) {
      out.push({ file, range: address.range, severity: 'error', code: 'ip-family-mismatch', message: `${address.text} is IPv${family} but the route's destination is IPv${dest}: keepalived drops this route` });
    }
  }
}
