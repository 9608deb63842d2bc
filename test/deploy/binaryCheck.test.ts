// Issue 15 item 6: the real keepalived -t on request, here and on a director over SSH (real sshd in a netns).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintFiles } from '../../server/src/analysis/lint';
import { checkLocally, checkOnDirector, newFindings, parseBinaryMessages } from '../../server/src/deploy/binaryCheck';
import { EXAMPLES } from '../helpers/paths';
import { createLab, type TestLab } from './sshHosts';
import { writeWorkspace } from './fixtures';
import { recorder, specOf } from './deployHelpers';

const dir = mkdtempSync(join(tmpdir(), 'ka-binary-'));
const file = join(dir, 'keepalived.conf');
const text = readFileSync(join(EXAMPLES, 'master.conf'), 'utf8').replace('advert_int 1', 'advert_itn 1').replace('priority 100', 'priority 300');
writeFileSync(file, text);
const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

let lab: TestLab;

/** a cluster file naming one director, d1, on the lab's first host */
function oneDirector(workspace: string) {
  const ws = writeWorkspace(lab, workspace, {
    directors: [{ name: 'd1', host: lab.hosts[0].address, config: 'master.conf', role: 'MASTER', remotePath: `${lab.hosts[0].dir}/etc/keepalived/keepalived.conf` }],
    realServers: [],
  });
  return specOf(ws.clusterText, ws.dir);
}
before(async () => {
  lab = await createLab(['d1']);
});
after(() => lab?.teardown());

test("Debian's keepalived -t here: its messages land on their lines, and those the linter reports are left out", async () => {
  const check = await checkLocally('keepalived', file);
  const lines = check.messages.filter((m) => m.line).map((m) => m.line! - 1);
  assert.ok(lines.includes(lineOf('advert_itn')) && lines.includes(lineOf('priority 300')), JSON.stringify(check.messages));
  // without the linter's findings every located message is new ...
  const all = newFindings(check, file, new Set());
  assert.ok(all.some((f) => f.line === lineOf('advert_itn') && /Unknown keyword 'advert_itn'/.test(f.message)), JSON.stringify(all));
  // ... and the linter reports both lines itself, so nothing is shown twice
  const linted = new Set(lintFiles([file]).map((d) => d.range.start.line));
  assert.ok(linted.has(lineOf('advert_itn')) && linted.has(lineOf('priority 300')));
  assert.deepEqual(newFindings(check, file, linted).filter((f) => f.line === lineOf('advert_itn') || f.line === lineOf('priority 300')), []);
});

test("a -t that stops itself (2.2.7 on a script run as nobody) is explained, here and on a director", async () => {
  const stopping = `${text.replace('advert_itn 1', 'advert_int 1').replace('priority 300', 'priority 100')}\nvrrp_script chk {\n    script "/bin/true"\n    user nobody\n}\n`;
  const path = join(dir, 'stops.conf');
  writeFileSync(path, stopping);
  const here = await checkLocally('keepalived', path);
  assert.equal(here.exitCode, 143, JSON.stringify(here));
  assert.ok(here.messages.some((m) => /SIGTERM.*config-test-stops/.test(m.text)), JSON.stringify(here.messages));
  const spec = oneDirector('stops');
  const there = await checkOnDirector(spec, spec.directors[0], path, stopping, recorder({ trust: true }));
  assert.equal(there.exitCode, 143);
  assert.ok(there.messages.some((m) => /config-test-stops/.test(m.text)), JSON.stringify(there.messages));
  // the config itself is fine to the release that fixed -t
  assert.ok(lintFiles([path], { keepalivedVersion: '2.2.7' }).some((d) => d.code === 'config-test-stops'));
  assert.ok(!lintFiles([path], { keepalivedVersion: '2.4.3' }).some((d) => d.code === 'config-test-stops'));
});

test('a binary that is not there is an error, not an empty result', async () => {
  await assert.rejects(checkLocally('/nonexistent/keepalived', file), /cannot run \/nonexistent\/keepalived/);
});

test("keepalived -t on a director over SSH: the copy's messages are told about the local file, and the copy is removed", async () => {
  const spec = oneDirector('binary');
  const check = await checkOnDirector(spec, spec.directors[0], file, text, recorder({ trust: true }));
  assert.notEqual(check.exitCode, 0);
  const unknown = check.messages.find((m) => /advert_itn/.test(m.text))!;
  assert.equal(unknown.line! - 1, lineOf('advert_itn'));
  assert.ok(unknown.file === undefined || unknown.file === file, JSON.stringify(unknown));
  // a fresh director has no /etc/keepalived yet: the copy went to /tmp, and is gone
  assert.deepEqual(readdirSync('/tmp').filter((n) => n.startsWith('keepalived.conf.check-')), []);
});

test('message lines: with a file, without one, and bare', () => {
  assert.deepEqual(parseBinaryMessages('(/tmp/x.conf: Line 3) Unknown keyword \'a\'\n(Line 4) b\nplain\n', { from: '/tmp/x.conf', to: '/w/k.conf' }), [
    { file: '/w/k.conf', line: 3, text: "Unknown keyword 'a'" },
    { file: undefined, line: 4, text: 'b' },
    { text: 'plain' },
  ]);
});
