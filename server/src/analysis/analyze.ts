import type { ConfigFile, Diagnostic, Position, Range } from '../syntax';
import { checkInstancesAcrossCluster } from './cluster/instanceChecks';
import { groupClusters, type Cluster, type DeclaredCluster, type GroupingOptions } from './cluster/grouping';
import { failoverDiagnostics } from './failover/diagnostics';
import { checkServicesAcrossCluster } from './cluster/serviceChecks';
import { blockIdInside } from './blockContext';
import { checkAgainstSchema } from './schemaCheck';
import { checkIncludes, includeChecks } from './semantic/includes';
import { capDiagnostics } from './diagnosticCap';
import { checkEndingBackslashes, checkLoneCarriageReturns } from './lineEndings';
import { checkParameterCalls } from './parameterCalls';
import { checkLineBuffer, type IgnoredText } from './lineBuffer';
import { checkLvs, checkServicesOnVips, vipAddresses } from './semantic/lvs';
import { checkConfigTestStops } from './semantic/configTestStops';
import { checkLvsForms } from './semantic/lvsForms';
import { checkLvsDefaults } from './semantic/lvsDefaults';
import { checkNames } from './semantic/names';
import { checkTrackGroups } from './semantic/trackGroups';
import { checkUnusedScripts } from './semantic/unusedScripts';
import { checkBfdInstances } from './semantic/bfdInstances';
import { checkSyncGroupOwners } from './semantic/syncGroupOwners';
import { checkGarpGroups } from './semantic/garpGroups';
import { checkInstanceInterfaces } from './semantic/instanceInterface';
import { checkVrrp } from './semantic/vrrp';
import { applySuppressions } from './suppressions';
import { checkVrrpSettings } from './semantic/vrrpSettings';
import { checkSyncGroupTracking } from './semantic/syncGroupTracking';
import { checkTrackProcesses } from './semantic/trackProcess';
import { checkIgnoredWeights } from './semantic/ignoredWeights';
import { checkInstanceFamilies } from './semantic/instanceFamily';
import { checkTrackingLines } from './semantic/trackingLines';
import { addressOptionFindings } from './semantic/addressOptions';
import { checkGlobalOptions } from './semantic/globalOptions';
import { checkLvsSettings } from './semantic/lvsSettings';
import { checkCheckers } from './semantic/checkers';
import { checkRoutes } from './semantic/routes';
import { checkEmptyConfig } from './semantic/emptyConfig';
import { configIdsOf } from './configIds';
import { checkHost } from './host/hostChecks';
import type { HostFacts } from './host/hostFacts';
import { buildUnit, skippedBlocks, type ConfigUnit, type FileDiagnostic } from './unit';
import type { Workspace } from './workspace';
import { isTemplatePath } from '../syntax/template';
import { keepsTemplateFinding } from './templateFindings';

export interface AnalysisOptions {
  /** target keepalived release: newer keywords are warned about */
  keepalivedVersion?: string;
  /** explicit clusters (lists of main config paths, or with the cluster file that declares them) */
  clusters?: readonly (readonly string[] | DeclaredCluster)[];
  /** the ids (`keepalived -i`) to check configs with `@id` lines as; by default the ids each one names */
  configIds?: readonly string[];
  /** which configs may be inferred to be one cluster (default: those in one directory) */
  clusterScope?: GroupingOptions['scopeOf'];
  /** the machine the configs run on: adds keepalived's host-dependent checks (off when absent) */
  host?: HostFacts;
}

export interface AnalysisResult {
  /** diagnostics per file, for every file of every unit (empty arrays included) */
  diagnostics: Map<string, Diagnostic[]>;
  units: ConfigUnit[];
  clusters: Cluster[];
}

/** Main configs are the files no other known file includes. */
export function mainConfigs(workspace: Workspace, candidates: readonly string[]): string[] {
  const included = new Set<string>();
  for (const path of candidates) for (const link of workspace.includes(path)) link.targets.forEach((t) => t !== path && included.add(t));
  return candidates.filter((p) => !included.has(p));
}

/** A finding of one config id's view (`configId`), or of the config as a whole. */
type ViewDiagnostic = FileDiagnostic & { configId?: string };

