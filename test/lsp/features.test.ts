import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CodeActionRequest,
  CompletionRequest,
  CompletionResolveRequest,
  DefinitionRequest,
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SelectionRangeRequest,
  SemanticTokensRequest,
  WorkspaceSymbolRequest,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type InitializeResult,
} from 'vscode-languageserver-protocol';
import { EXAMPLES } from '../helpers/paths';
import { LspTestClient, rangeOf, uriOf } from './lspClient';

/** Each editor feature once over the real server's stdio, on the example cluster (MASTER + BACKUP). */

const dir = mkdtempSync(join(tmpdir(), 'ka-lsp-features-'));
const master = join(dir, 'master.conf');
const backup = join(dir, 'backup.conf');
const masterText = readFileSync(join(EXAMPLES, 'master.conf'), 'utf8').replace('advert_int 1', 'advert_itn 1');
const backupText = readFileSync(join(EXAMPLES, 'backup.conf'), 'utf8');
writeFileSync(master, masterText);
writeFileSync(backup, backupText);

let client: LspTestClient;
let init: InitializeResult;
const doc = (path: string) => ({ textDocument: { uri: uriOf(path) } });
const at = (text: string, needle: string, delta = 0) => {
  const r = rangeOf(text, needle);
  return { line: r.start.line, character: r.start.character + delta };
};

before(async () => {
  client = LspTestClient.start();
  init = await client.initialize(dir, { workspace: { workspaceFolders: true } });
  await client.open(master, masterText);
  await client.open(backup, backupText);
  await client.waitFor('diagnostics for master', () => (client.latest(master)?.diagnostics.length ?? 0) > 0);
});

after(async () => {
  await client.stop();
});

test('the server announces every editing feature', () => {
  const caps = init.capabilities;
  for (const key of ['completionProvider', 'hoverProvider', 'documentSymbolProvider', 'workspaceSymbolProvider', 'foldingRangeProvider', 'selectionRangeProvider', 'definitionProvider', 'referencesProvider', 'renameProvider', 'documentFormattingProvider', 'documentRangeFormattingProvider', 'codeActionProvider', 'semanticTokensProvider'] as const) {
    assert.ok(caps[key], key);
  }
});

test('completion and hover', async () => {
  const result = await client.connection.sendRequest(CompletionRequest.type, { ...doc(master), position: at(masterText, 'state MASTER', 6) });
  const items = (Array.isArray(result) ? result : (result as CompletionList).items) as CompletionItem[];
  assert.deepEqual(items.map((i) => i.label), ['MASTER', 'BACKUP']);
  // keyword lists travel without documentation; the editor resolves the item it shows
  const keywords = await client.connection.sendRequest(CompletionRequest.type, { ...doc(master), position: at(masterText, '    priority 100', 4) });
  const advert = ((Array.isArray(keywords) ? keywords : (keywords as CompletionList).items) as CompletionItem[]).find((i) => i.label === 'advert_int')!;
  assert.equal(advert.documentation, undefined);
  const resolved = await client.connection.sendRequest(CompletionResolveRequest.type, advert);
  assert.match((resolved.documentation as { value: string }).value, /advert/i);
  const hover = await client.connection.sendRequest(HoverRequest.type, { ...doc(master), position: at(masterText, 'vrrp_instance VI_1', 15) });
  const value = (hover!.contents as { value: string }).value;
  assert.match(value, /backup\.conf \| BACKUP \| 90 \| 51/);
});

test('outline: symbols, workspace symbols, folding and selection ranges', async () => {
  const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, doc(master))) as DocumentSymbol[];
  assert.deepEqual(symbols.map((s) => s.name), ['global_defs', 'VI_1', '192.168.18.200 80']);
  const found = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'VI_1' });
  assert.deepEqual(found!.map((s) => ('uri' in s.location ? s.location.uri : '')).sort(), [uriOf(backup), uriOf(master)].sort());
  const folds = await client.connection.sendRequest(FoldingRangeRequest.type, doc(master));
  assert.ok(folds!.some((f) => f.startLine === at(masterText, 'vrrp_instance').line));
  const [selection] = (await client.connection.sendRequest(SelectionRangeRequest.type, { ...doc(master), positions: [at(masterText, 'priority 100', 10)] }))!;
  assert.deepEqual(selection.range, rangeOf(masterText, '100'));
  assert.deepEqual(selection.parent!.range, rangeOf(masterText, 'priority 100'));
});

test('navigation across the cluster: definition, references, rename', async () => {
  const position = at(masterText, 'VI_1', 1);
  const defs = await client.connection.sendRequest(DefinitionRequest.type, { ...doc(master), position });
  assert.deepEqual(defs, [{ uri: uriOf(master), range: rangeOf(masterText, 'VI_1') }]);
  const refs = await client.connection.sendRequest(ReferencesRequest.type, { ...doc(master), position, context: { includeDeclaration: true } });
  assert.deepEqual(refs!.map((r) => r.uri).sort(), [uriOf(backup), uriOf(master)].sort());
  const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { ...doc(master), position });
  assert.deepEqual(prepared, { range: rangeOf(masterText, 'VI_1'), placeholder: 'VI_1' });
  const edit = await client.connection.sendRequest(RenameRequest.type, { ...doc(master), position, newName: 'VI_WEB' });
  assert.deepEqual(Object.keys(edit!.changes!).sort(), [uriOf(backup), uriOf(master)].sort());
  await assert.rejects(client.connection.sendRequest(RenameRequest.type, { ...doc(master), position, newName: 'has space' }));
});

test('formatting, range formatting and semantic tokens', async () => {
  const messy = join(dir, 'messy.conf');
  const text = 'vrrp_script chk {\nscript "/bin/true"\n}\nvrrp_instance VI_9 { state BACKUP\n  track_script {\n chk\n }\n}\n';
  await client.open(messy, text);
  const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { ...doc(messy), options: { tabSize: 4, insertSpaces: true } });
  assert.ok(edits!.some((e) => e.newText === '    script "/bin/true"'));
  assert.ok(edits!.some((e) => e.newText === 'vrrp_instance VI_9 {\n    state BACKUP'));
  const ranged = await client.connection.sendRequest(DocumentRangeFormattingRequest.type, {
    ...doc(messy),
    range: { start: { line: 5, character: 0 }, end: { line: 5, character: 4 } },
    options: { tabSize: 4, insertSpaces: true },
  });
  assert.deepEqual(ranged, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 4 } }, newText: '        chk' }]);
  const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, doc(messy));
  const legend = init.capabilities.semanticTokensProvider!.legend;
  // first token: the vrrp_script name `chk` on line 0, a declaration
  assert.deepEqual([...tokens!.data.slice(0, 5)], [0, 12, 3, legend.tokenTypes.indexOf('function'), 1]);
});

test('code actions from the published diagnostics', async () => {
  const diagnostics = client.latest(master)!.diagnostics.filter((d) => d.code === 'unknown-keyword');
  assert.equal(diagnostics.length, 1);
  const actions = await client.connection.sendRequest(CodeActionRequest.type, { ...doc(master), range: diagnostics[0].range, context: { diagnostics } });
  const fix = actions!.find((a) => a.title === "Change to 'advert_int'");
  assert.ok(fix && 'edit' in fix);
  assert.deepEqual(fix.edit!.changes![uriOf(master)], [{ range: rangeOf(masterText, 'advert_itn'), newText: 'advert_int' }]);
});
