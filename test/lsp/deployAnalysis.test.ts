/** The deploy command's lint request: the server answers with lint findings and config facts from disk. */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEPLOY_ANALYSIS_REQUEST, fromSnapshot, type AnalysisSnapshot } from '../../server/src/deploy/analysisSnapshot';
import { EXAMPLES } from '../helpers/paths';
import { LspTestClient } from './lspClient';

test('keepalived/deployAnalysis returns the cluster lint and each director’s facts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ka-deploy-analysis-'));
  const master = join(dir, 'master.conf');
  const backup = join(dir, 'backup.conf');
  copyFileSync(join(EXAMPLES, 'master.conf'), master);
  writeFileSync(backup, readFileSync(join(EXAMPLES, 'backup.conf'), 'utf8').replace('virtual_router_id 51', 'virtual_router_id 52'));
  const client = LspTestClient.start();
  try {
    await client.initialize(dir, {});
    const snapshot = await client.connection.sendRequest<AnalysisSnapshot>(DEPLOY_ANALYSIS_REQUEST, { configs: [master, backup, join(dir, 'missing.conf')] });
    const analysis = fromSnapshot(snapshot);
    const mismatch = analysis.lintFiles([]).filter((d) => d.code === 'cluster-vrid-mismatch');
    assert.deepEqual(mismatch.map((d) => d.file).sort(), [backup, master].sort());
    assert.deepEqual(analysis.configFacts(master).instances.map((i) => [i.name, i.state, i.priority, i.vips]), [['VI_1', 'MASTER', 100, ['192.168.18.200']]]);
    assert.equal(analysis.configFacts(backup).instances[0].vrid, 52);
    assert.deepEqual(analysis.configFacts(master).virtualServers[0].realServers.map((r) => r.address), ['192.168.18.201', '192.168.18.202']);
    // the configs' secrets come along, so the client masks them in diffs without the core
    const pass = /auth_pass\s+(\S+)/.exec(readFileSync(master, 'utf8'))![1];
    const masked = analysis.secretSpans!(`$P=${pass}\n`);
    assert.deepEqual(masked.ranges, [{ start: 3, end: 3 + pass.length }]);
  } finally {
    await client.stop();
  }
});
