// Disable comments in the config, as keepalived-lint reads them: next line or rest of file, '#' or '!',
// several codes, and a warning for one that hides nothing.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseConfig } from '../../server/src/syntax';
import { applySuppressions, parseDirective } from '../../server/src/analysis/suppressions';
import { codes, lintTexts } from '../helpers/lint';

// The VIP block comes last so the body's line numbers stay as the tests count them, and the instance
// draws no `no-vip` warning of its own.
const INSTANCE = (body: string) =>
  `vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n${body}    virtual_ipaddress {\n        192.0.2.1/24\n    }\n}\n`;

describe('suppressions', () => {
  it('disable-next-line hides the named codes on the next line only', () => {
    const text = INSTANCE('    priority 100\n    # keepalived-lint disable-next-line duplicate-keyword\n    priority 101\n    priority 102\n');
    // the second priority line (line 5) is hidden; the third (line 6) is not
    const found = lintTexts({ 'k.conf': text });
    assert.deepEqual(found.map((d) => `${d.code}@${d.range.start.line}`), ['duplicate-keyword@6']);
  });

  it('"!" comments and comma lists work; disable covers the rest of the file from its line', () => {
    const text = INSTANCE('    priority 100\n    priority 300\n    ! keepalived-lint disable duplicate-keyword,invalid-number\n    priority 101\n    priority 500\n');
    const found = lintTexts({ 'k.conf': text });
    assert.deepEqual(found.map((d) => `${d.code}@${d.range.start.line}`), ['duplicate-keyword@4', 'invalid-number@4']);
  });

  it('warns about a directive that hides nothing or names an unknown code, and keeps the findings it does not name', () => {
    const text = INSTANCE('    # keepalived-lint disable-next-line vrid-conflict, no-such-code\n    priority 100\n    priority 300\n');
    const found = lintTexts({ 'k.conf': text });
    const unused = found.filter((d) => d.code === 'unused-suppression');
    assert.equal(unused.length, 2);
    assert.match(unused[0].message, /no 'vrid-conflict' finding on the next line/);
    assert.match(unused[1].message, /'no-such-code' is not a keepalived-lint code/);
    assert.ok(codes(found).includes('duplicate-keyword'));
  });

  it('reads only directives: a reason after -- is allowed, other comments are left alone', () => {
    const directive = parseDirective(parseConfig('# keepalived-lint disable-next-line deprecated -- vendor default\n').comments[0]);
    assert.deepEqual(directive?.codes, ['deprecated']);
    assert.equal(parseDirective(parseConfig('# keepalived-linting is fun\n').comments[0]), undefined);
    const file = parseConfig('# just a comment\nglobal_defs {\n}\n');
    assert.deepEqual(applySuppressions(file, []), []);
  });
});
