// Parallel test labs must never share a subnet: a clash routes one lab's SSH connections to the other's sshd.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { claimSubnet, subnetsInUse } from '../helpers/subnetClaim';

const tag = `kc${process.pid}`;
const dummy = (name: string, subnet: number) => {
  execFileSync('ip', ['link', 'add', name, 'type', 'veth', 'peer', 'name', `${name}p`]);
  execFileSync('ip', ['addr', 'add', `169.254.${subnet}.1/30`, 'dev', name]);
};
const remove = (name: string) => spawnSync('ip', ['link', 'del', name]);

test('a claim avoids subnets other interfaces hold, and backs off when another lab takes its pick at the same moment', (t) => {
  t.after(() => ['a0', 'b0', 'c0', 'x0'].forEach((s) => remove(`${tag}${s}`)));
  const a = claimSubnet(`${tag}a`, (n) => dummy(`${tag}a0`, n), () => remove(`${tag}a0`));
  assert.ok(subnetsInUse(`${tag}b`).has(a), 'the claimed subnet is visible to others');

  const b = claimSubnet(`${tag}b`, (n) => dummy(`${tag}b0`, n), () => remove(`${tag}b0`));
  assert.notEqual(b, a);

  // a rival lab adds an address on the same subnet between this lab's pick and its check
  const picks: number[] = [];
  const c = claimSubnet(
    `${tag}c`,
    (n) => {
      picks.push(n);
      dummy(`${tag}c0`, n);
      if (picks.length === 1) dummy(`${tag}x0`, n);
    },
    () => remove(`${tag}c0`),
  );
  assert.equal(picks.length, 2, 'the first pick clashed and was given up');
  assert.notEqual(c, picks[0]);
  assert.ok(![a, b].includes(c));
  assert.equal(spawnSync('ip', ['-o', 'addr', 'show', `${tag}c0`], { encoding: 'utf8' }).stdout.includes(`169.254.${c}.1/30`), true);
});
