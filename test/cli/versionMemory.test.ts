// Without --keepalived-version the linter checks against the keepalived on PATH. Asking it costs a process,
// so its answer is remembered in the user's cache directory for as long as the binary file stays the same.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/paths';

const work = mkdtempSync(join(tmpdir(), 'ka-version-memory-'));
const config = join(work, 'keepalived.conf');
writeFileSync(config, 'global_defs {\n    router_id lb1\n}\n');

/** a keepalived that says `release`, and counts how often it is asked in `asked` */
function fakeKeepalived(dir: string, release: string): { asked: () => number } {
  const counter = join(dir, 'asked');
  writeFileSync(counter, '');
  const binary = join(dir, 'keepalived');
  writeFileSync(binary, `#!/bin/sh\necho x >> '${counter}'\necho 'Keepalived v${release} (01/01,2024)' >&2\n`);
  chmodSync(binary, 0o755);
  return { asked: () => readFileSync(counter, 'utf8').split('\n').filter(Boolean).length };
}

function lint(bin: string, cacheHome: string): string {
  const path = [bin, dirname(process.execPath), '/bin', '/usr/bin'].join(':');
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server/src/cli/lint.ts'), config], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: path, XDG_CACHE_HOME: cacheHome } });
  assert.equal(r.status, 0, r.stderr);
  return /checked against keepalived ([\d.]+)/.exec(r.stderr)?.[1] ?? r.stderr;
}

describe('the release of the keepalived on PATH, remembered between runs', () => {
  it('asks the binary once, and again when the binary is replaced', () => {
    const bin = mkdtempSync(join(work, 'bin-'));
    const home = mkdtempSync(join(work, 'home-'));
    const fake = fakeKeepalived(bin, '2.3.1');
    assert.equal(lint(bin, home), '2.3.1');
    assert.equal(lint(bin, home), '2.3.1');
    assert.equal(fake.asked(), 1);
    // an upgrade writes a new file: another release, and it is asked
    fakeKeepalived(bin, '2.4.3');
    assert.equal(lint(bin, home), '2.4.3');
    assert.equal(fake.asked(), 1, 'the new binary was asked once');
  });

  it('asks again when the memory is damaged, and mends it', () => {
    const bin = mkdtempSync(join(work, 'bin-'));
    const home = mkdtempSync(join(work, 'home-'));
    const fake = fakeKeepalived(bin, '2.2.8');
    assert.equal(lint(bin, home), '2.2.8');
    const file = join(home, 'keepalived-tools', 'keepalived-versions.json');
    for (const damage of ['{"' , '[]', JSON.stringify({ [join(bin, 'keepalived')]: { stamp: 1, version: '9' } })]) {
      writeFileSync(file, damage);
      assert.equal(lint(bin, home), '2.2.8', damage);
    }
    assert.equal(fake.asked(), 4);
    assert.equal(lint(bin, home), '2.2.8');
    assert.equal(fake.asked(), 4, 'the mended memory answers');
  });

  it('is not kept where there is no cache directory', () => {
    const bin = mkdtempSync(join(work, 'bin-'));
    const fake = fakeKeepalived(bin, '2.3.1');
    const notADir = join(work, 'plain-file');
    writeFileSync(notADir, 'x');
    assert.equal(lint(bin, notADir), '2.3.1');
    assert.equal(lint(bin, notADir), '2.3.1');
    assert.equal(fake.asked(), 2);
    assert.equal(readFileSync(notADir, 'utf8'), 'x');
  });
});
