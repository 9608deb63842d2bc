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
import { SshError, SshSession, type ExecResult, type SshCallbacks } from './ssh';
import { Redactor, maskRanges } from './redact';
import { unifiedDiff } from './diff';
import * as ops from './remoteOps';
import * as files from './remoteFiles';
import { silentStopReason } from './silentStop';
import { activateRestoredDirector, type RestoredActivationStep } from './restoredActivation';
import { holderName, LockBusy, takeLock, type HeldLock } from './hostLock';
import { sha256, writeManifestScript, type DeployManifest } from './manifest';
import { describePreflight, parsePreflight, preflightScript, type Preflight } from './preflight';
import { emptiesDirector } from './emptyGuard';

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
  /** deploy a config that leaves a director without any vrrp_instance or VIP (see emptyGuard) */
  allowEmpty?: boolean;
  events: DeployEvents;
  signal?: AbortSignal;
  redactor?: Redactor;
  now?: () => Date;
  /** how long verify waits for the MASTER to bring up its VIPs */
  vipWaitMs?: number;
}

/** 'unknown': the switch's outcome could not be established (connection lost, no reconnect): check by hand */
export type HostState = 'untouched' | 'staged' | 'committed' | 'rolled-back' | 'rollback-failed' | 'failed' | 'unknown';

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
  /** what the pre-flight found on a director */
  preflight?: Preflight;
  /** milliseconds per phase */
  timings: Partial<Record<'connect' | 'stage' | 'commit' | 'verify', number>>;
}

