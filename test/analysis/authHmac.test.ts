/**
 * auth_hmac (semantic/authHmac.ts) beyond the message table's cases: keys read from files, messages that
 * never repeat a secret, and releases that do not read the block.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { lintTexts } from '../helpers/lint';

const SECRET = 'correct-horse-battery-staple-0123456789';
const instance = (...lines: string[]) => ['vrrp_instance VI_1 {', '  interface eth0', '  virtual_router_id 51', ...lines, '  virtual_ipaddress {', '    192.0.2.10/24', '  }', '}', ''].join('\n');
const findings = (text: string, keepalivedVersion = '2.4.3') => lintTexts({ 'keepalived.conf': text }, { keepalivedVersion }).map((d) => `${d.range.start.line + 1} ${d.code}: ${d.message}`);

describe('auth_hmac', () => {
  it('accepts 32 to 64 bytes as text or hex, and an active key that names one', () => {
    assert.deepEqual(findings(instance('  auth_hmac {', `    key 1 ${SECRET}`, `    key 2 hex:${'ab'.repeat(64)}`, '    active_key 2', '  }')), []);
  });

  it('names a short key by its length only, never by its text', () => {
    const said = findings(instance('  auth_hmac {', '    key 1 hunter2', '    active_key 1', '  }'));
    assert.equal(said.length, 2);
    assert.match(said[0], /^5 invalid-argument: auth_hmac key 1 is 7 bytes long/);
    assert.match(said[1], /^6 undefined-reference: active_key 1 names no key/);
    assert.ok(said.every((s) => !s.includes('hunter2')));
  });

  it('leaves an active key alone when a key comes from a file, whose length only the machine knows', () => {
    assert.deepEqual(findings(instance('  auth_hmac {', '    key 1 file:/etc/keepalived/hmac.key', '    active_key 1', '  }')), []);
  });

  it('says nothing of its own for a release that does not read auth_hmac, and keeps authentication there', () => {
    const said = findings(instance('  authentication {', '    auth_type PASS', '    auth_pass secret', '  }', '  auth_hmac {', '    key 1 short', '    active_key 9', '  }'), '2.2.7');
    assert.ok(said.every((s) => /newer-keyword/.test(s)), said.join('\n'));
    assert.ok(said.length > 0);
  });
});
