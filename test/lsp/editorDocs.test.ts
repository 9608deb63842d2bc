import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths';

/**
 * docs/editors.md: Neovim's snippet is run by test/lsp/neovim.test.ts. The other editors are not installed
 * here; this checks what can be checked without them: each section has a snippet, the JSON ones parse, and
 * every one starts the server the npm package installs, over stdio.
 */
const doc = readFileSync(join(ROOT, 'docs/editors.md'), 'utf8');
const section = (title: string) => doc.split(/^## /m).find((s) => s.startsWith(title)) ?? '';
const blocks = (text: string, lang: string) => [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);

test('each editor of docs/editors.md starts keepalived-language-server over stdio', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.ok(manifest.bin['keepalived-language-server'], 'the command the snippets run is one the package installs');
  for (const [title, lang] of [['Neovim', 'lua'], ['Helix', 'toml'], ['Emacs', 'elisp'], ['Sublime', 'json']] as const) {
    const code = blocks(section(title), lang).join('\n');
    assert.match(code, /keepalived-language-server/, title);
    assert.match(code, /--stdio/, title);
  }
  assert.match(blocks(section('Zed'), 'toml').join('\n'), /keepalived-language-server/);
  for (const json of blocks(doc, 'json')) JSON.parse(json);
});
