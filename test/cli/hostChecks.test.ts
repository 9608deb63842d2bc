/**
 * `keepalived-lint --host-checks` against the real keepalived 2.2.7 and 2.4.3, run in the same network
 * namespace on the same files: where keepalived complains about the machine (an interface missing, a script
 * missing, insecure, or without a user to run as), the linter says it too, on the line; without the flag
 * it stays silent about the machine.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { InterfaceLab, KEEPALIVED_RELEASES } from '../helpers/interfaceLab';
import { ROOT } from '../helpers/paths';

interface Finding {
  line: number;
  severity: string;
  code: string;
  message: string;
}

describe('host checks', () => {
  let lab: InterfaceLab;
  let dir: string;

  before(() => {
    lab = new InterfaceLab(['eth0']);
    dir = mkdtempSync(join(tmpdir(), 'ka-host-'));
    chmodSync(dir, 0o755);
    const script = (name: string, mode: number) => {
      writeFileSync(join(dir, name), '#!/bin/sh\nexit 0\n');
      chmodSync(join(dir, name), mode);
    };
    script('ok.sh', 0o755);
    script('world-writable.sh', 0o777);
  });
  after(() => {
    lab?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A config of one instance on eth0 tracking one script, with the given global_defs lines. */
  function config(name: string, globals: string[], script: string, instanceExtra: string[] = []): string {
    const text = [
      'global_defs {',
      ...globals.map((g) => `    ${g}`),
      '}',
      'vrrp_script chk {',
      `    script "${script}"`,
      '}',
      'vrrp_instance VI_1 {',
      '    interface eth0',
      '    virtual_router_id 51',
      ...instanceExtra.map((l) => `    ${l}`),
      '    virtual_ipaddress {',
      '        192.0.2.10/24',
      '    }',
      '    track_script {',
      '        chk',
      '    }',
      '}',
      '',
    ].join('\n');
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  }

  function keepalivedSays(path: string): Record<string, string[]> {
    return Object.fromEntries(KEEPALIVED_RELEASES.map(({ version, binary }) => [version, lab.check(binary, path).lines]));
  }

  /** The linter's findings, the CLI run inside the namespace (its interfaces are what /sys/class/net shows there). */
  function lint(path: string, ...flags: string[]): Finding[] {
    const args = ['netns', 'exec', lab.netns, process.execPath, '--import', 'tsx', join(ROOT, 'server/src/cli/lint.ts'), '--format', 'json', ...flags, path];
    const run = spawnSync('ip', args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    if (run.error) throw run.error;
    return (JSON.parse(run.stdout) as Finding[]).filter((d) => d.code.startsWith('host-'));
  }

  /** The 1-based line of the config that holds `needle`. */
  const lineOf = (path: string, needle: string) => readFileSync(path, 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

  function agree(path: string, keepalived: RegExp, code: string, at: string, severity: string, flags: string[] = []) {
    const line = lineOf(path, at);
    assert.ok(line > 0, `${at} in the config`);
    for (const [version, lines] of Object.entries(keepalivedSays(path))) {
      assert.ok(lines.some((l) => keepalived.test(l)), `keepalived ${version} says ${keepalived}: ${lines.join(' / ')}`);
    }
    const findings = lint(path, '--host-checks', ...flags);
    assert.ok(
      findings.some((d) => d.code === code && d.line === line && d.severity === severity),
      `linter: ${code} (${severity}) on line ${line}: ${JSON.stringify(findings)}`,
    );
    assert.deepEqual(lint(path, ...flags), [], 'without --host-checks nothing about the machine');
  }

  it('a missing interface: keepalived warns, the linter reports it on the line', () => {
    const path = config('missing-if.conf', ['enable_script_security', 'script_user root'], join(dir, 'ok.sh'));
    const text = spawnSync('sed', ['-i', 's/interface eth0/interface eth9/', path]);
    assert.equal(text.status, 0);
    agree(path, /interface eth9 for vrrp_instance VI_1 doesn't exist/, 'host-interface-missing', 'interface eth9', 'error');
  });

  it('a missing tracked interface: keepalived ignores it, the linter warns', () => {
    const path = config('missing-tracked.conf', ['enable_script_security', 'script_user root'], join(dir, 'ok.sh'), ['track_interface {', '    eth7', '}']);
    agree(path, /tracked interface eth7 doesn't exist/, 'host-interface-missing', 'eth7', 'warning');
  });

  it('a missing script: both disable it', () => {
    const path = config('missing-script.conf', ['enable_script_security', 'script_user root'], join(dir, 'nowhere.sh'));
    agree(path, /Disabling track script chk since not found\/accessible/, 'host-script-missing', 'script "', 'error');
  });

  it('a script others may write, with enable_script_security: both disable it', () => {
    const path = config('insecure.conf', ['enable_script_security', 'script_user root'], join(dir, 'world-writable.sh'));
    agree(path, /Disabling track script chk due to insecure/, 'host-script-insecure', 'script "', 'error');
  });

  it('enable_script_security with no script_user and no keepalived_script user: both remove the script', () => {
    assert.equal(spawnSync('id', ['keepalived_script']).status, 1, 'this machine has no keepalived_script user');
    const path = config('no-user.conf', ['enable_script_security'], join(dir, 'ok.sh'));
    agree(path, /Unable to set default user keepalived_script for script/, 'host-script-user', 'script "', 'error');
  });

  it('scripts without enable_script_security: keepalived reports a security violation, the linter warns', () => {
    const path = config('no-security.conf', ['script_user root'], join(dir, 'ok.sh'));
    agree(path, /SECURITY VIOLATION - scripts are being executed but script_security not enabled/, 'host-script-security', 'script "', 'warning');
  });

  it('a script path through a symbolic link: 2.4.3 disables it, 2.2.7 runs it, the linter follows --keepalived-version', () => {
    assert.ok(lstatSync('/bin').isSymbolicLink(), 'this machine has a merged /usr (/bin is a link)');
    const path = config('symlink.conf', ['enable_script_security', 'script_user root'], '/bin/true');
    const says = keepalivedSays(path);
    assert.ok(says['2.4.3'].some((l) => /Disabling track script chk due to insecure/.test(l)), says['2.4.3'].join(' / '));
    assert.deepEqual(says['2.2.7'], []);
    assert.ok(lint(path, '--host-checks', '--keepalived-version', '2.4.3').some((d) => d.code === 'host-script-insecure' && d.line === lineOf(path, 'script "')));
    assert.deepEqual(lint(path, '--host-checks', '--keepalived-version', '2.2.7'), []);
  });

  /**
   * keepalived -t says nothing about a script it cannot execute (that check logs only while running), so the
   * daemon itself runs in the namespace, logging to the console, until it says so (or a generous minute).
   */
  function daemonSays(binary: string, path: string, wanted: RegExp): Promise<string> {
    const pidDir = mkdtempSync(join(dir, 'run-'));
    const args = ['netns', 'exec', lab.netns, binary, '-n', '-l', '-D', '-f', path, '-p', join(pidDir, 'k.pid'), '-r', join(pidDir, 'v.pid'), '-c', join(pidDir, 'c.pid')];
    const daemon = spawn('ip', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        daemon.kill('SIGTERM');
      };
      const timer = setTimeout(done, 60_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (wanted.test(output)) done();
      };
      daemon.stdout.on('data', read);
      daemon.stderr.on('data', read);
      daemon.on('exit', () => resolve(output));
    });
  }

  it('a script its user cannot execute: the running daemons disable it, the linter says so', async () => {
    writeFileSync(join(dir, 'not-executable.sh'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(dir, 'not-executable.sh'), 0o644);
    const path = config('not-executable.conf', ['enable_script_security', 'script_user root'], join(dir, 'ok.sh'), [`notify_master "${join(dir, 'not-executable.sh')}"`]);
    const wanted = /script '\S*not-executable.sh' is not executable for uid:gid 0:0 - disabling/;
    for (const { version, binary } of KEEPALIVED_RELEASES) {
      const output = await daemonSays(binary, path, wanted);
      assert.match(output, wanted, `keepalived ${version}`);
    }
    const findings = lint(path, '--host-checks');
    assert.ok(findings.some((d) => d.code === 'host-script-not-executable' && d.line === lineOf(path, 'notify_master')), JSON.stringify(findings));
    assert.deepEqual(lint(path), []);
  });

  it('a sound setup: neither keepalived nor the linter complains', () => {
    const path = config('sound.conf', ['enable_script_security', 'script_user root'], join(dir, 'ok.sh'));
    for (const [version, lines] of Object.entries(keepalivedSays(path))) assert.deepEqual(lines, [], `keepalived ${version}`);
    assert.deepEqual(lint(path, '--host-checks'), []);
  });
});
