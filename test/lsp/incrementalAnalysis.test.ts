// The language server re-analyses only the components an edit touches (server/src/analysis/incremental.ts).
// Whatever happens (buffer edits, files changed, created and deleted on disk, settings), its findings must be
// those a fresh analysis of the same texts gives, and an untouched component's must be reused, not redone.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, mainConfigs } from '../../server/src/analysis/analyze';
import { diskFileSystem } from '../../server/src/analysis/diskFileSystem';
import { Workspace } from '../../server/src/analysis/workspace';
import { LiveState } from '../../server/src/lsp/liveState';
import { defaultSettings } from '../../server/src/lsp/state';

const root = mkdtempSync(join(tmpdir(), 'ka-incremental-'));
const at = (relative: string) => join(root, relative);
const write = (relative: string, text: string) => {
  mkdirSync(dirname(at(relative)), { recursive: true });
  writeFileSync(at(relative), text);
  return at(relative);
};

const director = (state: string, priority: number, vrid: number, pass: string, extra = '') =>
  `vrrp_instance VI_1 {\n    state ${state}\n    interface eth0\n    virtual_router_id ${vrid}\n    priority ${priority}\n    authentication {\n        auth_type PASS\n        auth_pass ${pass}\n    }\n    virtual_ipaddress {\n        192.0.2.${vrid}\n    }\n}\n${extra}`;

const files = {
  pairMaster: write('pair/master.conf', director('MASTER', 150, 10, 'secret1')),
  pairBackup: write('pair/backup.conf', director('BACKUP', 100, 10, 'secret1')),
  withIncludes: write('inc/keepalived.conf', director('MASTER', 150, 20, 'x', 'include conf.d/*.conf\n')),
  included: write('inc/conf.d/one.conf', 'virtual_server 192.0.2.20 80 {\n    lvs_sched rr\n}\n'),
  sharer1: write('s1/keepalived.conf', director('MASTER', 150, 30, 'y', 'include ../shared/common.conf\n')),
  sharer2: write('s2/keepalived.conf', director('MASTER', 150, 31, 'z', 'include ../shared/common.conf\n')),
  shared: write('shared/common.conf', 'vrrp_script chk {\n    script "/bin/true"\n    weight 10\n}\n'),
  lone: write('lone/keepalived.conf', director('MASTER', 150, 40, 'w')),
};

/** what a fresh analysis of the same texts (the open buffers over the disk) finds, as comparable text */
function fresh(state: LiveState): string {
  const workspace = new Workspace(diskFileSystem);
  for (const path of state.knownConfigs()) if (state.isOpen(path)) workspace.setText(path, state.workspace.text(path)!, true);
  const result = analyze(workspace, mainConfigs(workspace, state.knownConfigs()), { keepalivedVersion: state.settings().keepalivedVersion ?? '2.4.3' });
  return shown(result.diagnostics);
}

function shown(diagnostics: ReadonlyMap<string, readonly { code: string; message: string; range: { start: { line: number } } }[]>): string {
  return [...diagnostics]
    .map(([file, list]) => `${file}\n${list.map((d) => `  ${d.range.start.line} ${d.code} ${d.message}`).join('\n')}`)
    .sort()
    .join('\n');
}

describe('the language server analyses again only what an edit touches', () => {
  it('finds what a fresh analysis finds after every kind of change, and reuses the untouched components', async () => {
    const state = new LiveState();
    state.setSettings({ ...defaultSettings, keepalivedVersion: '2.4.3' });
    state.setDiscovered(Object.values(files));
    const check = async (step: string) => {
      const result = await state.settle();
      assert.equal(shown(result.diagnostics), fresh(state), step);
      return result;
    };
    const first = await check('first analysis');

    state.openDocument(files.pairBackup, director('BACKUP', 100, 10, 'other'));
    const edited = await check('a buffer edit that breaks the pair');
    assert.match(shown(edited.diagnostics), /cluster-auth-pass-mismatch/, 'the pair is compared');
    assert.equal(edited.diagnostics.get(files.lone), first.diagnostics.get(files.lone), 'an untouched component is reused');
    assert.equal(edited.diagnostics.get(files.shared), first.diagnostics.get(files.shared), 'and so is one with a shared include');

    state.editDocument(files.pairBackup, director('BACKUP', 200, 10, 'secret1'));
    await check('the BACKUP above the MASTER');

    writeFileSync(files.shared, 'vrrp_script chk {\n    script "/bin/true"\n    weight 300\n}\n');
    state.fileChangedOnDisk(files.shared, 'changed');
    const sharedEdit = await check('a shared include changed on disk');
    assert.notEqual(sharedEdit.diagnostics.get(files.shared), edited.diagnostics.get(files.shared));

    const added = write('inc/conf.d/two.conf', 'virtual_server 192.0.2.20 443 {\n    bogus_keyword 1\n}\n');
    state.fileChangedOnDisk(added, 'created');
    const created = await check('a file appears where an include glob looks');
    assert.ok(created.diagnostics.get(added)?.some((d) => d.code === 'unknown-keyword'), 'the new included file is checked');

    rmSync(files.included);
    state.fileChangedOnDisk(files.included, 'deleted');
    await check('an included file goes');

    state.openDocument(files.sharer2, director('MASTER', 150, 31, 'z'));
    await check('a config stops including the shared file');

    state.closeDocument(files.pairBackup);
    await check('a buffer closed: the disk copy again');

    state.setSettings({ ...defaultSettings, keepalivedVersion: '2.2.7' });
    await check('another target release');
  });
});
