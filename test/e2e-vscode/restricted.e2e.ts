/**
 * Issue 18 item 2: the .vsix in a real VS Code (code-server) whose folder is not trusted (Restricted Mode).
 * Checking, hover and completion work; deploy says it is disabled and why. Run by `npm run test:e2e:vscode`.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadChromium, type BrowserContext, type Page } from './playwright';
import { CodeServer, E2E_DIR, PLAYWRIGHT_DIR, PROJECT_ROOT, missingInstall } from './code-server';
import { goToLineEnd, nbspToSpace, openFile, runCommand } from './workbench';

const VSIX = join(PROJECT_ROOT, 'dist/keepalived-tools.vsix');
const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts');
const setupProblem = missingInstall() ?? (existsSync(VSIX) ? undefined : `${VSIX} is missing: run npm run package`);
if (setupProblem) throw new Error(setupProblem);
const chromium = loadChromium(PLAYWRIGHT_DIR);

const runDir = mkdtempSync(join(E2E_DIR, 'run-restricted-'));
const workspace = join(runDir, 'workspace');
mkdirSync(join(workspace, 'keepalived'), { recursive: true });
for (const name of ['master.conf', 'backup.conf']) copyFileSync(join(PROJECT_ROOT, 'examples', name), join(workspace, 'keepalived', name));
writeFileSync(
  join(workspace, 'keepalived/keepalived-cluster.json'),
  readFileSync(join(PROJECT_ROOT, 'examples/keepalived-cluster.json'), 'utf8'),
);
const masterLines = readFileSync(join(workspace, 'keepalived/master.conf'), 'utf8').split('\n');
const lineOf = (pattern: RegExp) => masterLines.findIndex((l) => pattern.test(l)) + 1;

const codeServer = new CodeServer(runDir, true);
let context: BrowserContext;
let page: Page;

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  codeServer.installExtension(VSIX);
  await codeServer.start(workspace);
  context = await chromium.launchPersistentContext(join(runDir, 'chromium'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(codeServer.url(workspace));
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
});

after(async () => {
  if (page) await page.screenshot({ path: join(ARTIFACTS, 'vscode-restricted-final.png') }).catch(() => undefined);
  await context?.close().catch(() => undefined);
  await codeServer.stop();
  writeFileSync(join(ARTIFACTS, 'vscode-restricted-code-server.log'), codeServer.log);
  if (!process.env.KEEP_E2E_RUN) rmSync(runDir, { recursive: true, force: true });
});

test('in Restricted Mode the language features work', { timeout: 120_000 }, async () => {
  await page.locator('.explorer-viewlet').getByText('keepalived').first().waitFor({ timeout: 30_000 });
  // the window really is restricted: VS Code says so in the status bar
  await page.locator('.statusbar', { hasText: 'Restricted Mode' }).waitFor({ timeout: 30_000 });
  await openFile(page, 'keepalived/master.conf');
  await page.locator('#status\\.editor\\.mode', { hasText: 'Keepalived' }).waitFor({ timeout: 15_000 });
  // the language server answers: its code lens on the instance is drawn
  await page.locator('.contentWidgets .codelens-decoration', { hasText: 'BACKUP in backup.conf' }).first().waitFor({ timeout: 60_000 });
  await goToLineEnd(page, lineOf(/^\s*advert_int\b/));
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover', { hasText: 'advert_int' }).first();
  await hover.waitFor({ state: 'visible', timeout: 30_000 });
  assert.match(nbspToSpace(await hover.innerText()), /Default/);
  await page.keyboard.press('Escape');
});

test('in Restricted Mode deploy is disabled with a message that says why', { timeout: 60_000 }, async () => {
  await runCommand(page, 'Keepalived: Deploy Cluster');
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Restricted Mode' }).first();
  await toast.waitFor({ timeout: 15_000 });
  const text = nbspToSpace(await toast.innerText());
  assert.match(text, /Deploy Cluster is disabled in Restricted Mode/);
  assert.match(text, /Manage Workspace Trust/);
  await page.screenshot({ path: join(ARTIFACTS, 'vscode-restricted-deploy.png') });
});

test('in Restricted Mode keepalived -t is not run either', { timeout: 60_000 }, async () => {
  await page.keyboard.press('Escape');
  await runCommand(page, 'Keepalived: Check with keepalived -t');
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'keepalived -t is disabled' }).first();
  await toast.waitFor({ timeout: 15_000 });
  assert.match(nbspToSpace(await toast.innerText()), /Checking with keepalived -t is disabled in Restricted Mode/);
});
