/** Shared plumbing for the deploy tests: events that record everything, and lab resets. */
import { readFileSync, rmSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { parseClusterFile, type ClusterSpec } from '../../server/src/deploy/clusterFile';
import type { DeployEvents } from '../../server/src/deploy/engine';
import type { HostKeyVerdict } from '../../server/src/deploy/hostKeys';
import type { SecretRequest } from '../../server/src/deploy/ssh';
import type { TestLab } from './sshHosts';
import { knownHostsLines } from './sshHosts';

export interface Recorder extends DeployEvents {
  lines: string[];
  progressEvents: { host: string; message: string; at: number }[];
  hostKeyQuestions: { host: string; verdict: HostKeyVerdict }[];
  secretQuestions: SecretRequest[];
}

export function recorder(opts: { trust?: boolean; secrets?: Partial<Record<SecretRequest['kind'], string>>; onProgress?: (host: string, message: string) => void } = {}): Recorder {
  const r: Recorder = {
    lines: [],
    progressEvents: [],
    hostKeyQuestions: [],
    secretQuestions: [],
    log: (line) => r.lines.push(line),
    progress: (host, message) => {
      r.progressEvents.push({ host, message, at: performance.now() });
      opts.onProgress?.(host, message);
    },
    confirmHostKey: async (host, verdict) => {
      r.hostKeyQuestions.push({ host, verdict });
      return opts.trust ?? false;
    },
    askSecret: async (req) => {
      r.secretQuestions.push(req);
      return opts.secrets?.[req.kind];
    },
  };
  return r;
}

export function specOf(text: string, baseDir: string): ClusterSpec {
  const parsed = parseClusterFile(text, baseDir);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.spec;
}

/** Every host back to empty: no deployed files, no stand-in log, no VIP on the real servers' lo, known keys trusted. */
export function resetLab(lab: TestLab): void {
  for (const h of lab.hosts) {
    rmSync(join(h.dir, 'etc'), { recursive: true, force: true });
    rmSync(join(h.dir, 'sbin'), { recursive: true, force: true });
    writeFileSync(join(h.dir, 'standin.log'), '');
    h.failReload(undefined);
    h.inactiveWhen(undefined);
    h.stopsWhen(undefined);
    h.ipvsMissing(false);
    for (const hook of ['mv-then-drop', 'mv-then-cut', 'validate-then-cut', 'reload-blocks'] as const) h.hook(hook, false);
    h.inNs('ip', 'link', 'set', 'eth0', 'up');
    h.inNs('ip', 'addr', 'flush', 'dev', 'lo', 'scope', 'global');
  }
  writeFileSync(lab.knownHosts, knownHostsLines(lab.hosts));
}

export const read = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined);

/** Files in the target's directory, to spot staged leftovers and backups. */
export const siblings = (p: string) => (existsSync(dirname(p)) ? readdirSync(dirname(p)).sort() : []);
