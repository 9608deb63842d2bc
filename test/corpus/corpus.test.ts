/** Upstream's sample configs parse cleanly: no syntax error, no unknown keyword, no false error. */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintFiles } from '../../server/src/analysis/lint';
import { CORPUS } from '../helpers/paths';

/** Samples that are wrong for keepalived itself, with the reason (keepalived -t says the same). */
const KNOWN_WRONG: Record<string, { codes: string[]; reason: string }> = {
  'keepalived.conf.vrrp.lvs_syncd': {
    codes: ['unknown-keyword', 'missing-required'],
    reason: "its vrrp_sync_group lists members without a `group { }` block; keepalived -t reports Unknown keyword 'VI_2'",
  },
  'keepalived.conf.vrrp.rules': {
    codes: ['invalid-address'],
    reason: "two virtual_rules name '192.168.100./24' and '192.168.200./24'; keepalived 2.2.7 and 2.4.3 -t report Invalid rule to address",
  },
};

/** Samples written for a config id (`keepalived -i ID`). */
const CONFIG_IDS: Record<string, string> = { 'keepalived.conf.conditional_conf': 'high' };

describe('upstream sample configs', () => {
  const files = readdirSync(CORPUS).filter((f) => f.startsWith('keepalived.conf'));

  it('has the 25 samples', () => assert.equal(files.length, 25));

  for (const name of files) {
    it(`${name} has no error${KNOWN_WRONG[name] ? ' except the known upstream mistake' : ''}`, () => {
      const errors = lintFiles([join(CORPUS, name)], { configId: CONFIG_IDS[name] }).filter((d) => d.severity === 'error');
      const expected = KNOWN_WRONG[name]?.codes ?? [];
      assert.deepEqual([...new Set(errors.map((d) => d.code))].sort(), expected.sort(), errors.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('\n'));
    });
  }

  it('conditional_conf: each id it names reads a valid config; a director no @ line names (keepalived -t without -i uses the hostname) reads a vrrp_script without script', () => {
    const path = join(CORPUS, 'keepalived.conf.conditional_conf');
    // no id given: the linter reads the file as each id it names (high, low), as those directors' keepalived -t -i does
    assert.deepEqual(lintFiles([path]).filter((d) => d.severity === 'error').map((d) => d.message), []);
    for (const id of ['high', 'low']) assert.deepEqual(lintFiles([path], { configId: id }).filter((d) => d.severity === 'error'), [], id);
    // a host whose name no @ line names (keepalived -t on this machine says "No script set for vrrp_script check_VI_0")
    const elsewhere = lintFiles([path], { configId: 'lb-elsewhere' }).filter((d) => d.severity === 'error');
    assert.deepEqual(elsewhere.map((d) => [d.code, d.range.start.line + 1]), [['missing-required', 6]]);
  });
});
