/**
 * A deploy's outcome told so that a user can act on it: what the run was (deploy or dry run) and how it
 * ended in words, every host with its state and last message, and for each kind of failure what to do.
 * The VS Code command shows it; the log lines get a level (logLevelOf) so failures stand out.
 */
import type { DeployResult, HostResult, HostState, Outcome } from './engine';

const ENDINGS: Record<Outcome, string> = {
  'lint-errors': 'stopped: the configs have lint errors, nothing was sent',
  'plan-errors': 'stopped: the cluster file and configs do not make a plan, nothing was sent',
  'connect-failed': 'stopped: could not connect to every host, nothing was changed',
  locked: 'stopped: another deploy holds a host, nothing was changed',
  'preflight-failed': 'stopped: a host failed the pre-flight checks (keepalived version, IPVS, service), nothing was changed',
  'empty-config': 'stopped: a config removes every instance or VIP of a director (confirm with --allow-empty), nothing was sent',
  'stage-failed': 'stopped: a config could not be staged or failed keepalived -t, nothing was changed',
  'dry-run': 'finished: every config validated, nothing was changed',
  'commit-failed': 'failed while installing the configs',
  cancelled: 'cancelled',
  'verify-failed': 'failed verification after installing the configs',
  deployed: 'finished: every host runs the new config',
};

const STATES: Record<HostState, string> = {
  untouched: 'unchanged',
  staged: 'staged',
  committed: 'installed',
  failed: 'FAILED',
  'rolled-back': 'rolled back',
  'rollback-failed': 'ROLLBACK FAILED',
  unknown: 'STATE UNKNOWN: check by hand',
};

/** What to do about one host's last message, when we know. */
export function adviceFor(message: string): string | undefined {
  if (/authentication failed|no way to authenticate|identity file|passphrase/.test(message))
    return 'give the host a key: "identityFile" on the director (or under "ssh" for all), or "ssh": { "agent": true } with ssh-agent holding the key, or "password": true';
  if (/HAS CHANGED|is revoked/.test(message)) return 'the host key differs from known_hosts: find out why before you remove the old entry or pin the new one as "hostKey"';
  if (/host key .* is unknown/.test(message)) return 'accept the host key when asked, or pin its SHA256 fingerprint as "hostKey" in keepalived-cluster.json';
  if (/timed out|ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|cannot connect/.test(message))
    return 'check the "host" and "port" in keepalived-cluster.json, that sshd runs there and that this machine can reach it';
  if (/keepalived -t|validate|config.*(invalid|rejected)/i.test(message)) return 'the host\'s keepalived rejected the config: see the Keepalived output for its messages';
  if (/ROLLBACK FAILED/.test(message)) return 'log in to the host and restore the config by hand';
  return undefined;
}

function hostLine(h: HostResult): string {
  const last = h.messages.at(-1);
  const advice = last && h.state !== 'committed' ? adviceFor(last) : undefined;
  return `${h.name} (${h.role}): ${STATES[h.state]}${last ? ` — ${last}` : ''}${advice ? `\n    → ${advice}` : ''}`;
}

export interface ActionableReport {
  /** one line for a notification */
  summary: string;
  /** every host, then the lint errors or plan problems, each with what to do */
  detail: string;
}

export function actionableReport(res: DeployResult, dryRun: boolean): ActionableReport {
  const failing = res.hosts.filter((h) => h.state === 'failed' || h.state === 'rollback-failed' || (res.outcome === 'connect-failed' && h.messages.length > 0));
  const who = failing.length ? ` (${failing.map((h) => h.name).join(', ')})` : '';
  const summary = `${dryRun ? 'Dry run' : 'Deploy'} ${ENDINGS[res.outcome]}${res.ok ? '' : who}.`;
  const lines = res.hosts.map(hostLine);
  if (res.outcome === 'lint-errors') lines.push('Lint errors (fix them, or choose Deploy Anyway):', ...res.problems.map((p) => `  ${p}`));
  if (res.outcome === 'plan-errors') lines.push('Plan problems (fix keepalived-cluster.json or the configs):', ...res.problems.map((p) => `  ${p}`));
  return { summary, detail: lines.join('\n') };
}

export type LogLevel = 'error' | 'warn' | 'info';

/** The level a deploy log line belongs at in an editor's log. */
export function logLevelOf(line: string): LogLevel {
  if (/ROLLBACK FAILED/.test(line)) return 'error';
  if (/rolled back|\bcancel|overridden|\bwarning\b/i.test(line)) return 'warn';
  if (/\bfailed\b|\berror\b|refusing|not trusted|HAS CHANGED|cannot /i.test(line) && !/\b0 error/.test(line)) return 'error';
  return 'info';
}
