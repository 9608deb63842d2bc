// Edits arrive as incremental didChange notifications, and the server re-parses only what they touch. After a
// series of edits that move, make and remove findings, its diagnostics must be what a server that opened the
// final text fresh publishes.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Range } from 'vscode-languageserver-protocol';
import { EXAMPLES } from '../helpers/paths';
import { LspTestClient, rangeOf } from './lspClient';

const dir = mkdtempSync(join(tmpdir(), 'ka-lsp-edits-'));
const master = join(dir, 'master.conf');
const backup = join(dir, 'backup.conf');
copyFileSync(join(EXAMPLES, 'master.conf'), master);
copyFileSync(join(EXAMPLES, 'backup.conf'), backup);
// declared one cluster, so that a VRID edit makes a cross-file finding
copyFileSync(join(EXAMPLES, 'keepalived-cluster.json'), join(dir, 'keepalived-cluster.json'));

const settings = { settings: { validation: { enable: true, debounceMs: 0 } } };
const capabilities = { workspace: { workspaceFolders: true, configuration: false }, textDocument: { publishDiagnostics: { relatedInformation: true } } };

/** Replaces the first `needle` with `replacement`: the LSP range of the needle and the new text. */
function replace(text: string, needle: string, replacement: string): { range: Range; text: string } {
  return { range: rangeOf(text, needle), text: text.replace(needle, () => replacement) };
}

let editing: LspTestClient;
let fresh: LspTestClient;
before(async () => {
  editing = LspTestClient.start();
  await editing.initialize(dir, capabilities, settings);
});
after(async () => {
  await editing?.stop();
  await fresh?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('after incremental edits the server publishes what a fresh server publishes for the same text', async () => {
  let text = readFileSync(master, 'utf8');
  await editing.open(master, text);
  await editing.waitFor('first diagnostics', () => !!editing.latest(master));
  // each edit changes what is published (a finding appears or moves), so each is answered on its own
  const edits: [string, string][] = [
    ['virtual_router_id 51', 'virtual_router_id 52'],
    ['global_defs {', '# a comment above everything\n\nglobal_defs {'],
    ['advert_int 1', 'advert_int 1\n    bogus_keyword 7'],
    ['priority 100', 'priority 100\n    priority 101'],
    ['# a comment above everything\n\n', ''],
    ['lb_algo rr', 'lb_algo rr\n    lb_algo wlc'],
  ];
  for (const [needle, replacement] of edits) {
    const edit = replace(text, needle, replacement);
    const sentAt = await editing.edit(master, edit.range, replacement);
    text = edit.text;
    // one analysis per edit, so that each re-parse starts from the last one (edits sent together are parsed as one)
    await editing.waitFor(`diagnostics after '${needle}'`, () => (editing.latest(master)?.at ?? 0) > sentAt);
  }

  fresh = LspTestClient.start();
  await fresh.initialize(dir, capabilities, settings);
  await fresh.open(master, text);
  // the edits made findings of three kinds; the fresh server has seen its peer once the VRID mismatch shows
  const codes = ['unknown-keyword', 'duplicate-keyword', 'cluster-vrid-mismatch'];
  await fresh.waitFor('the fresh server diagnostics', () => codes.every((code) => fresh.latest(master)?.diagnostics.some((d) => d.code === code)));
  const expected = fresh.latest(master)!.diagnostics;
  await editing.waitFor('the edited server to agree', () => JSON.stringify(editing.latest(master)?.diagnostics) === JSON.stringify(expected));
});
