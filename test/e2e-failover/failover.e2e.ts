/**
 * The failover model against real keepalived: seeded random clusters run in network namespaces with real
 * daemons (2.2.7 from PATH, 2.4.3 from KEEPALIVED_243); the VIP holder read with `ip addr` must be one of
 * the model's predicted holders, after the start and after the scenario's failure.
 *
 * After the random scenarios come fixed ones (splitBrainScenarios): directors that cannot hear each other
 * must all hold the VIP, exactly as the model's `deaf` pairs say, and look-alikes that do hear each other
 * (two MASTERs, another advert_int under VRRPv3) must not.
 *
 * FAILOVER_SEED (default 16), FAILOVER_COUNT (default 50), FAILOVER_PARALLEL (default 4),
 * FAILOVER_ONLY (scenario ids, comma-separated) and FAILOVER_VERSIONS (e.g. "2.4.3") narrow a run.
 */
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { failoverFromFiles } from '../../server/src/analysis/failover/fromFiles';
import { outcomeFrom, type Failure, type VirtualRouter } from '../../server/src/analysis/failover/model';
import { createFailoverLab, type FailoverLab } from './failoverLab';
import { configOf, generate, instancesOf, scriptBody, splitBrainScenarios, type Scenario } from './scenarios';

const SEED = Number(process.env.FAILOVER_SEED ?? 16);
const COUNT = Number(process.env.FAILOVER_COUNT ?? 50);
const PARALLEL = Number(process.env.FAILOVER_PARALLEL ?? 4);
const ONLY = process.env.FAILOVER_ONLY;
const VERSIONS: Record<string, string> = { '2.2.7': 'keepalived', '2.4.3': process.env.KEEPALIVED_243 ?? '/opt/keepalived-oracle/2.4.3/sbin/keepalived' };

interface Check {
  step: string;
  expected: string[];
  observed: string[];
  ok: boolean;
}

