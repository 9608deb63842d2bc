/**
 * The failover model: for one virtual router of a cluster (the same vrrp_instance on every director),
 * each director's priority and state under every single failure, and who ends up holding the VIPs.
 *
 * The election follows keepalived's state machine (vrrp.c), the same in 2.2.7 and 2.4.3:
 * - vrrp_state_backup(): a BACKUP accepts an advert whose priority is >= its own, or any advert when
 *   `nopreempt`; it ignores a lower one and, its master-down timer expiring, becomes MASTER (preempts).
 *   `preempt_delay` only postpones that. So on equal priority a BACKUP never takes over from a MASTER.
 * - vrrp_state_master_rx(): a MASTER yields to a higher priority, and on an equal one to the higher
 *   primary address (RFC 5798); it keeps the VIP against lower adverts whatever its own `nopreempt`.
 * - when the MASTER stops (priority 0 advert) or vanishes, the BACKUPs time out after
 *   3 × advert_int + skew, the skew shorter for a higher priority: the highest takes over, and if two
 *   masters meet the lower yields. Equal priorities then race: the outcome depends on timing.
 * - vrrp_init_state() (vrrp_scheduler.c): at start a priority-255 owner becomes MASTER at once, a
 *   `state MASTER` instance after one advert interval, the others after the master-down time (a head
 *   start the model does not count on: see startHolders).
 * - vrrp_complete_instance(): nopreempt and preempt_delay are cleared with `state MASTER`, nopreempt at 255.
 * Priorities are base + weights, clamped to 1..254 (vrrp_track.c vrrp_set_effective_priority); 255 never
 * moves. Where the outcome depends on which director was MASTER first, the model gives every possibility.
 */
import type { Range } from '../../syntax';
import { all, type SyncGroupView, type VrrpInstanceView, type VrrpScriptView } from '../../syntax/views';
import { collect, type ConfigUnit } from '../unit';
import type { Cluster } from '../cluster/grouping';
import { numericDefault } from '../cluster/effective';
import { basePriority, demotedByAuthentication, effectiveAuthentication, effectiveNopreempt, globalVrrpDefaults, instanceMode, startsAsMaster, type GlobalVrrpDefaults } from '../semantic/instanceMode';
import { definitionsOf, faults, trackedObjects, weightContribution, type TrackedObject } from './tracking';

const OWNER = 255;
const DEFAULT_ADVERT_INT = numericDefault('vrrp_instance', 'advert_int', 1);

export interface Director {
  /** the config's file name (its unit root's base name) */
  label: string;
  /** the director's main config and every file it includes (not the unit itself: models outlive analyses) */
  root: string;
  files: readonly string[];
  file: string;
  instance: VrrpInstanceView;
  base: number;
  owner: boolean;
  nopreempt: boolean;
  startsMaster: boolean;
  dontTrackPrimary: boolean;
  tracked: TrackedObject[];
  syncGroup?: SyncGroupView;
  /**
   * in a sync group with sync_group_tracking_weight whose members carry weights: the members' priorities can
   * then differ, and keepalived moves the group as one (vrrp_sync.c) in ways the model does not follow
   */
  syncWeighted: boolean;
  /** tracked objects of the other members of its sync group on this director: an unweighted one's failure faults it too */
  siblingTracked: { instance: string; object: TrackedObject }[];
  /** unicast_src_ip, the address ties are decided on when known */
  address?: string;
  /** what its adverts carry: none where keepalived drops the configured authentication (VRRPv3, strict mode, ...) */
  authentication?: { type: 'PASS' | 'AH'; pass?: string };
  vrid?: number;
  /** check_unicast_src, or vrrp_check_unicast_src in global_defs: adverts from a source it does not list are dropped */
  checksUnicastSource: boolean;
  version: '2' | '3';
  /** advert_int in seconds (keepalived's default 1) */
  advertInt: number;
}

export type Failure =
  | { kind: 'none'; label: string }
  | { kind: 'tracked'; label: string; director: number; object: TrackedObject }
  | { kind: 'director-down'; label: string; director: number }
  | { kind: 'interface-down'; label: string; director: number };

export type DirectorState =
  | { state: 'up'; priority: number }
  | { state: 'fault'; why: string }
  | { state: 'down' }
  /** its own interface is down but dont_track_primary keeps it running: it hears nobody and is MASTER alone */
  | { state: 'isolated'; priority: number };

