import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { EXAMPLES } from '../helpers/paths';
import { LspTestClient } from './lspClient';

const codes = (list: Diagnostic[] | undefined) => (list ?? []).map((d) => d.code);
const CAPS = { workspace: { didChangeWatchedFiles: { dynamicRegistration: false }, workspaceFolders: true } };

describe('the cluster file decides which configs are compared', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ka-lsp-cluster-'));
  const master = join(dir, 'master.conf');
  const backup = join(dir, 'backup.conf');
  const lab = join(dir, 'lab.conf');
  const clusterFile = join(dir, 'keepalived-cluster.json');
  copyFileSync(join(EXAMPLES, 'master.conf'), master);
  // the BACKUP ties with the MASTER: a finding whichever way the two are found to be one cluster
  writeFileSync(backup, readFileSync(join(EXAMPLES, 'backup.conf'), 'utf8').replace('priority 90', 'priority 100'));
  // a lab copy of the MASTER with another VRID: same instance name, which the old guess took for a peer
  writeFileSync(lab, readFileSync(master, 'utf8').replace('virtual_router_id 51', 'virtual_router_id 60'));
  writeFileSync(
    clusterFile,
    JSON.stringify({
      directors: [
        { name: 'lvs1', host: '192.0.2.1', config: 'master.conf' },
        { name: 'lvs2', host: '192.0.2.2', config: 'backup.conf' },
      ],
    }),
  );
  let client: LspTestClient;
  before(async () => {
    client = LspTestClient.start();
    await client.initialize(dir, CAPS, { settings: { validation: { debounceMs: 20 } } });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(dir, { recursive: true, force: true });
  });

  const tie = (p: string) => (client.latest(p)?.diagnostics ?? []).filter((d) => d.code === 'cluster-priority-tie').map((d) => String(d.message));

  test('with the cluster file, the lab copy is not compared with the directors', async () => {
    await client.waitFor('the tie, declared by the cluster file', () => [master, backup].every((p) => tie(p).some((m) => /keepalived-cluster\.json lists them/.test(m))));
    for (const p of [master, backup, lab]) assert.ok(!codes(client.latest(p)!.diagnostics).includes('cluster-vrid-mismatch'), p);
  });

  test('deleting the cluster file falls back to the evidence in the configs: the pair still, the lab copy never', async () => {
    unlinkSync(clusterFile);
    await client.waitFor('the tie, now found by evidence', () => [master, backup].every((p) => tie(p).some((m) => /are in one directory and both define/.test(m))));
    for (const p of [master, backup, lab]) assert.ok(!codes(client.latest(p)!.diagnostics).includes('cluster-vrid-mismatch'), p);
    assert.deepEqual(codes(client.latest(lab)!.diagnostics).filter((c) => String(c).startsWith('cluster-')), []);
  });
});

describe('included files that are not open', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ka-lsp-include-'));
  const main = join(dir, 'keepalived.conf');
  const includeDir = join(dir, 'vrrp');
  const vi1 = join(includeDir, 'vi1.inc');
  const vi2 = join(includeDir, 'vi2.inc');
  mkdirSync(includeDir);
  writeFileSync(main, 'global_defs {\n    router_id LVS_A\n}\ninclude vrrp/*.inc\n');
  const instance = (name: string, vrid: number, extra = '') =>
    `vrrp_instance ${name} {\n    state BACKUP\n    interface eth0\n    virtual_router_id ${vrid}\n    priority 90\n${extra}    virtual_ipaddress {\n        192.0.2.${vrid}\n    }\n}\n`;
  writeFileSync(vi1, instance('VI_1', 51, '    advert_intt 1\n'));
  let client: LspTestClient;
  before(async () => {
    client = LspTestClient.start();
    await client.initialize(dir, CAPS, { settings: { validation: { debounceMs: 20 } } });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(dir, { recursive: true, force: true });
  });

  test('a problem in an included file is published for that file', async () => {
    await client.waitFor('diagnostics for the included file', () => (client.latest(vi1)?.diagnostics.length ?? 0) > 0);
    const [typo] = client.latest(vi1)!.diagnostics;
    assert.equal(typo.range.start.line, 5);
    assert.match(String(typo.message), /advert_intt/);
  });

  test('fixing it on disk clears it', async () => {
    writeFileSync(vi1, instance('VI_1', 51));
    await client.waitFor('cleared', () => client.latest(vi1)?.diagnostics.length === 0);
  });

  test('a new file matching the include glob joins the config', async () => {
    writeFileSync(vi2, instance('VI_1', 52));
    await client.waitFor('duplicate instance name reported', () => (client.latest(vi2)?.diagnostics.length ?? 0) > 0);
    assert.ok(client.latest(vi2)!.diagnostics.some((d) => /VI_1/.test(String(d.message))), JSON.stringify(client.latest(vi2)));
  });
});

test('a client announcing no workspace capabilities (rootUri only) still gets its folder scanned', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ka-lsp-bare-'));
  const master = join(dir, 'master.conf');
  const backup = join(dir, 'backup.conf');
  copyFileSync(join(EXAMPLES, 'master.conf'), master);
  writeFileSync(backup, readFileSync(join(EXAMPLES, 'backup.conf'), 'utf8').replace('priority 90', 'priority 120'));
  const client = LspTestClient.start();
  try {
    await client.initialize(dir, {});
    await client.waitFor('the BACKUP outranking the MASTER, on both unopened files', () =>
      [master, backup].every((p) => codes(client.latest(p)?.diagnostics).includes('cluster-master-priority')),
    );
  } finally {
    assert.equal(await client.stop(), 0);
    rmSync(dir, { recursive: true, force: true });
  }
});
