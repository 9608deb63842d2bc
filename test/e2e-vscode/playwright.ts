/**
 * playwright-core lives in .e2e/ (installed by scripts/e2e/setup-vscode.sh), not in the project's
 * dependencies, so it is loaded from there and typed here with just the parts these tests use.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

export interface Locator {
  first(): Locator;
  waitFor(options?: { state?: 'visible' | 'attached' | 'hidden'; timeout?: number }): Promise<void>;
  innerText(): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  getAttribute(name: string): Promise<string | null>;
  hover(): Promise<void>;
  click(): Promise<void>;
  getByText(text: string | RegExp): Locator;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
}

export interface Page {
  keyboard: { press(key: string): Promise<void>; type(text: string): Promise<void> };
  mouse: { move(x: number, y: number): Promise<void> };
  goto(url: string): Promise<unknown>;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  waitForSelector(selector: string, options?: { state?: 'visible' | 'attached' | 'hidden'; timeout?: number }): Promise<unknown>;
  /** `expression` runs in the browser: a JavaScript expression as text, so this file needs no DOM types */
  waitForFunction(expression: string, arg?: unknown, options?: { timeout?: number }): Promise<unknown>;
  screenshot(options: { path: string; fullPage?: boolean; clip?: { x: number; y: number; width: number; height: number } }): Promise<Buffer>;
}

export interface BrowserContext {
  pages(): Page[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

interface Chromium {
  launchPersistentContext(
    userDataDir: string,
    options: { executablePath: string; headless: boolean; viewport: { width: number; height: number }; args: string[]; env?: NodeJS.ProcessEnv },
  ): Promise<BrowserContext>;
}

export function loadChromium(playwrightDir: string): Chromium {
  return (createRequire(join(playwrightDir, 'package.json'))('playwright-core') as { chromium: Chromium }).chromium;
}
