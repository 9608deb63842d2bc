// Each report format checked by the tool or validator its consumers use: SARIF by the official 2.1.0 JSON
// schema (ajv) and by Microsoft's SARIF multitool with GitHub's rules; checkstyle by xmllint and a real XML
// parser; GitHub annotations by GitHub's escaping rules; GitLab's Code Quality by its documented fields.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/formats/github';
import { RULE_CODES } from '../../server/src/rules/registry';
import { RULE_DOCS } from '../../server/src/rules/ruleDocs';
import { ROOT } from '../helpers/paths';
import { runCli, tempTree } from './runCli';

const MULTITOOL_DIR = join(ROOT, 'node_modules/@microsoft/sarif-multitool-linux');

/** the cluster example of cluster-vrid-mismatch (a cross-file finding) and a file with a warning and an error */
function sampleTree(): string {
  const cluster = RULE_DOCS['cluster-vrid-mismatch'].example as Record<string, string>;
  return tempTree({
    ...cluster,
    'other.conf': 'global_defs {\n    router_id a,b:c%d\n    router_id again\n}\nvrrp_instance VI_9 {\n    interface eth0\n    virtual_router_id 300\n    priority 100\n}\n',
  });
}

const FILES = ['master.conf', 'backup.conf', 'other.conf'];

