// The rule registry is the one list of codes: every finding the analysis makes has a registered code (the
// Diagnostic type admits no other; this checks it at run time over the corpus too), every code has an example
// that draws it at its registered severity, and docs/rules/ is what the generator makes of them.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { localHostFacts } from '../../server/src/analysis/host/hostFacts';
import { lintFiles } from '../../server/src/analysis/lint';
import { RULE_CODES, RULES, isRuleCode } from '../../server/src/rules/registry';
import { RULE_DOCS } from '../../server/src/rules/ruleDocs';
import { rulePages } from '../../server/src/rules/ruleDocPages';
import { CORPUS, EXAMPLES, FIXTURES, ROOT } from '../helpers/paths';
import { lintTexts } from '../helpers/lint';

function confFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...confFiles(path));
    else if (/\.conf(\.|$)/.test(name) && statSync(path).size < 1_000_000) out.push(path);
  }
  return out;
}

describe('rule registry', () => {
  it('every code found in the corpus, the fixtures and the examples is registered', () => {
    const seen = new Set<string>();
    for (const dir of [CORPUS, FIXTURES, EXAMPLES]) for (const file of confFiles(dir)) for (const d of lintFiles([file])) seen.add(d.code);
    assert.ok(seen.size >= 5, `codes seen: ${[...seen]}`);
    assert.deepEqual([...seen].filter((c) => !isRuleCode(c)), []);
  });

  it('every code has an example that draws it, at its registered severity', () => {
    for (const code of RULE_CODES) {
      const doc = RULE_DOCS[code];
      const files = typeof doc.example === 'string' ? { 'keepalived.conf': doc.example } : doc.example;
      const found = lintTexts(files, { keepalivedVersion: doc.keepalivedVersion, host: doc.hostChecks ? localHostFacts() : undefined }).filter((d) => d.code === code);
      assert.ok(found.length > 0, `${code}: its example draws it`);
      assert.ok(found.some((d) => d.severity === RULES[code].severity), `${code}: drawn as ${RULES[code].severity}, got ${found.map((d) => d.severity)}`);
    }
  });

  it('docs/rules holds exactly the generated pages (npm run generate:rule-docs)', () => {
    const dir = join(ROOT, 'docs', 'rules');
    const pages = rulePages();
    assert.deepEqual(readdirSync(dir).sort(), [...pages.keys()].sort());
    for (const [name, text] of pages) assert.equal(readFileSync(join(dir, name), 'utf8'), text, `docs/rules/${name} is stale: run npm run generate:rule-docs`);
  });

  it('--list-rules prints every code, as text and as JSON with its page', async () => {
    const { runCli } = await import('../cli/runCli');
    const text = runCli(['--list-rules']);
    assert.equal(text.status, 0);
    assert.deepEqual(text.stdout.trim().split('\n').map((l) => l.split(/\s+/)[0]), RULE_CODES);
    assert.match(text.stdout, /^deprecated\s+warning\s+schema\s+A deprecated keyword that has a current name \(--fix\)$/m);
    const json = JSON.parse(runCli(['--list-rules', '--format', 'json', '--rules-url', 'https://example.org/rules/']).stdout) as { code: string; severity: string; url: string }[];
    assert.deepEqual(json.map((r) => r.code), RULE_CODES);
    assert.equal(json.find((r) => r.code === 'vrid-conflict')!.url, 'https://example.org/rules/vrid-conflict.md');
  });
});
