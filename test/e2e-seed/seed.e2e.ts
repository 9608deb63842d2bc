// The seed's whole scenario on one machine, with the real daemons: two LVS directors and two web nodes,
// each a network namespace with its own sshd and /etc/keepalived; configs written from the snippets and
// linted; keepalived-deploy pushes them over SSH; real keepalived does VRRP on a Linux bridge; then the
// failover the seed's last section asks for. Needs root. Run with `npm run test:e2e:seed`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintFiles } from '../../server/src/analysis/lint';
import { createHash } from 'node:crypto';
import { configFacts } from '../../server/src/analysis/facts';
import { parseClusterFile } from '../../server/src/deploy/clusterFile';
import { clusterTree, type TreeNode } from '../../server/src/deploy/clusterTree';
import { clusterStatus } from '../../server/src/deploy/status';
import { createSeedLab, SUBNET, type SeedLab, type SeedHost } from './seedLab';
import { directorConfig, type SeedAddresses } from './seedConfigs';

const MASTER = 'lvs-master';
const BACKUP = 'lvs-slave';
const WEB = ['web-node1', 'web-node2'] as const;
const VIP = `${SUBNET}.200`;
const ADDRESSES: SeedAddresses = { vip: VIP, prefix: 24, iface: 'eth0', webNodes: [`${SUBNET}.201`, `${SUBNET}.202`] };
const REALSERVER_SCRIPT = '/usr/local/sbin/lvs-realserver.sh';

let lab: SeedLab;
let ws: string;
let ipvs: { available: boolean; probe: string };
const timings: Record<string, number | string> = {};
const startedAt = performance.now();

let failed = false;
/** a test whose failure also prints the daemons' logs at the end */

/** The Explorer's cluster view as the VS Code client builds it: status over SSH, drawn by clusterTree. */
async function clusterViewNow(): Promise<TreeNode> {
  const clusterPath = join(ws, 'keepalived-cluster.json');
  const parsed = parseClusterFile(readFileSync(clusterPath, 'utf8'), ws);
  assert.ok(parsed.ok);
  const spec = parsed.spec;
  const status = await clusterStatus({ spec, analysis: { configFacts }, callbacks: { confirmHostKey: async () => false, askSecret: async () => undefined } });
  const facts = new Map(spec.directors.map((d) => [d.config, configFacts(d.config)]));
  const localSha256 = new Map(spec.directors.map((d) => [d.config, createHash('sha256').update(readFileSync(d.config)).digest('hex')]));
  return clusterTree({ name: 'keepalived-cluster.json', spec, facts, localSha256, status });
}
const child = (node: TreeNode, label: string) => node.children?.find((c) => c.label === label);

function step(name: string, fn: () => void | Promise<void>): void {
  test(name, async () => {
    try {
      await fn();
    } catch (err) {
      failed = true;
      throw err;
    }
  });
}

const ms = (t0: number) => Math.round(performance.now() - t0);

/** true when the VIP sits on this director's LAN interface */
const vipOn = (h: SeedHost) => h.inNs('ip', '-o', 'addr', 'show', 'dev', 'eth0').stdout.includes(`inet ${VIP}/24`);

async function until(what: string, ok: () => boolean, timeoutMs: number, stepMs = 20): Promise<number> {
  const t0 = performance.now();
  while (!ok()) {
    if (performance.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return ms(t0);
}

function keepalivedDeploy(args: string[]): Promise<{ code: number | null; out: string; err: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const cli = join(process.cwd(), 'server/src/deploy/cli.ts');
    const p = spawn(process.execPath, ['--import', 'tsx', cli, ...args, '--cluster', join(ws, 'keepalived-cluster.json')]);
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => resolve({ code, out, err, ms: ms(t0) }));
  });
}

/** What keepalived's HTTP_GET asks of a web node, asked from inside a director's namespace. */
function httpStatusFrom(director: SeedHost, url: string): string {
  const script = `require('node:http').get(${JSON.stringify(url)}, { timeout: 2000 }, (r) => { console.log(r.statusCode); r.resume(); }).on('error', (e) => console.log(e.code))`;
  return director.inNs(process.execPath, '-e', script).stdout.trim();
}

/**
 * Every file a host keeps under its private /etc/keepalived and /usr/local/sbin, with content and mtime,
 * and those in the directories there (deploy keeps its manifests and locks in one).
 */
function snapshot(h: SeedHost): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (dir: string): void => {
    for (const f of readdirSync(dir)) {
      const path = join(dir, f);
      const stat = statSync(path);
      if (stat.isDirectory()) visit(path);
      else out[path] = `${stat.mtimeMs} ${readFileSync(path, 'utf8')}`;
    }
  };
  for (const dir of [h.etcKeepalived, h.localSbin]) visit(dir);
  return out;
}