interface ScenarioResult {
  id: number;
  checks: Check[];
  seconds: number;
  error?: string;
  logs?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls the holders of every VIP until they have not changed for `stableMs` (and `minMs` has passed). */
async function settle(lab: FailoverLab, vips: string[], minMs: number, stableMs: number): Promise<number[][]> {
  const start = Date.now();
  let last = '';
  let changed = start;
  let holders: number[][] = [];
  for (;;) {
    holders = vips.map((v) => lab.holders(v));
    const key = JSON.stringify(holders);
    if (key !== last) [last, changed] = [key, Date.now()];
    const now = Date.now();
    if ((now - start >= minMs && now - changed >= stableMs) || now - start > 40000) return holders;
    await sleep(250);
  }
}

/**
 * How long the VIP holders must stay the same before they count as settled. A director with preempt_delay that
 * starts a moment after a lower one took the VIPs preempts only once its delay (1 s) has run and the master's
 * adverts have then gone unanswered for its master-down interval (3 adverts of 1 s, plus skew): a quieter
 * spell than 3 s would catch that lower director in passing. The same for a director with a longer advert_int.
 */
function stableWindow(s: Scenario): number {
  const ADVERT_MS = 1000;
  // a director with a longer advert_int times out later: it may take the VIPs after its master-down interval
  const slowest = Math.max(...s.directors.map((d) => d.advertInt ?? 1));
  const window = s.directors.some((d) => d.preemptDelay) ? 1000 + 3 * ADVERT_MS + ADVERT_MS + 1000 : 3000;
  return slowest > 1 ? Math.max(window, (3 * slowest + 1) * ADVERT_MS) : window;
}

/** Who is MASTER: the directors of the model's `deaf` pairs (MASTER together), else its baseline holders. */
function expectedMasters(router: VirtualRouter): number[] {
  if (!router.deaf.length) return router.baseline.holders;
  return [...new Set(router.deaf.flatMap((p) => [p.a, p.b]))];
}

function modelFailure(router: VirtualRouter, s: Scenario, all: VirtualRouter[]): Failure {
  const f = s.failure;
  if (f.kind === 'none') return { kind: 'none', label: 'no failure' };
  const label = `d${f.director}.conf`;
  const director = router.directors.findIndex((d) => d.label === label);
  if (f.kind === 'stop') return { kind: 'director-down', label: `${label} stopped`, director };
  if (f.kind === 'link') return { kind: 'interface-down', label: `eth0 down on ${label}`, director };
  const found = router.outcomes.map((o) => o.failure).find((x) => x.kind === 'tracked' && x.director === director && x.object.name === f.script);
  // an object keepalived ignores (a weighted script in a sync group) is in no failure: nothing may change
  const ignored = all.flatMap((r) => r.directors.filter((d) => d.label === label)).flatMap((d) => d.tracked).find((t) => t.name === f.script && t.effect === 'ignored');
  if (!found && ignored) return { kind: 'none', label: `script ${f.script} down on ${label} (ignored: ${ignored.note})` };
  if (!found) throw new Error(`the model lists no failure of ${f.script} on ${label} for ${router.name}`);
  return found;
}

async function runScenario(s: Scenario, binary: string): Promise<ScenarioResult> {
  const started = Date.now();
  const lab = createFailoverLab(s.directors.length, binary);
  const checks: Check[] = [];
  try {
    const paths = lab.directors.map((d, i) => {
      for (const sc of s.directors[i].scripts) {
        const path = join(d.dir, `${sc.name}.sh`);
        writeFileSync(path, scriptBody(lab.flag(i, sc.name)));
        chmodSync(path, 0o755);
      }
      const conf = join(d.dir, `d${i}.conf`);
      writeFileSync(conf, configOf(s, i, lab.subnet, (n) => lab.flag(i, n), (n) => join(d.dir, `${n}.sh`)));
      return conf;
    });
    // one directory per director: the scenario declares its directors as one cluster, as a cluster file would
    const routers = failoverFromFiles(paths, { clusters: [{ configs: paths, source: 'the scenario' }] }).flat();
    const instances = instancesOf(s, lab.subnet);
    const routerOf = (name: string) => routers.find((r) => r.name === name)!;
    await Promise.all(paths.map((p, i) => lab.start(i, readFileSync(p, 'utf8'))));
    const before = await settle(lab, instances.map((x) => x.vip), 6000, stableWindow(s));
    const name = (i: number) => `d${i}.conf`;
    const masters: (number | undefined)[] = [];
    instances.forEach((x, k) => {
      const router = routerOf(x.name);
      const observed = before[k].map(name);
      if (router.deaf.length) {
        // split brain by config: exactly the directors that hear no better one hold the VIP
        const expected = expectedMasters(router).map((h) => router.directors[h].label).sort();
        checks.push({ step: `${x.name} at start (${router.deaf.map((p) => p.why).join('; ')})`, expected: [expected.join('+')], observed: [[...observed].sort().join('+')], ok: expected.join('+') === [...observed].sort().join('+') });
        masters.push(undefined);
        return;
      }
      const expected = router.baseline.holders.map((h) => router.directors[h].label);
      checks.push({ step: `${x.name} at start`, expected, observed, ok: observed.length === 1 && expected.includes(observed[0]) });
      masters.push(observed.length === 1 ? router.directors.findIndex((d) => d.label === observed[0]) : undefined);
    });
    const f = s.failure;
    if (f.kind === 'none') return { id: s.id, checks, seconds: (Date.now() - started) / 1000, logs: checks.every((c) => c.ok) ? undefined : lab.directors.map((d, i) => `--- ${d.name}\n${lab.log(i)}`).join('\n') };
    if (f.kind === 'script') writeFileSync(lab.flag(f.director, f.script), '');
    else if (f.kind === 'stop') await lab.stop(f.director);
    else lab.linkDown(f.director);
    const after = await settle(lab, instances.map((x) => x.vip), 7000, Math.max(3500, stableWindow(s)));
    instances.forEach((x, k) => {
      const router = routerOf(x.name);
      const failure = modelFailure(router, s, routers);
      const outcome = outcomeFrom(router.directors, failure, masters[k]);
      const expected = outcome.holders.map((h) => router.directors[h].label);
      // a director whose link is down is out of reach: what it holds is checked on its own below
      const cut = f.kind === 'link' ? f.director : -1;
      const observed = after[k].filter((i) => i !== cut).map(name);
      const ok = expected.length === 0 ? observed.length === 0 : observed.length === 1 && expected.includes(observed[0]);
      checks.push({ step: `${x.name} after ${failure.label}`, expected, observed, ok });
      if (cut >= 0) {
        const state = outcome.states[router.directors.findIndex((d) => d.label === name(cut))].state;
        // isolated (dont_track_primary): MASTER alone on its dead link; otherwise FAULT, without the VIP
        const holds = after[k].includes(cut);
        checks.push({ step: `${x.name} on ${name(cut)} with its link down (${state})`, expected: [state === 'isolated' ? 'holds the VIP' : 'no VIP'], observed: [holds ? 'holds the VIP' : 'no VIP'], ok: holds === (state === 'isolated') });
      }
    });
    // the daemons' own account of a disagreement
    const logs = checks.every((c) => c.ok) ? undefined : lab.directors.map((d, i) => `--- ${d.name}\n${lab.log(i)}`).join('\n');
    return { id: s.id, checks, seconds: (Date.now() - started) / 1000, logs };
  } catch (e) {
    return { id: s.id, checks, seconds: (Date.now() - started) / 1000, error: `${(e as Error).stack}\n${lab.directors.map((_, i) => lab.log(i)).join('\n---\n')}` };
  } finally {
    await lab.teardown();
  }
}

async function pool<T, R>(items: T[], width: number, work: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]);
      }
    }),
  );
  return out;
}

