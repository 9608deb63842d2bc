/**
 * Turns the cluster spec plus the workspace configs into what each host will receive:
 * file content, target path, role (for the commit order) and the real servers' VIPs.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { ClusterSpec, DirectorSpec, RealServerSpec } from './clusterFile';
import type { AnalysisFns, ConfigFacts } from './analysis';
import { renderRealserverScript } from './realserverScript';

export type Role = 'MASTER' | 'BACKUP' | 'REALSERVER';

export interface HostPlan {
  spec: DirectorSpec | RealServerSpec;
  role: Role;
  target: string;
  content: string;
  /** mode for a file that did not exist before */
  mode: '644' | '755';
  /** MASTER: the VIPs it should hold after the reload; real server: the VIPs the script binds */
  vips: string[];
  /** directors: what the config declares (the empty-config guard reads it) */
  facts?: ConfigFacts;
}

export interface Plan {
  hosts: HostPlan[];
  errors: string[];
}

const stripPrefix = (a: string) => a.replace(/\/\d+$/, '');

export function roleFromFacts(facts: ConfigFacts | undefined): 'MASTER' | 'BACKUP' {
  return facts?.instances.some((i) => i.state?.toUpperCase() === 'MASTER') ? 'MASTER' : 'BACKUP';
}

/** VIPs of the DR virtual servers across the directors' configs (virtual_server_group and fwmark ones have no address). */
export function drVips(allFacts: ConfigFacts[]): string[] {
  const vips = new Set<string>();
  for (const facts of allFacts)
    for (const vs of facts.virtualServers)
      if (vs.address && vs.lbKind?.toUpperCase() === 'DR' && isIP(vs.address)) vips.add(vs.address);
  return [...vips];
}

export function buildPlan(spec: ClusterSpec, analysis: Pick<AnalysisFns, 'configFacts'> | undefined): Plan {
  const errors: string[] = [];
  const hosts: HostPlan[] = [];
  const factsByDirector = new Map<string, ConfigFacts>();
  for (const d of spec.directors) {
    let content: string;
    try {
      content = readFileSync(d.config, 'utf8');
    } catch (err) {
      errors.push(`${d.name}: cannot read ${d.config}: ${(err as Error).message}`);
      continue;
    }
    let facts: ConfigFacts | undefined;
    if (analysis) {
      try {
        facts = analysis.configFacts(d.config);
        factsByDirector.set(d.name, facts);
      } catch (err) {
        errors.push(`${d.name}: cannot analyse ${d.config}: ${(err as Error).message}`);
      }
    } else if (!d.role) errors.push(`${d.name}: set "role" in the cluster file (config analysis is unavailable)`);
    const role = d.role ?? roleFromFacts(facts);
    const vips = [...new Set((facts?.instances ?? []).flatMap((i) => i.vips.map(stripPrefix)))].filter((v) => isIP(v));
    hosts.push({ spec: d, role, target: d.remotePath, content, mode: '644', vips, facts });
  }
  const defaultVips = drVips([...factsByDirector.values()]);
  for (const r of spec.realServers) {
    const vips = r.vips ?? defaultVips;
    if (vips.length === 0) {
      errors.push(`${r.name}: no VIPs: the directors' configs have no DR virtual_server with an address; list "vips"`);
      continue;
    }
    hosts.push({ spec: r, role: 'REALSERVER', target: r.scriptPath, content: renderRealserverScript(vips), mode: '755', vips });
  }
  return { hosts, errors };
}

/** Real servers first (they must accept VIP traffic before a director sends it), then BACKUPs, then the MASTER. */
export function commitWaves(hosts: HostPlan[]): HostPlan[][] {
  return (['REALSERVER', 'BACKUP', 'MASTER'] as const)
    .map((role) => hosts.filter((h) => h.role === role))
    .filter((wave) => wave.length > 0);
}
