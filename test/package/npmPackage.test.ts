// The npm package: `npm pack` holds the commands' bundles, the rule pages and the schemas, and nothing else
// (.npmignore; the staged copy carries a file more, examples/, that it must leave out);
// installed from the tarball into an empty directory (offline: it has no dependencies, the bundles carry
// them), `npx keepalived-lint` lints and the language server answers over stdio, both linking to the
// installed rule pages.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import { RULE_CODES } from '../../server/src/rules/registry';
import { ROOT } from '../helpers/paths';
import { LspTestClient, uriOf } from '../lsp/lspClient';

const work = mkdtempSync(join(tmpdir(), 'ka-npm-package-'));
const stage = join(work, 'stage');
const project = join(work, 'project');
const installed = join(project, 'node_modules', 'keepalived-tools');

function run(command: string, args: string[], cwd: string, input?: string) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', input, timeout: 300_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the npm package', () => {
  let packed: string[] = [];

  before(() => {
    // packed from a copy, built aside: the repository's own dist/ is other tests' (the .vsix build)
    mkdirSync(stage);
    for (const name of ['package.json', '.npmignore', 'README.md', 'LICENSE', 'docs', 'schemas', 'examples']) cpSync(join(ROOT, name), join(stage, name), { recursive: true });
    const aside = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BUILD_OUTDIR: join(stage, 'dist') } });
    assert.equal(aside.status, 0, aside.stderr);
    const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], stage);
    assert.equal(pack.status, 0, pack.stderr);
    const info = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    packed = info[0].files.map((f) => f.path).sort();
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "name": "uses-keepalived-lint", "private": true }\n');
    const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, info[0].filename)], project);
    assert.equal(install.status, 0, install.stdout + install.stderr);
  });

  it('holds only the commands, the rule pages and the schemas', () => {
    const expected = [
      'LICENSE',
      'README.md',
      'package.json',
      'dist/deploy.js',
      'dist/lint-cached.js',
      'dist/lint-main.js',
      'dist/lint-worker.js',
      'dist/lint.js',
      'dist/server.js',
      'docs/rules/README.md',
      ...RULE_CODES.map((code) => `docs/rules/${code}.md`),
      'schemas/keepalived-cluster.schema.json',
      'schemas/keepalived-lint.schema.json',
    ].sort();
    assert.deepEqual(packed, expected);
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    assert.equal(manifest.dependencies, undefined, 'nothing to install besides the package');
  });

  it('npx keepalived-lint runs from the installed package and links rules to the installed pages', () => {
    writeFileSync(join(project, 'keepalived.conf'), 'vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 300\n    priority 100\n}\n');
    const lint = run('npx', ['--no-install', 'keepalived-lint', 'keepalived.conf'], project);
    assert.equal(lint.status, 1, lint.stderr);
    assert.match(lint.stdout, /^keepalived\.conf:3:23: error: .*\[invalid-number\]$/m);
    const version = run('npx', ['--no-install', 'keepalived-lint', '--version'], project);
    assert.equal(version.stdout, `keepalived-lint ${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`);
    const rules = JSON.parse(run('npx', ['--no-install', 'keepalived-lint', '--list-rules', '--format', 'json'], project).stdout) as { code: string; url: string }[];
    const page = fileURLToPath(rules.find((r) => r.code === 'invalid-number')!.url);
    assert.equal(page, join(installed, 'docs', 'rules', 'invalid-number.md'));
    assert.ok(existsSync(page));
  });

  it('the installed language server answers over stdio', async () => {
    process.env.KA_LSP_BUNDLE = join(project, 'node_modules', '.bin', 'keepalived-language-server');
    const client = LspTestClient.start();
    delete process.env.KA_LSP_BUNDLE;
    const file = join(project, 'keepalived.conf');
    try {
      const init = await client.initialize(project, {});
      assert.ok(init.capabilities.hoverProvider);
      await client.open(file, readFileSync(file, 'utf8'));
      await client.waitFor('diagnostics', () => (client.latest(file)?.diagnostics.length ?? 0) > 0);
      const finding = client.latest(file)!.diagnostics.find((d) => d.code === 'invalid-number')!;
      assert.equal(finding.codeDescription?.href, uriOf(join(installed, 'docs', 'rules', 'invalid-number.md')));
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
