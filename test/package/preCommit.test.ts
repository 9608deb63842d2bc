// The pre-commit hook (.pre-commit-hooks.yaml) run by the real pre-commit in a sample git repository: installed
// as a git hook, it refuses a commit whose keepalived config has an error and lets the fixed one through,
// checking the directors committed together as a cluster. pre-commit takes this repository at its HEAD commit
// (as CI's clone is); its first run builds the linter there, which takes a minute or two.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULE_DOCS } from '../../server/src/rules/ruleDocs';
import { ROOT } from '../helpers/paths';

const work = mkdtempSync(join(tmpdir(), 'ka-pre-commit-'));
const sample = join(work, 'sample');
const env = { ...process.env, PRE_COMMIT_HOME: join(work, 'pre-commit-home'), GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };

function run(command: string, args: string[], cwd = sample) {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 900_000 });
  if (r.error) throw r.error;
  return { status: r.status, output: r.stdout + r.stderr };
}

describe('the pre-commit hook', { timeout: 1_200_000 }, () => {
  it('blocks a commit with a broken config, compares the directors, and lets the fixed ones through', () => {
    const head = run('git', ['rev-parse', 'HEAD'], ROOT).output.trim();
    assert.equal(run('git', ['init', '-q', sample], work).status, 0);
    writeFileSync(join(sample, '.pre-commit-config.yaml'), `repos:\n  - repo: ${ROOT}\n    rev: ${head}\n    hooks:\n      - id: keepalived-lint\n`);
    assert.equal(run('pre-commit', ['install']).status, 0);

    const cluster = RULE_DOCS['cluster-vrid-mismatch'].example as Record<string, string>;
    writeFileSync(join(sample, 'README'), 'not a config\n');
    writeFileSync(join(sample, 'keepalived-master.conf'), cluster['master.conf']);
    writeFileSync(join(sample, 'keepalived-backup.conf'), cluster['backup.conf']);
    // directors with different VRIDs are compared only when a cluster file says they are one cluster
    writeFileSync(join(sample, 'keepalived-cluster.json'), cluster['keepalived-cluster.json'].replace(/"(master|backup)\.conf"/g, '"keepalived-$1.conf"'));
    run('git', ['add', '-A']);
    const refused = run('git', ['commit', '-q', '-m', 'directors']);
    assert.notEqual(refused.status, 0, refused.output);
    assert.match(refused.output, /keepalived-lint\.+Failed/);
    assert.match(refused.output, /keepalived-master\.conf:4:23: error: .*\[cluster-vrid-mismatch\]/);
    assert.match(refused.output, /keepalived-backup\.conf:4:23: error: .*\[cluster-vrid-mismatch\]/);

    writeFileSync(join(sample, 'keepalived-backup.conf'), cluster['backup.conf'].replace('virtual_router_id 52', 'virtual_router_id 51'));
    run('git', ['add', '-A']);
    const accepted = run('git', ['commit', '-q', '-m', 'directors']);
    assert.equal(accepted.status, 0, accepted.output);
    assert.match(accepted.output, /keepalived-lint\.+Passed/);
  });
});
