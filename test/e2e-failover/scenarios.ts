/**
 * Seeded random failover scenarios: a cluster of 2–3 directors (priorities, `state`, tracked scripts with
 * weights and `reverse`, nopreempt, sync groups) and one failure to apply. The same seed gives the same
 * scenarios, so a disagreement reproduces with FAILOVER_SEED and FAILOVER_ONLY.
 */
export interface ScriptDef {
  name: string;
  weight: number;
  reverse: boolean;
}

export interface DirectorDef {
  priority: number;
  /** leave `priority` out: keepalived then starts a MASTER at 255 (the owner) and a BACKUP at 100 */
  omitPriority?: boolean;
  state: 'MASTER' | 'BACKUP';
  nopreempt: boolean;
  preemptDelay: boolean;
  dontTrackPrimary: boolean;
  /** per instance name: the scripts it tracks */
  scripts: ScriptDef[];
  /** its own `version` line and advert_int (default: none, and 1) */
  version?: 2 | 3;
  advertInt?: number;
}

export type FailureDef = { kind: 'script'; director: number; script: string } | { kind: 'stop'; director: number } | { kind: 'link'; director: number } | { kind: 'none' };

export interface Scenario {
  id: number;
  syncGroup: boolean;
  /** sync_group_tracking_weight in the sync group */
  groupWeights: boolean;
  /** unicast_src_ip and unicast_peer naming every other director */
  unicast: boolean;
  /** split brain by config: per director, its auth_pass; and unicast peers a director's list leaves out */
  authPass?: string[];
  /** `version 3` on every director: keepalived then drops the authentication, so different passwords do not split them */
  version3?: boolean;
  omittedPeers?: [from: number, omitted: number][];
  /** check_unicast_src on every director: adverts from a source a director does not list are dropped */
  checkUnicastSrc?: boolean;
  directors: DirectorDef[];
  failure: FailureDef;
}

/** mulberry32: small, fast, and the same on every platform */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generate(seed: number, count: number): Scenario[] {
  const rnd = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const out: Scenario[] = [];
  for (let id = 0; id < count; id++) {
    const n = rnd() < 0.3 ? 3 : 2;
    const syncGroup = rnd() < 0.25;
    const groupWeights = syncGroup && rnd() < 0.3;
    const unicast = rnd() < 0.25;
    const withMaster = rnd() < 0.4;
    const nopreempt = !withMaster && rnd() < 0.35;
    const directors: DirectorDef[] = [];
    for (let i = 0; i < n; i++) {
      const scripts: ScriptDef[] = [];
      const k = int(0, 2);
      for (let s = 0; s < k; s++) {
        const weight = rnd() < 0.3 ? 0 : pick([-1, 1]) * int(2, 60);
        scripts.push({ name: `chk${i}${s}`, weight, reverse: weight !== 0 && rnd() < 0.15 });
      }
      // a tie now and then: the model must then say it cannot tell
      // now and then the address owner (255), whose weights keepalived ignores
      const owner = i === 0 && withMaster && rnd() < 0.25;
      const priority = owner ? 255 : i > 0 && rnd() < 0.1 ? directors[0].priority : int(60, 200);
      const state = withMaster && i === 0 ? 'MASTER' : 'BACKUP';
      const noPreempt = nopreempt && rnd() < 0.7;
      directors.push({ priority, state, nopreempt: noPreempt, preemptDelay: state === 'BACKUP' && !noPreempt && rnd() < 0.15, dontTrackPrimary: rnd() < 0.15, scripts });
    }
    // failures mostly hit the likely MASTER (the highest priority), where they matter
    const top = directors.reduce((best, x, i) => (x.priority > directors[best].priority ? i : best), 0);
    const d = rnd() < 0.65 ? top : int(0, n - 1);
    const withScripts = directors.map((x, i) => ({ x, i })).filter(({ x }) => x.scripts.length > 0);
    const roll = rnd();
    let failure: FailureDef;
    if (roll < 0.55 && withScripts.length) {
      const onTop = withScripts.find(({ i }) => i === top);
      const { x, i } = onTop && rnd() < 0.65 ? onTop : pick(withScripts);
      failure = { kind: 'script', director: i, script: pick(x.scripts).name };
    } else if (roll < 0.8) failure = { kind: 'stop', director: d };
    else failure = { kind: 'link', director: d };
    out.push({ id, syncGroup, groupWeights, unicast, directors, failure });
  }
  return out;
}

/**
 * Directors that cannot hear each other (issue 16): a different auth_pass, or a unicast_peer list that
 * leaves a director out, one way or both. Fixed cases, numbered after the random ones; no failure is applied.
 */
