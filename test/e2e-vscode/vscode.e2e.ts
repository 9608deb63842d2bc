/**
 * The .vsix in a real VS Code (code-server) driven by Playwright in Debian's chromium.
 * Needs scripts/e2e/setup-vscode.sh and `npm run package` first: `npm run test:e2e:vscode` does both.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadChromium, type BrowserContext, type Page } from './playwright';
import { blockSpec, keywordSpec } from '../../server/src/schema/index';
import { CodeServer, E2E_DIR, PLAYWRIGHT_DIR, PROJECT_ROOT, missingInstall } from './code-server';
import { goToLineEnd, nbspToSpace, openFile, problemRows, runCommand, visibleText } from './workbench';

const VSIX = join(PROJECT_ROOT, 'dist/keepalived-tools.vsix');
const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts');
const chromium = loadChromium(PLAYWRIGHT_DIR);

const setupProblem = missingInstall() ?? (existsSync(VSIX) ? undefined : `${VSIX} is missing: run npm run package`);
if (setupProblem) throw new Error(setupProblem);

const runDir = mkdtempSync(join(E2E_DIR, 'run-'));
const workspace = join(runDir, 'workspace');
// Laid out like /etc/keepalived: the language contribution claims **/keepalived/**/*.conf.
const configDir = join(workspace, 'keepalived');
mkdirSync(configDir, { recursive: true });
// with their cluster file: directors that disagree on virtual_router_id are only compared when declared, and
// the Explorer's cluster view lists it
for (const name of ['master.conf', 'backup.conf', 'keepalived-cluster.json']) copyFileSync(join(PROJECT_ROOT, 'examples', name), join(configDir, name));
// Outside keepalived/: VS Code opens these as Properties and plain text; the extension switches them.
// lb1.conf is another cluster's director (its own VRID and VIP) that leaves advert_int and preemption to the defaults.
mkdirSync(join(workspace, 'site'), { recursive: true });
mkdirSync(join(workspace, 'roles/lb/templates'), { recursive: true });
// It tracks a check with weight -20 and has a BACKUP beside it (lb2.conf, priority 90): the failover inlay hint
// says where the VIP goes when the check fails.
const lb1 = readFileSync(join(PROJECT_ROOT, 'examples/master.conf'), 'utf8')
  .replace('    advert_int 1\n', '')
  .replace(/VI_1/g, 'VI_9')
  .replace('virtual_router_id 51', 'virtual_router_id 59')
  .replace(/192\.168\.18\./g, '10.9.9.')
  // keepalived -t (a later step) accepts a tracked script only with script security set up
  .replace('    router_id LVS_DEVEL\n', '    router_id LVS_DEVEL\n    enable_script_security\n    script_user root\n')
  .replace('vrrp_instance VI_9 {', 'vrrp_script chk_web {\n    script "/bin/true"\n    weight -20\n}\n\nvrrp_instance VI_9 {\n    track_script {\n        chk_web\n    }');
writeFileSync(join(workspace, 'site/lb1.conf'), lb1);
writeFileSync(join(workspace, 'site/lb2.conf'), lb1.replace('state MASTER', 'state BACKUP').replace('priority 100', 'priority 90'));
copyFileSync(join(PROJECT_ROOT, 'test/fixtures/templates/keepalived.conf.j2'), join(workspace, 'roles/lb/templates/keepalived.conf.j2'));
// a cluster file copied away from the project: its schema must still come from the extension
mkdirSync(join(workspace, 'copied'), { recursive: true });
writeFileSync(join(workspace, 'copied/keepalived-cluster.json'), '{\n  "directors": 5\n}\n');
const DOCS = join(PROJECT_ROOT, 'docs/images');
const masterLines = readFileSync(join(configDir, 'master.conf'), 'utf8').split('\n');
const lineOf = (pattern: RegExp) => masterLines.findIndex((l) => pattern.test(l)) + 1;

const codeServer = new CodeServer(runDir);

