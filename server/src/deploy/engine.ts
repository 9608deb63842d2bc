/**
 * Deploy orchestration, shared by the VS Code command and the CLI:
 * lint → plan → connect (all hosts, in parallel) → stage + validate + diff → commit in waves → verify.
 * Nothing on any host changes before every host has staged cleanly; a failure after commit (activation
 * or verify) puts every host changed in this run back from its backup, MASTER first.
 */
import { randomBytes } from 'node:crypto';
import type { ClusterSpec } from './clusterFile';
import type { AnalysisFns, FileDiagnostic } from './analysis';
import { buildPlan, commitWaves, type HostPlan, type Role } from './plan';
import { SshError, SshSession, type SshCallbacks } from './ssh';
import { Redactor } from './redact';
import { unifiedDiff } from './diff';
import * as ops from './remoteOps';
import { activateRestoredDirector, type RestoredActivationStep } from './restoredActivation';

export interface DeployEvents extends SshCallbacks {
  /** one line of the full log; already masked */
  log(line: string): void;
  /** short per-host progress for a notification or a status line */
  progress(host: string, message: string): void;
}

export interface DeployRequest {
  spec: ClusterSpec;
  analysis?: AnalysisFns;
  dryRun?: boolean;
  forceLintErrors?: boolean;
  events: DeployEvents;
  signal?: AbortSignal;
  redactor?: Redactor;
  now?: () => Date;
  /** how long verify waits for the MASTER to bring up its VIPs */
  vipWaitMs?: number;
}

export type HostState = 'untouched' | 'staged' | 'committed' | 'rolled-back' | 'rollback-failed' | 'failed';

export interface HostResult {
  name: string;
  role: Role;
  state: HostState;
  messages: string[];
  diff?: string;
  backup?: string;
  /** set when this run tried to put the host back: why (its own failure, or another host's) */
  rollbackReason?: string;
  /** how a rolled-back director's keepalived was brought back: the reload sufficed, or it took a restart */
  rollbackActivation?: RestoredActivationStep;
  /** milliseconds per phase */
  timings: Partial<Record<'connect' | 'stage' | 'commit' | 'verify', number>>;
}

export type Outcome = 'lint-errors' | 'plan-errors' | 'connect-failed' | 'stage-failed' | 'dry-run' | 'commit-failed' | 'cancelled' | 'verify-failed' | 'deployed';

export interface DeployResult {
  ok: boolean;
  outcome: Outcome;
  hosts: HostResult[];
  lint: FileDiagnostic[];
  problems: string[];
}

interface Live {
  plan: HostPlan;
  result: HostResult;
  session?: SshSession;
  staged?: string;
  backup?: string;
  hadPrevious?: boolean;
  /** the first problem verify found on this host */
  verifyProblem?: string;
}

const firstLines = (text: string, max = 12) => {
  const lines = [...new Set(text.split('\n').map((l) => l.trimEnd()).filter(Boolean))];
  return lines.slice(0, max).join('\n') + (lines.length > max ? `\n… ${lines.length - max} more lines` : '');
};

export function formatDiagnostic(d: FileDiagnostic): string {
  return `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`;
}

class Run {
  readonly redactor: Redactor;
  readonly live: Live[] = [];

  constructor(readonly req: DeployRequest) {
    this.redactor = req.redactor ?? new Redactor();
  }

  log(line: string): void {
    this.req.events.log(this.redactor.redact(line));
  }

  progress(live: Live, message: string): void {
    this.log(`[${live.result.name}] ${message}`);
    this.req.events.progress(live.result.name, this.redactor.redact(message));
  }

  get cancelled(): boolean {
    return this.req.signal?.aborted ?? false;
  }

  fail(live: Live, message: string): void {
    live.result.messages.push(this.redactor.redact(message));
    this.progress(live, message);
  }

  callbacks(): SshCallbacks {
    const ev = this.req.events;
    return {
      confirmHostKey: (host, verdict) => ev.confirmHostKey(host, verdict),
      askSecret: (r) => ev.askSecret(r),
      onSecret: (v) => {
        this.redactor.addSecret(v);
        ev.onSecret?.(v);
      },
    };
  }

