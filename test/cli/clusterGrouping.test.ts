/** keepalived-lint decides clusters as the language server does: cluster files, else evidence in one directory. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CORPUS, EXAMPLES, ROOT } from '../helpers/paths';

function lint(...args: string[]): { code: number | null; found: { file: string; code: string; message: string }[]; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server/src/cli/lint.ts'), '--format', 'json', ...args], { cwd: ROOT, encoding: 'utf8' });
  assert.ok(run.stdout.startsWith('['), run.stdout + run.stderr);
  return { code: run.status, found: JSON.parse(run.stdout), stderr: run.stderr };
}

const crossFile = <T extends { code: string }>(found: readonly T[]) => found.filter((d) => d.code.startsWith('cluster-'));

describe('keepalived-lint: clusters', () => {
  it("upstream's samples named together on the command line: no cross-file finding", () => {
    const samples = readdirSync(CORPUS).filter((n) => n.startsWith('keepalived.conf')).map((n) => join(CORPUS, n));
    const { found } = lint(...samples);
    console.log(`# keepalived-lint on the ${samples.length} samples: ${found.length} problems, ${crossFile(found).length} from cluster checks`);
    assert.deepEqual(crossFile(found).map((d) => `${d.file} ${d.code}`), []);
  });

  it('a pair in two folders: compared when a cluster file above them, or --cluster FILE, declares it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ka-cli-cluster-'));
    for (const lb of ['lb1', 'lb2']) mkdirSync(join(dir, lb));
    copyFileSync(join(EXAMPLES, 'master.conf'), join(dir, 'lb1', 'keepalived.conf'));
    writeFileSync(join(dir, 'lb2', 'keepalived.conf'), readFileSync(join(EXAMPLES, 'backup.conf'), 'utf8').replace('virtual_router_id 51', 'virtual_router_id 52'));
    const configs = [join(dir, 'lb1', 'keepalived.conf'), join(dir, 'lb2', 'keepalived.conf')];
    assert.deepEqual(crossFile(lint(...configs).found), [], 'two folders, no cluster file: not compared');

    const directors = [
      { name: 'lb1', host: '192.0.2.11', config: 'lb1/keepalived.conf' },
      { name: 'lb2', host: '192.0.2.12', config: 'lb2/keepalived.conf' },
    ];
    writeFileSync(join(dir, 'elsewhere.json'), JSON.stringify({ directors }));
    const named = lint('--cluster', join(dir, 'elsewhere.json'), ...configs);
    assert.equal(named.code, 1);
    assert.deepEqual(crossFile(named.found).map((d) => d.code), ['cluster-vrid-mismatch', 'cluster-vrid-mismatch']);
    assert.match(named.found[0].message, /elsewhere\.json lists them as one cluster/);

    writeFileSync(join(dir, 'keepalived-cluster.json'), JSON.stringify({ directors }));
    // one director named alone: its peer comes from the cluster file above it
    const alone = lint(configs[0]);
    assert.deepEqual(alone.found.map((d) => `${d.file.split('/').slice(-2).join('/')} ${d.code}`), ['lb1/keepalived.conf cluster-vrid-mismatch']);
  });

  it('a cluster file it cannot use is named on stderr, with where it is wrong, and ignored', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ka-cli-badcluster-'));
    copyFileSync(join(EXAMPLES, 'master.conf'), join(dir, 'master.conf'));
    writeFileSync(join(dir, 'keepalived-cluster.json'), '{"directors": 3}');
    const run = lint(join(dir, 'master.conf'));
    assert.equal(run.code, 0);
    assert.deepEqual(run.found, []);
    assert.match(run.stderr, /cluster file ignored:\n.*keepalived-cluster\.json:1:\d+: directors must be an array/);
  });
});
