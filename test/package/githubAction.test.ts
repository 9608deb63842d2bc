// The composite GitHub Action (action.yml): its step's command run locally the way the runner runs it, with
// the inputs in the environment the action maps them to, over a sample checkout.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { RULE_DOCS } from '../../server/src/rules/ruleDocs';
import { ROOT } from '../helpers/paths';
import { tempTree } from '../cli/runCli';

interface Action {
  inputs: Record<string, { required?: boolean; default?: string }>;
  runs: { using: string; steps: { shell: string; run: string; env: Record<string, string> }[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
const dist = join(mkdtempSync(join(tmpdir(), 'ka-action-')), 'dist');

/** runs the action's step as the runner would: `shell: bash`, its env with ${{ inputs.x }} filled in */
function runAction(inputs: Record<string, string>, cwd: string) {
  const [step] = action.runs.steps;
  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTION_PATH: ROOT, KEEPALIVED_LINT: join(dist, 'lint.js') };
  for (const [name, value] of Object.entries(step.env)) {
    env[name] = value.replace(/\$\{\{ inputs\.([a-z-]+) \}\}/g, (_m, input: string) => inputs[input] ?? action.inputs[input].default ?? '');
  }
  const r = spawnSync('bash', ['-e', '-c', step.run], { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the GitHub Action', () => {
  before(() => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BUILD_OUTDIR: dist } });
    assert.equal(build.status, 0, build.stderr);
  });

  it('is a composite action whose step reads every input from the environment', () => {
    assert.equal(action.runs.using, 'composite');
    assert.equal(action.runs.steps.length, 1);
    assert.equal(action.inputs.files.required, true);
    const env = JSON.stringify(action.runs.steps[0].env);
    for (const input of Object.keys(action.inputs)) assert.ok(env.includes(`\${{ inputs.${input} }}`), input);
    assert.doesNotMatch(action.runs.steps[0].run, /\$\{\{/, 'no input is pasted into the shell text');
  });

  it('annotates the findings of the matched files, compares them as a cluster, and writes SARIF on request', () => {
    const cluster = RULE_DOCS['cluster-vrid-mismatch'].example as Record<string, string>;
    const dir = tempTree({ 'lb/master.conf': cluster['master.conf'], 'lb/backup.conf': cluster['backup.conf'], 'lb/keepalived-cluster.json': cluster['keepalived-cluster.json'], 'notes.txt': 'not a config' });
    const r = runAction({ files: 'lb/*.conf', 'sarif-file': 'out/../report.sarif' }, dir);
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.deepEqual(lines.map((l) => /^::error file=(lb\/\w+\.conf),line=4,col=23,endLine=4,endColumn=25,title=cluster-vrid-mismatch::/.exec(l)?.[1]).sort(), ['lb/backup.conf', 'lb/master.conf']);
    const sarif = JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8'));
    assert.equal(sarif.runs[0].results.length, 2);
  });

  it('passes args through, exits 0 on a clean run, and 2 when the files match nothing', () => {
    const dir = tempTree({ 'keepalived.conf': 'global_defs {\n    router_id a\n    router_id b\n}\n' });
    const warned = runAction({ files: '**/*.conf' }, dir);
    assert.equal(warned.status, 0, warned.stderr);
    assert.match(warned.stdout, /^::warning file=keepalived\.conf,line=3,.*title=duplicate-keyword::/m);
    assert.equal(runAction({ files: 'keepalived.conf', args: '--fail-on warning' }, dir).status, 1);
    const none = runAction({ files: 'missing/*.conf' }, dir);
    assert.equal(none.status, 2);
    assert.match(none.stdout, /^::error title=keepalived-lint::the files input matches no file$/m);
    assert.ok(!existsSync(join(dir, 'report.sarif')));
  });
});
