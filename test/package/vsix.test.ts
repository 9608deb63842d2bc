import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { SERVER_ROLE_FLAG } from '../../client/src/bundle-role';
import { readZipEntries } from './zip-entries';
import { MARKETPLACE_README, withTables } from '../../scripts/marketplace-readme';
import { UNUSED_CLIENT_FEATURES } from '../../scripts/shims/plugin.mjs';

type Capabilities = Record<string, unknown> & { workspace?: Record<string, unknown> };
/** The server capability each stubbed client feature serves. */
const CAPABILITY_OF_FEATURE: Record<string, (c: Capabilities) => unknown> = {
  notebook: (c) => c.notebookDocumentSync,
  diagnostic: (c) => c.diagnosticProvider,
  callHierarchy: (c) => c.callHierarchyProvider,
  typeHierarchy: (c) => c.typeHierarchyProvider,
  linkedEditingRange: (c) => c.linkedEditingRangeProvider,
  fileOperations: (c) => c.workspace?.fileOperations,
  textDocumentContent: (c) => c.workspace?.textDocumentContent,
  inlineCompletion: (c) => c.inlineCompletionProvider,
  inlineValue: (c) => c.inlineValueProvider,
  signatureHelp: (c) => c.signatureHelpProvider,
  documentHighlight: (c) => c.documentHighlightProvider,
  typeDefinition: (c) => c.typeDefinitionProvider,
  implementation: (c) => c.implementationProvider,
  colorProvider: (c) => c.colorProvider,
  declaration: (c) => c.declarationProvider,
  executeCommand: (c) => c.executeCommandProvider,
};

const root = resolve(import.meta.dirname, '../..');
const vsix = join(root, 'dist/keepalived-tools.vsix');
/**
 * Issue 5 set a budget of 300 KB. One bundle for client and server, chevrotain's parser without its lexer,
 * ssh2's client without SFTP, its server side and chacha20, and the other stand-ins in scripts/shims/ took it
 * down from 407,000 bytes to 288,000. Issue 18's icon, changelog and editor features, the failover model, the
 * rule registry, host checks and keepalived's own messages brought it to about 337,000: over the budget, which
 * issue 18 keeps open. Stand-ins for the language client's features the server never uses, for chevrotain's grammar
 * validations, and a terser pass over the bundle (scripts/build.mjs --package) took it to about 304,000 bytes:
 * 297 KB as vsce counts them (1 KB = 1,024 bytes), which is the unit the budget is held in. Issue 15's checks of
 * what keepalived turns off took it to 311,660 bytes; stand-ins for chevrotain's error recovery, CST building,
 * error wording, content assist and lookahead interpreter (the parser uses none of them but the lookahead paths,
 * test/package/chevrotainShims.test.ts) brought it back to about 305,100. Issue 15's checks of virtual servers as
 * keepalived settles them took it to 307,456; the icon re-encoded as a palette PNG (scripts/compact-png.mjs, 3.6 KB
 * to 2.1 KB, every pixel kept) and stand-ins for the language server's notebook sync and global-module helpers
 * (unused) to about 304,900, strict mode's checks included. The ip rule, use_vmac and track process readers
 * took it to 307,800; stand-ins for the server's handler mixins and progress reporting it never uses, to 306,800.
 * Leaving ssh2's zlib streams out (deploy offers no compression) took 650 bytes off; issue 15's sync group,
 * VMAC, skipped-block and persistence checks put 1,300 on; a stand-in for the client's progress part, 460 off;
 * the address-option, VMAC-name and lvs_sync_daemon checks 240 on; a stand-in for server commands, which the
 * server has none of, 160 off. Reading braces as keepalived does (schema/blockOpener.ts) put 600 on; writing
 * the archive again at zlib's highest level (scripts/recompress-vsix.mjs) took 730 off, to about 306,800.
 * Blocks opened without a '{', track_group checks and more message cases put 1,100 on (307,900, over); writing
 * the entries with Zopfli's deflate instead took 10,900 off, to about 297,000. Issue 15's route grammar, auth_hmac,
 * ipvlan, vrf, garp_group and checker-option checks put 13,000 on (310,200, over); terser's unsafe, pure_getters and
 * unsafe_arrows passes (1,400), the JSON entries without blanks and the manifest without its npm-only fields (1,150),
 * a stand-in for the protocol's notebook helpers (540) and Zopfli without its cap on blocks (1,400; the cap also
 * made the size jump by up to 900 bytes on a tiny edit) took it to 306,850. Includes matched as keepalived's glob(3)
 * matches them (server/src/analysis/glob/) in place of tinyglobby, fdir and picomatch, and a stand-in for the
 * client's minimatch that refuses every pattern (its only caller is never reached) took 11,600 off; the long-line
 * check put 900 on, to about 296,100.
 */
