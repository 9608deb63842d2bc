/**
 * The `rollback` command: every host gets back the file that was live before the last deploy that
 * succeeded on it, as that deploy's manifest records it (see manifest.ts), checked by digest: the live
 * file must still be the one that deploy installed, and the backup the one it took. Then keepalived
 * reloads (restarts when the reload does not leave it active, see restoredActivation) / the script starts
 * again. The host's deploy lock is held throughout. Same order as a deploy: real servers, BACKUP
 * directors, MASTER. Every host is checked before any is restored (all or nothing). The manifest is marked
 * rolled back, so a second rollback goes one deploy further.
 */
import type { ClusterSpec } from './clusterFile';
import type { AnalysisFns } from './analysis';
import { commitWaves, roleFromFacts, type HostPlan } from './plan';
import { SshSession } from './ssh';
import { Redactor } from './redact';
import type { DeployEvents } from './engine';
import * as ops from './remoteOps';
import * as files from './remoteFiles';
import { holderName, LockBusy, takeLock, type HeldLock } from './hostLock';
import { fileDigestScript, liveDigestScript, markRolledBackScript, parseLatestManifest, readLatestManifestScript, type DeployManifest } from './manifest';
import { randomBytes } from 'node:crypto';
import { activateRestoredDirector, type RestoredActivationStep } from './restoredActivation';

export interface RollbackHostResult {
  name: string;
  ok: boolean;
  restoredFrom?: string;
  /** the deploy undone: its run id and time */
  undid?: { run: string; at: string };
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
  const at = (req.now ?? (() => new Date()))();
  const holder = holderName(`rollback-${randomBytes(4).toString('hex')}`, at);
  const results = new Map<string, RollbackHostResult>();
  const sessions = new Map<string, SshSession>();
  const locks: HeldLock[] = [];
  const callbacks = {
    confirmHostKey: req.events.confirmHostKey,
    askSecret: req.events.askSecret,
    onSecret: (v: string) => redactor.addSecret(v),
  };
  await Promise.all(
    plans.map(async (p) => {
      try {
        const s = await SshSession.connect(p.spec, req.spec.ssh, callbacks, req.signal);
        sessions.set(p.spec.name, s);
        locks.push(await takeLock(s, p.target, holder));
      } catch (err) {
        const message = err instanceof LockBusy ? `another deploy is running on this host: ${err.holder}` : (err as Error).message;
        results.set(p.spec.name, { name: p.spec.name, ok: false, message });
        sessions.delete(p.spec.name);
      }
    }),
  );
  try {
    // All or nothing: every host is reached, locked and checked (its last deploy's manifest, the live file
    // and the backup by digest) before any is restored, so a rollback never leaves the cluster split.
    const checked = new Map<string, Checked>();
    if (results.size === 0)
      await Promise.all(
        plans.map(async (p) => {
          const c = await checkOne(sessions.get(p.spec.name)!, p).catch((err) => ({ problem: { name: p.spec.name, ok: false, message: `cannot check: ${(err as Error).message}` } }));
          checked.set(p.spec.name, c);
          if (c.problem) results.set(p.spec.name, c.problem);
        }),
      );
    if (results.size === 0)
      for (const wave of commitWaves(plans))
        await Promise.all(
          wave.map(async (p) =>
            results.set(
              p.spec.name,
              await restoreOne(sessions.get(p.spec.name)!, p, checked.get(p.spec.name)!.plan!).catch((err) => ({
                name: p.spec.name,
                ok: false,
                message: `rollback failed: ${(err as Error).message}; check this host by hand`,
              })),
            ),
          ),
        );
  } finally {
    await Promise.all(locks.map((l) => l.release()));
    for (const s of sessions.values()) s.close();
  }
  const hosts = plans.map((p) => results.get(p.spec.name) ?? { name: p.spec.name, ok: false, message: 'not rolled back: another host could not be reached, locked or checked' });
  for (const h of hosts) log(`[${h.name}] ${h.message}`);
  return { ok: hosts.every((h) => h.ok), hosts };
}

interface Checked {
  plan?: { file: string; manifest: DeployManifest & { backup: string } };
  problem?: RollbackHostResult;
}

/** Reads the host's last deploy manifest and checks the live file and the backup against its digests. */
async function checkOne(s: SshSession, p: HostPlan): Promise<Checked> {
  const name = p.spec.name;
  const latest = parseLatestManifest((await s.exec(readLatestManifestScript(p.target))).stdout);
  if (!latest) return { problem: { name, ok: false, message: `no deploy of ${p.target} is recorded on this host; nothing restored` } };
  const m = latest.manifest;
  const undid = { run: m.run, at: m.at };
  const live = (await s.exec(liveDigestScript(p.target))).stdout.trim();
  if (live !== m.installedSha256)
    return { problem: { name, ok: false, undid, message: `${p.target} is not the file deploy ${m.run} (${m.at}) installed (it changed since); nothing restored, check by hand` } };
  if (m.backup === null || m.backupSha256 === null)
    return { problem: { name, ok: false, undid, message: `deploy ${m.run} (${m.at}) created ${p.target} (there was no file before); nothing to restore` } };
  const backupSha = (await s.exec(fileDigestScript(m.backup))).stdout.trim();
  if (backupSha !== m.backupSha256)
    return { problem: { name, ok: false, undid, message: `the backup ${m.backup} of deploy ${m.run} is ${backupSha === 'none' ? 'gone' : 'not the file that deploy saved'}; nothing restored` } };
  return { plan: { file: latest.file, manifest: { ...m, backup: m.backup } } };
}

async function restoreOne(s: SshSession, p: HostPlan, checked: NonNullable<Checked['plan']>): Promise<RollbackHostResult> {
  const name = p.spec.name;
  const m = checked.manifest;
  const undid = { run: m.run, at: m.at };
  const r = await s.exec(files.restoreScript(p.target, m.backup, true), { ignoreCancel: true });
  if (r.code !== 0) return { name, ok: false, undid, message: r.stderr.trim() || `restore failed (exit ${r.code})` };
  await s.exec(markRolledBackScript(p.target, checked.file), { ignoreCancel: true });
  const what = `restored ${p.target} from ${m.backup} (live before deploy ${m.run} of ${m.at})`;
  if (p.spec.kind === 'director') {
    const a = await activateRestoredDirector(s, p.spec);
    return { name, ok: a.ok, restoredFrom: m.backup, undid, activation: a.took, message: `${what}${a.ok ? '; ' : ', but '}${a.detail}` };
  }
  const act = await s.exec(ops.realserverActionScript(p.target, 'start'), { ignoreCancel: true });
  return {
    name,
    ok: act.code === 0,
    restoredFrom: m.backup,
    undid,
    message: act.code === 0 ? what : `${what}, but start failed: ${(act.stderr || act.stdout).trim()}`,
  };
}
