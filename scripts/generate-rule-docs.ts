// Writes docs/rules/ (one page per rule code, and an index) from server/src/rules/. test/rules/ruleDocs.test.ts
// fails when the files are stale.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulePages } from '../server/src/rules/ruleDocPages';

const dir = join(__dirname, '..', 'docs', 'rules');
mkdirSync(dir, { recursive: true });
const pages = rulePages();
for (const name of readdirSync(dir)) if (!pages.has(name)) rmSync(join(dir, name));
for (const [name, text] of pages) writeFileSync(join(dir, name), text);
console.log(`docs/rules: ${pages.size} pages`);
