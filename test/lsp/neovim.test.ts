import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { EXAMPLES, ROOT } from '../helpers/paths';

interface Diag {
  code?: string;
  severity?: number;
  message: string;
  source?: string;
  relatedInformation?: { location: { uri: string } }[];
}
interface VimDiag {
  lnum: number;
  severity: number;
  message: string;
}
interface Step {
  master: Diag[];
  backup: Diag[];
  vim_master?: VimDiag[];
  vim_backup?: VimDiag[];
}
interface Report {
  error?: string;
  latency_ms?: number;
  server_exit?: { code: number };
  steps: { initial: Step; mismatch: Step; disk_changed: Step; fixed: Step };
}

const VRID = 'cluster-vrid-mismatch';
const vrid = (list: Diag[]) => list.filter((d) => d.code === VRID);

test('Neovim (built-in LSP client, headless) sees the VRID mismatch on both directors and its refresh from disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ka-nvim-'));
  const xdg = join(dir, '.xdg');
  const workspace = join(dir, 'cluster');
  mkdirSync(workspace);
  const master = join(workspace, 'master.conf');
  const backup = join(workspace, 'backup.conf');
  copyFileSync(join(EXAMPLES, 'master.conf'), master);
  copyFileSync(join(EXAMPLES, 'backup.conf'), backup);
  // declared one cluster: directors that disagree on virtual_router_id are only compared then
  copyFileSync(join(EXAMPLES, 'keepalived-cluster.json'), join(workspace, 'keepalived-cluster.json'));
  const out = join(dir, 'result.json');
  try {
    const run = spawnSync(
      'nvim',
      ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${join(ROOT, 'test/lsp/neovim/drive.lua')}`],
      {
        cwd: workspace,
        timeout: 90_000,
        encoding: 'utf8',
        env: {
          ...process.env,
          XDG_CONFIG_HOME: join(xdg, 'config'),
          XDG_DATA_HOME: join(xdg, 'data'),
          XDG_CACHE_HOME: join(xdg, 'cache'),
          XDG_STATE_HOME: join(xdg, 'state'),
          KA_ROOT: ROOT,
          KA_MASTER: master,
          KA_BACKUP: backup,
          KA_OUT: out,
          KA_DEBOUNCE: '100',
        },
      },
    );
    const lspLog = join(xdg, 'cache', 'nvim', 'lsp.log');
    const context = () => `nvim status ${run.status} ${run.error ?? ''}\n${run.stderr}\n${existsSync(lspLog) ? readFileSync(lspLog, 'utf8').slice(-3000) : ''}`;
    assert.ok(existsSync(out), `no result file; ${context()}`);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    assert.equal(report.error, undefined, `${report.error}; ${context()}`);
    assert.equal(run.status, 0, context());

    const { initial, mismatch, disk_changed, fixed } = report.steps;
    assert.deepEqual(vrid(initial.master), []);
    assert.deepEqual(vrid(initial.backup), []);

    const backupUri = pathToFileURL(backup).href;
    const masterUri = pathToFileURL(master).href;
    const [onMaster] = vrid(mismatch.master);
    const [onBackup] = vrid(mismatch.backup);
    assert.equal(onMaster.severity, 1);
    assert.equal(onBackup.severity, 1);
    assert.equal(onMaster.source, 'keepalived');
    assert.ok(onMaster.relatedInformation?.some((r) => r.location.uri === backupUri), JSON.stringify(onMaster.relatedInformation));
    assert.ok(onBackup.relatedInformation?.some((r) => r.location.uri === masterUri), JSON.stringify(onBackup.relatedInformation));
    // Neovim stored them too, also for the backup it never opened (vim.diagnostic lines are 0-based)
    const vridLine = readFileSync(master, 'utf8').split('\n').findIndex((l) => l.includes('virtual_router_id'));
    assert.ok(mismatch.vim_master?.some((d) => d.lnum === vridLine && d.severity === 1 && /virtual_router_id/.test(d.message)), JSON.stringify(mismatch.vim_master));
    assert.ok(mismatch.vim_backup?.some((d) => d.lnum === vridLine && d.severity === 1), JSON.stringify(mismatch.vim_backup));

    assert.match(vrid(disk_changed.master)[0]?.message ?? '', /53/);
    assert.match(vrid(disk_changed.backup)[0]?.message ?? '', /53/);
    assert.deepEqual(vrid(fixed.master), []);
    assert.deepEqual(vrid(fixed.backup), []);
    assert.deepEqual(fixed.vim_backup?.filter((d) => d.severity === 1), []);

    assert.equal(typeof report.latency_ms, 'number');
    console.log(`# Neovim: buffer edit -> publishDiagnostics on both files: ${report.latency_ms!.toFixed(1)} ms (server debounce 100 ms)`);
    assert.ok(report.latency_ms! < 2000, `latency ${report.latency_ms} ms`);
    assert.equal(report.server_exit?.code, 0, 'the server exits cleanly when Neovim stops it');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the Neovim set-up of docs/editors.md, as written, starts the server for a keepalived file and shows its diagnostics', () => {
  const doc = readFileSync(join(ROOT, 'docs/editors.md'), 'utf8');
  const snippet = /<!-- neovim-snippet:start -->\s*```lua\n([\s\S]*?)```\s*<!-- neovim-snippet:end -->/.exec(doc)?.[1];
  assert.ok(snippet, 'docs/editors.md has no marked Neovim snippet');
  const dir = mkdtempSync(join(tmpdir(), 'ka-nvim-docs-'));
  try {
    const xdg = join(dir, '.xdg');
    mkdirSync(join(xdg, 'config', 'nvim'), { recursive: true });
    writeFileSync(join(xdg, 'config', 'nvim', 'init.lua'), snippet);
    // the snippet runs `keepalived-language-server` from PATH: here, the server of this checkout
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'keepalived-language-server'), `#!/bin/sh\ncd '${ROOT}' && exec node --import tsx server/src/lsp/main.ts "$@"\n`, { mode: 0o755 });
    const config = join(dir, 'etc', 'keepalived', 'keepalived.conf');
    mkdirSync(join(dir, 'etc', 'keepalived'), { recursive: true });
    writeFileSync(config, readFileSync(join(EXAMPLES, 'master.conf'), 'utf8').replace('advert_int 1', 'advert_itn 1'));
    const out = join(dir, 'result.json');
    const run = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-c', `luafile ${join(ROOT, 'test/lsp/neovim/docs-check.lua')}`], {
      cwd: dir,
      timeout: 90_000,
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${bin}:${process.env.PATH}`,
        XDG_CONFIG_HOME: join(xdg, 'config'),
        XDG_DATA_HOME: join(xdg, 'data'),
        XDG_CACHE_HOME: join(xdg, 'cache'),
        XDG_STATE_HOME: join(xdg, 'state'),
        KA_OUT: out,
        KA_CONFIG: config,
      },
    });
    assert.ok(existsSync(out), `no result; nvim status ${run.status}\n${run.stderr}`);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { error?: string; filetype: string; diagnostics: { lnum: number; message: string }[]; clients: number };
    assert.equal(result.error, undefined, result.error);
    assert.equal(result.filetype, 'keepalived');
    assert.equal(result.clients, 1);
    const line = readFileSync(config, 'utf8').split('\n').findIndex((l) => l.includes('advert_itn'));
    assert.ok(result.diagnostics.some((d) => d.lnum === line && /advert_itn/.test(d.message)), JSON.stringify(result.diagnostics));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
