// `keepalived-lint DIR`: the configs under a directory, found as the extension finds a workspace's, and a
// repository of many configs checked in parts (on worker threads with --jobs) with the findings one check
// over all of them gives.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { writeRepository } from '../../bench/generate';
import { diskFileSystem } from '../../server/src/analysis/diskFileSystem';
import { expandDirectories } from '../../server/src/cli/directoryArgs';
import { parseArgs, type CliOptions } from '../../server/src/cli/lintArgs';
import { printed, runLint } from '../../server/src/cli/lintRun';
import { inNamedOrder } from '../../server/src/cli/parallelLint';
import { ROOT } from '../helpers/paths';

const work = mkdtempSync(join(tmpdir(), 'ka-dirs-'));

function lint(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server/src/cli/lint.ts'), '--keepalived-version', '2.4.3', ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(path: string, text: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const DIRECTOR = 'vrrp_instance VI_1 {\n    state MASTER\n    interface eth0\n    virtual_router_id 300\n    priority 100\n    virtual_ipaddress {\n        192.0.2.1\n    }\n}\n';

describe('keepalived-lint DIR', () => {
  it('checks the configs under it: by name, else by a keepalived block; skips the rest, dependencies and ignores', () => {
    const repo = join(work, 'walk');
    const expected = [
      write(join(repo, 'keepalived.conf'), DIRECTOR),
      write(join(repo, 'hosts/lb1.keepalived.conf'), DIRECTOR),
      write(join(repo, 'hosts/lb2/master.conf'), DIRECTOR),
      write(join(repo, 'roles/keepalived/templates/keepalived.conf.j2'), DIRECTOR.replace('300', '{{ vrid }}')),
      write(join(repo, 'roles/keepalived/files/extra.conf'), 'garbage here\n'),
    ];
    write(join(repo, 'nginx/nginx.conf'), 'server {\n    listen 80;\n}\n');
    write(join(repo, 'node_modules/pkg/keepalived.conf'), DIRECTOR);
    write(join(repo, '.git/keepalived.conf'), DIRECTOR);
    write(join(repo, 'old/keepalived.conf'), DIRECTOR);
    write(join(repo, 'hosts/keepalived.conf.bak'), DIRECTOR);
    write(join(repo, '.keepalived-lint.json'), JSON.stringify({ ignore: ['old/**'] }));
    const r = lint(['--format', 'json', repo]);
    const files = new Set((JSON.parse(r.stdout) as { file: string }[]).map((d) => d.file));
    // each has a finding (the out-of-range VRID, or the garbage) but the template, whose VRID Ansible fills in
    assert.deepEqual([...files].sort(), expected.filter((f) => !f.endsWith('.j2')).sort());
    const text = lint([repo]);
    assert.match(text.stderr, /^5 file\(s\) checked/m, text.stderr);
    assert.match(text.stdout, /extra\.conf:1:1: /, 'a .conf under a keepalived/ folder is checked whatever it holds');
  });

  it('says so, with status 2, when a directory holds no keepalived config', () => {
    const empty = join(work, 'empty');
    write(join(empty, 'nginx.conf'), 'events {}\n');
    const r = lint([empty]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no keepalived config under .*empty/);
  });

  it('takes .keepalived-lint.json from the directory named, not from a folder deeper down', () => {
    const repo = join(work, 'configs');
    write(join(repo, '.keepalived-lint.json'), JSON.stringify({ rules: { 'invalid-number': 'off' } }));
    write(join(repo, 'a/.keepalived-lint.json'), JSON.stringify({ rules: {} }));
    write(join(repo, 'a/keepalived.conf'), DIRECTOR);
    const r = lint([repo]);
    assert.equal(r.status, 0, r.stdout);
    assert.equal(r.stdout, '');
  });

  it('gives a repository checked in parts, on one thread or on workers, the findings of one check over it all', () => {
    const dir = join(work, 'repository');
    const repo = writeRepository(dir, 75, 150);
    const edit = (file: string, from: string | RegExp, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
    const cluster = (i: number) => join(dir, 'clusters', `c${String(i).padStart(3, '0')}`);
    edit(join(cluster(1), 'backup.conf'), 'auth_pass pw0', 'auth_pass other');
    edit(join(cluster(2), 'backup.conf'), /virtual_router_id \d+/, 'virtual_router_id 254');
    edit(join(cluster(3), 'master.conf'), 'global_defs {', 'include ../../shared/common.conf\nglobal_defs {');
    edit(join(cluster(60), 'master.conf'), 'global_defs {', 'include ../../shared/common.conf\nglobal_defs {');
    write(join(dir, 'shared/common.conf'), 'vrrp_script chk_web {\n    script "/usr/bin/true"\n    weight 300\n}\n');
    edit(join(cluster(4), 'master.conf'), 'global_defs {', 'include conf.d/*.conf\nglobal_defs {');
    write(join(cluster(4), 'conf.d/extra.conf'), 'virtual_server 10.9.9.9 80 {\n    lvs_sched nonsense\n}\n');
    const bytes = repo.configs.reduce((sum, f) => sum + readFileSync(f).length, 0);
    assert.ok(bytes > 1024 * 1024, `${bytes} bytes: more than one part`);

    const options = parseArgs(['--keepalived-version', '2.4.3', dir]) as CliOptions;
    const files = expandDirectories([dir]);
    const whole = runLint({ ...options, files, target: { version: '2.4.3', source: 'given' } }, diskFileSystem).diagnostics.map(printed);
    const expected = inNamedOrder(whole, files);
    const codes = new Set(expected.map((d) => d.code));
    for (const code of ['cluster-auth-pass-mismatch', 'cluster-vrid-mismatch']) assert.ok(codes.has(code), `${code} among ${[...codes].join(', ')}`);
    assert.ok(expected.some((d) => d.file.endsWith('shared/common.conf')), 'the shared include is checked');
    assert.ok(expected.some((d) => d.file.endsWith('conf.d/extra.conf')), 'the included file is checked');

    for (const jobs of ['1', '2']) {
      const r = lint(['--format', 'json', '--jobs', jobs, dir]);
      assert.equal(r.status, 1, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), JSON.parse(JSON.stringify(expected)), `--jobs ${jobs}`);
    }
    // workers that cannot start leave their parts to the main thread: the same report, and the process ends
    const failing = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/cli/failingWorkers.script.ts'), '--keepalived-version', '2.4.3', '--format', 'json', '--jobs', '2', dir], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 });
    assert.equal(failing.status, 1, failing.stderr);
    assert.deepEqual(JSON.parse(failing.stdout), JSON.parse(JSON.stringify(expected)), 'with failing workers');
  });
});
