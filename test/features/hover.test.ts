import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hover } from '../../server/src/features/hover';
import { positionOf, stateFor } from './state';

const CORPUS = '/work/shared/corpus/keepalived-samples';
const master = resolve('examples/master.conf');
const backup = resolve('examples/backup.conf');
const value = (h: ReturnType<typeof hover>) => (h?.contents as { value: string } | undefined)?.value ?? '';

test('a keyword shows its doc, arguments with ranges, default and example', () => {
  const text = readFileSync(master, 'utf8');
  const shown = value(hover(stateFor([master]), master, positionOf(text, 'priority 100', 3)));
  assert.match(shown, /Election priority/);
  assert.match(shown, /PRIORITY`: integer 1\.\.255/);
  assert.match(shown, /Default: `100`/);
  assert.match(shown, /```keepalived\npriority 150\n```/);
  assert.match(value(hover(stateFor([master]), master, positionOf(text, 'lb_kind DR', 9))), /one of `NAT`, `DR`, `TUN`/);
});

test('a parameter keepalived defines itself shows what it stands for, unless the config defines it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ka-hover-predefined-'));
  const path = join(dir, 'keepalived.conf');
  const text = 'global_defs {\n    router_id ${_ENV HOST_ID}-$_INSTANCE\n    notification_email_from $_HASH\n}\n';
  writeFileSync(path, `$_HASH=ops@example.com\n${text}`);
  const state = stateFor([path]);
  const at = (needle: string) => value(hover(state, path, positionOf(`$_HASH=ops@example.com\n${text}`, needle, 2)));
  assert.match(at('${_ENV HOST_ID}'), /^`\$\{_ENV NAME\}` \(keepalived 2\.4\.0 and later\)\n\nThe value of environment variable NAME/);
  assert.match(at('$_INSTANCE'), /config id keepalived was started with/);
  assert.doesNotMatch(at('$_HASH\n'), /starts no comment/);
});

test('a vrrp_instance shows its peers in the cluster with state and priority', () => {
  const text = readFileSync(master, 'utf8');
  const shown = value(hover(stateFor([master, backup]), master, positionOf(text, 'vrrp_instance VI_1', 2)));
  assert.match(shown, /examples\/master\.conf \(this one\) \| MASTER \| 100 \| 51/);
  assert.match(shown, /examples\/backup\.conf \| BACKUP \| 90 \| 51/);
});

test("the peers' table shows what keepalived makes of an unset priority or state", () => {
  // no priority with state MASTER is 255; no state at priority 255 is MASTER
  const dir = mkdtempSync(join(tmpdir(), 'ka-hover-'));
  const noPriority = join(dir, 'master.conf');
  const noState = join(dir, 'backup.conf');
  writeFileSync(noPriority, readFileSync(master, 'utf8').replace(/\n\s*priority 100/, ''));
  writeFileSync(noState, readFileSync(backup, 'utf8').replace(/\n\s*state BACKUP/, '').replace('priority 90', 'priority 255'));
  const text = readFileSync(noPriority, 'utf8');
  const shown = value(hover(stateFor([noPriority, noState]), noPriority, positionOf(text, 'vrrp_instance VI_1', 2)));
  assert.match(shown, /master\.conf \(this one\) \| MASTER \| \(255\) \| 51/);
  assert.match(shown, /backup\.conf \| \(MASTER\) \| 255 \| 51/);
});

test('a reference shows the definition it names', () => {
  const localcheck = join(CORPUS, 'keepalived.conf.vrrp.localcheck');
  const text = readFileSync(localcheck, 'utf8');
  const shown = value(hover(stateFor([localcheck]), localcheck, positionOf(text, 'chk_haproxy weight 2', 2)));
  assert.match(shown, /vrrp_script\*\* `chk_haproxy` \(keepalived-samples\/keepalived\.conf\.vrrp\.localcheck:19\)/);
  assert.match(shown, /vrrp_script chk_haproxy \{/);
});

test('an item of a value block and a deprecated keyword', () => {
  const text = readFileSync(master, 'utf8');
  const vip = value(hover(stateFor([master]), master, positionOf(text, '192.168.18.200\n', 2)));
  assert.match(vip, /virtual_ipaddress block/);
  // the item's first word is its keyword in the AST: it gets its argument's type too
  assert.match(vip, /^`ADDRESS\[\/PREFIX\]`: address/);
  // an argument is named with its keyword; the keyword itself is not described as an argument
  assert.match(value(hover(stateFor([master]), master, positionOf(text, 'priority 100', 10))), /^`PRIORITY` of `priority`: integer 1\.\.255/);
  assert.doesNotMatch(value(hover(stateFor([master]), master, positionOf(text, 'priority 100', 3))), /of `priority`/);
  const syncd = join(CORPUS, 'keepalived.conf.vrrp.lvs_syncd');
  const syncText = readFileSync(syncd, 'utf8');
  assert.match(value(hover(stateFor([syncd]), syncd, positionOf(syncText, 'lvs_sync_daemon_interface', 3))), /\*\*Deprecated\*\*/);
});