describe('report formats', () => {
  const dir = sampleTree();

  it('sarif: valid by the official SARIF 2.1.0 schema, one rule per code with a page, related locations across files', () => {
    const run = runCli(['--format', 'sarif', ...FILES], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    const log = JSON.parse(run.stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: unknown[] }[] };
    const schema = JSON.parse(readFileSync(join(MULTITOOL_DIR, 'sarif-2.1.0.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));

    const driver = log.runs[0].tool.driver;
    assert.deepEqual(driver.rules.map((r) => r.id), RULE_CODES);
    for (const rule of driver.rules) assert.ok(existsSync(fileURLToPath(rule.helpUri)), `${rule.id}: ${rule.helpUri} exists`);

    const results = log.runs[0].results as { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: object } }[]; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    const vrid = results.filter((r) => r.ruleId === 'cluster-vrid-mismatch');
    assert.equal(vrid.length, 2);
    const onMaster = vrid.find((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'master.conf')!;
    assert.deepEqual(onMaster.locations[0].physicalLocation.region, { startLine: 4, startColumn: 23, endLine: 4, endColumn: 25 });
    assert.equal(onMaster.relatedLocations![0].physicalLocation.artifactLocation.uri, 'backup.conf');
    for (const r of results) assert.equal(driver.rules[r.ruleIndex].id, r.ruleId);
  });

  it("sarif: Microsoft's SARIF multitool finds no error or warning, GitHub's rules included", () => {
    const tool = join(MULTITOOL_DIR, 'Sarif.Multitool');
    // npm runs the package's postinstall to make it executable; a copy installed without scripts needs this
    if ((statSync(tool).mode & 0o100) === 0) chmodSync(tool, 0o755);
    const report = join(dir, 'report.sarif');
    const lint = runCli(['--format', 'sarif', '--output', report, ...FILES], { cwd: dir });
    assert.equal(lint.status, 1);
    const out = join(dir, 'validation.sarif');
    const check = spawnSync(tool, ['validate', report, '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning', '-o', out], { encoding: 'utf8', timeout: 300_000 });
    assert.equal(check.status, 0, check.stdout + check.stderr);
    const findings = JSON.parse(readFileSync(out, 'utf8')).runs[0].results as { ruleId: string; message: object }[];
    assert.deepEqual(findings.map((f) => `${f.ruleId} ${JSON.stringify(f.message)}`), []);
  });

  it('github: one workflow command per finding, values escaped as GitHub decodes them', () => {
    const run = runCli(['--format', 'github', ...FILES], { cwd: dir });
    assert.equal(run.status, 1);
    const lines = run.stdout.trim().split('\n');
    assert.ok(lines.length >= 4);
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z0-9-]+::.+$/);
    assert.ok(lines.includes(lines.find((l) => l.startsWith('::error file=other.conf,line=7,col=23,endLine=7,endColumn=26,title=invalid-number::'))!));
    assert.ok(lines.some((l) => l.startsWith('::warning file=other.conf,line=3,') && l.includes('title=duplicate-keyword')));
  });

  it('github: escapes %, CR and LF in messages, and also : and , in properties', () => {
    assert.equal(escapeData('100% done\r\nnext'), '100%25 done%0D%0Anext');
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
    const out = formatGithub([{ file: '/w/dir,x/a:b.conf', line: 1, column: 2, endLine: 1, endColumn: 3, severity: 'information', code: 'syntax', message: 'two\nlines' }], { cwd: '/w', version: '0' });
    assert.equal(out, '::notice file=dir%2Cx/a%3Ab.conf,line=1,col=2,endLine=1,endColumn=3,title=syntax::two%0Alines');
  });

  it('checkstyle: well-formed XML (xmllint) whose attributes read back as the findings', () => {
    const run = runCli(['--format', 'checkstyle', ...FILES], { cwd: dir });
    assert.equal(run.status, 1);
    const lint = spawnSync('xmllint', ['--noout', '-'], { input: run.stdout, encoding: 'utf8' });
    assert.equal(lint.status, 0, lint.stderr);
    // xmllint's XPath reads the attributes back with the entities decoded
    const files = spawnSync('xmllint', ['--xpath', 'count(/checkstyle/file)', '-'], { input: run.stdout, encoding: 'utf8' });
    assert.equal(files.stdout.trim(), '3');
    const message = spawnSync('xmllint', ['--xpath', 'string(/checkstyle/file[@name="other.conf"]/error[@source="keepalived-lint.invalid-number"]/@message)', '-'], { input: run.stdout, encoding: 'utf8' });
    const json = JSON.parse(runCli(['--format', 'json', ...FILES], { cwd: dir }).stdout) as { code: string; message: string }[];
    assert.equal(message.stdout.replace(/\n$/, ''), json.find((d) => d.code === 'invalid-number')!.message);
  });

  it("gitlab: Code Quality issues with the fields GitLab reads, and fingerprints that ignore line moves", () => {
    const first = JSON.parse(runCli(['--format', 'gitlab', ...FILES], { cwd: dir }).stdout) as Record<string, unknown>[];
    assert.ok(first.length >= 4);
    for (const issue of first) {
      assert.equal(typeof issue.description, 'string');
      assert.match(String(issue.check_name), /^[a-z0-9-]+$/);
      assert.match(String(issue.fingerprint), /^[0-9a-f]{64}$/);
      assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(String(issue.severity)));
      const location = issue.location as { path: string; lines: { begin: number } };
      assert.ok(FILES.includes(location.path));
      assert.ok(Number.isInteger(location.lines.begin) && location.lines.begin >= 1);
    }
    assert.equal(new Set(first.map((i) => i.fingerprint)).size, first.length, 'fingerprints are unique');
    // a blank line added at the top moves every finding of other.conf, and changes no fingerprint
    // (keepalived-cluster.json goes along: it is what makes master.conf and backup.conf one cluster)
    const moved = tempTree({ ...Object.fromEntries([...FILES, 'keepalived-cluster.json'].map((f) => [f, readFileSync(join(dir, f), 'utf8')])), 'other.conf': '\n' + readFileSync(join(dir, 'other.conf'), 'utf8') });
    const second = JSON.parse(runCli(['--format', 'gitlab', ...FILES], { cwd: moved }).stdout) as Record<string, unknown>[];
    assert.deepEqual(second.map((i) => i.fingerprint).sort(), first.map((i) => i.fingerprint).sort());
  });

  it('--output writes the report to the file and the text to the terminal', () => {
    const target = join(dir, 'out.xml');
    const run = runCli(['--format', 'checkstyle', '--output', target, ...FILES], { cwd: dir });
    assert.equal(run.status, 1);
    assert.match(readFileSync(target, 'utf8'), /^<\?xml version="1.0" encoding="UTF-8"\?>\n<checkstyle/);
    assert.match(run.stdout, /^other\.conf:7:23: error: .*\[invalid-number\]$/m);
    // the summary names the keepalived release the files were checked against (the installed one, or the newest known)
    assert.match(run.stderr, /3 file\(s\) checked against keepalived \d+\.\d+\.\d+( \([^)]+\))?: \d+ error\(s\), \d+ warning\(s\)/);
    const bad = runCli(['--output', join(dir, 'no/such/dir/out.txt'), ...FILES], { cwd: dir });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^keepalived-lint: --output .*: cannot write \(ENOENT\)/m);
  });
});