export interface Outcome {
  failure: Failure;
  states: DirectorState[];
  /** the directors that may hold the VIPs afterwards (one when the model is certain; none: VIP nowhere) */
  holders: number[];
  /** why the holder is not certain, when it is not */
  uncertain?: string;
}

export interface VirtualRouter {
  name: string;
  syncGroup?: string;
  directors: Director[];
  /** pairs that cannot hear each other's adverts: both would be MASTER */
  deaf: { a: number; b: number; why: string }[];
  /** who holds the VIPs once all directors have started healthy */
  baseline: Outcome;
  /** each single failure, starting from each possible baseline holder */
  outcomes: Outcome[];
}

export function priorityOf(i: VrrpInstanceView): number {
  return basePriority(i);
}

function has(instance: VrrpInstanceView, keyword: string): boolean {
  return instance.statement.block?.statements.some((s) => s.name === keyword) ?? false;
}

function makeDirector(unit: ConfigUnit, file: string, instance: VrrpInstanceView, scripts: Map<string, VrrpScriptView>, groups: SyncGroupView[], globals: GlobalVrrpDefaults, checksSourcesGlobally: boolean): Director {
  const base = priorityOf(instance);
  const syncGroup = groups.find((g) => g.members.some((m) => m.value === instance.name));
  const mode = instanceMode(instance, globals);
  const startsMaster = startsAsMaster(instance, mode) && !demotedByAuthentication(instance, mode);
  return {
    label: unit.root.split('/').pop() ?? unit.root,
    root: unit.root,
    files: unit.files,
    file,
    instance,
    base,
    owner: base === OWNER,
    // vrrp_complete_instance clears nopreempt for `state MASTER` and for priority 255
    nopreempt: effectiveNopreempt(instance) !== undefined && !startsMaster && base !== OWNER,
    startsMaster,
    dontTrackPrimary: has(instance, 'dont_track_primary'),
    tracked: [],
    syncWeighted: false,
    siblingTracked: [],
    syncGroup,
    address: instance.unicastSrcIp?.value,
    authentication: effectiveAuthentication(instance, mode),
    vrid: instance.vrid?.value,
    checksUnicastSource: has(instance, 'check_unicast_src') || checksSourcesGlobally,
    version: mode.version,
    advertInt: instance.advertInt?.value ?? DEFAULT_ADVERT_INT,
  };
}

/** Directors of every virtual router of a cluster, by instance name; only names on two directors or more. */
export function routersOf(cluster: Cluster): Director[][] {
  const byName = new Map<string, Director[]>();
  for (const unit of cluster.members) {
    const scripts = new Map(collect(unit, 'scripts').map(({ item }) => [item.name, item]));
    const groups = collect(unit, 'syncGroups').map(({ item }) => item);
    const definitions = definitionsOf(unit);
    const instances = collect(unit, 'instances');
    // the release is not known here: vrrp_strict is read as the newest releases read it
    const globals = globalVrrpDefaults(unit, undefined);
    const checksSources = collect(unit, 'globalDefs').some(({ item }) => all(item, 'vrrp_check_unicast_src').length > 0);
    const made = instances.map(({ file, item }) => makeDirector(unit, file, item, scripts, groups, globals, checksSources));
    for (const d of made) {
      const groupHasOwner = d.syncGroup ? made.some((o) => o.syncGroup === d.syncGroup && o.owner) : false;
      d.tracked = trackedObjects(d.instance, d.base, { scripts, definitions, syncGroup: d.syncGroup }, groupHasOwner);
    }
    for (const d of made) {
      if (!d.syncGroup) continue;
      const members = made.filter((o) => o.syncGroup === d.syncGroup);
      d.syncWeighted = members.length > 1 && members.some((o) => o.tracked.some((t) => t.effect === 'weight'));
      for (const o of made) {
        if (o === d || o.syncGroup !== d.syncGroup) continue;
        // weighted ones only move the sibling's priority, but are failures of the group all the same
        for (const object of o.tracked) if ((object.effect === 'fault' || object.effect === 'weight') && !object.fromSyncGroup) d.siblingTracked.push({ instance: o.instance.name, object });
      }
      byName.set(d.instance.name, [...(byName.get(d.instance.name) ?? []), d]);
    }
    for (const d of made) if (!d.syncGroup) byName.set(d.instance.name, [...(byName.get(d.instance.name) ?? []), d]);
  }
  const routers = [...byName.values()].filter((ds) => new Set(ds.map((d) => d.root)).size >= 2);
  // directors' configs are often all called keepalived.conf: then name them by their directory too
  for (const ds of routers) {
    // highest priority first: the table reads from the usual MASTER down
    ds.sort((a, b) => b.base - a.base || a.label.localeCompare(b.label));
    if (new Set(ds.map((d) => d.label)).size < ds.length) for (const d of ds) d.label = d.root.split('/').slice(-2).join('/');
  }
  return routers;
}

