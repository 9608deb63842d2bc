/**
 * For each config id a conditional file names, the linter's view agrees with the real `keepalived -t -i ID`,
 * in both releases we have (Debian's 2.2.7 and 2.4.3).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { configIdsIn, otherConfigId } from '../../server/src/analysis/configIds';
import { lintFiles } from '../../server/src/analysis/lint';
import { HOST_SPECIFIC, KeepalivedOracle } from '../helpers/keepalived';
import { CORPUS } from '../helpers/paths';

const RELEASES = [
  { version: '2.2.7', binary: 'keepalived' },
  { version: '2.4.3', binary: process.env.KEEPALIVED_243 ?? '/opt/keepalived-oracle/2.4.3/sbin/keepalived' },
];

const instance = (lines: string) => `vrrp_instance VI_1 {\n    interface eth0\n${lines}    virtual_ipaddress {\n        192.0.2.100\n    }\n}\n`;
const CONFIGS: Record<string, string> = {
  'conditional_conf.conf': readFileSync(join(CORPUS, 'keepalived.conf.conditional_conf'), 'utf8'),
  'two-directors.conf': instance('    virtual_router_id 51\n@master    state MASTER\n@backup    state BACKUP\n@master    priority 150\n@backup    priority 100\n    advert_int 1\n'),
  'split-vrid.conf': instance('@high    virtual_router_id 51\n@low    virtual_router_id 300\n@high    priority 150\n@low    priority 100\n@high    advert_int 1\n@low    advert_int 1\n'),
  'negated.conf': instance('    virtual_router_id 51\n@^backup    state MASTER\n@^backup    priority 300\n@backup    state BACKUP\n@backup    priority 100\n'),
};

/** keepalived's lines about the config itself (not about this machine), run in the oracle's namespace. */
function keepalivedLines(oracle: KeepalivedOracle, binary: string, path: string, id: string): { lines: Set<number>; complained: boolean } {
  const run = spawnSync('ip', ['netns', 'exec', oracle.netns, binary, '-t', '-e', '-f', path, '-i', id], { encoding: 'utf8', timeout: 20_000 });
  if (run.error) throw run.error;
  const messages = run.stderr.split('\n').map((l) => l.trim()).filter((l) => l && !HOST_SPECIFIC.some((re) => re.test(l)));
  const lines = new Set(messages.flatMap((m) => /^\((?:.+?: )?Line (\d+)\)/.exec(m)?.[1] ?? []).map(Number));
  return { lines, complained: messages.length > 0 || run.status !== 0 };
}

describe('conditional configs: the linter reads each id as keepalived -t -i ID does', () => {
  let oracle: KeepalivedOracle;
  before(() => (oracle = new KeepalivedOracle()));
  after(() => oracle.dispose());

  for (const { version, binary } of RELEASES) {
    it(`keepalived ${version}`, () => {
      let agreed = 0;
      for (const [name, text] of Object.entries(CONFIGS)) {
        const path = join(oracle.dir, name);
        writeFileSync(path, text);
        const named = configIdsIn([text]);
        assert.ok(named.length >= 1, name);
        // with @^ID lines, the directors not named read the file too: keepalived -i with an id no line names
        const ids = /^@\^/m.test(text) ? [...named, otherConfigId(named)] : named;
        for (const id of ids) {
          const real = keepalivedLines(oracle, binary, path, id.startsWith('^') ? 'not-named-here' : id);
          const linted = lintFiles([path], { configId: id, keepalivedVersion: version }).filter((d) => d.severity === 'error' || d.severity === 'warning');
          const linterLines = new Set(linted.map((d) => d.range.start.line + 1));
          const what = `${name} -i ${id}: keepalived lines ${[...real.lines]}, linter ${linted.map((d) => `${d.range.start.line + 1} ${d.code}`)}`;
          for (const line of real.lines) assert.ok(linterLines.has(line), `missed: ${what}`);
          assert.equal(linted.some((d) => d.severity === 'error'), real.complained, what);
          agreed++;
        }
      }
      console.log(`# keepalived ${version}: ${agreed} (file, id) views agree`);
    });
  }

  it('the file linted without an id shows each id\'s findings, and none that no id has', () => {
    const path = join(oracle.dir, 'split-vrid.conf');
    writeFileSync(path, CONFIGS['split-vrid.conf']);
    const found = lintFiles([path]).filter((d) => !d.code.startsWith('cluster-'));
    assert.deepEqual(found.map((d) => [d.code, d.range.start.line + 1, /-i low reads it/.test(d.message)]), [['invalid-number', 4, true]]);
  });
});
