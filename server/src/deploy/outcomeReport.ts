/**
 * What a finished deploy means for the person or script that started it: the CLI's exit code and the
 * one-line message the VS Code command shows. Kept here so both front ends say the same thing.
 */
import type { DeployResult } from './engine';

/** CLI exit codes, documented in cli.ts. */
export function deployExitCode(res: DeployResult): number {
  if (res.hosts.some((h) => h.state === 'unknown')) return 5;
  if (res.hosts.some((h) => h.state === 'rollback-failed')) return 4;
  if (res.outcome === 'locked') return 6;
  if (res.outcome === 'cancelled') return 130;
  return res.ok ? 0 : 1;
}

/** Hosts this run put back (or tried to), each with the reason. */
export function rolledBackHosts(res: DeployResult): { name: string; ok: boolean; why: string }[] {
  return res.hosts
    .filter((h) => h.state === 'rolled-back' || h.state === 'rollback-failed')
    .map((h) => ({ name: h.name, ok: h.state === 'rolled-back', why: h.rollbackReason ?? '' }));
}

/** The message for a run that did not succeed: the first problem, then what was put back and what could not be. */
export function deployFailureMessage(res: DeployResult): string {
  const cause = res.problems[0] ?? res.hosts.map((h) => `${h.name}: ${h.state}`).join(', ');
  const back = rolledBackHosts(res);
  const restored = back.filter((h) => h.ok).map((h) => h.name);
  const stuck = back.filter((h) => !h.ok).map((h) => h.name);
  const unknown = res.hosts.filter((h) => h.state === 'unknown').map((h) => h.name);
  let text = `Deploy ${res.outcome}: ${cause}`;
  if (restored.length) text += `. Rolled back from their backups: ${restored.join(', ')}`;
  if (stuck.length) text += `. ROLLBACK FAILED on ${stuck.join(', ')}: check by hand`;
  if (unknown.length) text += `. STATE UNKNOWN on ${unknown.join(', ')} (the switch was interrupted and could not be checked): check by hand`;
  return text;
}
