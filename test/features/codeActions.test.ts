import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { codeActions } from '../../server/src/features/codeActions';
import { toLspDiagnostics } from '../../server/src/lsp/toLspDiagnostics';
import { applyEdits } from './formatHelpers';
import { stateFor, uriToPath } from './state';

/** The example cluster, copied with edits that each cause one diagnostic with an obvious fix. */
function cluster(masterEdits: [string, string][], backupEdits: [string, string][] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'ka-actions-'));
  const write = (name: string, edits: [string, string][]) => {
    let text = readFileSync(resolve('examples', name), 'utf8');
    for (const [from, to] of edits) text = text.replace(from, to);
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const master = write('master.conf', masterEdits);
  const backup = write('backup.conf', backupEdits);
  // declared one cluster, as the examples' cluster file does: a VRID mismatch is only compared then
  const state = stateFor([master, backup], undefined, { clusters: [[master, backup]] });
  const lsp = (path: string) => toLspDiagnostics(state.analysis().diagnostics.get(path) ?? [], {}, state.pathToUri);
  return { master, backup, state, lsp };
}

test('misspelt keyword, long auth_pass and missing required keyword get their fixes', () => {
  const { master, state, lsp } = cluster([
    ['advert_int 1', 'advert_itn 1'],
    ['auth_pass 1111', 'auth_pass 1234567890'],
    ['    virtual_router_id 51\n', ''],
  ]);
  const diagnostics = lsp(master);
  const titles = codeActions(state, master, diagnostics).map((a) => a.title);
  assert.ok(titles.includes("Change to 'advert_int'"), titles.join(' | '));
  assert.ok(titles.includes('Cut to 8 characters'), titles.join(' | '));
  assert.ok(titles.includes("Insert 'virtual_router_id'"), titles.join(' | '));
  const text = readFileSync(master, 'utf8');
  const chosen = codeActions(state, master, diagnostics).filter((a) => /^(Change to|Cut to|Insert)/.test(a.title));
  const fixed = applyEdits(text, chosen.flatMap((a) => a.edit!.changes![state.pathToUri(master)]));
  assert.match(fixed, /advert_int 1/);
  assert.match(fixed, /auth_pass 12345678\n/);
  assert.match(fixed, /virtual_router_id 51\n\s*}/);
});

test('a fix also works when the client drops the diagnostic data', () => {
  const { master, state, lsp } = cluster([['advert_int 1', 'advert_itn 1']]);
  const bare = lsp(master).map(({ data: _data, ...rest }) => rest);
  assert.ok(codeActions(state, master, bare).some((a) => a.title === "Change to 'advert_int'"));
});

test('a VRID mismatch can be settled on either side', () => {
  const { master, backup, state, lsp } = cluster([['virtual_router_id 51', 'virtual_router_id 52']]);
  const diagnostic = lsp(master).find((d) => d.code === 'cluster-vrid-mismatch')!;
  const actions = codeActions(state, master, [diagnostic]);
  const mine = actions.find((a) => a.edit!.changes![state.pathToUri(master)])!;
  const theirs = actions.find((a) => a.edit!.changes![state.pathToUri(backup)])!;
  assert.equal(mine.edit!.changes![state.pathToUri(master)][0].newText, '51');
  assert.equal(theirs.edit!.changes![state.pathToUri(backup)][0].newText, '52');
  assert.equal(uriToPath(Object.keys(theirs.edit!.changes!)[0]), backup);
  const settled = applyEdits(readFileSync(backup, 'utf8'), theirs.edit!.changes![state.pathToUri(backup)]);
  assert.match(settled, /virtual_router_id 52/);
});

test('a VIP missing on one director is added from the peer', () => {
  const { master, state, lsp } = cluster([['        192.168.18.200\n', '        192.168.18.200\n        192.168.18.201\n']]);
  const { backup } = { backup: state.knownConfigs()[1] };
  const diagnostic = lsp(backup).find((d) => d.code === 'cluster-vip-mismatch')!;
  const [add] = codeActions(state, backup, [diagnostic]);
  assert.match(add.title, /Add 192\.168\.18\.201/);
  const fixed = applyEdits(readFileSync(backup, 'utf8'), add.edit!.changes![state.pathToUri(backup)]);
  assert.match(fixed, /192\.168\.18\.200\n {8}192\.168\.18\.201\n {4}}/);
  assert.ok(master);
});