export type Outcome =
  | 'lint-errors'
  | 'plan-errors'
  | 'connect-failed'
  | 'locked'
  | 'preflight-failed'
  | 'stage-failed'
  | 'empty-config'
  | 'dry-run'
  | 'commit-failed'
  | 'cancelled'
  | 'verify-failed'
  | 'deployed';

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
  lock?: HeldLock;
  /** sha256 of the file live before this run ('none' when there was none), and of the new content */
  oldSha?: string;
  newSha?: string;
  /** the host's current config text, for the empty-config guard */
  oldText?: string;
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

  /** Takes every host's deploy lock; a host held by another deploy refuses the run (the holder is named). */
  async lockAll(holder: string): Promise<{ problems: string[]; heldByAnother: boolean }> {
    const busy: string[] = [];
    let heldByAnother = false;
    await Promise.all(
      this.live.map(async (l) => {
        try {
          l.lock = await takeLock(l.session!, l.plan.target, holder);
          if (l.lock.tookOverFrom !== undefined) this.progress(l, `took over a stale deploy lock (its holder is gone): ${l.lock.tookOverFrom}`);
        } catch (err) {
          if (err instanceof LockBusy) heldByAnother = true;
          const message = err instanceof LockBusy ? `another deploy is running on this host: ${err.holder}` : `cannot take the deploy lock: ${(err as Error).message}`;
          l.result.state = 'failed';
          this.fail(l, message);
          busy.push(`${l.result.name}: ${message}`);
        }
      }),
    );
    return { problems: busy, heldByAnother };
  }

  async releaseLocks(): Promise<void> {
    await Promise.all(this.live.map((l) => l.lock?.release()));
  }

  /**
   * Looks at each director before anything changes: keepalived's release (its config is linted against
   * it: a keyword that release does not know is refused), IPVS where the config has virtual servers, and
   * whether keepalived runs (one that does not is never started by this run). Returns the refusals.
   */
  async preflightAll(): Promise<string[]> {
    const refusals: string[] = [];
    await Promise.all(
      this.live
        .filter((l) => l.plan.spec.kind === 'director')
        .map(async (l) => {
          try {
            const pf = parsePreflight(await l.session!.exec(preflightScript));
            l.result.preflight = pf;
            this.progress(l, `pre-flight: ${describePreflight(pf)}`);
            const refuse = (m: string) => {
              l.result.state = 'failed';
              this.fail(l, m);
              refusals.push(`${l.result.name}: ${m}`);
            };
            if (pf.installed && !pf.running)
              this.progress(l, 'keepalived is not running here: the config is installed without a reload, and keepalived is left stopped');
            const vs = l.plan.facts?.virtualServers.length ?? 0;
            if (pf.installed && vs > 0 && !pf.ipvs && !pf.vrrpOnly)
              refuse(`the config has ${vs} virtual_server block(s) but IPVS (the ip_vs kernel module) is not available: keepalived's checker would exit`);
            const config = (l.plan.spec as { config?: string }).config;
            if (pf.version && config && this.req.analysis) {
              const tooNew = this.req.analysis
                .lintFiles([config], { keepalivedVersion: pf.version })
                .filter((d) => d.code === 'newer-keyword');
              for (const d of tooNew) refuse(`keepalived ${pf.version} does not know this keyword: ${formatDiagnostic(d)}`);
            }
          } catch (err) {
            l.result.state = 'failed';
            this.fail(l, `pre-flight failed: ${(err as Error).message}`);
            refusals.push(`${l.result.name}: pre-flight failed: ${(err as Error).message}`);
          }
        }),
    );
    return refusals;
  }

  /** keepalived was running before this run (or this is a real server): reloads and restarts are allowed. */
  mayActivate(l: Live): boolean {
    return l.plan.spec.kind !== 'director' || !l.result.preflight?.installed || l.result.preflight.running;
  }

  /** The parsed config's secrets masked (and remembered by the redactor), then the keyword-based mask. */
  maskedConfig(text: string): string {
    const spans = this.req.analysis?.secretSpans?.(text);
    if (!spans) return text;
    for (const v of spans.values) this.redactor.addSecret(v);
    return maskRanges(text, spans.ranges);
  }

  holdsSecret(text: string): boolean {
    const spans = this.req.analysis?.secretSpans?.(text);
    return spans ? spans.values.length > 0 : /auth_pass/.test(text);
  }

  async stageOne(l: Live): Promise<void> {
    const s = l.session!;
    const target = l.plan.target;
    this.progress(l, `staging ${target}`);
    // a fresh mktemp file (0600, random name) beside the live file: the config may hold auth_pass.
    // Not cancelled half-way: its name must come back, or a cancel would leave the file behind.
    const st = await s.exec(files.stageScript(target), { stdin: l.plan.content, ignoreCancel: true });
    const staged = files.marked(st.stdout, files.MARK_STAGED)[0];
    if (st.code !== 0 || !staged) throw new Error(`cannot stage ${target}: ${firstLines(st.stderr) || `exit ${st.code}`}`);
    l.staged = staged;
    if (l.plan.role === 'REALSERVER') {
      const v = await s.exec(ops.validateShellScript(l.staged));
      if (v.code !== 0) throw new Error(`the script does not parse on this host: ${firstLines(v.stderr)}`);
    } else {
      const v = await s.exec(ops.validateConfigScript(l.staged));
      if (v.stdout.includes(ops.MARK_NO_KEEPALIVED)) this.progress(l, 'keepalived is not installed here; remote validation skipped');
      else if (v.code !== 0)
        throw new Error(`keepalived -t rejected the config (exit ${v.code}):\n${[firstLines(v.stderr.replaceAll(l.staged, target)), silentStopReason(v.code ?? -1)].filter(Boolean).join('\n')}`);
      else this.progress(l, 'keepalived -t: config valid');
    }
    const current = await s.readFile(target);
    l.oldText = current?.toString('utf8');
    l.oldSha = current ? sha256(current) : 'none';
    l.newSha = sha256(l.plan.content);
    const diff = unifiedDiff(this.maskedConfig(l.oldText ?? ''), this.maskedConfig(l.plan.content), `${l.result.name}:${target}`, 'local');
    l.result.diff = this.redactor.redact(diff);
    l.result.state = 'staged';
    this.progress(l, diff ? `staged; ${diff.split('\n').filter((x) => /^[+-][^+-]/.test(x)).length} changed lines` : 'staged; no change');
    if (diff) this.log(l.result.diff);
  }

  /** The guard of emptyGuard.ts for each director; returns the refusals. */
  emptyConfigRefusals(): string[] {
    const out: string[] = [];
    for (const l of this.live) {
      if (l.plan.spec.kind !== 'director' || !l.plan.facts) continue;
      let current;
      try {
        current = l.oldText !== undefined ? this.req.analysis?.configFactsFromText?.(l.oldText) : undefined;
      } catch {
        current = undefined;
      }
      const why = emptiesDirector(l.plan.facts, current);
      if (!why) continue;
      if (this.req.allowEmpty) this.progress(l, `${why}; deploying anyway (--allow-empty)`);
      else {
        const m = `${why}; refused (confirm with --allow-empty)`;
        this.fail(l, m);
        out.push(`${l.result.name}: ${m}`);
      }
    }
    return out;
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

  /** The host's session, opened again when the connection was lost; undefined when that fails. */
  async sessionFor(l: Live): Promise<SshSession | undefined> {
    if (l.session?.connected) return l.session;
    this.progress(l, 'the connection was lost; reconnecting');
    try {
      l.session?.close();
      l.session = await SshSession.connect(l.plan.spec, this.req.spec.ssh, this.callbacks());
      this.progress(l, 'reconnected');
      return l.session;
    } catch (err) {
      this.progress(l, `cannot reconnect: ${(err as Error).message}`);
      return undefined;
    }
  }

  /**
   * Installs and activates one host. Neither command listens to the cancel signal: closing the channel
   * does not stop the remote process, so an interrupted `mv` or reload would leave the host in a state we
   * cannot know, and the rollback could race the still-running command. Both are bounded by the command
   * timeout (and a dead connection by the keepalives); a cancel takes effect when the wave is over.
   * A switch whose outcome is not confirmed is looked at again (see settleUnknownSwitch).
   */
  async commitOne(l: Live, stamp: string): Promise<boolean> {
    const s = l.session!;
    this.progress(l, `committing ${l.plan.target}`);
    let c: ExecResult | undefined;
    let lostWhy = '';
    try {
      c = await s.exec(files.commitScript(l.staged!, l.plan.target, stamp, l.plan.mode, this.holdsSecret(l.plan.content)), { ignoreCancel: true });
    } catch (err) {
      lostWhy = (err as Error).message;
    }
    const confirmed = c !== undefined && c.code === 0 && c.stdout.includes(files.MARK_SWITCHED);
    if (confirmed) {
      l.staged = undefined;
      l.backup = files.marked(c!.stdout, files.MARK_BACKUP)[0];
      l.hadPrevious = l.backup !== undefined;
    } else if (c && c.code !== null && c.code !== 0 && !c.stdout.includes(files.MARK_SWITCHED)) {
      // the script stopped before its rename (set -e) and removed its backup: confirmed unchanged
      l.result.state = 'failed';
      this.fail(l, `commit failed, ${l.plan.target} unchanged: ${firstLines(c.stderr) || `exit ${c.code}`}`);
      return false;
    } else {
      const switched = await this.settleUnknownSwitch(l, stamp, lostWhy || `the commit ended without an exit status (${c?.signal ?? 'no signal'})`);
      if (!switched) return false;
    }
    l.result.backup = l.backup;
    l.result.state = 'committed';
    const mode = confirmed ? files.marked(c!.stdout, files.MARK_MODE)[0] : undefined;
    this.progress(l, `${l.hadPrevious ? `installed; previous file kept as ${l.backup}` : 'installed (no previous file)'}${mode ? `; mode ${mode}` : ''}`);
    if (!confirmed) return false; // switched, but not by a confirmed commit: the caller rolls back
    const activate = await this.activate(l);
    if (activate) return true;
    await this.undo(l, 'its activation failed');
    return false;
  }

  /**
   * The switch on this host may or may not have happened (the connection died, the command timed out).
   * Reconnects and compares the live file's digest with the new content and the old one: the new one
   * means switched (true: the state is 'committed' and this run's backup is found by its digest), the old
   * one means unchanged (false, leftovers removed), anything else or no connection: 'unknown', check by hand.
   */
  async settleUnknownSwitch(l: Live, stamp: string, why: string): Promise<boolean> {
    this.progress(l, `the outcome of the switch is unknown (${why}); checking the host`);
    const unknown = (detail: string) => {
      l.result.state = 'unknown';
      this.fail(l, `STATE UNKNOWN: the switch of ${l.plan.target} was interrupted (${why}) and ${detail}; check this host by hand`);
      return false;
    };
    const s = await this.sessionFor(l);
    if (!s) return unknown('the host cannot be reached again');
    let out: ExecResult;
    try {
      out = await s.exec(files.digestsScript(l.plan.target, stamp), { ignoreCancel: true });
    } catch (err) {
      return unknown(`reading it back failed (${(err as Error).message})`);
    }
    const lines = files.marked(out.stdout, files.MARK_DIGEST);
    const live = lines.find((x) => x.startsWith('live '))?.slice(5);
    const backups = lines.filter((x) => !x.startsWith('live ')).map((x) => ({ sha: x.slice(0, x.indexOf(' ')), path: x.slice(x.indexOf(' ') + 1) }));
    if (live === l.oldSha) {
      await s.exec(files.removeFilesScript([...backups.map((b) => b.path), ...(l.staged ? [l.staged] : [])]), { ignoreCancel: true }).catch(() => undefined);
      l.staged = undefined;
      l.result.state = 'failed';
      this.fail(l, `commit interrupted (${why}); checked after reconnecting: ${l.plan.target} unchanged`);
      return false;
    }
    if (live !== l.newSha) return unknown(`the file there now is neither the old nor the new one (sha256 ${live ?? '?'})`);
    l.staged = undefined;
    if (l.oldSha === 'none') {
      l.hadPrevious = false;
      l.backup = undefined;
    } else {
      const backup = backups.find((b) => b.sha === l.oldSha);
      if (!backup) return unknown('the new file is in place but this run\'s backup of the old one is not there');
      l.hadPrevious = true;
      l.backup = backup.path;
    }
    this.progress(l, 'checked after reconnecting: the new file is in place (switched); it will be rolled back');
    return true;
  }

  /** Reload keepalived, or start the real-server script; runs to the end even after a cancel (see commitOne). */
  async activate(l: Live): Promise<boolean> {
    const s = l.session!;
    const spec = l.plan.spec;
    if (!this.mayActivate(l)) {
      this.progress(l, 'keepalived was not running before this deploy: not reloaded (left stopped)');
      return true;
    }
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

  /** Puts one host back as it was before this run (over a new connection if the old one was lost). */
  async undo(l: Live, why: string): Promise<void> {
    l.result.rollbackReason = this.redactor.redact(why);
    try {
      const s = await this.sessionFor(l);
      if (!s) throw new Error('the host cannot be reached');
      if (l.plan.role === 'REALSERVER' && !l.hadPrevious)
        await s.exec(ops.realserverActionScript(l.plan.target, 'stop'), { ignoreCancel: true });
      const u = await s.exec(l.hadPrevious ? files.restoreScript(l.plan.target, l.backup!, false) : files.removeLiveScript(l.plan.target), { ignoreCancel: true });
      if (u.code !== 0) throw new Error(firstLines(u.stderr) || `exit ${u.code}`);
      let activated = '';
      if (l.hadPrevious && l.plan.spec.kind === 'director') {
        if (!this.mayActivate(l)) activated = '; keepalived was not running before this deploy and is left stopped';
        else {
          const a = await activateRestoredDirector(s, l.plan.spec);
          l.result.rollbackActivation = a.took;
          if (!a.ok) throw new Error(`${l.backup} restored, but ${a.detail}`);
          activated = `; ${a.detail}`;
        }
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
            if (!this.mayActivate(l)) {
              this.progress(l, 'keepalived was not running before this deploy: its state is not checked');
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

  /** Records this deploy on every host (see manifest.ts); a failure to record is a warning, not a failed deploy. */
  async writeManifests(run: string, stamp: string, at: Date): Promise<void> {
    const hosts = this.live.map((l) => l.result.name);
    await Promise.all(
      this.live.map(async (l) => {
        const m: DeployManifest = {
          run,
          at: at.toISOString(),
          hosts,
          host: l.result.name,
          target: l.plan.target,
          backup: l.hadPrevious ? l.backup! : null,
          backupSha256: l.hadPrevious ? l.oldSha! : null,
          installedSha256: l.newSha!,
        };
        try {
          const w = await l.session!.exec(writeManifestScript(m, stamp), { stdin: JSON.stringify(m, null, 2), ignoreCancel: true });
          if (w.code !== 0) throw new Error(firstLines(w.stderr) || `exit ${w.code}`);
        } catch (err) {
          this.fail(l, `warning: this deploy could not be recorded for a later rollback: ${(err as Error).message}`);
        }
      }),
    );
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
  const done = async (outcome: Outcome, lint: FileDiagnostic[] = [], problems: string[] = []): Promise<DeployResult> => {
    await run.releaseLocks();
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
    // only the fields the deploy reads: the core's findings also carry quick fixes, whose new text can be a
    // peer's auth_pass, and the result is shown and may be printed
    lint = req.analysis.lintFiles(configs).map(({ file, range, severity, code, message }) => ({ file, range, severity, code, message }));
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

  // 3. connect, lock, pre-flight
  if (!(await run.connectAll())) {
    const problems = run.live.filter((l) => !l.session).map((l) => `${l.result.name}: ${l.result.messages.at(-1)}`);
    return done(run.cancelled ? 'cancelled' : 'connect-failed', lint, problems);
  }
  const at = (req.now ?? (() => new Date()))();
  const token = randomBytes(4).toString('hex');
  const stamp = `${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${token}`;
  const locks = await run.lockAll(holderName(token, at));
  if (locks.problems.length) {
    run.log(locks.heldByAnother ? 'another deploy holds a lock; no host was changed' : 'a lock could not be taken; no host was changed');
    return done(locks.heldByAnother ? 'locked' : 'connect-failed', lint, locks.problems);
  }
  const refusals = await run.preflightAll();
  if (run.cancelled) return done('cancelled', lint, ['cancelled before any host was changed']);
  if (refusals.length) {
    run.log('pre-flight refused the deploy; no host was changed');
    return done('preflight-failed', lint, refusals);
  }

  // 4. stage everywhere
  await Promise.all(
    run.live.map((l) =>
      run.timed(l, 'stage', () =>
        run.stageOne(l).catch((err) => {
          l.result.state = 'failed';
          run.fail(l, err instanceof SshError && err.kind === 'cancelled' ? 'cancelled' : `staging failed: ${(err as Error).message}`);
        }),
      ),
    ),
  );
  const stageFailures = run.live.filter((l) => l.result.state !== 'staged');
  const empty = stageFailures.length ? [] : run.emptyConfigRefusals();
  if (stageFailures.length || empty.length || run.cancelled || req.dryRun) {
    await run.removeStaged();
    for (const l of run.live) if (l.result.state === 'staged') l.result.state = 'untouched';
    if (run.cancelled) return done('cancelled', lint, ['cancelled before any host was changed']);
    if (stageFailures.length) {
      run.log('staging failed; no host was changed');
      return done('stage-failed', lint, stageFailures.map((l) => `${l.result.name}: ${l.result.messages.at(-1)}`));
    }
    if (empty.length) {
      run.log('a config would leave a director with nothing to serve; no host was changed');
      return done('empty-config', lint, empty);
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
    const okAll = await Promise.all(waveLive.map((l) => run.timed(l, 'commit', () => run.commitOne(l, stamp).catch((err) => {
      run.fail(l, `commit failed: ${(err as Error).message}`);
      if (l.result.state === 'staged') l.result.state = 'failed';
      return false;
    }))));
    if (okAll.includes(false)) {
      await run.removeStaged();
      const failed = waveLive.filter((_, i) => !okAll[i]).map((l) => l.result.name);
      await run.undoCommitted(`${failed.join(', ')} failed`);
      for (const l of run.live) if (l.result.state === 'staged') l.result.state = 'untouched';
      return done('commit-failed', lint, run.live.flatMap((l) => l.result.messages.map((m) => `${l.result.name}: ${m}`)).filter((m) => /fail|rolled back|unknown/i.test(m)));
    }
  }
  if (run.cancelled) return cancelDuringCommit();

  // 6. verify. A host that fails it is not left on the new config: as with a failed activation, every
  // host changed in this run goes back (a cluster half on the new config is what the deploy must avoid).
  // A cancel here is a cancelled run, like one after the last wave.
  const { problems, failed } = await run.verify();
  if (run.cancelled) return cancelDuringCommit('verify');
  if (failed.length === 0) {
    await run.writeManifests(token, stamp, at);
    return done('deployed', lint);
  }
  const failedNames = failed.map((l) => l.result.name).join(', ');
  await run.undoCommitted((l) => (failed.includes(l) ? `its verification failed (${l.verifyProblem})` : `${failedNames} failed verification`));
  return done('verify-failed', lint, [...problems, ...run.rollbackLines()]);
}