/**
 * Why adverts of `from` never reach `to`, or undefined when they do (or it cannot be told). vrrp.c
 * vrrp_check_packet() drops an advert of another VRID or VRRP version, of another interval under VRRPv2
 * (VRRPv3 takes it), or with another auth type or password; a unicast instance sends only to
 * the addresses in its unicast_peer list; and the lab showed that a unicast and a multicast instance (an empty
 * unicast_peer list is multicast) never hear each other, either way, in 2.2.7 and 2.4.3.
 */
function unheard(from: Director, to: Director): string | undefined {
  const [x, y] = [from.instance, to.instance];
  if (from.vrid !== undefined && to.vrid !== undefined && from.vrid !== to.vrid) return 'virtual_router_id differs';
  if (from.version !== to.version) return 'VRRP version differs';
  if (from.version === '2' && from.advertInt !== to.advertInt) return 'advert_int differs, which VRRPv2 refuses';
  const [xAuth, yAuth] = [from.authentication, to.authentication];
  if (xAuth && yAuth && xAuth.type !== yAuth.type) return 'auth_type differs';
  if (xAuth?.pass && yAuth?.pass && xAuth.pass !== yAuth.pass) return 'auth_pass differs';
  const [xUnicast, yUnicast] = [x.unicastPeers.length > 0, y.unicastPeers.length > 0];
  if (xUnicast !== yUnicast) return `${xUnicast ? from.label : to.label} advertises by unicast, ${xUnicast ? to.label : from.label} by multicast`;
  if (xUnicast && y.unicastSrcIp && !x.unicastPeers.some((p) => p.value === y.unicastSrcIp!.value)) return `${from.label}'s unicast_peer list leaves out ${to.label}`;
  if (yUnicast && to.checksUnicastSource && x.unicastSrcIp && !y.unicastPeers.some((p) => p.value === x.unicastSrcIp!.value)) return `${to.label} checks unicast sources and its list leaves out ${from.label}`;
  return undefined;
}

/**
 * Directors that are MASTER together because adverts do not reach: only a MASTER advertises, so from the
 * highest priority down, a director is MASTER when no MASTER above it reaches it (the lab's split-brain
 * scenarios: a BACKUP that hears the top director stays silent, and one it cannot reach takes over beside
 * it). Listed as pairs of MASTERs, each with why the lower never hears the higher.
 */
function deafPairs(ds: Director[], states: DirectorState[]): VirtualRouter['deaf'] {
  const priority = (i: number) => priorityIn(states[i]);
  const running = ds.map((_, i) => i).filter((i) => priority(i) !== undefined);
  running.sort((a, b) => priority(b)! - priority(a)!);
  const masters: number[] = [];
  const out: VirtualRouter['deaf'] = [];
  for (const i of running) {
    const reasons = masters.map((m) => ({ m, why: unheard(ds[m], ds[i]) }));
    if (masters.length && reasons.some((r) => r.why === undefined)) continue;
    for (const { m, why } of reasons) out.push({ a: Math.min(m, i), b: Math.max(m, i), why: why! });
    masters.push(i);
  }
  return out;
}

