// The lines of virtual/static routes and rules: each route read by routeReader.ts, each rule by rules.ts; then
// what keepalived does with a route it keeps: it tracks it (from 2.0.1), marking it with its own protocol, and
// before 2.3.2 only when the route names its interface.
import type { Statement } from '../../syntax';
import { StatementMemo } from '../statementMemo';
import { includeDirective } from '../../schema';
import { checkRule } from './rules';
import { readRoute, type RouteReading } from './routeReader';
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
          const route = readRoute(words, s.name === 'static_routes');
          for (const f of route.findings) found.push({ file, range: f.word.range, severity: f.severity, code: f.code, message: f.message });
          if (route.kept) checkTracking(file, words[0], route, untrackedWithoutDevice, found);
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

/** the protocol keepalived marks the routes it tracks with (RTPROT_KEEPALIVED) */
const KEEPALIVED_PROTOCOL = 18;

/**
 * keepalived tracks a route unless no_track says otherwise, and sets its protocol to its own. From 2.0.1 to
 * 2.3.1 it tracks only routes that name their interface, and says so. A static route's track_group needs
 * the route's own interface.
 */
function checkTracking(file: string, first: Statement['keyword'], route: RouteReading, untrackedWithoutDevice: boolean, out: FileDiagnostic[]): void {
  if (!route.noTrack && route.protocol?.value !== undefined && route.protocol.value !== KEEPALIVED_PROTOCOL) {
    out.push({ file, range: route.protocol.word.range, severity: 'warning', code: 'ineffective-setting', message: `keepalived tracks this route, so it sets protocol ${KEEPALIVED_PROTOCOL} (keepalived) instead of ${route.protocol.word.text} and says so; add no_track to keep this one` });
  }
  if (route.trackGroup && !route.device) {
    out.push({ file, range: route.trackGroup.range, severity: 'warning', code: 'ineffective-setting', message: 'track_group needs dev or oif on the route itself: keepalived ignores it' });
  }
  if (untrackedWithoutDevice && !route.noTrack && !route.device) {
    out.push({ file, range: first.range, severity: 'warning', code: 'ineffective-setting', message: `keepalived before ${ROUTES_TRACKED_WITHOUT_DEVICE} tracks a route only when it names its interface: it will not restore this one. Add dev IFACE, or no_track` });
  }
}
