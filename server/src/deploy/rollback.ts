/**
 * The `rollback` command: every host gets back the newest backup of its target
 * (the file being replaced is kept beside it), then keepalived reloads (restarts when the reload does not
 * leave it active, see restoredActivation) / the script starts again.
 * Same order as a deploy: real servers, BACKUP directors, MASTER.
 */
import type { ClusterSpec } from './clusterFile';
import type { AnalysisFns } from './analysis';
import { commitWaves, roleFromFacts, type HostPlan } from './plan';
import { SshSession } from './ssh';
import { Redactor } from './redact';
import type { DeployEvents } from './engine';
import * as ops from './remoteOps';
import { activateRestoredDirector, type RestoredActivationStep } from './restoredActivation';

export interface RollbackHostResult {
  name: string;
  ok: boolean;
  restoredFrom?: string;
  /** directors: whether the reload brought keepalived back or it took a restart */
  activation?: RestoredActivationStep;
  message: string;
}

export async function rollback(req: {
  spec: ClusterSpec;
  analysis?: Pick<AnalysisFns, 'configFacts'>;
  events: DeployEvents;
  signal?: AbortSignal;
  now?: () => Date;
}): Promise<{ ok: boolean; hosts: RollbackHostResult[] }> {
  const redactor = new Redactor();
  const log = (l: string) => req.events.log(redactor.redact(l));
  const plans: HostPlan[] = [
    ...req.spec.directors.map((d): HostPlan => {
      let role = d.role;
      if (!role && req.analysis) {
        try {
          role = roleFromFacts(req.analysis.configFacts(d.config));
        } catch {
          role = 'BACKUP';
        }
      }
      return { spec: d, role: role ?? 'BACKUP', target: d.remotePath, content: '', mode: '644', vips: [] };
    }),
    ...req.spec.realServers.map((r): HostPlan => ({ spec: r, role: 'REALSERVER', target: r.scriptPath, content: '', mode: '755', vips: [] })),
  ];
  const stamp = (req.now ?? (() => new Date()))().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const results = new Map<string, RollbackHostResult>();
  const sessions = new Map<string, SshSession>();
  const callbacks = {
    confirmHostKey: req.events.confirmHostKey,
    askSecret: req.events.askSecret,
    onSecret: (v: string) => redactor.addSecret(v),
  };
  await Promise.all(
    plans.map(async (p) => {
      try {
        sessions.set(p.spec.name, await SshSession.connect(p.spec, req.spec.ssh, callbacks, req.signal));
      } catch (err) {
        results.set(p.spec.name, { name: p.spec.name, ok: false, message: (err as Error).message });
      }
    }),
  );
  try {
    for (const wave of commitWaves(plans)) {
      await Promise.all(
        wave.map(async (p) => {
          const s = sessions.get(p.spec.name);
          if (!s) return;
          const name = p.spec.name;
          const r = await s.exec(ops.restoreLatestScript(p.target, stamp));
          if (r.code !== 0) {
            results.set(name, { name, ok: false, message: r.stderr.trim() || `restore failed (exit ${r.code})` });
            return;
          }
          const from = r.stdout.trim().split('\n').at(-1);
          if (p.spec.kind === 'director') {
            const a = await activateRestoredDirector(s, p.spec);
            results.set(name, { name, ok: a.ok, restoredFrom: from, activation: a.took, message: `restored ${p.target} from ${from}${a.ok ? '; ' : ', but '}${a.detail}` });
            return;
          }
          const act = await s.exec(ops.realserverActionScript(p.target, 'start'));
          results.set(name, {
            name,
            ok: act.code === 0,
            restoredFrom: from,
            message:
              act.code === 0
                ? `restored ${p.target} from ${from}`
                : `restored ${p.target} from ${from}, but start failed: ${(act.stderr || act.stdout).trim()}`,
          });
        }),
      );
    }
  } finally {
    for (const s of sessions.values()) s.close();
  }
  const hosts = plans.map((p) => results.get(p.spec.name) ?? { name: p.spec.name, ok: false, message: 'not reached' });
  for (const h of hosts) log(`[${h.name}] ${h.message}`);
  return { ok: hosts.every((h) => h.ok), hosts };
}
