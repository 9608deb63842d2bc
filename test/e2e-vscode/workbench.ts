/** Small Playwright helpers for the VS Code workbench served by code-server (selectors checked on 1.139). */
import type { Page } from './playwright';

export const nbspToSpace = (text: string) => text.replace(/\u00a0/g, ' ');

export async function openFile(page: Page, relativePath: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(relativePath);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: relativePath.split('/').pop()! }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: relativePath.split('/').pop()!.split('.')[0] }).waitFor();
  await page.waitForSelector('.editor-instance .view-line');
}

export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Puts the cursor at the end of a 1-based line. */
export async function goToLineEnd(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  // Keys sent while the quick input is still closing get lost.
  await page.waitForSelector('.quick-input-widget', { state: 'hidden' });
  await page.keyboard.press('End');
}

/** The text of the lines the editor currently renders. */
export async function visibleText(page: Page): Promise<string> {
  return nbspToSpace(await page.locator('.editor-instance .view-lines').first().innerText());
}

export async function problemRows(page: Page): Promise<string[]> {
  return (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map(nbspToSpace);
}
