/**
 * The language server over stdio on a folder as a new user has it: upstream's samples, the examples, a config
 * of one's own beside them, and a pair split across folders that a nested cluster file joins.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { CORPUS, EXAMPLES } from '../helpers/paths';
import { LspTestClient } from './lspClient';

const textOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const isCluster = (d: Diagnostic) => String(d.code).startsWith('cluster-');

describe('cluster grouping in the language server (real server over stdio)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ka-lsp-group-'));
  const samples = readdirSync(CORPUS)
    .filter((name) => name.startsWith('keepalived.conf'))
    .map((name) => {
      // keepalived.conf.SSL_GET -> samples/SSL_GET.conf: found by the workspace scan like any user's *.conf
      const path = join(dir, 'samples', `${name.replace(/^keepalived\.conf\.?/, '') || 'plain'}.conf`);
      mkdirSync(join(dir, 'samples'), { recursive: true });
      copyFileSync(join(CORPUS, name), path);
      return path;
    });
  mkdirSync(join(dir, 'examples'));
  const examples = ['master.conf', 'backup.conf'].map((name) => {
    copyFileSync(join(EXAMPLES, name), join(dir, 'examples', name));
    return join(dir, 'examples', name);
  });
  const backupText = readFileSync(join(EXAMPLES, 'backup.conf'), 'utf8');
  // one's own config beside examples/, on the same instance, VRID and addresses as the examples
  const mine = join(dir, 'keepalived.conf');
  writeFileSync(mine, backupText.replace('priority 90', 'priority 50'));
  // a real pair in two folders, declared by a cluster file that is not at the workspace's top
  const lb1 = join(dir, 'dc', 'lb1', 'keepalived.conf');
  const lb2 = join(dir, 'dc', 'lb2', 'keepalived.conf');
  mkdirSync(join(dir, 'dc', 'lb1'), { recursive: true });
  mkdirSync(join(dir, 'dc', 'lb2'), { recursive: true });
  copyFileSync(join(EXAMPLES, 'master.conf'), lb1);
  writeFileSync(lb2, backupText.replace('virtual_router_id 51', 'virtual_router_id 52'));
  const directors = [
    { name: 'lb1', host: '192.0.2.11', user: 'root', config: 'lb1/keepalived.conf' },
    { name: 'lb2', host: '192.0.2.12', user: 'root', config: 'lb2/keepalived.conf' },
  ];
  writeFileSync(join(dir, 'dc', 'keepalived-cluster.json'), JSON.stringify({ directors }));
  const all = [...samples, ...examples, mine, lb1, lb2];
  let client: LspTestClient;

  before(async () => {
    client = LspTestClient.start();
    await client.initialize(dir, { workspace: { workspaceFolders: true, configuration: false }, textDocument: { publishDiagnostics: { relatedInformation: true } } }, { settings: { validation: { enable: true, debounceMs: 50 } } });
    await client.waitFor('diagnostics for every config of the folder', () => all.every((p) => !!client.latest(p)), 60_000);
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the samples, the examples and a config beside them: no finding from comparing unrelated files', () => {
    const published = [...samples, ...examples, mine].map((p) => ({ p, list: client.latest(p)!.diagnostics }));
    const total = published.reduce((n, { list }) => n + list.length, 0);
    const cluster = published.flatMap(({ p, list }) => list.filter(isCluster).map((d) => `${p.slice(dir.length)} ${d.code}`));
    console.log(`# samples + examples + keepalived.conf over LSP: ${total} problems, ${cluster.length} from cluster checks`);
    assert.deepEqual(cluster, []);
  });

  test('the pair split across dc/lb1 and dc/lb2 is compared, because dc/keepalived-cluster.json says so', () => {
    for (const path of [lb1, lb2]) {
      const vrid = client.latest(path)!.diagnostics.filter((d) => d.code === 'cluster-vrid-mismatch');
      assert.equal(vrid.length, 1, `${path}: ${JSON.stringify(client.latest(path)!.diagnostics.map((d) => d.code))}`);
      assert.match(textOf(vrid[0]), /Compared because .*dc\/keepalived-cluster\.json lists them as one cluster/);
    }
  });
});
