// The language server over stdio honours what keepalived-lint honours: disable comments in the config (and
// offers to write one), and the .keepalived-lint.json found upward, under the editor's own settings.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient, uriOf } from './lspClient';

const TWICE = 'global_defs {\n    router_id a\n    router_id b\n}\n';
const codesOf = (list: readonly Diagnostic[] | undefined) => (list ?? []).map((d) => d.code);

test('disable comments hide findings, an unused one is reported, and "Suppress CODE on this line" writes one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ka-lsp-directives-'));
  const file = join(dir, 'keepalived.conf');
  const client = LspTestClient.start();
  try {
    await client.initialize(dir, {});
    await client.open(file, TWICE);
    await client.waitFor('duplicate-keyword', () => codesOf(client.latest(file)?.diagnostics).includes('duplicate-keyword'));
    const finding = client.latest(file)!.diagnostics.find((d) => d.code === 'duplicate-keyword')!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uriOf(file) },
      range: finding.range,
      context: { diagnostics: [finding] },
    })) as CodeAction[];
    const suppress = actions.find((a) => a.title === 'Suppress duplicate-keyword on this line');
    assert.ok(suppress, JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(suppress.edit!.changes![uriOf(file)], [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '    # keepalived-lint disable-next-line duplicate-keyword\n' }]);

    // apply it as the editor would: the finding goes, and nothing else appears
    await client.edit(file, suppress.edit!.changes![uriOf(file)][0].range, suppress.edit!.changes![uriOf(file)][0].newText);
    await client.waitFor('suppressed', () => client.latest(file)!.diagnostics.length === 0);

    // a "!" comment works as well; one that hides nothing is reported where it stands
    await client.edit(file, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '! keepalived-lint disable vrid-conflict\n');
    await client.waitFor('unused-suppression', () => codesOf(client.latest(file)?.diagnostics).includes('unused-suppression'));
    const unused = client.latest(file)!.diagnostics.find((d) => d.code === 'unused-suppression')!;
    assert.equal(unused.range.start.line, 0);
    assert.equal(unused.severity, DiagnosticSeverity.Warning);
  } finally {
    assert.equal(await client.stop(), 0);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('.keepalived-lint.json sets severities, the target version and ignored files; the editor settings win over it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ka-lsp-config-'));
  const file = join(dir, 'keepalived.conf');
  const generated = join(dir, 'generated.conf');
  writeFileSync(join(dir, '.keepalived-lint.json'), JSON.stringify({ rules: { 'duplicate-keyword': 'error', 'sync-group-single': 'off' }, keepalivedVersion: '2.2.7', ignore: ['generated.conf'] }));
  const client = LspTestClient.start();
  try {
    await client.initialize(dir, {});
    await client.open(file, TWICE + 'global_defs {\n    vrrp_delay_after_boot 10\n}\n');
    await client.open(generated, TWICE);
    await client.waitFor('raised to an error', () => client.latest(file)?.diagnostics.some((d) => d.code === 'duplicate-keyword' && d.severity === DiagnosticSeverity.Error) === true);
    await client.waitFor('ignored file published empty', () => client.latest(generated) !== undefined);
    assert.deepEqual(client.latest(generated)!.diagnostics, []);
    assert.ok(codesOf(client.latest(file)?.diagnostics).includes('newer-keyword'), 'the target version 2.2.7 applies');

    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { keepalived: { diagnostics: { severityOverrides: { 'duplicate-keyword': 'hint' } } } },
    });
    await client.waitFor('editor setting wins', () => client.latest(file)?.diagnostics.some((d) => d.code === 'duplicate-keyword' && d.severity === DiagnosticSeverity.Hint) === true);
  } finally {
    assert.equal(await client.stop(), 0);
    rmSync(dir, { recursive: true, force: true });
  }
});