/** Runs every check over the given main configs (and what they include) and their clusters. */
export function analyze(workspace: Workspace, roots: readonly string[], options: AnalysisOptions = {}): AnalysisResult {
  // a config with @id lines is checked as each id it names reads it (unless one id was chosen for all)
  const views = roots.flatMap((root): { workspace: Workspace; root: string; configId?: string }[] => {
    const named = workspace.preprocessOptions.configId === undefined ? configIdsOf(workspace, root) : [];
    const ids = named.length && options.configIds?.length ? options.configIds : named;
    return ids.length ? ids.map((configId) => ({ workspace: workspace.forConfigId(configId), root, configId })) : [{ workspace, root, configId: undefined }];
  });
  const units: ConfigUnit[] = views.map((v) => (v.configId === undefined ? buildUnit(v.workspace, v.root) : { ...buildUnit(v.workspace, v.root), configId: v.configId }));
  const found: ViewDiagnostic[] = [];
  const files = new Set(units.flatMap((u) => u.files));
  const filesByWorkspace = new Map<Workspace, { files: Set<string>; configId?: string }>();
  views.forEach((view, i) => {
    const entry = filesByWorkspace.get(view.workspace) ?? { files: new Set<string>(), configId: view.configId };
    units[i].files.forEach((f) => entry.files.add(f));
    filesByWorkspace.set(view.workspace, entry);
  });

  // the linter reads every piece of a long line and every line with a NUL (as 2.2.7 does, up to the NUL);
  // findings on what the target release does not read go
  const ignored: (IgnoredText & { file: string })[] = [];
  for (const [ws, { files: wsFiles, configId }] of filesByWorkspace) {
    const contexts = includeContexts(ws, wsFiles);
    const checksAtIncludes = includeChecks(ws, wsFiles);
    for (const path of wsFiles) {
      const parsed = ws.parsed(path);
      if (!parsed) continue;
      for (const d of parsed.diagnostics) found.push({ file: path, configId, ...d });
      for (const d of cachedSchemaCheck(parsed, options.keepalivedVersion, contexts.get(path))) found.push({ file: path, configId, ...d });
      for (const d of addressOptionFindings(parsed.statements, options.keepalivedVersion)) found.push({ file: path, configId, ...d });
      for (const d of checkIncludes(ws, path, checksAtIncludes)) found.push({ ...d, configId });
      for (const d of checkLoneCarriageReturns(parsed)) found.push({ file: path, configId, ...d });
      for (const d of checkEndingBackslashes(parsed, options.keepalivedVersion)) found.push({ file: path, configId, ...d });
      for (const d of checkParameterCalls(parsed, options.keepalivedVersion)) found.push({ file: path, configId, ...d });
      const lineBuffer = checkLineBuffer(parsed, options.keepalivedVersion);
      for (const d of lineBuffer.diagnostics) found.push({ file: path, configId, ...d });
      for (const region of lineBuffer.ignored) ignored.push({ file: path, ...region });
    }
  }
  const tagged = (configId: string | undefined, list: FileDiagnostic[]) => list.map((d) => ({ ...d, configId }));
  for (const [ws, { files: wsFiles, configId }] of filesByWorkspace) found.push(...tagged(configId, checkRoutes([...wsFiles], ws, options.keepalivedVersion)));
  units.forEach((unit, i) => {
    const ws = views[i].workspace;
    found.push(...tagged(unit.configId, [...checkNames(unit), ...checkVrrp(unit), ...checkInstanceFamilies(unit), ...checkIgnoredWeights(unit), ...checkSyncGroupTracking(unit), ...checkTrackProcesses(unit), ...checkTrackingLines(unit), ...checkTrackGroups(unit), ...checkUnusedScripts(unit), ...checkBfdInstances(unit), ...checkLvs(unit), ...checkLvsDefaults(unit), ...checkLvsForms(unit), ...checkEmptyConfig(ws, unit)]));
    found.push(...tagged(unit.configId, [...checkVrrpSettings(unit, options.keepalivedVersion), ...checkInstanceInterfaces(unit, options.keepalivedVersion), ...checkSyncGroupOwners(unit), ...checkGarpGroups(unit), ...checkLvsSettings(unit), ...checkCheckers(unit, options.keepalivedVersion), ...checkGlobalOptions(unit, options.keepalivedVersion), ...checkConfigTestStops(unit, options.keepalivedVersion)]));
  });
  if (options.host) for (const unit of units) found.push(...tagged(unit.configId, checkHost(workspace, unit, options.host, options.keepalivedVersion)));

  dropSkippedBlockFindings(found, units);
  if (ignored.length > 0) {
    const inIgnoredPiece = (d: ViewDiagnostic) =>
      d.code !== 'line-too-long' && d.code !== 'syntax' && ignored.some((p) => p.file === d.file && p.line === d.range.start.line && p.startCharacter <= d.range.start.character && d.range.start.character < p.endCharacter);
    let kept = 0;
    for (const d of found) if (!inIgnoredPiece(d)) found[kept++] = d;
    found.length = kept;
  }

  const clusters = groupClusters(units, options.clusters, { scopeOf: options.clusterScope });
  for (const cluster of clusters) {
    const vips = new Map(cluster.members.flatMap((u) => [...vipAddresses(u)]));
    for (const unit of cluster.members) found.push(...tagged(unit.configId, checkServicesOnVips(unit, vips)));
    const compared = explained(cluster, [...checkInstancesAcrossCluster(cluster), ...checkServicesAcrossCluster(cluster)]);
    found.push(...compared, ...explained(cluster, failoverDiagnostics(cluster, compared)));
  }

  const diagnostics = new Map<string, Diagnostic[]>([...files].map((f) => [f, []]));
  const seen = new Set<string>();
  for (const { file, ...d } of mergeViews(found, units)) {
    const key = `${file}|${d.range.start.line}:${d.range.start.character}|${d.code}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (isTemplatePath(file)) {
      const parsed = workspace.parsed(file);
      if (parsed && !keepsTemplateFinding(parsed, d)) continue;
    }
    if (!diagnostics.has(file)) diagnostics.set(file, []);
    diagnostics.get(file)!.push(d);
  }
  for (const [file, list] of diagnostics) {
    const parsed = workspace.parsed(file);
    if (parsed && list.length + parsed.comments.length > 0) diagnostics.set(file, applySuppressions(parsed, list));
  }
  for (const [file, list] of diagnostics) {
    list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    diagnostics.set(file, capDiagnostics(list));
  }
  return { diagnostics, units, clusters };
}

/**
 * keepalived skips a repeated or nameless vrrp_instance or vrrp_sync_group unread: what the checks found in it
 * is about lines keepalived never reads, so only the findings that say why it is skipped stay (the repeated
 * name, or the missing one on the block's first line).
 */
function dropSkippedBlockFindings(found: ViewDiagnostic[], units: readonly ConfigUnit[]): void {
  const skipped = new Map<string, Range[]>();
  for (const unit of units) {
    for (const { file, item } of skippedBlocks(unit)) {
      const key = `${unit.configId ?? ''}|${file}`;
      skipped.set(key, [...(skipped.get(key) ?? []), item.range]);
    }
  }
  if (skipped.size === 0) return;
  const inside = (d: ViewDiagnostic, r: Range) => comparePositions(d.range.start, r.start) >= 0 && comparePositions(d.range.start, r.end) <= 0;
  const saysWhy = (d: ViewDiagnostic, r: Range) => d.code === 'duplicate-name' || (d.code === 'argument-count' && d.range.start.line === r.start.line);
  let kept = 0;
  for (const d of found) {
    const block = skipped.get(`${d.configId ?? ''}|${d.file}`)?.find((r) => inside(d, r));
    if (!block || saysWhy(d, block)) found[kept++] = d;
  }
  found.length = kept;
}

const comparePositions = (a: Position, b: Position) => a.line - b.line || a.character - b.character;

/**
 * One list from the findings of each config id's view: a finding every id that reads the file shares is
 * shown once as it is; one that only some ids see says which (keepalived -i ID reads it so).
 */
function mergeViews(found: readonly ViewDiagnostic[], units: readonly ConfigUnit[]): FileDiagnostic[] {
  const idsReading = new Map<string, Set<string>>();
  for (const unit of units) if (unit.configId !== undefined) for (const f of unit.files) idsReading.set(f, (idsReading.get(f) ?? new Set()).add(unit.configId));
  const byKey = new Map<string, { d: FileDiagnostic; ids: Set<string> }>();
  const out: FileDiagnostic[] = [];
  for (const { configId, ...d } of found) {
    if (configId === undefined) {
      out.push(d);
      continue;
    }
    const key = `${d.file}|${d.range.start.line}:${d.range.start.character}|${d.code}|${d.message}`;
    const seen = byKey.get(key);
    if (seen) seen.ids.add(configId);
    else byKey.set(key, { d, ids: new Set([configId]) });
  }
  for (const { d, ids } of byKey.values()) {
    const all = idsReading.get(d.file) ?? ids;
    const partial = [...all].some((id) => !ids.has(id));
    out.push(partial ? { ...d, message: `${d.message} (as keepalived -i ${[...ids].join(', ')} reads it)` } : d);
  }
  return out;
}

/** Every cross-file finding says why the files were compared, and how to say otherwise. */
function explained(cluster: Cluster, found: FileDiagnostic[]): FileDiagnostic[] {
  return cluster.reason ? found.map((d) => ({ ...d, message: `${d.message.replace(/\.$/, "")}. ${cluster.reason}` })) : found;
}

const schemaResults = new WeakMap<ConfigFile, Map<string, Diagnostic[]>>();

/** Schema findings depend only on the file's AST and two options: reuse them until the text changes. */
function cachedSchemaCheck(parsed: ConfigFile, keepalivedVersion: string | undefined, contextBlockId: string | undefined): Diagnostic[] {
  const key = `${keepalivedVersion ?? ''}|${contextBlockId ?? ''}`;
  let byKey = schemaResults.get(parsed);
  if (!byKey) schemaResults.set(parsed, (byKey = new Map()));
  let result = byKey.get(key);
  if (!result) byKey.set(key, (result = checkAgainstSchema(parsed, { keepalivedVersion, contextBlockId })));
  return result;
}

/** For each included file, the block its text lands in (the first include that names it wins). */
function includeContexts(workspace: Workspace, files: Set<string>): Map<string, string> {
  const contexts = new Map<string, string>();
  // files are visited includers first (each unit's closure is depth first), so nested includes see their
  // includer's own context
  for (const path of files) {
    for (const link of workspace.includes(path)) {
      const context = blockIdInside(link.statement.parent, contexts.get(path));
      for (const target of link.targets) if (!contexts.has(target) && target !== path) contexts.set(target, context);
    }
  }
  return contexts;
}
