// Writes docs/rules/ (one page per rule code, and an index) and schemas/keepalived-lint.schema.json from
// server/src/rules/. test/rules/registry.test.ts fails when they are stale.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintConfigSchema } from '../server/src/rules/configSchema';
import { rulePages } from '../server/src/rules/ruleDocPages';

const dir = join(__dirname, '..', 'docs', 'rules');
mkdirSync(dir, { recursive: true });
const pages = rulePages();
for (const name of readdirSync(dir)) if (!pages.has(name)) rmSync(join(dir, name));
for (const [name, text] of pages) writeFileSync(join(dir, name), text);
console.log(`docs/rules: ${pages.size} pages`);
writeFileSync(join(__dirname, '..', 'schemas', 'keepalived-lint.schema.json'), JSON.stringify(lintConfigSchema()) + '\n');
console.log('schemas/keepalived-lint.schema.json');
