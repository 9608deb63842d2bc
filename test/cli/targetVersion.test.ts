/**
 * Version awareness: without --keepalived-version the CLI checks against the keepalived on PATH (and says
 * which in its text summary), else against the newest release known. Each keyword added after a release is
 * reported when that release is the target, and the real binary of that release says the same.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { NEWEST_KNOWN_RELEASE, parseVersionBanner, resolveTargetVersion } from '../../server/src/host/installedKeepalived';
import { KeepalivedOracle, ORACLE_BINARIES, oracleBinary } from '../helpers/keepalived';
import { pathWithKeepalived } from '../helpers/pathWith';
import { ROOT } from '../helpers/paths';

function lint(path: string, args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server/src/cli/lint.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: path } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'ka-target-'));
/** vrrp_owner_ignore_adverts came with 2.3.3: 2.2.7 does not know it, 2.4.3 does. */
const NEWER_THAN_227 = join(dir, 'owner.conf');
writeFileSync(NEWER_THAN_227, 'global_defs {\n    vrrp_owner_ignore_adverts\n}\n');
/** set_supplementary_groups is newer than every release we have. */
const NEWER_THAN_243 = join(dir, 'groups.conf');
writeFileSync(NEWER_THAN_243, 'global_defs {\n    set_supplementary_groups\n}\n');

describe('the release the CLI checks against', () => {
  it('is the keepalived on PATH, named in the text summary', () => {
    for (const binary of ORACLE_BINARIES) {
      const r = lint(pathWithKeepalived(binary.binary), [NEWER_THAN_227]);
      assert.match(r.stderr, new RegExp(`checked against keepalived ${binary.version.replace(/\./g, '\\.')} \\(/[^)]*keepalived on PATH\\)`), r.stderr);
      const newer = r.stdout.includes('[newer-keyword]');
      assert.equal(newer, binary.version === '2.2.7', `${binary.version}: ${r.stdout}`);
      if (newer) assert.match(r.stdout, /owner\.conf:2:5: warning: .*vrrp_owner_ignore_adverts.*2\.3\.3/);
    }
  });

  it('is the newest release known without a keepalived on PATH', () => {
    const r = lint(pathWithKeepalived(undefined), [NEWER_THAN_243]);
    assert.match(r.stderr, new RegExp(`checked against keepalived ${NEWEST_KNOWN_RELEASE.replace(/\./g, '\\.')} \\(the newest release known; no keepalived on PATH\\)`), r.stderr);
    assert.match(r.stdout, /groups\.conf:2:5: warning: .*set_supplementary_groups.*\[newer-keyword\]/);
  });

  it('is --keepalived-version when given, over the keepalived on PATH', () => {
    const r = lint(pathWithKeepalived(oracleBinary('2.2.7').binary), ['--keepalived-version', '2.4.3', NEWER_THAN_227]);
    assert.match(r.stderr, /checked against keepalived 2\.4\.3: 0 error\(s\), 0 warning\(s\)/);
    assert.equal(r.stdout, '');
  });

  it('reads the banner keepalived prints, and falls back when the binary says nothing useful', () => {
    assert.equal(parseVersionBanner('Keepalived v2.2.7 (01/16,2022)\n\nCopyright'), '2.2.7');
    assert.equal(parseVersionBanner('usage: keepalived'), undefined);
    // /bin/true answers --version with nothing: no version, so the newest
    const fake = mkdtempSync(join(tmpdir(), 'ka-fake-'));
    spawnSync('ln', ['-s', '/bin/true', join(fake, 'keepalived')]);
    assert.deepEqual(resolveTargetVersion(undefined, fake), { version: NEWEST_KNOWN_RELEASE, source: 'newest' });
  });
});

describe('keywords added after a release, against the binary of that release', () => {
  const oracles = new Map<string, KeepalivedOracle>();
  before(() => ORACLE_BINARIES.forEach((b) => oracles.set(b.version, new KeepalivedOracle(b))));
  after(() => oracles.forEach((o) => o.dispose()));

  for (const [file, knownBy] of [[NEWER_THAN_227, ['2.4.3']], [NEWER_THAN_243, []]] as const) {
    it(`${file.split('/').pop()}: the linter warns exactly where the release says Unknown keyword`, () => {
      for (const binary of ORACLE_BINARIES) {
        const unknown = oracles.get(binary.version)!.checkFile(file).messages.some((m) => m.line === 2 && m.text.startsWith('Unknown keyword'));
        assert.equal(unknown, !(knownBy as readonly string[]).includes(binary.version), `keepalived ${binary.version}`);
        const r = lint(pathWithKeepalived(binary.binary), [file]);
        assert.equal(r.stdout.includes(':2:5: warning:') && r.stdout.includes('[newer-keyword]'), unknown, `linter against ${binary.version}: ${r.stdout}`);
      }
    });
  }
});

describe('an argument older releases ignore, against both binaries', () => {
  it("vrrp_strict's argument: ignored-argument against 2.2.7 (where 'vrrp_strict no' is still strict), read by 2.4.3", () => {
    const file = join(dir, 'strict.conf');
    writeFileSync(file, 'global_defs {\n    vrrp_strict no\n}\nvrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n}\n');
    const oracles = ORACLE_BINARIES.map((b) => new KeepalivedOracle(b));
    try {
      for (const [i, binary] of ORACLE_BINARIES.entries()) {
        const required = oracles[i].checkFile(file).messages.some((m) => /No VIP specified; at least one is required/.test(m.text));
        assert.equal(required, binary.version === '2.2.7', `keepalived ${binary.version} treats 'vrrp_strict no' as strict`);
        const r = lint(pathWithKeepalived(binary.binary), [file]);
        assert.equal(r.stdout.includes('strict.conf:2:17: warning:') && r.stdout.includes('[ignored-argument]'), binary.version === '2.2.7', r.stdout);
        assert.equal(/strict\.conf:4:1: error: .*\[no-vip\]/.test(r.stdout), required, r.stdout);
      }
    } finally {
      oracles.forEach((o) => o.dispose());
    }
  });
});
