// ${_RANDOM MIN MAX} and ${_ENV NAME} as each release reads them; test/oracle/parameterCalls.test.ts and the
// message table hold the same cases to the real binaries.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { lintTexts } from '../helpers/lint';
import { conf } from '../helpers/text';

const calls = (line: string, keepalivedVersion?: string) =>
  lintTexts({ 'keepalived.conf': conf('global_defs {', `    ${line}`, '}') }, { keepalivedVersion }).filter((d) => d.code === 'parameter-call').map((d) => `${d.severity} ${d.message}`);

describe('${_RANDOM ...} and ${_ENV ...}', () => {
  it('warns where the variable ${_ENV} reads is not set here, and says nothing where it is', () => {
    process.env.KA_CALLS_TEST = 'lb1';
    try {
      assert.deepEqual(calls('router_id ${_ENV KA_CALLS_TEST}', '2.4.3'), []);
    } finally {
      delete process.env.KA_CALLS_TEST;
    }
    const [unset] = calls('router_id ${_ENV KA_CALLS_TEST}', '2.4.3');
    assert.match(unset, /^warning KA_CALLS_TEST is not set where the linter runs/);
  });

  it('says what each release does with MIN above MAX and with more than two numbers', () => {
    assert.match(calls('vrrp_garp_master_delay ${_RANDOM 9 2}', '2.4.3')[0], /^warning .*keepalived uses 9$/);
    assert.match(calls('vrrp_garp_master_delay ${_RANDOM 9 2}', '2.2.7')[0], /^warning .*as many digits as MAX has$/);
    assert.match(calls('vrrp_garp_master_delay ${_RANDOM 1 2 3}', '2.4.3')[0], /^error .*not 3: keepalived leaves/);
    assert.match(calls('vrrp_garp_master_delay ${_RANDOM 1 2 3}', '2.2.7')[0], /^warning .*uses the first two/);
  });

  it('reports a parameter keepalived defines itself where the target release is older than it', () => {
    assert.match(calls('notification_email_from ops${_HASH}1@example.com', '2.1.3')[0], /^error _HASH needs keepalived 2.1.4 or later: 2.1.3 leaves '\$\{_HASH\}'/);
    assert.deepEqual(calls('notification_email_from ops${_HASH}1@example.com', '2.1.4'), []);
  });

  it('takes the newest reading when no release is chosen', () => {
    assert.deepEqual(calls('vrrp_garp_master_delay ${_RANDOM 1 5} 6'), []);
    assert.deepEqual(calls('router_id ${_ENV HOME}'), []);
    assert.match(calls('router_id ${_ENV HOME}', '2.3.4')[0], /^error .*needs keepalived 2.4.0 or later: 2.3.4 leaves/);
  });
});
