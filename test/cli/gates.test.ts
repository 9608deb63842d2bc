// Exit statuses and the options that decide them, --version, and standard input named by --stdin-filename.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/paths';
import { runCli, tempTree } from './runCli';

const WARNING_ONLY = 'global_defs {\n    router_id a\n    router_id b\n}\n';
const TWO_WARNINGS = 'global_defs {\n    router_id a\n    router_id b\n    router_id c\n}\n';
const WITH_ERROR = 'vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 300\n    priority 100\n}\n';
const CLEAN = 'global_defs {\n    router_id a\n}\n';

describe('exit status and gates', () => {
  const dir = tempTree({ 'warn.conf': WARNING_ONLY, 'two.conf': TWO_WARNINGS, 'err.conf': WITH_ERROR, 'clean.conf': CLEAN });
  const lint = (...args: string[]) => runCli(args, { cwd: dir });

  it('--fail-on: error by default, warning or info makes warnings fail too', () => {
    assert.equal(lint('clean.conf').status, 0);
    assert.equal(lint('warn.conf').status, 0);
    assert.equal(lint('err.conf').status, 1);
    assert.equal(lint('--fail-on', 'warning', 'warn.conf').status, 1);
    assert.equal(lint('--fail-on', 'info', 'warn.conf').status, 1);
    assert.equal(lint('--fail-on', 'warning', 'clean.conf').status, 0);
  });

  it('--max-warnings N fails on more than N warnings', () => {
    assert.equal(lint('--max-warnings', '2', 'two.conf').status, 0);
    const over = lint('--max-warnings', '1', 'two.conf');
    assert.equal(over.status, 1);
    assert.match(over.stderr, /2 warning\(s\) \(more than --max-warnings 1\)/);
  });

  it('--quiet prints and counts errors only', () => {
    const quiet = lint('--quiet', '--max-warnings', '0', 'two.conf', 'err.conf');
    assert.equal(quiet.status, 1);
    assert.doesNotMatch(quiet.stdout, /warning/);
    assert.match(quiet.stdout, /err\.conf:3:23: error: .*\[invalid-number\]/);
    assert.equal(lint('--quiet', '--max-warnings', '0', 'two.conf').status, 0);
  });

  it('--version prints the package version', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const run = lint('--version');
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `keepalived-lint ${version}\n`);
  });

  it('exits 2 on bad gate values, with one clear line', () => {
    for (const args of [['--fail-on', 'fatal', 'clean.conf'], ['--max-warnings', '-1', 'clean.conf'], ['--quiet=yes', 'clean.conf'], ['-', '-'], ['--stdin-filename', 'x.conf', 'clean.conf'], ['--fix', '-']]) {
      const run = lint(...args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /^keepalived-lint: .+\n$/);
    }
  });

  it('the usage text documents every exit status', () => {
    const help = lint('--help').stdout;
    for (const status of ['0', '1', '2']) assert.match(help, new RegExp(`^  ${status}  \\S`, 'm'));
  });
});

describe('standard input', () => {
  it('"-" reads the config from stdin; --stdin-filename names it and places its includes', () => {
    const dir = tempTree({ 'lb/services/web.conf': 'virtual_server 192.0.2.10 80 {\n    lb_algo rx\n    lb_kind DR\n}\n' });
    const text = 'vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.10\n    }\n}\ninclude services/*.conf\n';
    const run = runCli(['--stdin-filename', 'lb/keepalived.conf', '-'], { cwd: dir, input: text });
    assert.equal(run.status, 1, run.stderr);
    // the include was found beside the named path: its error is reported in the included file
    assert.match(run.stdout, /^lb\/services\/web\.conf:2:13: error: .*\[invalid-value\]$/m);
    const unnamed = runCli(['-'], { cwd: dir, input: text });
    assert.match(unnamed.stdout, /^-:9:9: warning: 'services\/\*\.conf' matches no file.*\[missing-include\]$/m);
    assert.equal(unnamed.status, 0);
  });

  it('finds the cluster peers beside the named path (keepalived-cluster.json or the config file)', () => {
    const backup = 'vrrp_instance VI_1 {\n    interface eth0\n    state BACKUP\n    virtual_router_id 52\n    priority 100\n    virtual_ipaddress {\n        192.0.2.10\n    }\n}\n';
    const master = backup.replace('BACKUP', 'MASTER').replace('virtual_router_id 52', 'virtual_router_id 51').replace('priority 100', 'priority 150');
    const dir = tempTree({
      'lb2.conf': backup + 'include lb2-extra.conf\n',
      'lb2-extra.conf': 'global_defs {\n    router_id a\n    router_id b\n}\n',
      '.keepalived-lint.json': JSON.stringify({ clusters: [['lb1.conf', 'lb2.conf']] }),
    });
    const run = runCli(['--stdin-filename', 'lb1.conf', '-'], { cwd: dir, input: master });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^lb1\.conf:4:23: error: .*\[cluster-vrid-mismatch\]$/m);
    assert.doesNotMatch(run.stdout, /^lb2/m, "the peer's own findings (and its includes') are not reported");
  });
});
