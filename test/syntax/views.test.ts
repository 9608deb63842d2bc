import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseConfig } from '../../server/src/syntax';
import { viewOf } from '../../server/src/syntax/views';
import { CORPUS, EXAMPLES } from '../helpers/paths';

describe('typed views', () => {
  it('gives the seed director its instance, service, real servers and HTTP_GET checkers', () => {
    const view = viewOf(parseConfig(readFileSync(join(EXAMPLES, 'master.conf'), 'utf8')));
    const [vi] = view.instances;
    assert.deepEqual([vi.name, vi.state?.value, vi.iface?.value, vi.vrid?.value, vi.priority?.value, vi.advertInt?.value, vi.authType?.value, vi.authPass?.value], ['VI_1', 'MASTER', 'eth0', 51, 100, 1, 'PASS', '1111']);
    assert.deepEqual(vi.vips.map((v) => v.value), ['192.168.18.200']);
    const [vs] = view.virtualServers;
    assert.deepEqual([vs.form, vs.address?.value, vs.port?.value, vs.lbAlgo?.value, vs.lbKind?.value, vs.protocol?.value], ['address', '192.168.18.200', 80, 'rr', 'DR', 'TCP']);
    const checker = vs.realServers[1].checkers[0];
    assert.deepEqual([checker.type, checker.connectTimeout?.value, checker.retry?.value, checker.delayBeforeRetry?.value], ['HTTP_GET', 2, 3, 1]);
    assert.deepEqual(checker.urls.map((u) => [u.path?.value, u.statusCodes.map((s) => s.value)]), [['/', ['200']]]);
  });

  it('types every checker kind of the upstream samples', () => {
    const types = new Set<string>();
    for (const name of ['keepalived.conf.SSL_GET', 'keepalived.conf.misc_check', 'keepalived.conf.SMTP_CHECK', 'keepalived.conf.UDP_CHECK', 'keepalived.conf.PING_CHECK', 'keepalived.conf.HTTP_GET.port']) {
      for (const vs of viewOf(parseConfig(readFileSync(join(CORPUS, name), 'utf8'))).virtualServers) {
        for (const rs of vs.realServers) for (const c of rs.checkers) types.add(c.type);
      }
    }
    assert.deepEqual([...types].sort(), ['HTTP_GET', 'MISC_CHECK', 'PING_CHECK', 'SMTP_CHECK', 'SSL_GET', 'UDP_CHECK']);
    const misc = viewOf(parseConfig(readFileSync(join(CORPUS, 'keepalived.conf.misc_check'), 'utf8'))).virtualServers[0].realServers[0].checkers[0];
    assert.ok(misc.miscPath?.value, 'misc_path read');
  });
});
