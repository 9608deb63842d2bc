/** One file serving several directors through `@id` lines is linted as each id reads it. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { configIdsIn } from '../../server/src/analysis/configIds';
import { lintTexts } from '../helpers/lint';
import { CORPUS } from '../helpers/paths';

const instance = (lines: string) => `vrrp_instance VI_1 {\n    interface eth0\n${lines}    virtual_ipaddress {\n        192.0.2.100\n    }\n}\n`;
const problems = <T extends { severity: string }>(found: readonly T[]) => found.filter((d) => d.severity === 'error' || d.severity === 'warning');

describe('conditional configs (@id lines)', () => {
  it('finds the ids a file names, @^id included, and not a lone @word or an address', () => {
    assert.deepEqual(configIdsIn(['@high priority 1\n  @low priority 2\n@^other state MASTER\n@lonely\nnotify x@y\n']), ['high', 'low', 'other']);
  });

  it("upstream's conditional sample (run with -i high or -i low) has no problem: its script and priority are not missing", () => {
    const text = readFileSync(join(CORPUS, 'keepalived.conf.conditional_conf'), 'utf8');
    assert.deepEqual(problems(lintTexts({ 'keepalived.conf': text })).map((d) => `${d.code}: ${d.message}`), []);
  });

  it('a keyword supplied on @high and @low lines is not missing, and one on each is no duplicate', () => {
    const text = instance('@high    virtual_router_id 51\n@low    virtual_router_id 51\n@high    advert_int 1\n@low    advert_int 1\n@high    priority 150\n@low    priority 100\n@high    state MASTER\n');
    assert.deepEqual(problems(lintTexts({ 'keepalived.conf': text })).map((d) => `${d.code}: ${d.message}`), []);
  });

  it('a finding only one id sees says which id reads it so', () => {
    const text = instance('@high    virtual_router_id 51\n@low    virtual_router_id 300\n@high    priority 150\n');
    const found = lintTexts({ 'keepalived.conf': text }).filter((d) => d.code === 'invalid-number');
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.line, 3);
    assert.match(found[0].message, /\(as keepalived -i low reads it\)$/);
  });

  it('both directors in one file: the cluster checks compare the ids with each other', () => {
    const tied = instance('    virtual_router_id 51\n@master    state MASTER\n@backup    state BACKUP\n@master    priority 150\n@backup    priority 150\n');
    const found = lintTexts({ 'keepalived.conf': tied }).filter((d) => d.code.startsWith('cluster-'));
    assert.deepEqual([...new Set(found.map((d) => d.code))].sort(), ['cluster-master-priority', 'cluster-priority-tie']);
    const onMaster = found.find((d) => d.code === 'cluster-master-priority' && d.range.start.line === 5)!;
    assert.match(onMaster.message, /keepalived\.conf \(-i backup, BACKUP\) with 150/);
    assert.match(onMaster.message, /Compared because keepalived\.conf serves each of them through its @id lines/);
    const right = instance('    virtual_router_id 51\n@master    state MASTER\n@backup    state BACKUP\n@master    priority 150\n@backup    priority 100\n');
    assert.deepEqual(lintTexts({ 'keepalived.conf': right }).filter((d) => d.code.startsWith('cluster-')), []);
  });

  it('@^ID lines are read by every director not named: that view is checked and compared too', () => {
    const text = instance('    virtual_router_id 51\n@^backup    state MASTER\n@^backup    priority 90\n@backup    state BACKUP\n@backup    priority 100\n');
    const found = lintTexts({ 'keepalived.conf': text }).filter((d) => d.code === 'cluster-master-priority');
    assert.deepEqual(found.map((d) => d.range.start.line).sort(), [4, 6]);
    assert.ok(found.some((d) => /-i \^backup, MASTER/.test(d.message)), found.map((d) => d.message).join('\n'));
  });

  it('with several ids named, the view of a director named by none is checked but not compared', () => {
    const text = instance('    virtual_router_id 51\n@node1    priority 150\n@node2    priority 100\n@^node1    state BACKUP\n@node1    state MASTER\n');
    const found = lintTexts({ 'keepalived.conf': text });
    // node2 (100) and a director named by neither (no priority line: 100) would tie; only node1 and node2 are compared
    assert.deepEqual(found.filter((d) => d.code.startsWith('cluster-')).map((d) => `${d.code} ${d.message}`), []);
    // the unnamed view is still checked on its own: a broken line only it reads is reported
    const broken = instance('    virtual_router_id 51\n@node1    priority 150\n@node2    priority 100\n@^node1    state BACKUP\n@node1    state MASTER\n@^node2    advert_int x\n');
    assert.ok(lintTexts({ 'keepalived.conf': broken }).some((d) => d.code === 'invalid-number' && /\^node1,node2/.test(d.message)));
  });

  it('--config-id chooses one view: only what that director reads is checked', () => {
    const text = instance('@high    virtual_router_id 51\n@low    virtual_router_id 300\n');
    assert.deepEqual(problems(lintTexts({ 'keepalived.conf': text }, { configId: 'high' })), []);
    const low = problems(lintTexts({ 'keepalived.conf': text }, { configId: 'low' }));
    assert.deepEqual(low.map((d) => [d.code, d.range.start.line]), [['invalid-number', 3]]);
    assert.doesNotMatch(low[0].message, /as keepalived -i/);
  });
});