// Browser-side checks, as expression text (they run in chromium, not in node).
const PROBLEM_SHOWN = `[...document.querySelectorAll('.markers-panel .monaco-list-row')].some((r) => /cluster-vrid-mismatch/.test(r.textContent))`;
const SNIPPET_SHOWN = `/vrrp_sync_group\\s+VG_1\\s+\\{/.test(document.querySelector('.editor-instance .view-lines').innerText.replace(/\\u00a0/g, ' '))`;
let context: BrowserContext;
let page: Page;
const timings: Record<string, number> = {};

/** Lines the extension wrote to its "Keepalived" output channel (a log file under the user-data dir). */
function extensionLog(): string {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry === 'Keepalived.log') found.push(path);
    }
  };
  if (existsSync(join(codeServer.userDataDir, 'logs'))) walk(join(codeServer.userDataDir, 'logs'));
  return found.map((f) => readFileSync(f, 'utf8')).join('\n');
}

async function waitForLog(pattern: RegExp, count = 1, timeoutMs = 30_000): Promise<RegExpMatchArray[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const matches = [...extensionLog().matchAll(new RegExp(pattern, 'g'))];
    if (matches.length >= count) return matches;
    if (Date.now() > deadline) throw new Error(`output channel never showed ${pattern} ×${count}:\n${extensionLog()}\n${codeServer.log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A workbench test that leaves a screenshot of the page behind when it fails. */
function uiTest(name: string, options: { timeout: number }, body: () => Promise<void>): void {
  test(name, options, async () => {
    try {
      await body();
    } catch (error) {
      const file = `failed-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`;
      await page?.screenshot({ path: join(ARTIFACTS, file) }).catch(() => undefined);
      throw error;
    }
  });
}

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
  const started = Date.now();
  await page.goto(codeServer.url(workspace));
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  timings.workbenchMs = Date.now() - started;
});

after(async () => {
  if (page) await page.screenshot({ path: join(ARTIFACTS, 'vscode-e2e-final.png') }).catch(() => undefined);
  await context?.close().catch(() => undefined);
  await codeServer.stop();
  // Keep what explains a failure, then drop the run's profile, extensions and browser data.
  writeFileSync(join(ARTIFACTS, 'vscode-e2e-extension.log'), extensionLog());
  writeFileSync(join(ARTIFACTS, 'vscode-e2e-code-server.log'), codeServer.log);
  if (!process.env.KEEP_E2E_RUN) rmSync(runDir, { recursive: true, force: true });
  console.log(`e2e timings: ${JSON.stringify(timings)}`);
});

uiTest('opening master.conf selects the Keepalived language and starts the server', { timeout: 90_000 }, async () => {
  await page.locator('.explorer-viewlet').getByText('keepalived').first().waitFor({ timeout: 30_000 });
  await openFile(page, 'keepalived/master.conf');
  await page.locator('#status\\.editor\\.mode', { hasText: 'Keepalived' }).waitFor({ timeout: 15_000 });
  assert.equal((await page.locator('#status\\.editor\\.mode').innerText()).trim(), 'Keepalived');
  const [ready] = await waitForLog(/server ready in (\d+) ms/);
  const [activation] = await waitForLog(/activation to server ready: (\d+) ms/);
  timings.serverReadyMs = Number(ready[1]);
  timings.activationToReadyMs = Number(activation[1]);
  // The grammar is live: the block keyword carries its TextMate colour class.
  const vrrpToken = page.locator('.editor-instance .view-line span span', { hasText: /^vrrp_instance$/ }).first();
  const plainToken = page.locator('.editor-instance .view-line span span', { hasText: /^VI_1$/ }).first();
  assert.notEqual(await vrrpToken.getAttribute('class'), await plainToken.getAttribute('class'));
});

uiTest('code lenses show the peer director above each vrrp_instance and virtual_server', { timeout: 60_000 }, async () => {
  const lens = page.locator('.contentWidgets .codelens-decoration', { hasText: 'BACKUP in backup.conf' }).first();
  await lens.waitFor({ timeout: 30_000 });
  assert.match(nbspToSpace(await lens.innerText()), /BACKUP in backup\.conf · priority 90/);
  // the cluster file beside the configs names the backup's director
  await page.locator('.contentWidgets .codelens-decoration', { hasText: 'same on lvs-slave' }).first().waitFor({ timeout: 15_000 });
  mkdirSync(DOCS, { recursive: true });
  await page.screenshot({ path: join(DOCS, 'vscode-code-lens.png'), clip: { x: 0, y: 0, width: 1400, height: 700 } });
  // the lens jumps to the peer's instance
  await lens.locator('a', { hasText: 'BACKUP in backup.conf' }).click();
  await page.locator('.tabs-container .tab.active', { hasText: 'backup' }).waitFor({ timeout: 15_000 });
  await page.keyboard.press('Control+W');
  await page.locator('.tabs-container .tab.active', { hasText: 'master' }).waitFor({ timeout: 15_000 });
});

uiTest('the failover lens sums up what each failure of the MASTER does and opens the full table', { timeout: 60_000 }, async () => {
  const lens = page.locator('.contentWidgets .codelens-decoration a', { hasText: 'failover:' }).first();
  await lens.waitFor({ timeout: 30_000 });
  // the examples: the MASTER's link down or its keepalived stopped, and the VIP goes to the BACKUP each time
  assert.equal(nbspToSpace(await lens.innerText()), 'failover: 2 failures on master.conf: VIP moves in all');
  await lens.click();
  const table = page.locator('.editor-instance .view-lines', { hasText: 'Failover of vrrp_instance VI_1' }).first();
  await table.waitFor({ timeout: 15_000 });
  const text = nbspToSpace(await table.innerText());
  assert.match(text, /master\.conf stopped\s*\|\s*STOPPED\s*\|\s*90\s*\|\s*backup\.conf/);
  assert.match(text, /eth0 down on master\.conf\s*\|\s*FAULT\s*\|\s*90\s*\|\s*backup\.conf/);
  mkdirSync(DOCS, { recursive: true });
  await page.screenshot({ path: join(DOCS, 'vscode-failover.png'), clip: { x: 0, y: 0, width: 1400, height: 700 } });
  // the table is an untitled document: closed without saving, back to the MASTER's config
  await runCommand(page, 'View: Revert and Close Editor');
  await page.keyboard.press('Control+1');
  await page.locator('.tabs-container .tab.active', { hasText: 'master' }).waitFor({ timeout: 15_000 });
});

uiTest('breaking virtual_router_id between master and backup shows a cluster problem', { timeout: 90_000 }, async () => {
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel', { state: 'visible' });
  assert.ok(!(await problemRows(page)).some((r) => /cluster-vrid-mismatch/.test(r)), 'the examples must start consistent');

  await page.keyboard.press('Control+1');
  await goToLineEnd(page, lineOf(/^\s*virtual_router_id\s+51\b/));
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await page.keyboard.type('52');
  await page.keyboard.press('Control+S');
  const started = Date.now();
  await page.waitForFunction(PROBLEM_SHOWN, undefined, { timeout: 30_000 });
  timings.editToProblemMs = Date.now() - started;
  const rows = await problemRows(page);
  assert.ok(rows.some((r) => /virtual_router_id/.test(r) && /cluster-vrid-mismatch/.test(r)), rows.join('\n'));
  await page.screenshot({ path: join(ARTIFACTS, 'vscode-e2e-problems.png') });
});

uiTest('completion inside a vrrp_instance offers vrrp_instance keywords', { timeout: 60_000 }, async () => {
  await page.keyboard.press('Control+1');
  await goToLineEnd(page, lineOf(/^\s*priority\s+\d+/));
  await page.keyboard.press('Enter');
  // master.conf has no nopreempt yet, so a schema-driven completion must offer it here.
  await page.keyboard.type('nopre');
  await page.keyboard.press('Control+Space');
  const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'nopreempt' }).first();
  await suggestion.waitFor({ timeout: 15_000 });
  const labels = (await page.locator('.suggest-widget .monaco-list-row').allInnerTexts()).map(nbspToSpace);
  assert.ok(labels.some((l) => l.includes('nopreempt')), labels.join(' | '));
  assert.ok(!labels.some((l) => /\blvs_sched\b|\breal_server\b/.test(l)), `virtual_server keywords offered in vrrp_instance: ${labels.join(' | ')}`);
  await page.screenshot({ path: join(ARTIFACTS, 'vscode-e2e-completion.png') });
  await page.keyboard.press('Escape');
  // Remove the probe line; undo could also take back the virtual_router_id edit the later tests rely on.
  await page.keyboard.press('Control+Shift+K');
});

uiTest('hovering a keyword shows its documentation from the schema', { timeout: 60_000 }, async () => {
  await page.keyboard.press('Escape');
  const doc = keywordSpec(blockSpec('vrrp_instance')!, 'advert_int')!.doc;
  const expected = doc.replace(/[`*_]/g, '').split(/\s+/).slice(0, 5).join(' ');
  // Keyboard hover (Ctrl+K Ctrl+I) on the keyword: a mouse hover raced the editor's hover delay now and then.
  await page.keyboard.press('Control+1');
  await goToLineEnd(page, lineOf(/^\s*advert_int\b/));
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover', { hasText: expected.split(' ')[0] }).first();
  await hover.waitFor({ state: 'visible', timeout: 15_000 });
  const text = nbspToSpace(await hover.innerText()).replace(/[`*_]/g, '').replace(/\s+/g, ' ');
  assert.ok(text.includes(expected), `hover "${text}" lacks "${expected}"`);
  await page.screenshot({ path: join(ARTIFACTS, 'vscode-e2e-hover.png') });
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
});

uiTest('hovering vrrp_instance shows its failover table', { timeout: 60_000 }, async () => {
  await page.keyboard.press('Control+1');
  await goToLineEnd(page, lineOf(/^vrrp_instance\b/));
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover', { hasText: 'Failover' }).first();
  await hover.waitFor({ state: 'visible', timeout: 15_000 });
  assert.match(nbspToSpace(await hover.innerText()), /master\.conf stopped[\s|]+STOPPED[\s|]+90[\s|]+backup\.conf/);
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
});

uiTest('a snippet offered by completion expands in the editor', { timeout: 60_000 }, async () => {
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  // the language server offers the snippet at the top level (and not inside blocks)
  await page.keyboard.type('vrrp_sync_gr');
  await page.keyboard.press('Control+Space');
  await page.locator('.suggest-widget .monaco-list-row', { hasText: 'vrrp_sync_group' }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(SNIPPET_SHOWN, undefined, { timeout: 15_000 });
  const text = await visibleText(page);
  assert.match(text, /vrrp_sync_group VG_1 \{/);
  assert.match(text, /group \{/);
  await page.screenshot({ path: join(ARTIFACTS, 'vscode-e2e-snippet.png') });
});

uiTest('Keepalived: Restart Language Server starts a fresh server', { timeout: 60_000 }, async () => {
  await runCommand(page, 'Keepalived: Restart Language Server');
  const ready = await waitForLog(/server ready in (\d+) ms/, 2);
  timings.restartReadyMs = Number(ready[1][1]);
  await page.keyboard.press('Control+Shift+M');
  await page.waitForFunction(PROBLEM_SHOWN, undefined, { timeout: 30_000 });
  await page.screenshot({ path: join(ARTIFACTS, 'vscode-e2e.png') });
});

/** Text of the inlay hints shown in the editor (rendered as injected text or as CSS content). */
const INLAY_TEXT = `[...document.querySelectorAll('.editor-instance .view-line span')].map((e) => e.textContent + getComputedStyle(e, '::before').content + getComputedStyle(e, '::after').content).join(' ').replace(/\u00a0/g, ' ')`;

uiTest('a keepalived config outside keepalived/ switches to Keepalived and shows its defaults as inlay hints', { timeout: 90_000 }, async () => {
  await openFile(page, 'site/lb1.conf');
  await page.locator('#status\\.editor\\.mode', { hasText: 'Keepalived' }).waitFor({ timeout: 30_000 });
  await page.waitForFunction(`(${INLAY_TEXT}).includes('advert_int 1 · preempt')`, undefined, { timeout: 30_000 });
  // the failover hint after the tracked check: 100 - 20 = 80, below the BACKUP's 90
  await page.waitForFunction(`(${INLAY_TEXT}).includes('down → priority 80, VIP on lb2.conf')`, undefined, { timeout: 30_000 });
  mkdirSync(DOCS, { recursive: true });
  await page.screenshot({ path: join(DOCS, 'vscode-inlay-hints.png'), clip: { x: 0, y: 0, width: 1400, height: 700 } });
  await openFile(page, 'roles/lb/templates/keepalived.conf.j2');
  await page.locator('#status\\.editor\\.mode', { hasText: 'Keepalived' }).waitFor({ timeout: 30_000 });
  // the template is highlighted: a Jinja tag's keyword is a token of its own colour, unlike the text around it
  const tagKeyword = page.locator('.editor-instance .view-line span span', { hasText: /^endif$/ }).first();
  await tagKeyword.waitFor({ timeout: 15_000 });
  const tagText = page.locator('.editor-instance .view-line span span', { hasText: /keepalived_script_user[\s\u00a0]is[\s\u00a0]defined/ }).first();
  assert.notEqual(await tagKeyword.getAttribute('class'), await tagText.getAttribute('class'));
  await page.keyboard.press('Control+W');
  await page.keyboard.press('Control+W');
});

uiTest('a keepalived-cluster.json anywhere is validated by the extension\'s schema', { timeout: 60_000 }, async () => {
  await openFile(page, 'copied/keepalived-cluster.json');
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel', { state: 'visible' });
  await page.waitForFunction(`[...document.querySelectorAll('.markers-panel .monaco-list-row')].some((r) => /Incorrect type/.test(r.textContent))`, undefined, { timeout: 30_000 });
  await page.keyboard.press('Control+W');
});

uiTest('the Explorer shows the Keepalived Cluster view of each cluster file', { timeout: 60_000 }, async () => {
  const header = page.locator('.pane-header', { hasText: 'Keepalived Cluster' }).first();
  await header.waitFor({ timeout: 30_000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  const tree = page.locator('.pane-body .monaco-list-row', { hasText: 'lvs-master' }).first();
  await tree.waitFor({ timeout: 30_000 });
  const rows = (await page.locator('.pane-body .monaco-list-row').allInnerTexts()).map(nbspToSpace).join('\n');
  assert.match(rows, /keepalived\/keepalived-cluster\.json/);
  assert.match(rows, /lvs-slave/);
  assert.match(rows, /Not checked yet/);
  // the copied, broken cluster file is listed with its problem
  assert.match(rows, /copied\/keepalived-cluster\.json[\s\S]*problem/);
  mkdirSync(DOCS, { recursive: true });
  await page.screenshot({ path: join(DOCS, 'vscode-cluster-view.png'), clip: { x: 0, y: 0, width: 700, height: 900 } });
});

uiTest('Keepalived: Check with keepalived -t runs the real binary on the saved file', { timeout: 60_000 }, async () => {
  // the snippet test left its placeholders active in master.conf; open the file from the Explorer instead
  await page.keyboard.press('Escape');
  await page.locator('.explorer-viewlet .monaco-list-row', { hasText: 'lb1.conf' }).first().click();
  await page.locator('.tabs-container .tab.active', { hasText: 'lb1' }).waitFor({ timeout: 15_000 });
  await page.locator('#status\\.editor\\.mode', { hasText: 'Keepalived' }).waitFor({ timeout: 30_000 });
  await runCommand(page, 'Keepalived: Check with keepalived -t');
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'keepalived -t' }).first();
  await toast.waitFor({ timeout: 30_000 });
  assert.match(nbspToSpace(await toast.innerText()), /keepalived -t: config valid/);
  await waitForLog(/keepalived -t on site\/lb1\.conf: exit 0/);
});