  async timed<T>(live: Live, phase: keyof HostResult['timings'], work: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      live.result.timings[phase] = Math.round(performance.now() - t0);
    }
  }

  /** Connects every host at once; true when all are up. */
  async connectAll(): Promise<boolean> {
    await Promise.all(
      this.live.map((l) =>
        this.timed(l, 'connect', async () => {
          const s = l.plan.spec;
          this.progress(l, `connecting to ${s.user}@${s.host}:${s.port}`);
          try {
            l.session = await SshSession.connect(s, this.req.spec.ssh, this.callbacks(), this.req.signal);
            this.progress(l, 'connected');
          } catch (err) {
            l.result.state = 'failed';
            this.fail(l, (err as Error).message);
          }
        }),
      ),
    );
    return this.live.every((l) => l.session);
  }

  async stageOne(l: Live, token: string): Promise<void> {
    const s = l.session!;
    const target = l.plan.target;
    this.progress(l, `staging ${target}`);
    const mk = await s.exec(ops.ensureDirScript(target));
    if (mk.code !== 0) throw new Error(`cannot create the directory of ${target}: ${firstLines(mk.stderr)}`);
    l.staged = ops.stagedPathFor(target, token);
    // 0600 while staged: the config may hold auth_pass; the commit gives it the final mode.
    await s.writeFile(l.staged, l.plan.content, 0o600);
    if (l.plan.role === 'REALSERVER') {
      const v = await s.exec(ops.validateShellScript(l.staged));
      if (v.code !== 0) throw new Error(`the script does not parse on this host: ${firstLines(v.stderr)}`);
    } else {
      const v = await s.exec(ops.validateConfigScript(l.staged));
      if (v.stdout.includes(ops.MARK_NO_KEEPALIVED)) this.progress(l, 'keepalived is not installed here; remote validation skipped');
      else if (v.code !== 0)
        throw new Error(`keepalived -t rejected the config (exit ${v.code}):\n${firstLines(v.stderr.replaceAll(l.staged, target))}`);
      else this.progress(l, 'keepalived -t: config valid');
    }
    const current = await s.readFile(target);
    const diff = unifiedDiff(current?.toString('utf8') ?? '', l.plan.content, `${l.result.name}:${target}`, 'local');
    l.result.diff = this.redactor.redact(diff);
    l.result.state = 'staged';
    this.progress(l, diff ? `staged; ${diff.split('\n').filter((x) => /^[+-][^+-]/.test(x)).length} changed lines` : 'staged; no change');
    if (diff) this.log(l.result.diff);
  }

  async removeStaged(): Promise<void> {
    await Promise.all(
      this.live.map(async (l) => {
        if (!l.staged || !l.session) return;
        await l.session.exec(ops.removeScript(l.staged), { ignoreCancel: true }).catch(() => undefined);
        l.staged = undefined;
      }),
    );
  }

  /**
   * Installs and activates one host. Neither command listens to the cancel signal: closing the channel
   * does not stop the remote process, so an interrupted `mv` or reload would leave the host in a state we
   * cannot know, and the rollback could race the still-running command. Both are short and bounded by the
   * command timeout; a cancel takes effect when the wave is over (see `deploy`).
   */
  async commitOne(l: Live): Promise<boolean> {
    const s = l.session!;
    const at = (this.req.now ?? (() => new Date()))();
    const backup = ops.backupPathFor(l.plan.target, at);
    this.progress(l, `committing ${l.plan.target}`);
    const c = await s.exec(ops.commitScript(l.staged!, l.plan.target, backup, l.plan.mode), { ignoreCancel: true });
    if (c.code !== 0) {
      l.result.state = 'failed';
      this.fail(l, `commit failed, ${l.plan.target} unchanged: ${firstLines(c.stderr)}`);
      return false;
    }
    l.staged = undefined;
    l.hadPrevious = c.stdout.includes(ops.MARK_HAD_PREVIOUS);
    l.backup = l.hadPrevious ? backup : undefined;
    l.result.backup = l.backup;
    l.result.state = 'committed';
    this.progress(l, l.hadPrevious ? `installed; previous file kept as ${backup}` : 'installed (no previous file)');
    const activate = await this.activate(l);
    if (activate) return true;
    await this.undo(l, 'its activation failed');
    return false;
  }

  /** Reload keepalived, or start the real-server script; runs to the end even after a cancel (see commitOne). */
  async activate(l: Live): Promise<boolean> {
    const s = l.session!;
    const spec = l.plan.spec;
    const command =
      spec.kind === 'director' ? ops.runReloadScript(spec.reloadCommand) : ops.realserverActionScript(l.plan.target, 'start');
    const what = spec.kind === 'director' ? 'reload' : 'realserver start';
    try {
      const r = await s.exec(command, { ignoreCancel: true });
      if (r.code === 0) {
        this.progress(l, `${what}: ok`);
        return true;
      }
      this.fail(l, `${what} failed (exit ${r.code}): ${firstLines(r.stderr || r.stdout)}`);
    } catch (err) {
      this.fail(l, `${what} failed: ${(err as Error).message}`);
    }
    return false;
  }

  /** Puts one host back as it was before this run. */
  async undo(l: Live, why: string): Promise<void> {
    const s = l.session!;
    l.result.rollbackReason = this.redactor.redact(why);
    try {
      if (l.plan.role === 'REALSERVER' && !l.hadPrevious)
        await s.exec(ops.realserverActionScript(l.plan.target, 'stop'), { ignoreCancel: true });
      const u = await s.exec(ops.undoCommitScript(l.plan.target, l.backup ?? '', !!l.hadPrevious), { ignoreCancel: true });
      if (u.code !== 0) throw new Error(firstLines(u.stderr));
      let activated = '';
      if (l.hadPrevious && l.plan.spec.kind === 'director') {
        const a = await activateRestoredDirector(s, l.plan.spec);
        l.result.rollbackActivation = a.took;
        if (!a.ok) throw new Error(`${l.backup} restored, but ${a.detail}`);
        activated = `; ${a.detail}`;
      } else if (l.hadPrevious && !(await this.activate(l))) throw new Error('the restored file did not activate');
      l.result.state = 'rolled-back';
      this.fail(l, `rolled back because ${why}: ${l.hadPrevious ? `${l.backup} restored` : `${l.plan.target} removed`}${activated}`);
    } catch (err) {
      l.result.state = 'rollback-failed';
      this.fail(l, `ROLLBACK FAILED (${why}): ${(err as Error).message}; check this host by hand`);
    }
  }

  /**
   * Reverse of the commit order: the MASTER first (it holds the VIPs, so the old config serves again
   * soonest), then the BACKUPs, the real servers last (they keep accepting VIP traffic until no director
   * runs the new config). One host at a time, so the log reads in that order.
   */
  async undoCommitted(why: string | ((l: Live) => string)): Promise<void> {
    const order = commitWaves(this.live.map((l) => l.plan)).flat().reverse();
    const committed = order.map((p) => this.live.find((l) => l.plan === p)!).filter((l) => l.result.state === 'committed');
    for (const l of committed) await this.undo(l, typeof why === 'string' ? why : why(l));
  }

  /** Checks every host; returns the problems and the hosts that have one. */
  async verify(): Promise<{ problems: string[]; failed: Live[] }> {
    const problems: string[] = [];
    const failed = new Set<Live>();
    const vipWait = this.req.vipWaitMs ?? 5000;
    await Promise.all(
      this.live.map((l) =>
        this.timed(l, 'verify', async () => {
          const s = l.session!;
          const problem = (m: string) => {
            failed.add(l);
            l.verifyProblem ??= firstLines(m, 1);
            problems.push(`${l.result.name}: ${this.redactor.redact(m)}`);
            this.fail(l, m);
          };
          try {
            if (l.plan.role === 'REALSERVER') {
              const st = await s.exec(ops.realserverActionScript(l.plan.target, 'status'));
              if (st.code === 0) this.progress(l, 'realserver status: running');
              else problem(`realserver status says not running:\n${firstLines(st.stdout)}`);
              return;
            }
            const a = await s.exec(ops.keepalivedActiveScript);
            if (ops.keepalivedActive(a)) this.progress(l, 'keepalived active');
            else problem(`keepalived is not active: ${firstLines(a.stdout + a.stderr)}`);
            if (l.plan.role !== 'MASTER' || l.plan.vips.length === 0) return;
            const deadline = Date.now() + vipWait;
            let missing: string[] = l.plan.vips;
            for (;;) {
              const addrs = await s.exec(ops.addressesScript);
              missing = l.plan.vips.filter((v) => !ops.addressPresent(addrs.stdout, v));
              if (missing.length === 0 || Date.now() >= deadline || this.cancelled) break;
              await new Promise((r) => setTimeout(r, 500));
            }
            if (missing.length) problem(`VIP not present on the MASTER: ${missing.join(', ')}`);
            else this.progress(l, `VIPs present: ${l.plan.vips.join(', ')}`);
          } catch (err) {
            problem(`verification failed: ${(err as Error).message}`);
          }
        }),
      ),
    );
    return { problems, failed: this.live.filter((l) => failed.has(l)) };
  }

  /** `name: last message` of each host this run tried to put back. */
  rollbackLines(): string[] {
    return this.live
      .filter((l) => l.result.state === 'rolled-back' || l.result.state === 'rollback-failed')
      .map((l) => `${l.result.name}: ${l.result.messages.at(-1)}`);
  }

  closeAll(): void {
    for (const l of this.live) l.session?.close();
  }
}

