import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { definition, prepareRename, references, rename } from '../../server/src/features/navigation';
import { hover } from '../../server/src/features/hover';
import { positionOf, stateFor, uriToPath } from './state';

const CORPUS = '/work/shared/corpus/keepalived-samples';
const master = resolve('examples/master.conf');
const backup = resolve('examples/backup.conf');

test('go to definition of a tracked vrrp_script, a sync group member and a virtual_server group', () => {
  const localcheck = join(CORPUS, 'keepalived.conf.vrrp.localcheck');
  const text = readFileSync(localcheck, 'utf8');
  const [def] = definition(stateFor([localcheck]), localcheck, positionOf(text, 'chk_haproxy weight 2', 3));
  assert.deepEqual(def.range.start, positionOf(text, 'vrrp_script chk_haproxy', 12));

  const sync = join(CORPUS, 'keepalived.conf.vrrp.sync');
  const syncText = readFileSync(sync, 'utf8');
  const [member] = definition(stateFor([sync]), sync, positionOf(syncText, 'VI_5\n'));
  assert.deepEqual(member.range.start, positionOf(syncText, 'vrrp_instance VI_5', 14));

  const vsg = join(CORPUS, 'keepalived.conf.virtual_server_group');
  const vsgText = readFileSync(vsg, 'utf8');
  const [group] = definition(stateFor([vsg]), vsg, positionOf(vsgText, 'virtual_server group VSG_1', 22));
  assert.deepEqual(group.range.start, positionOf(vsgText, 'virtual_server_group VSG_1', 21));
});

test('references and rename of a vrrp_instance reach the peer director', () => {
  const state = stateFor([master, backup]);
  const text = readFileSync(master, 'utf8');
  const at = positionOf(text, 'VI_1', 1);
  const refs = references(state, master, at, true);
  assert.deepEqual(refs.map((r) => uriToPath(r.uri)).sort(), [backup, master].sort());
  assert.deepEqual(prepareRename(state, master, at), { range: refs.find((r) => uriToPath(r.uri) === master)!.range, placeholder: 'VI_1' });
  const edit = rename(state, master, at, 'VI_WEB')!;
  assert.deepEqual(Object.keys(edit.changes!).map(uriToPath).sort(), [backup, master].sort());
  assert.ok(Object.values(edit.changes!).every((edits) => edits.every((e) => e.newText === 'VI_WEB')));
  assert.throws(() => rename(state, master, at, 'two words'));
  assert.equal(prepareRename(state, master, positionOf(text, 'state MASTER', 1)), null);
});

test('references of a vrrp_script list its definition and every track_script line', () => {
  const localcheck = join(CORPUS, 'keepalived.conf.vrrp.localcheck');
  const text = readFileSync(localcheck, 'utf8');
  const state = stateFor([localcheck]);
  const all = references(state, localcheck, positionOf(text, 'vrrp_script chk_sshd', 14), true);
  const uses = references(state, localcheck, positionOf(text, 'vrrp_script chk_sshd', 14), false);
  const expected = text.split('chk_sshd').length - 1;
  assert.equal(all.length, expected);
  assert.equal(uses.length, expected - 1);
});

test('lines for one config id (@id) are seen by hover and renamed with the rest', () => {
  // the analysis reads each id's lines apart; the editor's features see every line, since some director reads each
  const dir = mkdtempSync(join(tmpdir(), 'ka-atid-'));
  const path = join(dir, 'keepalived.conf');
  const text = [
    'vrrp_script chk_high {',
    '    script "/bin/true"',
    '}',
    'vrrp_instance VI_1 {',
    '    interface eth0',
    '    virtual_router_id 51',
    '@high    priority 150',
    '@low     priority 100',
    '@high    track_script {',
    '@high        chk_high',
    '@high    }',
    '    virtual_ipaddress {',
    '        192.0.2.10',
    '    }',
    '}',
    '',
  ].join('\n');
  writeFileSync(path, text);
  const state = stateFor([path]);
  const shown = hover(state, path, positionOf(text, '@high    priority', 10));
  assert.match(JSON.stringify(shown?.contents), /Election priority/);
  const edit = rename(state, path, positionOf(text, 'chk_high', 1), 'chk_web')!;
  const lines = edit.changes![Object.keys(edit.changes!)[0]].map((e) => e.range.start.line).sort((a, b) => a - b);
  assert.deepEqual(lines, [0, 9]);
  assert.deepEqual(definition(state, path, positionOf(text, '@high        chk_high', 15)).map((l) => l.range.start.line), [0]);
});

test('a vrrp_track_process and a bfd_instance are found from their uses, and renamed with them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ka-nav-'));
  const file = join(dir, 'keepalived.conf');
  const text = ['vrrp_track_process proc_haproxy {', '    process haproxy', '}', 'bfd_instance bfd_peer {', '    neighbor_ip 192.0.2.2', '}', 'vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    track_process {', '        proc_haproxy', '    }', '    track_bfd {', '        bfd_peer', '    }', '    virtual_ipaddress {', '        192.0.2.10', '    }', '}', ''].join('\n');
  writeFileSync(file, text);
  const state = stateFor([file]);
  assert.deepEqual(definition(state, file, positionOf(text, '        proc_haproxy', 9)).map((l) => l.range.start.line), [0]);
  assert.deepEqual(definition(state, file, positionOf(text, '        bfd_peer', 9)).map((l) => l.range.start.line), [3]);
  const edit = rename(state, file, positionOf(text, 'bfd_peer', 1), 'bfd_web')!;
  assert.deepEqual(Object.values(edit.changes!)[0].map((e) => e.range.start.line).sort((a, b) => a - b), [3, 13]);
});

test('go to definition on an include pattern opens each file it reads in, braces and all', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ka-nav-include-'));
  const main = join(dir, 'keepalived.conf');
  const text = 'include parts/{vrrp,lvs}.conf\nglobal_defs {\n    router_id lb1\n}\n';
  writeFileSync(main, text);
  mkdirSync(join(dir, 'parts'));
  writeFileSync(join(dir, 'parts/vrrp.conf'), 'vrrp_script chk {\n    script "/bin/true"\n}\n');
  writeFileSync(join(dir, 'parts/lvs.conf'), '');
  const state = stateFor([main]);
  const found = definition(state, main, positionOf(text, 'vrrp,lvs', 3));
  assert.deepEqual(found.map((l) => uriToPath(l.uri)).sort(), [join(dir, 'parts/lvs.conf'), join(dir, 'parts/vrrp.conf')]);
  assert.ok(found.every((l) => l.range.start.line === 0 && l.range.start.character === 0));
  // on the keyword itself there is nothing to open
  assert.deepEqual(definition(state, main, positionOf(text, 'include', 2)), []);
});