export function splitBrainScenarios(firstId: number): Scenario[] {
  const director = (priority: number): DirectorDef => ({ priority, state: 'BACKUP', nopreempt: false, preemptDelay: false, dontTrackPrimary: false, scripts: [] });
  const base = { syncGroup: false, groupWeights: false, unicast: false, failure: { kind: 'none' } as FailureDef };
  const cases: Omit<Scenario, 'id'>[] = [
    { ...base, directors: [director(150), director(100)], authPass: ['one', 'two'] },
    { ...base, directors: [director(150), director(100), director(120)], authPass: ['one', 'one', 'two'] },
    // a MASTER without a priority is the owner (255): it keeps the VIP against a BACKUP of 200
    { ...base, directors: [{ ...director(255), state: 'MASTER', omitPriority: true }, director(200)] },
    // two MASTERs below 255: keepalived starts both as BACKUP, and the higher priority takes the VIP
    { ...base, directors: [{ ...director(100), state: 'MASTER' }, { ...director(150), state: 'MASTER' }] },
    // VRRPv2 drops adverts of another version or another interval; VRRPv3 takes another interval
    { ...base, directors: [{ ...director(150), version: 3 }, director(100)] },
    { ...base, directors: [{ ...director(150), advertInt: 2 }, director(100)] },
    { ...base, version3: true, directors: [{ ...director(150), advertInt: 2 }, director(100)] },
    // VRRPv3 has no authentication: keepalived drops the blocks, and the directors hear each other
    { ...base, version3: true, directors: [director(150), director(100)], authPass: ['one', 'two'] },
    // d0's list leaves out its only peer: an empty list is multicast, and multicast and unicast never meet
    { ...base, unicast: true, directors: [director(150), director(100)], omittedPeers: [[0, 1]] },
    // d0 never sends to d1, but d1 has the highest priority: the others hear it and stay BACKUP
    { ...base, unicast: true, directors: [director(100), director(150), director(50)], omittedPeers: [[0, 1]] },
    { ...base, unicast: true, directors: [director(150), director(100)], omittedPeers: [[0, 1], [1, 0]] },
    // the same, where every director checks unicast sources: d0 drops d1's adverts and becomes MASTER beside it
    { ...base, unicast: true, checkUnicastSrc: true, directors: [director(100), director(150), director(50)], omittedPeers: [[0, 1]] },
    // d0, MASTER, never sends to d2; d1 hears d0 and, as BACKUP, sends nothing: d2 takes over beside d0
    { ...base, unicast: true, directors: [director(200), director(150), director(100)], omittedPeers: [[0, 2]] },
  ];
  return cases.map((c, i) => ({ ...c, id: firstId + i }));
}

/** Instance names and VIPs: one instance, or two in a sync group. */
export function instancesOf(s: Scenario, subnet: number): { name: string; vrid: number; vip: string }[] {
  const list = [{ name: 'VI_1', vrid: 51, vip: `169.254.${subnet}.100` }];
  if (s.syncGroup) list.push({ name: 'VI_2', vrid: 52, vip: `169.254.${subnet}.101` });
  return list;
}

/** The config of director i: its scripts fail while their flag file exists. */
export function configOf(s: Scenario, i: number, subnet: number, flag: (name: string) => string, scriptPath: (name: string) => string): string {
  const d = s.directors[i];
  const lines: string[] = ['global_defs {', '  script_user root', '}'];
  for (const sc of d.scripts) {
    lines.push(`vrrp_script ${sc.name} {`, `  script "${scriptPath(sc.name)}"`, '  interval 1', '  fall 1', '  rise 1');
    if (sc.weight !== 0) lines.push(`  weight ${sc.weight}${sc.reverse ? ' reverse' : ''}`);
    lines.push('}');
  }
  const instances = instancesOf(s, subnet);
  if (s.syncGroup) lines.push('vrrp_sync_group G1 {', '  group {', ...instances.map((x) => `    ${x.name}`), '  }', ...(s.groupWeights ? ['  sync_group_tracking_weight'] : []), '}');
  for (const [k, x] of instances.entries()) {
    lines.push(`vrrp_instance ${x.name} {`, `  state ${d.state}`, '  interface eth0', `  virtual_router_id ${x.vrid}`, ...(d.omitPriority ? [] : [`  priority ${d.priority}`]), `  advert_int ${d.advertInt ?? 1}`);
    if (s.version3) lines.push('  version 3');
    if (d.version) lines.push(`  version ${d.version}`);
    if (d.nopreempt) lines.push('  nopreempt');
    if (d.dontTrackPrimary) lines.push('  dont_track_primary');
    if (d.preemptDelay) lines.push('  preempt_delay 1');
    if (s.unicast) {
      const address = (j: number) => `169.254.${subnet}.${10 + j}`;
      const omitted = (j: number) => (s.omittedPeers ?? []).some(([from, left]) => from === i && left === j);
      lines.push(`  unicast_src_ip ${address(i)}`, '  unicast_peer {', ...s.directors.map((_, j) => j).filter((j) => j !== i && !omitted(j)).map((j) => `    ${address(j)}`), '  }');
      if (s.checkUnicastSrc) lines.push('  check_unicast_src');
    }
    if (s.authPass) lines.push('  authentication {', '    auth_type PASS', `    auth_pass ${s.authPass[i]}`, '  }');
    lines.push('  virtual_ipaddress {', `    ${x.vip}/24`, '  }');
    // the scripts are tracked by the first instance; in a sync group the second fails with it
    if (k === 0 && d.scripts.length) lines.push('  track_script {', ...d.scripts.map((sc) => `    ${sc.name}`), '  }');
    lines.push('}');
  }
  void flag;
  return lines.join('\n') + '\n';
}

/** The shell script of a tracked check: fails while its flag file exists. */
export function scriptBody(flag: string): string {
  return `#!/bin/sh\n[ ! -e '${flag}' ]\n`;
}
