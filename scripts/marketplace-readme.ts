/**
 * The extension's marketplace page (`vsce package --readme-path docs/marketplace/README.md`): the text is
 * written by hand; the settings and commands tables between the GENERATED markers come from package.json.
 * `npm run generate:marketplace-readme` rewrites them; test/package/vsix.test.ts fails when they are stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
export const MARKETPLACE_README = join(ROOT, 'docs/marketplace/README.md');
const START = '<!-- GENERATED from package.json: npm run generate:marketplace-readme -->';
const END = '<!-- END GENERATED -->';

interface Setting {
  type?: string;
  default?: unknown;
  description?: string;
  markdownDescription?: string;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n+/g, ' ');

export function generatedTables(manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))): string {
  const settings = Object.entries(manifest.contributes.configuration.properties as Record<string, Setting>);
  const lines = ['### Settings', '', '| Setting | Default | What it does |', '|---|---|---|'];
  for (const [name, s] of settings) lines.push(`| \`${name}\` | \`${JSON.stringify(s.default)}\` | ${cell(s.markdownDescription ?? s.description ?? '')} |`);
  lines.push('', '### Commands', '', '| Command | |', '|---|---|');
  for (const c of manifest.contributes.commands as { command: string; title: string; category?: string }[]) {
    lines.push(`| ${c.category ? `${c.category}: ` : ''}${c.title} | \`${c.command}\` |`);
  }
  return lines.join('\n');
}

export function withTables(text: string, tables = generatedTables()): string {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${MARKETPLACE_README} lacks the GENERATED markers`);
  return `${text.slice(0, start + START.length)}\n${tables}\n${text.slice(end)}`;
}

if (process.argv[1] === import.meta.filename) {
  writeFileSync(MARKETPLACE_README, withTables(readFileSync(MARKETPLACE_README, 'utf8')));
  console.log(`wrote ${MARKETPLACE_README}`);
}
