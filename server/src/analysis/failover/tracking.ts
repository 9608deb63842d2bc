/**
 * What each tracked object does to one VRRP instance, by keepalived's rules: a weight moves the priority,
 * weight 0 puts the instance in FAULT, and some weights keepalived ignores or drops at load time.
 * Rules checked against keepalived 2.2.7 and 2.4.3 (identical there): vrrp.c vrrp_complete_instance()
 * and sync_group_tracking_init(); vrrp_track.c alloc_track_*(), process_script_update_priority().
 */
import type { Statement } from '../../syntax';
import type { SyncGroupView, VrrpInstanceView, VrrpScriptView } from '../../syntax/views';
import { includeDirective } from '../../schema';
import type { ConfigUnit } from '../unit';

export type TrackedKind = 'script' | 'interface' | 'process' | 'file' | 'bfd';

export interface TrackedObject {
  kind: TrackedKind;
  name: string;
  /** the weight keepalived uses after its load-time rules (0: a failure means FAULT) */
  weight: number;
  reverse: boolean;
  /** the line that tracks it (in the instance or its sync group) */
  statement: Statement;
  /** the object's effect once loaded */
  /** `unmodelled`: a BFD whose weight is set in its bfd_instance, which the model does not read */
  effect: 'fault' | 'weight' | 'ignored' | 'unmodelled';
  /** why keepalived ignores it, or changed its weight to 0 */
  note?: string;
  /** tracked by the sync group rather than the instance itself */
  fromSyncGroup?: string;
  /** the load-time rule that changed its weight: the instance's sync group without tracking weights, or priority 255 */
  changedBy?: 'sync-group' | 'owner';
}

const TRACK_KEYWORDS: Record<string, TrackedKind> = {
  track_script: 'script',
  track_interface: 'interface',
  track_process: 'process',
  track_file: 'file',
  track_bfd: 'bfd',
};

/** `NAME [weight N [reverse|noreverse]]` of one line of a track_* block; undefined parts come from the definition. */
function lineWeight(item: Statement): { weight?: number; reverse?: boolean } {
  const args = item.args.map((a) => a.text);
  const at = args.indexOf('weight');
  if (at < 0) return {};
  const weight = Number(args[at + 1]);
  const flag = args[at + 2];
  return { weight: Number.isInteger(weight) ? weight : undefined, reverse: flag === 'reverse' ? true : flag === 'noreverse' ? false : undefined };
}

/** A definition block's `weight N [reverse]` (vrrp_script, vrrp_track_process, track_file, track_bfd). */
export function definitionWeight(definition: Statement | undefined): { weight?: number; reverse: boolean } {
  const line = definition?.block?.statements.filter((s) => s.name === 'weight').pop();
  if (!line) return { reverse: false };
  const weight = Number(line.args[0]?.text);
  return { weight: Number.isInteger(weight) ? weight : undefined, reverse: line.args[1]?.text === 'reverse' };
}

/** the track_process and track_file definitions of a config, by `kind:name` (see TrackingContext) */
export function definitionsOf(unit: ConfigUnit): Map<string, Statement> {
  const out = new Map<string, Statement>();
  for (const view of unit.views.values()) {
    for (const d of view.trackProcesses) out.set(`process:${d.name}`, d.statement);
    for (const d of view.trackFiles) out.set(`file:${d.name}`, d.statement);
  }
  return out;
}

export interface TrackingContext {
  scripts: ReadonlyMap<string, VrrpScriptView>;
  /** vrrp_track_process / track_file / track_bfd definitions by kind and name */
  definitions: ReadonlyMap<string, Statement>;
  syncGroup?: SyncGroupView;
}

/** keepalived's weight range: alloc_track_*() reject outside -254..254 and turn ±254 into ±253. */
function clampWeight(w: number): number {
  if (w === 254) return 253;
  if (w === -254) return -253;
  return w;
}

function readTracks(owner: Statement, ctx: TrackingContext, fromSyncGroup?: string): TrackedObject[] {
  const out: TrackedObject[] = [];
  for (const block of owner.block?.statements ?? []) {
    const kind = Object.hasOwn(TRACK_KEYWORDS, block.name) ? TRACK_KEYWORDS[block.name] : undefined;
    if (!kind) continue;
    for (const item of block.block?.statements ?? []) {
      if (includeDirective(item.name)) continue; // what an include brings in is not modelled
      const own = lineWeight(item);
      let def: { weight?: number; reverse: boolean };
      if (kind === 'script') {
        const script = ctx.scripts.get(item.name);
        def = definitionWeight(script?.statement);
      } else if (kind === 'interface') def = { reverse: false };
      else def = definitionWeight(ctx.definitions.get(`${kind}:${item.name}`));
      // track_file's default weight is 1 (vrrp_track.c: "weight == 1 is the default"); the others' 0
      const defaultWeight = kind === 'file' ? 1 : 0;
      const weight = clampWeight(own.weight ?? def.weight ?? defaultWeight);
      const reverse = own.reverse ?? def.reverse;
      const defined = kind === 'script' ? ctx.scripts.has(item.name) : kind === 'process' || kind === 'file' ? ctx.definitions.has(`${kind}:${item.name}`) : true;
      if (!defined) {
        // alloc_track_script() & co. skip a name with no definition (the names check reports it)
        out.push({ kind, name: item.name, weight: 0, reverse: false, statement: item, effect: 'ignored', note: `no definition of that name`, fromSyncGroup });
        continue;
      }
      if (kind === 'bfd' && own.weight === undefined) {
        out.push({ kind, name: item.name, weight: 0, reverse, statement: item, effect: 'unmodelled', note: 'its weight comes from the bfd_instance, which the model does not read', fromSyncGroup });
        continue;
      }
      out.push({ kind, name: item.name, weight, reverse, statement: item, effect: weight === 0 ? 'fault' : 'weight', fromSyncGroup });
    }
  }
  return out;
}