/** The state of each director under a failure (tracked objects in their healthy state otherwise). */
export function statesUnder(ds: Director[], failure: Failure): DirectorState[] {
  const states = ds.map((d, i): DirectorState => {
    if (failure.kind === 'director-down' && failure.director === i) return { state: 'down' };
    const ifaceDown = failure.kind === 'interface-down' && failure.director === i;
    let total = d.base;
    for (const t of d.tracked) {
      // a down interface also takes down what tracks it by name
      const up = !((failure.kind === 'tracked' && failure.director === i && failure.object === t) || (ifaceDown && t.kind === 'interface' && t.name === d.instance.iface?.value));
      if (faults(t, up)) return { state: 'fault', why: `${t.kind} ${t.name} ${up ? 'up (reverse)' : 'down'}` };
      total += weightContribution(t, up);
    }
    const priority = d.owner ? OWNER : Math.min(254, Math.max(1, total));
    if (ifaceDown) return d.dontTrackPrimary ? { state: 'isolated', priority } : { state: 'fault', why: `interface ${d.instance.iface?.value ?? '?'} down` };
    return { state: 'up', priority };
  });
  // vrrp_sync.c vrrp_sync_fault(): a member in FAULT takes every member of its sync group to FAULT
  if (failure.kind === 'tracked' && states[failure.director].state === 'up') {
    const d = ds[failure.director];
    const sibling = d.siblingTracked.find((s) => s.object === failure.object);
    if (sibling && faults(sibling.object, false)) states[failure.director] = { state: 'fault', why: `sync group '${d.syncGroup!.name}': ${sibling.object.kind} ${sibling.object.name} of ${sibling.instance} down` };
  }
  return states;
}

function priorityIn(s: DirectorState): number | undefined {
  return s.state === 'up' ? s.priority : undefined;
}

/**
 * Who holds the VIPs once keepalived settles, given who was MASTER before (undefined: nobody yet, or it is
 * gone). Returns every possible holder.
 */
export function settle(ds: Director[], states: DirectorState[], master: number | undefined): number[] {
  const up = states.map((s, i) => (s.state === 'up' ? i : -1)).filter((i) => i >= 0);
  if (up.length === 0) return [];
  // weighted members of one sync group: not modelled, any director that is up may end up with the VIPs
  if (ds.some((d) => d.syncWeighted)) return up;
  if (master !== undefined && priorityIn(states[master]) !== undefined) {
    const mp = priorityIn(states[master])!;
    const preempting = up.filter((i) => i !== master && !ds[i].nopreempt && priorityIn(states[i])! > mp);
    if (preempting.length === 0) return [master];
    return highest(preempting, states);
  }
  return highest(up, states);
}

function highest(candidates: number[], states: DirectorState[]): number[] {
  const top = Math.max(...candidates.map((i) => priorityIn(states[i])!));
  return candidates.filter((i) => priorityIn(states[i]) === top);
}

/**
 * Every holder a cold start of all directors can end with. vrrp_init_state() gives an owner and a
 * `state MASTER` instance a head start (a shorter first master-down timer), but only when no unweighted
 * script is still in its first run, and only if the others hear its first adverts: the scenarios saw a
 * BACKUP with unicast peers miss them and win a tie on its higher address. So the model does not count on
 * the head start: whoever becomes MASTER first, the others then preempt it or not.
 */
function startHolders(ds: Director[], states: DirectorState[]): number[] {
  const up = states.map((s, i) => (s.state === 'up' ? i : -1)).filter((i) => i >= 0);
  const result = new Set<number>();
  for (const f of up) for (const h of settle(ds, states, f)) result.add(h);
  return [...result].sort((a, b) => a - b);
}

export function failuresOf(ds: Director[]): Failure[] {
  const out: Failure[] = [];
  ds.forEach((d, i) => {
    for (const object of d.tracked) {
      if (object.effect === 'ignored' || object.effect === 'unmodelled') continue;
      out.push({ kind: 'tracked', label: `${object.kind} ${object.name} down on ${d.label}`, director: i, object });
    }
    for (const { instance, object } of d.siblingTracked) {
      out.push({ kind: 'tracked', label: `${object.kind} ${object.name} (${instance}) down on ${d.label}`, director: i, object });
    }
    out.push({ kind: 'interface-down', label: `${d.instance.iface?.value ?? 'interface'} down on ${d.label}`, director: i });
    out.push({ kind: 'director-down', label: `${d.label} stopped`, director: i });
  });
  return out;
}

