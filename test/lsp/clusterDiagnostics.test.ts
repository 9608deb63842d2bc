import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol';
import { EXAMPLES } from '../helpers/paths';
import { LspTestClient, rangeOf, uriOf } from './lspClient';

const VRID = 'cluster-vrid-mismatch';
const DEBOUNCE_MS = 100;

function makeCluster(): { dir: string; master: string; backup: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ka-lsp-'));
  const master = join(dir, 'master.conf');
  const backup = join(dir, 'backup.conf');
  copyFileSync(join(EXAMPLES, 'master.conf'), master);
  copyFileSync(join(EXAMPLES, 'backup.conf'), backup);
  // a VRID that differs is only compared between configs a cluster file declares one cluster
  copyFileSync(join(EXAMPLES, 'keepalived-cluster.json'), join(dir, 'keepalived-cluster.json'));
  return { dir, master, backup };
}

/** Diagnostic messages are plain strings from this server; the protocol also allows markup. */
const textOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const withCode = (list: Diagnostic[] | undefined, code: string) => (list ?? []).filter((d) => d.code === code);
const errors = (list: Diagnostic[] | undefined) => (list ?? []).filter((d) => d.severity === DiagnosticSeverity.Error);

/** Rewrites the VRID on disk the way an editor saving the peer would. */
function writeVrid(path: string, vrid: number): void {
  writeFileSync(path, readFileSync(path, 'utf8').replace(/virtual_router_id \d+/, `virtual_router_id ${vrid}`));
}

for (const mode of ['fs.watch fallback', 'client watches files'] as const) {
  describe(`cluster diagnostics over stdio (${mode})`, () => {
    const { dir, master, backup } = makeCluster();
    const nginx = join(dir, 'nginx.conf');
    writeFileSync(nginx, 'server {\n    listen 80;\n}\n');
    const dynamic = mode === 'client watches files';
    let client: LspTestClient;
    let masterText: string;

    before(async () => {
      client = LspTestClient.start();
      const result = await client.initialize(
        dir,
        {
          workspace: { didChangeWatchedFiles: { dynamicRegistration: dynamic }, workspaceFolders: true, configuration: false },
          textDocument: { publishDiagnostics: { relatedInformation: true } },
        },
        { settings: { validation: { enable: true, debounceMs: DEBOUNCE_MS } } },
      );
      assert.equal(result.capabilities.textDocumentSync && typeof result.capabilities.textDocumentSync === 'object' && result.capabilities.textDocumentSync.change, 2);
    });
    after(async () => {
      const code = await client.stop();
      rmSync(dir, { recursive: true, force: true });
      assert.equal(code, 0, 'the server exits cleanly after shutdown/exit');
    });

    test('the workspace scan publishes for both directors (not open) and leaves nginx.conf alone', async () => {
      await client.waitFor('initial diagnostics of both files', () => !!client.latest(master) && !!client.latest(backup));
      assert.deepEqual(errors(client.latest(master)!.diagnostics), []);
      assert.deepEqual(errors(client.latest(backup)!.diagnostics), []);
      assert.equal(client.latest(nginx), undefined);
      if (dynamic) {
        await client.waitFor('watcher registration', () => client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'));
        const reg = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')!;
        const globs = (reg.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
        assert.ok(globs.includes('**/*.conf'), JSON.stringify(globs));
      }
    });

    test('changing virtual_router_id in the open MASTER flags both files, each pointing at its peer', async () => {
      masterText = readFileSync(master, 'utf8');
      await client.open(master, masterText);
      const sentAt = await client.edit(master, rangeOf(masterText, 'virtual_router_id 51'), 'virtual_router_id 52');
      await client.waitFor('VRID error on both files', () => withCode(client.latest(master)?.diagnostics, VRID).length > 0 && withCode(client.latest(backup)?.diagnostics, VRID).length > 0);
      const onMaster = withCode(client.latest(master)!.diagnostics, VRID)[0];
      const onBackup = withCode(client.latest(backup)!.diagnostics, VRID)[0];
      const latency = Math.max(client.latest(master)!.at, client.latest(backup)!.at) - sentAt;
      console.log(`# didChange -> publishDiagnostics (debounce ${DEBOUNCE_MS} ms, ${mode}): ${latency.toFixed(1)} ms`);
      assert.ok(latency < DEBOUNCE_MS + 1500, `latency ${latency} ms`);

      for (const [d, self, peer] of [
        [onMaster, master, backup],
        [onBackup, backup, master],
      ] as const) {
        assert.equal(d.severity, DiagnosticSeverity.Error);
        assert.equal(d.source, 'keepalived');
        assert.equal(d.range.start.line, rangeOf(masterText, 'virtual_router_id').start.line);
        const related = d.relatedInformation ?? [];
        assert.ok(related.length > 0, 'relatedInformation is set');
        assert.ok(related.some((r) => r.location.uri === uriOf(peer)), `related points to the peer: ${JSON.stringify(related)}`);
        assert.ok(related.every((r) => r.location.uri !== uriOf(self)));
      }
      assert.match(textOf(onMaster), /52/);
      assert.match(textOf(onBackup), /51/);
    });

    test('changing the unopened BACKUP on disk refreshes both, and fixing it clears both', async () => {
      writeVrid(backup, 53);
      if (dynamic) await client.fileEvents([{ uri: uriOf(backup), type: FileChangeType.Changed }]);
      await client.waitFor('BACKUP now reports 53', () => withCode(client.latest(backup)?.diagnostics, VRID).some((d) => /53/.test(textOf(d))));
      await client.waitFor('MASTER now reports 53', () => withCode(client.latest(master)?.diagnostics, VRID).some((d) => /53/.test(textOf(d))));

      writeVrid(backup, 52);
      if (dynamic) await client.fileEvents([{ uri: uriOf(backup), type: FileChangeType.Changed }]);
      await client.waitFor('VRID errors cleared on both', () => withCode(client.latest(master)?.diagnostics, VRID).length === 0 && withCode(client.latest(backup)?.diagnostics, VRID).length === 0);
      assert.deepEqual(errors(client.latest(master)!.diagnostics), []);
      assert.deepEqual(errors(client.latest(backup)!.diagnostics), []);
    });

    test('severity overrides from didChangeConfiguration apply to the cluster finding', async () => {
      const line = rangeOf(readFileSync(master, 'utf8'), 'virtual_router_id').start.line;
      const current = `virtual_router_id 52`;
      const range = { start: { line, character: 4 }, end: { line, character: 4 + current.length } };
      await client.edit(master, range, 'virtual_router_id 54');
      await client.waitFor('error back on both', () => [master, backup].every((p) => errors(withCode(client.latest(p)?.diagnostics, VRID)).length > 0));

      await client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { keepalived: { validation: { debounceMs: DEBOUNCE_MS }, diagnostics: { severityOverrides: { [VRID]: 'warning' } } } },
      });
      const downgraded = (path: string) => {
        const found = withCode(client.latest(path)?.diagnostics, VRID);
        return found.length > 0 && found.every((d) => d.severity === DiagnosticSeverity.Warning);
      };
      await client.waitFor('downgraded to a warning on both', () => downgraded(master) && downgraded(backup));

      await client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { keepalived: { diagnostics: { severityOverrides: { [VRID]: 'off' } } } },
      });
      await client.waitFor('hidden', () => withCode(client.latest(backup)?.diagnostics, VRID).length === 0 && withCode(client.latest(master)?.diagnostics, VRID).length === 0);
    });
  });
}
