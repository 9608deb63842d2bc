// Tracking lines (semantic/trackingLines.ts; the message table and test/oracle/instanceLines.test.ts hold them
// to keepalived): an include inside a track block is no tracking line, and names no script.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintTexts } from '../helpers/lint';

test('an include inside a track_script block is read as an include: no unknown option, no undefined script named include', () => {
  const main = 'vrrp_script chk {\n    script "/usr/bin/true"\n}\nvrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    track_script {\n        include tracked.conf\n    }\n    virtual_ipaddress {\n        192.0.2.10/24\n    }\n}\n';
  const found = lintTexts({ 'keepalived.conf': main, 'tracked.conf': 'chk weight 5\n' });
  assert.deepEqual(found.filter((d) => ['invalid-value', 'duplicate-keyword', 'undefined-reference'].includes(d.code)).map((d) => d.message), []);
  // the same line written in the block itself is still read as a tracking line
  const inline = lintTexts({ 'keepalived.conf': main.replace('include tracked.conf', 'chk heavy 5') });
  assert.ok(inline.some((d) => d.code === 'invalid-value' && d.range.start.line === 7));
});