function tieNote(ds: Director[], states: DirectorState[], holders: number[]): string | undefined {
  if (holders.length < 2) return undefined;
  if (ds.some((d) => d.syncWeighted)) return `sync group '${ds.find((d) => d.syncWeighted)!.syncGroup!.name}' keeps track weights (sync_group_tracking_weight) and its members' priorities can differ: keepalived then moves the group as one, which this model does not follow`;
  // vrrp_state_master_rx() on an advert from another priority-255 owner: 2.2.7 drops its own priority to
  // 254 (so whichever hears the other first yields); 2.4.3 yields only to a higher primary address
  if (holders.every((h) => ds[h].owner)) {
    return `${holders.map((h) => ds[h].label).join(', ')} are all address owners (priority 255): keepalived 2.2.7 lets the first that hears another drop to 254; 2.4.3 keeps the one with the higher primary address`;
  }
  const names = holders.map((h) => ds[h].label).join(', ');
  const nopreempt = ds.some((d) => d.nopreempt);
  return holders.every((h) => priorityIn(states[h]) === priorityIn(states[holders[0]]))
    ? `${names} have the same priority ${priorityIn(states[holders[0]])}: whichever becomes MASTER first keeps it${nopreempt ? '' : ' (if both do at once, the higher primary address wins)'}`
    : `depends on which director became MASTER first (nopreempt)`;
}

/** An outcome from a known holder before the failure. */
export function outcomeFrom(ds: Director[], failure: Failure, master: number | undefined): Outcome {
  const states = statesUnder(ds, failure);
  const holders = settle(ds, states, master);
  return { failure, states, holders, uncertain: tieNote(ds, states, holders) };
}

export function buildRouter(ds: Director[]): VirtualRouter {
  const none: Failure = { kind: 'none', label: 'no failure' };
  const states = statesUnder(ds, none);
  const start = startHolders(ds, states);
  const baseline: Outcome = { failure: none, states, holders: start, uncertain: tieNote(ds, states, start) };
  const outcomes: Outcome[] = [];
  for (const failure of failuresOf(ds)) {
    // from every possible holder: the union of what may happen
    const after = new Set<number>();
    const failed = statesUnder(ds, failure);
    for (const m of start.length ? start : [undefined]) for (const h of settle(ds, failed, m)) after.add(h);
    const holders = [...after].sort((a, b) => a - b);
    outcomes.push({ failure, states: failed, holders, uncertain: tieNote(ds, failed, holders) ?? (start.length > 1 ? 'depends on who held the VIPs before' : undefined) });
  }
  return {
    name: ds[0].instance.name,
    syncGroup: ds.find((d) => d.syncGroup)?.syncGroup?.name,
    directors: ds,
    deaf: deafPairs(ds, states),
    baseline,
    outcomes,
  };
}

/** The failover model of every virtual router of a cluster. */
export function failoverModel(cluster: Cluster): VirtualRouter[] {
  if (cluster.members.length < 2) return [];
  return routersOf(cluster).map(buildRouter);
}

export function rangeOfInstance(d: Director): Range {
  return d.instance.statement.keyword.range;
}

const MODELS = new WeakMap<Cluster, VirtualRouter[]>();

/**
 * What a model is made from: per member, its root and the views of its files that hold instances, scripts,
 * sync groups or track definitions. Views are cached per parsed file, so an edit elsewhere (a service file,
 * typically) leaves these the same objects and the last model stands.
 */
function inputsOf(cluster: Cluster): unknown[] {
  const out: unknown[] = [];
  for (const unit of cluster.members) {
    out.push(unit.root, unit.files.length);
    for (const view of unit.views.values()) {
      if (view.instances.length || view.scripts.length || view.syncGroups.length || view.trackFiles.length || view.trackProcesses.length) out.push(view);
    }
  }
  return out;
}

/** The last model of each set of roots, with what it was made from (bounded by the number of clusters). */
const LAST = new Map<string, { inputs: unknown[]; routers: VirtualRouter[] }>();

/** The model of a cluster: remembered per cluster object, and reused across analyses while its inputs stay the same objects. */
export function cachedFailoverModel(cluster: Cluster): VirtualRouter[] {
  let routers = MODELS.get(cluster);
  if (routers) return routers;
  const key = cluster.members.map((u) => u.root).join('\0');
  const inputs = inputsOf(cluster);
  const last = LAST.get(key);
  if (last && last.inputs.length === inputs.length && last.inputs.every((x, i) => x === inputs[i])) routers = last.routers;
  else {
    // clusters that no longer exist would keep their old ASTs alive: forget everything now and then
    if (LAST.size >= 64) LAST.clear();
    LAST.set(key, { inputs, routers: (routers = failoverModel(cluster)) });
  }
  MODELS.set(cluster, routers);
  return routers;
}
