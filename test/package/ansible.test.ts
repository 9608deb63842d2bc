// Ansible's template module with `validate: keepalived-lint %s` (examples/ansible/keepalived.yml), run by the
// real ansible-playbook on a local connection: a good config is installed, a broken one fails the task and
// leaves the old file in place.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ROOT } from '../helpers/paths';

const work = mkdtempSync(join(tmpdir(), 'ka-ansible-'));
const bin = join(work, 'bin');
const live = join(work, 'etc', 'keepalived.conf');

const GOOD = 'vrrp_instance VI_1 {\n    interface {{ vrrp_interface }}\n    state MASTER\n    virtual_router_id 51\n    priority 150\n    virtual_ipaddress {\n        192.0.2.10/24\n    }\n}\n';
const BROKEN = GOOD.replace('virtual_router_id 51', 'virtual_router_id 300');

function playbook(template: string) {
  const src = join(work, `keepalived-${Math.random().toString(36).slice(2)}.conf.j2`);
  writeFileSync(src, template);
  const r = spawnSync(
    'ansible-playbook',
    ['-i', 'localhost,', '-c', 'local', '-e', 'target=localhost', '-e', `keepalived_template=${src}`, '-e', `keepalived_conf=${live}`, '-e', 'vrrp_interface=eth0', join(ROOT, 'examples/ansible/keepalived.yml')],
    {
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: join(work, 'ansible-local'), ANSIBLE_REMOTE_TEMP: join(work, 'ansible-remote'), ANSIBLE_PYTHON_INTERPRETER: '/usr/bin/python3', ANSIBLE_HOST_KEY_CHECKING: 'True' },
    },
  );
  if (r.error) throw r.error;
  return { status: r.status, output: r.stdout + r.stderr };
}

describe("Ansible's template module validated by keepalived-lint", () => {
  before(() => {
    const dist = join(work, 'dist');
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BUILD_OUTDIR: dist } });
    assert.equal(build.status, 0, build.stderr);
    // keepalived-lint on PATH as an npm install puts it there: the built command, run by its #! line
    mkdirSync(bin);
    symlinkSync(join(dist, 'lint.js'), join(bin, 'keepalived-lint'));
    mkdirSync(join(work, 'etc'));
  });

  it('installs a config keepalived-lint accepts', () => {
    const run = playbook(GOOD);
    assert.equal(run.status, 0, run.output);
    assert.match(run.output, /changed=1/);
    assert.equal(readFileSync(live, 'utf8'), GOOD.replace('{{ vrrp_interface }}', 'eth0'));
  });

  it('refuses a broken config, says why, and leaves the old file in place', () => {
    const before = readFileSync(live, 'utf8');
    const run = playbook(BROKEN);
    assert.equal(run.status, 2, run.output);
    assert.match(run.output, /"msg": "failed to validate"/);
    assert.match(run.output, /virtual_router_id.*outside range \[1, 255\].*invalid-number/);
    assert.equal(readFileSync(live, 'utf8'), before);
  });
});