const SIZE_LIMIT = 300 * 1024;

/** What VS Code needs at run time, and nothing else. */
const EXPECTED = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  'extension/package.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/images/icon.png',
  'extension/language-configuration.json',
  'extension/syntaxes/keepalived.tmLanguage.json',
  'extension/schemas/keepalived-cluster.schema.json',
  'extension/schemas/keepalived-lint.schema.json',
  'extension/dist/extension.js',
].sort();

test('npm run package builds a lean .vsix with exactly the run-time files', { timeout: 180_000 }, () => {
  const run = spawnSync('npm', ['run', 'package'], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);

  const entries = readZipEntries(vsix);
  const names = entries.map((e) => e.name).sort();
  for (const name of names) {
    assert.doesNotMatch(name, /\.(ts|map)$|node_modules\/|(^|\/)test\/|\.e2e\//, `unexpected file in the .vsix: ${name}`);
  }
  assert.deepEqual(names, EXPECTED);

  const size = statSync(vsix).size;
  console.log(`vsix: ${(size / 1024).toFixed(1)} KB; ${entries.map((e) => `${e.name} ${(e.size / 1024).toFixed(1)} KB`).join(', ')}`);
  assert.ok(size < SIZE_LIMIT, `the .vsix is ${size} bytes, over ${SIZE_LIMIT}`);

  const manifest = JSON.parse(entries.find((e) => e.name === 'extension/package.json')!.read().toString('utf8'));
  assert.equal(manifest.main, './dist/extension.js');
  // what the marketplace and Open VSX show and require: a publisher (the Open VSX namespace), a licence,
  // no placeholder repository, an icon of at least 128×128, a banner, categories and keywords
  assert.match(manifest.publisher, /^[a-z0-9][a-z0-9-]*$/);
  assert.equal(manifest.license, 'MIT');
  assert.ok(manifest.repository === undefined || !/example|invalid/.test(JSON.stringify(manifest.repository)), JSON.stringify(manifest.repository));
  const icon = entries.find((e) => e.name === `extension/${manifest.icon}`)!.read();
  assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG');
  assert.ok(icon.readUInt32BE(16) >= 128 && icon.readUInt32BE(20) >= 128);
  assert.ok(manifest.galleryBanner.color && ['dark', 'light'].includes(manifest.galleryBanner.theme));
  assert.ok(manifest.categories.includes('Programming Languages') && manifest.keywords.includes('keepalived'));
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  // the marketplace page: its own README, with the settings and commands tables as package.json has them
  const readme = entries.find((e) => e.name === 'extension/readme.md')!.read().toString('utf8');
  assert.equal(readme, withTables(readFileSync(MARKETPLACE_README, 'utf8')), 'stale tables: npm run generate:marketplace-readme');
  assert.match(readme, /## Privacy\n\nNo telemetry/);
  for (const name of Object.keys(manifest.contributes.configuration.properties)) assert.ok(readme.includes(`\`${name}\``), name);
  const vsixManifest = entries.find((e) => e.name === 'extension.vsixmanifest')!.read().toString('utf8');
  assert.match(vsixManifest, /Microsoft\.VisualStudio\.Services\.Icons\.Default/);
  assert.match(vsixManifest, /Microsoft\.VisualStudio\.Services\.Content\.Changelog/);
  assert.ok(manifest.contributes.grammars.length > 0);
  // snippets are served by the language server, in the block each belongs to (not contributed: VS Code would offer them everywhere)
  assert.equal(manifest.contributes.snippets, undefined);
  // every file the manifest points at is in the package
  const contributed = [
    ...manifest.contributes.grammars.map((g: { path: string }) => g.path),
    ...manifest.contributes.languages.map((l: { configuration?: string }) => l.configuration).filter(Boolean),
    ...manifest.contributes.jsonValidation.map((j: { url: string }) => j.url),
    manifest.main,
  ];
  for (const path of contributed) assert.ok(names.includes(`extension/${path.replace(/^\.\//, '')}`), `${path} is named in package.json but not packaged`);
  // The bundles must stand alone: nothing left for node to resolve at run time besides vscode.
  const bundle = entries.find((e) => e.name === 'extension/dist/extension.js')!.read().toString('utf8');
  assert.doesNotMatch(bundle, /require\(["'](vscode-|ssh2|chevrotain)/);
  // the archive is written again at the highest compression (scripts/recompress-vsix.mjs): every byte survives
  assert.equal(bundle, readFileSync(join(root, 'dist/extension.js'), 'utf8'));
  extensionBundle = bundle;
});

let extensionBundle: string | undefined;

/** The packaged bundle, alone in a directory: no node_modules and no 'vscode' module to fall back on. */
function isolatedBundle(): string {
  assert.ok(extensionBundle, 'the packaging test must run first');
  const dir = mkdtempSync(join(tmpdir(), 'ka-vsix-'));
  const file = join(dir, 'extension.js');
  writeFileSync(file, extensionBundle);
  return file;
}

test('loaded as the extension, the bundle exports activate/deactivate without evaluating the client or server', () => {
  const file = isolatedBundle();
  // Evaluating the client half would require('vscode'), which does not exist outside the editor.
  const run = spawnSync(process.execPath, ['-e', `const m = require(${JSON.stringify(file)}); console.log(Object.keys(m).sort().join(','))`], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), 'activate,deactivate');
  assert.equal(run.stderr, '');
});

test('started with the server flag, the same bundle is the language server', { timeout: 20_000 }, async () => {
  const file = isolatedBundle();
  const child = spawn(process.execPath, [file, SERVER_ROLE_FLAG, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  // the bundled client shows no work-done progress (a stand-in, scripts/shims/): the server must never start any
  const progressRequests: unknown[] = [];
  connection.onRequest('window/workDoneProgress/create', (params) => {
    progressRequests.push(params);
    return null;
  });
  connection.listen();
  try {
    const result = await connection.sendRequest<{ capabilities: Capabilities }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { window: { workDoneProgress: true } },
    });
    assert.ok(result.capabilities.completionProvider && result.capabilities.hoverProvider, JSON.stringify(result));
    // the client in this bundle has inert stand-ins for these features (scripts/shims/plugin.mjs): a server
    // capability for one of them would never reach the editor
    for (const feature of UNUSED_CLIENT_FEATURES) {
      const capability = CAPABILITY_OF_FEATURE[feature];
      assert.ok(capability, `no server capability is named for the stubbed client feature '${feature}'`);
      assert.equal(capability(result.capabilities), undefined, `the server announces ${feature}, which the bundled client stubs out`);
    }
    // the parser and checks of the shrunk bundle still work: a broken VRID is reported, a keyword explained
    connection.sendNotification('initialized', {});
    const uri = pathToFileURL(join(mkdtempSync(join(tmpdir(), 'ka-vsix-doc-')), 'keepalived.conf')).href;
    const published = new Promise<{ diagnostics: { code?: string; range: { start: { line: number } } }[] }>((done) =>
      connection.onNotification('textDocument/publishDiagnostics', (params) => {
        if (params.uri === uri) done(params);
      }),
    );
    const text = 'vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 300\n  priority 100\n  virtual_ipaddress {\n    10.0.0.1\n  }\n}\n';
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'keepalived', version: 1, text } });
    const { diagnostics } = await published;
    assert.ok(diagnostics.some((d) => d.range.start.line === 2), JSON.stringify(diagnostics));
    const hover = await connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 3, character: 4 },
    });
    assert.match(hover?.contents.value ?? '', /priority/i);
    assert.deepEqual(progressRequests, [], 'the server started work-done progress, which the bundled client does not show');
    assert.equal(stderr, '');
  } finally {
    connection.dispose();
    child.kill();
  }
});