const reloads = (name: string) => (lab.keepalivedLog(name).match(/Reloading \.\.\./g) ?? []).length;

// An interrupted run still removes its namespaces and daemons (node:test skips `after` then).
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void (lab?.teardown() ?? Promise.resolve()).finally(() => process.exit(130));
  });

before(async () => {
  const t0 = performance.now();
  lab = await createSeedLab([
    { name: MASTER, address: `${SUBNET}.11`, kind: 'director' },
    { name: BACKUP, address: `${SUBNET}.12`, kind: 'director' },
    { name: WEB[0], address: ADDRESSES.webNodes[0], kind: 'web' },
    { name: WEB[1], address: ADDRESSES.webNodes[1], kind: 'web' },
  ]);
  timings['lab setup (bridge, 4 namespaces, 4 sshd)'] = ms(t0);

  // IPVS is per network namespace; where the kernel lacks it, keepalived's checker process exits FATAL
  // and takes the whole daemon down, so the directors then run the VRRP half only (--vrrp).
  const probe = lab.host(MASTER).inNs('ipvsadm', '-Ln');
  ipvs = { available: probe.status === 0, probe: (probe.stdout + probe.stderr).trim() };
  timings.ipvs = ipvs.available ? 'available' : `NOT available in this kernel: ${ipvs.probe.split('\n')[0]}`;

  for (const web of WEB) await lab.startHttpServer(web);
  // Freshly installed directors: a keepalived.conf with nothing to run, and the daemon running on it.
  for (const name of [MASTER, BACKUP]) {
    writeFileSync(join(lab.host(name).etcKeepalived, 'keepalived.conf'), `global_defs {\n\trouter_id ${name}\n}\n`);
    await lab.startKeepalived(name, ipvs.available ? [] : ['--vrrp']);
  }

  ws = join(lab.root, 'workspace');
  mkdirSync(ws);
  writeFileSync(join(ws, 'master.conf'), directorConfig('MASTER', ADDRESSES));
  writeFileSync(join(ws, 'backup.conf'), directorConfig('BACKUP', ADDRESSES));
  const director = (name: string, config: string) => ({
    name,
    host: lab.host(name).address,
    config,
    // keepalived runs outside a service manager here; the reload is the signal systemd would send
    reloadCommand: `kill -HUP "$(cat '${lab.host(name).pidFile}')"`,
  });
  const cluster = {
    ssh: { agent: false, identityFile: lab.userKey, knownHostsFile: lab.knownHosts, connectTimeoutSeconds: 5, commandTimeoutSeconds: 20 },
    // no roles, VIPs or paths: the product takes them from the configs and its defaults
    directors: [director(MASTER, 'master.conf'), director(BACKUP, 'backup.conf')],
    realServers: WEB.map((name) => ({ name, host: lab.host(name).address })),
  };
  writeFileSync(join(ws, 'keepalived-cluster.json'), JSON.stringify(cluster, null, 2));
});

after(async () => {
  const failedLogs = failed ? [MASTER, BACKUP].map((n) => `--- ${n} keepalived log ---\n${lab?.keepalivedLog(n)}`) : [];
  await lab?.teardown();
  timings['whole run'] = ms(startedAt);
  console.log(`seed e2e timings:\n${Object.entries(timings).map(([k, v]) => `  ${k}: ${typeof v === 'number' ? `${v} ms` : v}`).join('\n')}`);
  if (failedLogs.length) console.log(failedLogs.join('\n'));
});

step('the directors written from the snippets lint clean as one cluster', () => {
  const files = [join(ws, 'master.conf'), join(ws, 'backup.conf')];
  const findings = lintFiles(files).filter((d) => d.severity === 'error' || d.severity === 'warning');
  assert.deepEqual(findings, []);
  const master = readFileSync(files[0], 'utf8');
  assert.match(master, /state MASTER/);
  assert.match(master, /lvs_method DR/);
  assert.equal((master.match(/HTTP_GET/g) ?? []).length, 2);
});

