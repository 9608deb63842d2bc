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
});
