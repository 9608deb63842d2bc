import type { ConfigFile, Diagnostic } from '../syntax';
import { checkInstancesAcrossCluster } from './cluster/instanceChecks';
import { groupClusters, type Cluster } from './cluster/grouping';
import { checkServicesAcrossCluster } from './cluster/serviceChecks';
import { blockIdInside } from './blockContext';
import { checkAgainstSchema } from './schemaCheck';
import { checkIncludes } from './semantic/includes';
import { checkLvs, checkServicesOnVips, vipAddresses } from './semantic/lvs';
import { checkLvsForms } from './semantic/lvsForms';
import { checkNames } from './semantic/names';
import { checkVrrp } from './semantic/vrrp';
import { checkHost } from './host/hostChecks';
import type { HostFacts } from './host/hostFacts';
import { buildUnit, type ConfigUnit, type FileDiagnostic } from './unit';
import type { Workspace } from './workspace';

export interface AnalysisOptions {
  /** target keepalived release: newer keywords are warned about */
  keepalivedVersion?: string;
  /** explicit clusters (lists of main config paths), e.g. from the cluster file */
  clusters?: readonly (readonly string[])[];
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

/** Runs every check over the given main configs (and what they include) and their clusters. */
export function analyze(workspace: Workspace, roots: readonly string[], options: AnalysisOptions = {}): AnalysisResult {
  const units = roots.map((root) => buildUnit(workspace, root));
  const found: FileDiagnostic[] = [];
  const files = new Set(units.flatMap((u) => u.files));
  const contexts = includeContexts(workspace, files);

  for (const path of files) {
    const parsed = workspace.parsed(path);
    if (!parsed) continue;
    for (const d of parsed.diagnostics) found.push({ file: path, ...d });
    for (const d of cachedSchemaCheck(parsed, options.keepalivedVersion, contexts.get(path))) found.push({ file: path, ...d });
    found.push(...checkIncludes(workspace, path));
  }
  for (const unit of units) found.push(...checkNames(unit), ...checkVrrp(unit), ...checkLvs(unit), ...checkLvsForms(unit));
  if (options.host) for (const unit of units) found.push(...checkHost(workspace, unit, options.host, options.keepalivedVersion));

  const clusters = groupClusters(units, options.clusters);
  for (const cluster of clusters) {
    const vips = new Set(cluster.members.flatMap((u) => [...vipAddresses(u)]));
    for (const unit of cluster.members) found.push(...checkServicesOnVips(unit, vips));
    found.push(...checkInstancesAcrossCluster(cluster), ...checkServicesAcrossCluster(cluster));
  }

  const diagnostics = new Map<string, Diagnostic[]>([...files].map((f) => [f, []]));
  const seen = new Set<string>();
  for (const { file, ...d } of found) {
    const key = `${file}|${d.range.start.line}:${d.range.start.character}|${d.code}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!diagnostics.has(file)) diagnostics.set(file, []);
    diagnostics.get(file)!.push(d);
  }
  for (const list of diagnostics.values()) list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { diagnostics, units, clusters };
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