step('keepalived-deploy pushes both configs and the realserver script over SSH with pinned host keys', async () => {
  const reloadsBefore = [MASTER, BACKUP].map(reloads);
  const pids = [MASTER, BACKUP].map((n) => readFileSync(lab.host(n).pidFile, 'utf8').trim());
  // no --trust-new-host-keys: every host key must match the known_hosts the test wrote
  const r = await keepalivedDeploy(['deploy']);
  timings['keepalived-deploy deploy (wall, incl. CLI start and verify)'] = r.ms;
  assert.equal(r.code, 0, r.out + r.err);
  assert.doesNotMatch(r.err, /unknown host key/);
  for (const line of r.out.split('\n').filter((l) => /^\S+ \((MASTER|BACKUP|REALSERVER)\): /.test(l))) {
    const [, name, phases] = /^(\S+) \(\w+\): \S+\s+(.*)$/.exec(line)!;
    timings[`deploy ${name}`] = phases;
  }
  assert.match(r.out, new RegExp(`^${MASTER} \\(MASTER\\): committed`, 'm'));
  assert.match(r.out, new RegExp(`^${BACKUP} \\(BACKUP\\): committed`, 'm'));
  for (const web of WEB) assert.match(r.out, new RegExp(`^${web} \\(REALSERVER\\): committed`, 'm'));
  assert.match(r.out, /keepalived -t: config valid/);
  assert.match(r.out, new RegExp(`\\[${MASTER}\\] VIPs present: ${VIP.replace(/\./g, '\\.')}`));

  // The files landed in each host's own /etc/keepalived and /usr/local/sbin, not in the machine's.
  assert.equal(readFileSync(join(lab.host(MASTER).etcKeepalived, 'keepalived.conf'), 'utf8'), readFileSync(join(ws, 'master.conf'), 'utf8'));
  assert.equal(readFileSync(join(lab.host(BACKUP).etcKeepalived, 'keepalived.conf'), 'utf8'), readFileSync(join(ws, 'backup.conf'), 'utf8'));
  for (const web of WEB) assert.equal(statSync(join(lab.host(web).localSbin, 'lvs-realserver.sh')).mode & 0o777, 0o755);
  assert.equal(existsSync('/etc/keepalived/keepalived.conf'), false);
  assert.equal(existsSync(REALSERVER_SCRIPT), false);
  // The previous config was kept as a backup.
  assert.ok(readdirSync(lab.host(MASTER).etcKeepalived).some((f) => f.startsWith('keepalived.conf.bak-')));
  // Reloaded, not restarted: the same daemons read the new configs.
  assert.deepEqual([MASTER, BACKUP].map((n) => readFileSync(lab.host(n).pidFile, 'utf8').trim()), pids);
  assert.deepEqual([MASTER, BACKUP].map(reloads), reloadsBefore.map((n) => n + 1));
});

step('the VIP is on the MASTER only; the realserver script bound it on each web node with the ARP settings', async () => {
  const master = lab.host(MASTER);
  const backup = lab.host(BACKUP);
  await until('the VIP on the MASTER only', () => vipOn(master) && !vipOn(backup), 8000);
  assert.match(lab.keepalivedLog(MASTER), /\(VI_1\) Entering MASTER STATE/);
  assert.match(lab.keepalivedLog(BACKUP), /\(VI_1\) Entering BACKUP STATE/);
  for (const name of WEB) {
    const web = lab.host(name);
    assert.match(web.inNs('ip', '-o', 'addr', 'show', 'dev', 'lo').stdout, new RegExp(`inet ${VIP.replace(/\./g, '\\.')}/32 `));
    assert.doesNotMatch(web.inNs('ip', '-o', 'addr', 'show', 'dev', 'eth0').stdout, new RegExp(VIP.replace(/\./g, '\\.')));
    for (const dev of ['lo', 'all']) {
      assert.equal(web.inNs('cat', `/proc/sys/net/ipv4/conf/${dev}/arp_ignore`).stdout.trim(), '1', `${name} ${dev} arp_ignore`);
      assert.equal(web.inNs('cat', `/proc/sys/net/ipv4/conf/${dev}/arp_announce`).stdout.trim(), '2', `${name} ${dev} arp_announce`);
    }
  }
});

