import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { lintTexts } from '../helpers/lint';
import { didYouMean } from '../../server/src/analysis/didYouMean';

const CHECKERS = ['HTTP_GET', 'SSL_GET', 'TCP_CHECK', 'SMTP_CHECK', 'DNS_CHECK', 'MISC_CHECK', 'BFD_CHECK', 'UDP_CHECK', 'PING_CHECK', 'FILE_CHECK', 'weight'];

describe('did you mean', () => {
  it('takes a checker written with another checker’s ending for the one with its first part', () => {
    assert.equal(didYouMean('HTTP_CHECK', CHECKERS), 'HTTP_GET');
    assert.equal(didYouMean('SSL_CHECK', CHECKERS), 'SSL_GET');
    assert.equal(didYouMean('TCP_GET', CHECKERS), 'TCP_CHECK');
  });

  it('keeps a one-character slip, a swap of neighbours counting as one', () => {
    assert.equal(didYouMean('SMTP_CHEK', CHECKERS), 'SMTP_CHECK');
    assert.equal(didYouMean('wieght', CHECKERS), 'weight');
    assert.equal(didYouMean('priorty', ['priority', 'preempt_delay']), 'priority');
    assert.equal(didYouMean('unrelated_words', CHECKERS), undefined);
  });

  it('suggests HTTP_GET for HTTP_CHECK in a real_server', () => {
    const findings = lintTexts({ 'keepalived.conf': 'virtual_server 192.0.2.1 80 {\n    real_server 192.0.2.2 80 {\n        HTTP_CHECK {\n        }\n    }\n}\n' });
    const unknown = findings.find((d) => d.code === 'unknown-keyword');
    assert.match(unknown?.message ?? '', /Did you mean 'HTTP_GET'\?/);
    assert.equal(unknown?.fix?.[0].newText, 'HTTP_GET');
  });

  it('names the new name of an old keyword this block knows by it, not the blocks of the old name', () => {
    const findings = lintTexts({ 'keepalived.conf': 'virtual_server 192.0.2.1 80 {\n    real_server 192.0.2.2 80 {\n        TCP_CHECK {\n            nb_get_retry 3\n        }\n    }\n}\n' });
    const unknown = findings.find((d) => d.code === 'unknown-keyword');
    assert.match(unknown?.message ?? '', /in TCP_CHECK block: keepalived ignores the line\. Did you mean 'retry'\?$/);
    assert.equal(unknown?.fix?.[0].newText, 'retry');
  });

  it('names the keyword that the unicast patch of old guides called otherwise, a block written as one', () => {
    const text = 'vrrp_instance VI_1 {\n    vrrp_unicast_bind 192.0.2.1\n    vrrp_unicast_peer 192.0.2.2 192.0.2.3\n}\n';
    const unknown = lintTexts({ 'keepalived.conf': text }).filter((d) => d.code === 'unknown-keyword');
    assert.deepEqual(unknown.map((d) => d.message.replace(/.*Did you mean /, '')), ["'unicast_src_ip'?", "'unicast_peer', a block with one entry per line?"]);
    assert.equal(unknown[0].fix?.[0].newText, 'unicast_src_ip');
    const fix = unknown[1].fix?.[0];
    assert.deepEqual([fix?.range.start, fix?.range.end], [{ line: 2, character: 4 }, { line: 2, character: 41 }]);
    assert.equal(fix?.newText, 'unicast_peer {\n        192.0.2.2\n        192.0.2.3\n    }');
  });
});