/**
 * The tracked objects of an instance with keepalived's load-time rules applied (vrrp_complete_instance):
 * - its own interface in track_interface is dropped ("Ignoring track_interface ... since own interface");
 * - in a sync group without sync_group_tracking_weight, or at priority 255 (address owner): weighted
 *   scripts and BFDs are dropped; weighted interfaces become weight 0 (FAULT) in a sync group and are
 *   dropped for an owner; a track_file of weight 1 (the default, or written) becomes weight 0, any other weight drops it.
 *   track_process is not in that list: its weight stays.
 * - the sync group's own track_* apply to every member, weights kept unless a member is an owner, then 0
 *   (sync_group_tracking_init).
 */
export function trackedObjects(instance: VrrpInstanceView, base: number, ctx: TrackingContext, groupHasOwner: boolean): TrackedObject[] {
  const own = readTracks(instance.statement, ctx);
  const owner = base === 255;
  const group = ctx.syncGroup;
  const groupWeighted = group ? group.statement.block?.statements.some((s) => s.name === 'sync_group_tracking_weight' || s.name === 'global_tracking') : false;
  const syncNoWeight = group !== undefined && !groupWeighted;
  const why = syncNoWeight ? `sync group '${group!.name}' without sync_group_tracking_weight` : 'priority 255 (address owner)';
  for (const t of own) {
    if (t.kind === 'interface' && instance.iface && t.name === instance.iface.value) {
      t.effect = 'ignored';
      t.note = 'its own interface (keepalived tracks it anyway, unless dont_track_primary)';
      continue;
    }
    if (!(syncNoWeight || owner) || t.weight === 0 || t.kind === 'process' || t.effect === 'unmodelled') continue;
    t.changedBy = syncNoWeight ? 'sync-group' : 'owner';
    if (t.kind === 'interface') {
      if (syncNoWeight) Object.assign(t, { weight: 0, effect: 'fault', note: `weight set to 0: ${why}` });
      else Object.assign(t, { effect: 'ignored', note: `not tracked: ${why}` });
    } else if (t.kind === 'file' && t.weight === 1) {
      // keepalived takes weight 1 for the default, written or not ("specify weight 0")
      Object.assign(t, { weight: 0, effect: 'fault', note: `weight set to 0: ${why}` });
    } else {
      Object.assign(t, { effect: 'ignored', note: `weight ignored: ${why}` });
    }
  }
  return group ? [...own, ...syncGroupTracks(group, ctx, groupHasOwner)] : own;
}

/** A sync group's own track_* objects; keepalived sets their weights to 0 when a member is an address owner. */
export function syncGroupTracks(group: SyncGroupView, ctx: TrackingContext, groupHasOwner: boolean): TrackedObject[] {
  const tracks = readTracks(group.statement, ctx, group.name);
  for (const t of tracks) {
    if (groupHasOwner && t.weight !== 0) Object.assign(t, { weight: 0, effect: 'fault', note: 'weight set to 0: a member has priority 255', changedBy: 'owner' });
  }
  return tracks;
}

/**
 * The priority change a weighted object makes when it is in the given state (vrrp_track.c
 * process_script_update_priority / initialise_*_tracking_priorities): a positive weight is added while the
 * object is up, a negative one while it is down; `reverse` negates the change.
 */
export function weightContribution(t: TrackedObject, up: boolean): number {
  if (t.effect !== 'weight') return 0;
  const m = t.reverse ? -1 : 1;
  // a track_file adds its value times the weight (initialise_vrrp_file_tracking_priorities); the model's
  // failure of a file is the value 1, its healthy state 0
  if (t.kind === 'file') return up ? 0 : t.weight * m;
  if (t.weight > 0) return up ? t.weight * m : 0;
  return up ? 0 : t.weight * m;
}

/** Whether an unweighted object in this state faults the instance (reverse: faults while it is up). */
export function faults(t: TrackedObject, up: boolean): boolean {
  return t.effect === 'fault' && up === t.reverse;
}