step('the web nodes answer what the HTTP_GET checks ask; IPVS carries the VIP where the kernel has it', async () => {
  for (const director of [MASTER, BACKUP])
    for (const address of ADDRESSES.webNodes) assert.equal(httpStatusFrom(lab.host(director), `http://${address}/`), '200', `${director} → ${address}`);
  if (!ipvs.available) {
    // Said plainly instead of pretending: no IPVS here, so no virtual service table and no checker.
    assert.match(ipvs.probe, /Can't initialize ipvs/);
    console.log(`IPVS is not available in this kernel (${ipvs.probe.split('\n')[0]}): keepalived runs with --vrrp; the LVS table and the HTTP_GET checker are not exercised`);
    return;
  }
  const table = lab.host(MASTER).inNs('ipvsadm', '-Ln').stdout;
  assert.match(table, new RegExp(`TCP\\s+${VIP.replace(/\./g, '\\.')}:80`));
  for (const address of ADDRESSES.webNodes) assert.match(table, new RegExp(`${address.replace(/\./g, '\\.')}:80\\s+Route`));
  const body = await fetch(`http://${VIP}/`).then((r) => r.text());
  assert.ok(WEB.includes(body.trim() as (typeof WEB)[number]), `a web node answers on the VIP, got ${body}`);
});

step('keepalived-deploy status reports the VIP on the MASTER and both real servers running', async () => {
  const r = await keepalivedDeploy(['status']);
  timings['keepalived-deploy status (wall)'] = r.ms;
  assert.equal(r.code, 0, r.out + r.err);
  assert.match(r.out, new RegExp(`^VIP ${VIP.replace(/\./g, '\\.')}: held by ${MASTER}$`, 'm'));
  assert.match(r.out, new RegExp(`^director ${MASTER}: keepalived active; VIPs here: ${VIP.replace(/\./g, '\\.')}$`, 'm'));
  assert.match(r.out, new RegExp(`^director ${BACKUP}: keepalived active; VIPs here: none$`, 'm'));
  for (const web of WEB) assert.match(r.out, new RegExp(`^real server ${web}: running$`, 'm'));
  if (!ipvs.available) assert.match(r.out, /Can't initialize ipvs/);
});

step('stopping the MASTER moves the VIP to the BACKUP within seconds, and status says so', async () => {
  const master = lab.host(MASTER);
  const backup = lab.host(BACKUP);
  const t0 = performance.now();
  const stopped = lab.stopKeepalived(MASTER);
  await until('the VIP on the BACKUP', () => vipOn(backup), 5000);
  timings['failover: MASTER stopped → VIP on BACKUP'] = ms(t0);
  await stopped;
  assert.equal(vipOn(master), false, 'a stopped keepalived takes its VIP away');
  assert.match(lab.keepalivedLog(BACKUP), /\(VI_1\) Entering MASTER STATE/);

  const r = await keepalivedDeploy(['status']);
  assert.equal(r.code, 0, r.out + r.err);
  assert.match(r.out, new RegExp(`^VIP ${VIP.replace(/\./g, '\\.')}: held by ${BACKUP}$`, 'm'));
  assert.match(r.out, new RegExp(`^director ${MASTER}: keepalived inactive; VIPs here: none$`, 'm'));
  assert.match(r.out, new RegExp(`^director ${BACKUP}: keepalived active; VIPs here: ${VIP.replace(/\./g, '\\.')}$`, 'm'));
});

step('the cluster view, refreshed with the MASTER stopped, shows the BACKUP holding the VIP and both configs deployed', async () => {
  const view = await clusterViewNow();
  assert.equal(child(view, `VIP ${VIP}`)?.description, `held by ${BACKUP}`);
  assert.equal(child(view, MASTER)?.description, 'keepalived inactive · deployed = local');
  assert.equal(child(view, BACKUP)?.description, 'keepalived active · deployed = local');
  assert.equal(child(child(view, BACKUP)!, 'VI_1')?.description, `MASTER (holds ${VIP})`);
  assert.equal(child(child(view, MASTER)!, 'VI_1')?.description, 'keepalived not running');
});

step('restarting the MASTER takes the VIP back (preemption)', async () => {
  const master = lab.host(MASTER);
  const backup = lab.host(BACKUP);
  const t0 = performance.now();
  await lab.startKeepalived(MASTER, ipvs.available ? [] : ['--vrrp']);
  await until('the VIP back on the MASTER only', () => vipOn(master) && !vipOn(backup), 10000);
  timings['preemption: MASTER restarted → VIP back on MASTER'] = ms(t0);
  const r = await keepalivedDeploy(['status']);
  assert.equal(r.code, 0, r.out + r.err);
  assert.match(r.out, new RegExp(`^VIP ${VIP.replace(/\./g, '\\.')}: held by ${MASTER}$`, 'm'));
});

step('after preemption the cluster view shows the MASTER holding the VIP again', async () => {
  const view = await clusterViewNow();
  assert.equal(child(view, `VIP ${VIP}`)?.description, `held by ${MASTER}`);
  assert.equal(child(child(view, MASTER)!, 'VI_1')?.description, `MASTER (holds ${VIP})`);
  assert.equal(child(child(view, BACKUP)!, 'VI_1')?.description, 'BACKUP');
});

step('a deploy whose directors disagree on virtual_router_id is refused before any host changes', async () => {
  const before = lab.hosts.map(snapshot);
  const reloadsBefore = [MASTER, BACKUP].map(reloads);
  const good = readFileSync(join(ws, 'backup.conf'), 'utf8');
  writeFileSync(join(ws, 'backup.conf'), good.replace('virtual_router_id 51', 'virtual_router_id 52'));
  const r = await keepalivedDeploy(['deploy']);
  timings['refused deploy (wall)'] = r.ms;
  assert.equal(r.code, 1, r.out + r.err);
  assert.match(r.out, /cluster-vrid-mismatch/);
  assert.match(r.out, /result: lint-errors/);
  assert.doesNotMatch(r.out, /connecting to/);
  assert.deepEqual(lab.hosts.map(snapshot), before);
  assert.deepEqual([MASTER, BACKUP].map(reloads), reloadsBefore);
  assert.equal(vipOn(lab.host(MASTER)), true);
});
