/**
 * Cluster status, the check an operator does by hand after a deploy: which director holds each VIP,
 * keepalived's state, the IPVS table where ipvsadm exists, and each real server's script status.
 */
import { isIP } from 'node:net';
import type { ClusterSpec } from './clusterFile';
import type { AnalysisFns } from './analysis';
import { drVips } from './plan';
import { SshSession, type SshCallbacks } from './ssh';
import * as ops from './remoteOps';
import { shellQuote } from './shellQuote';

export interface DirectorStatus {
  name: string;
  reachable: boolean;
  error?: string;
  keepalived?: string;
  heldVips: string[];
  ipvs?: string;
  /** SHA-256 of the config at the director's remotePath (absent when it could not be read) */
  deployedSha256?: string;
}

export interface RealServerStatus {
  name: string;
  reachable: boolean;
  error?: string;
  running?: boolean;
  output?: string;
}

export interface ClusterStatus {
  vips: { vip: string; heldBy: string[] }[];
  directors: DirectorStatus[];
  realServers: RealServerStatus[];
}

export async function clusterStatus(req: {
  spec: ClusterSpec;
  analysis?: Pick<AnalysisFns, 'configFacts'>;
  callbacks: SshCallbacks;
  signal?: AbortSignal;
}): Promise<ClusterStatus> {
  const vipSet = new Set<string>();
  const facts = req.spec.directors.flatMap((d) => {
    try {
      return req.analysis ? [req.analysis.configFacts(d.config)] : [];
    } catch {
      return [];
    }
  });
  for (const f of facts) for (const i of f.instances) for (const v of i.vips) if (isIP(v.replace(/\/\d+$/, ''))) vipSet.add(v.replace(/\/\d+$/, ''));
  for (const v of drVips(facts)) vipSet.add(v);
  for (const r of req.spec.realServers) for (const v of r.vips ?? []) vipSet.add(v);
  const vips = [...vipSet];

  const directors = await Promise.all(
    req.spec.directors.map(async (d): Promise<DirectorStatus> => {
      let s: SshSession | undefined;
      try {
        s = await SshSession.connect(d, req.spec.ssh, req.callbacks, req.signal);
        const active = await s.exec(ops.keepalivedActiveScript);
        const addrs = await s.exec(ops.addressesScript);
        const ipvs = await s.exec(ops.ipvsScript);
        const digest = await s.exec(`sha256sum -- ${shellQuote(d.remotePath)}`);
        return {
          deployedSha256: digest.code === 0 ? /^[0-9a-f]{64}/.exec(digest.stdout)?.[0] : undefined,
          name: d.name,
          reachable: true,
          keepalived: active.stdout.trim() || `exit ${active.code}`,
          heldVips: vips.filter((v) => ops.addressPresent(addrs.stdout, v)),
          ipvs: ipvs.stdout.includes(ops.MARK_NO_IPVSADM) ? undefined : (ipvs.stdout + ipvs.stderr).trim(),
        };
      } catch (err) {
        return { name: d.name, reachable: false, error: (err as Error).message, heldVips: [] };
      } finally {
        s?.close();
      }
    }),
  );
  const realServers = await Promise.all(
    req.spec.realServers.map(async (r): Promise<RealServerStatus> => {
      let s: SshSession | undefined;
      try {
        s = await SshSession.connect(r, req.spec.ssh, req.callbacks, req.signal);
        const st = await s.exec(ops.realserverActionScript(r.scriptPath, 'status'));
        return { name: r.name, reachable: true, running: st.code === 0, output: (st.stdout + st.stderr).trim() };
      } catch (err) {
        return { name: r.name, reachable: false, error: (err as Error).message };
      } finally {
        s?.close();
      }
    }),
  );
  return {
    vips: vips.map((vip) => ({ vip, heldBy: directors.filter((d) => d.heldVips.includes(vip)).map((d) => d.name) })),
    directors,
    realServers,
  };
}

export function formatStatus(st: ClusterStatus): string {
  const out: string[] = [];
  for (const v of st.vips)
    out.push(`VIP ${v.vip}: ${v.heldBy.length === 0 ? 'held by no director' : v.heldBy.length > 1 ? `held by SEVERAL directors: ${v.heldBy.join(', ')}` : `held by ${v.heldBy[0]}`}`);
  for (const d of st.directors) {
    if (!d.reachable) {
      out.push(`director ${d.name}: unreachable: ${d.error}`);
      continue;
    }
    out.push(`director ${d.name}: keepalived ${d.keepalived}; VIPs here: ${d.heldVips.join(', ') || 'none'}`);
    if (d.ipvs) out.push(...d.ipvs.split('\n').map((l) => `  ${l}`));
  }
  for (const r of st.realServers)
    out.push(r.reachable ? `real server ${r.name}: ${r.running ? 'running' : 'NOT running'}` : `real server ${r.name}: unreachable: ${r.error}`);
  return out.join('\n');
}
