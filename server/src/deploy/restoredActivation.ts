/**
 * Bringing keepalived back on a director whose previous config was just restored (a deploy's rollback or
 * the `rollback` command). A reload is not enough there: the config being undone may be what stopped
 * keepalived, and `systemctl reload` / `service … reload` refuse to act on a stopped service. So the
 * reload comes first (it keeps running VRRP state and connections), and a restart follows when the reload
 * failed or keepalived is not active afterwards.
 */
import type { DirectorSpec } from './clusterFile';
import type { ExecResult } from './ssh';
import * as ops from './remoteOps';

export type RestoredActivationStep = 'reload' | 'restart';

export interface RestoredActivation {
  ok: boolean;
  /** the last command that ran: the reload alone, or the restart after it */
  took: RestoredActivationStep;
  /** one line for the host's messages */
  detail: string;
}

interface Exec {
  exec(command: string, opts?: { ignoreCancel?: boolean }): Promise<ExecResult>;
}

const oneLine = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 2).join(' / ');

/** Same check as the deploy's verify: the service manager (or pidof) says keepalived runs. */
async function activeState(s: Exec): Promise<{ active: boolean; said: string }> {
  const r = await s.exec(ops.keepalivedActiveScript, { ignoreCancel: true });
  return { active: ops.keepalivedActive(r), said: oneLine(r.stdout + r.stderr) || `exit ${r.code}` };
}

export async function activateRestoredDirector(s: Exec, spec: Pick<DirectorSpec, 'reloadCommand' | 'restartCommand'>): Promise<RestoredActivation> {
  let why: string;
  try {
    const reload = await s.exec(ops.runReloadScript(spec.reloadCommand), { ignoreCancel: true });
    if (reload.code === 0) {
      const state = await activeState(s);
      if (state.active) return { ok: true, took: 'reload', detail: 'keepalived reloaded' };
      why = `keepalived was not active after the reload (${state.said})`;
    } else why = `the reload failed (exit ${reload.code}: ${oneLine(reload.stderr || reload.stdout)})`;
  } catch (err) {
    // A reload that timed out may have left keepalived anywhere; the restart puts it in a known state.
    why = `the reload failed (${(err as Error).message})`;
  }
  const restart = await s.exec(ops.runRestartScript(spec.restartCommand), { ignoreCancel: true });
  if (restart.code !== 0)
    return { ok: false, took: 'restart', detail: `${why}; the restart failed too (exit ${restart.code}: ${oneLine(restart.stderr || restart.stdout)})` };
  const state = await activeState(s);
  if (!state.active) return { ok: false, took: 'restart', detail: `${why}; after the restart keepalived is still not active (${state.said})` };
  return { ok: true, took: 'restart', detail: `keepalived restarted: ${why}` };
}