const wanted = (process.env.FAILOVER_VERSIONS ?? '2.2.7,2.4.3').split(',');
for (const [version, binary] of Object.entries(VERSIONS).filter(([v]) => wanted.includes(v))) {
  test(`failover model agrees with keepalived ${version} (seed ${SEED}, ${COUNT} scenarios)`, { timeout: 60 * 60 * 1000 }, async () => {
    const scenarios = [...generate(SEED, COUNT), ...splitBrainScenarios(COUNT)].filter((s) => ONLY === undefined || ONLY.split(',').includes(String(s.id)));
    const started = Date.now();
    const results = await pool(scenarios, PARALLEL, (s) => runScenario(s, binary));
    const failed = results.filter((r) => r.error || r.checks.some((c) => !c.ok));
    const checks = results.flatMap((r) => r.checks);
    const summary = {
      version,
      seed: SEED,
      scenarios: results.length,
      checks: checks.length,
      agreeing: checks.filter((c) => c.ok).length,
      scenariosAgreeing: results.length - failed.length,
      wallSeconds: (Date.now() - started) / 1000,
      meanScenarioSeconds: results.reduce((a, r) => a + r.seconds, 0) / results.length,
    };
    console.log(JSON.stringify(summary));
    writeFileSync(join(tmpdir(), `failover-e2e-${version}.json`), JSON.stringify({ summary, results, scenarios }, null, 1));
    for (const r of failed) {
      const s = scenarios.find((x) => x.id === r.id);
      console.log(`scenario ${r.id}: ${JSON.stringify(s)}\n${r.error ?? r.checks.filter((c) => !c.ok).map((c) => `  ${c.step}: expected ${c.expected.join('|') || 'nobody'}, observed ${c.observed.join('+') || 'nobody'}`).join('\n')}`);
    }
    assert.equal(failed.length, 0, `${failed.length} of ${results.length} scenarios disagree with keepalived ${version}`);
  });
}