export async function deploy(req: DeployRequest): Promise<DeployResult> {
  const run = new Run(req);
  const done = (outcome: Outcome, lint: FileDiagnostic[] = [], problems: string[] = []): DeployResult => {
    run.closeAll();
    const result: DeployResult = { ok: outcome === 'deployed' || outcome === 'dry-run', outcome, hosts: run.live.map((l) => l.result), lint, problems };
    run.log(`result: ${outcome}`);
    return result;
  };

  // 1. lint
  const configs = [...new Set(req.spec.directors.map((d) => d.config))];
  let lint: FileDiagnostic[] = [];
  if (req.analysis) {
    run.log(`linting ${configs.join(', ')}`);
    lint = req.analysis.lintFiles(configs);
    for (const d of lint) run.log(formatDiagnostic(d));
    const errors = lint.filter((d) => d.severity === 'error');
    if (errors.length && !req.forceLintErrors) {
      run.log(`${errors.length} lint error(s); nothing deployed (override with --force-lint-errors)`);
      return done('lint-errors', lint, errors.map(formatDiagnostic));
    }
    if (errors.length) run.log(`${errors.length} lint error(s) overridden by the user`);
  } else run.log('lint skipped: the configuration analysis is not available');

  // 2. plan
  const plan = buildPlan(req.spec, req.analysis);
  for (const h of plan.hosts)
    run.live.push({ plan: h, result: { name: h.spec.name, role: h.role, state: 'untouched', messages: [], timings: {} } });
  if (plan.errors.length) {
    plan.errors.forEach((e) => run.log(e));
    return done('plan-errors', lint, plan.errors);
  }
  run.log(`plan: ${commitWaves(plan.hosts).map((w) => w.map((h) => `${h.spec.name} (${h.role})`).join(', ')).join(' → ')}`);

  // 3. connect
  if (!(await run.connectAll())) {
    const problems = run.live.filter((l) => !l.session).map((l) => `${l.result.name}: ${l.result.messages.at(-1)}`);
    return done(run.cancelled ? 'cancelled' : 'connect-failed', lint, problems);
  }

  // 4. stage everywhere
  const token = randomBytes(4).toString('hex');
  await Promise.all(
    run.live.map((l) =>
      run.timed(l, 'stage', () =>
        run.stageOne(l, token).catch((err) => {
          l.result.state = 'failed';
          run.fail(l, err instanceof SshError && err.kind === 'cancelled' ? 'cancelled' : `staging failed: ${(err as Error).message}`);
        }),
      ),
    ),
  );
  const stageFailures = run.live.filter((l) => l.result.state !== 'staged');
  if (stageFailures.length || run.cancelled || req.dryRun) {
    await run.removeStaged();
    for (const l of run.live) if (l.result.state === 'staged') l.result.state = 'untouched';
    if (run.cancelled) return done('cancelled', lint, ['cancelled before any host was changed']);
    if (stageFailures.length) {
      run.log('staging failed; no host was changed');
      return done('stage-failed', lint, stageFailures.map((l) => `${l.result.name}: ${l.result.messages.at(-1)}`));
    }
    run.log('dry run: nothing was changed');
    return done('dry-run', lint);
  }

  // 5. commit, wave by wave. A cancel is honoured between waves (a wave in flight finishes, see
  // commitOne), including after the last one: a cancelled run leaves no host changed.
  const cancelDuringCommit = async (phase = 'commit') => {
    await run.removeStaged();
    await run.undoCommitted('the deploy was cancelled');
    for (const l of run.live) if (l.result.state === 'staged') l.result.state = 'untouched';
    return done('cancelled', lint, [`cancelled during ${phase}; hosts already changed were rolled back`]);
  };
  for (const wave of commitWaves(run.live.map((l) => l.plan))) {
    if (run.cancelled) return cancelDuringCommit();
    const waveLive = run.live.filter((l) => wave.includes(l.plan));
    const okAll = await Promise.all(waveLive.map((l) => run.timed(l, 'commit', () => run.commitOne(l).catch((err) => {
      run.fail(l, `commit failed: ${(err as Error).message}`);
      if (l.result.state === 'staged') l.result.state = 'failed';
      return false;
    }))));
    if (okAll.includes(false)) {
      await run.removeStaged();
      const failed = waveLive.filter((_, i) => !okAll[i]).map((l) => l.result.name);
      await run.undoCommitted(`${failed.join(', ')} failed`);
      for (const l of run.live) if (l.result.state === 'staged') l.result.state = 'untouched';
      return done('commit-failed', lint, run.live.flatMap((l) => l.result.messages.map((m) => `${l.result.name}: ${m}`)).filter((m) => /fail|rolled back/i.test(m)));
    }
  }
  if (run.cancelled) return cancelDuringCommit();

  // 6. verify. A host that fails it is not left on the new config: as with a failed activation, every
  // host changed in this run goes back (a cluster half on the new config is what the deploy must avoid).
  // A cancel here is a cancelled run, like one after the last wave.
  const { problems, failed } = await run.verify();
  if (run.cancelled) return cancelDuringCommit('verify');
  if (failed.length === 0) return done('deployed', lint);
  const failedNames = failed.map((l) => l.result.name).join(', ');
  await run.undoCommitted((l) => (failed.includes(l) ? `its verification failed (${l.verifyProblem})` : `${failedNames} failed verification`));
  return done('verify-failed', lint, [...problems, ...run.rollbackLines()]);
}
