// Keywords and options named like the properties every JavaScript object has: the checks look names up in
// tables, and a lookup that reached Object.prototype would run or report the wrong thing. Each of these
// is just an unknown keyword or option to keepalived, and to the linter.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { trackedObjects } from '../../server/src/analysis/failover/tracking';
import { documentSymbols } from '../../server/src/features/symbols';
import { parseConfig } from '../../server/src/syntax';
import { viewOf } from '../../server/src/syntax/views';
import { lintTexts } from '../helpers/lint';

const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

test('keywords, options and tracking lines named like Object.prototype properties are unknown, never special', () => {
  for (const name of NAMES) {
    const text = [
      'global_defs {', `    ${name}`, `    ${name} x`, `    lvs_sync_daemon eth0 VI_1 5 ${name} 7`, '}',
      'vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51',
      '    track_interface {', `        ${name} weight 5`, '    }',
      '    unicast_src_ip 192.0.2.1',
      '    unicast_peer {', `        192.0.2.2 ${name} 5`, '    }',
      '    virtual_ipaddress {', `        192.0.2.10/24 ${name}`, '    }',
      // an unknown keyword opens no block: its '}' closes the instance, and the instance's own is one too many
      `    ${name} {`, '        eth1', '    }',
      '}',
    ].join('\n') + '\n';
    const found = lintTexts({ 'keepalived.conf': text });
    const codes = found.map((d) => `${d.range.start.line + 1} ${d.code}`);
    for (const line of [2, 3, 19, 20]) assert.ok(codes.includes(`${line} unknown-keyword`), `${name}: line ${line} unknown in ${codes.join(', ')}`);
    assert.ok(codes.includes('19 unexpected-block') && codes.includes('22 extra-close-brace'), `${name}: the ignored '{', ${codes.join(', ')}`);
    // the option words are reported as unknown options, on their own lines, and nothing else goes wrong
    assert.ok(codes.includes('4 invalid-value'), `${name}: lvs_sync_daemon option, ${codes.join(', ')}`);
    assert.ok(codes.includes('14 invalid-value'), `${name}: unicast peer option, ${codes.join(', ')}`);
    assert.ok(codes.includes('17 invalid-value'), `${name}: address option, ${codes.join(', ')}`);
    for (const d of found) assert.doesNotMatch(d.message, /undefined|NaN|\[object|function/, `${name}: ${d.message}`);
  }
});

test('an outline and the failover model take such names for nothing special either', () => {
  for (const name of NAMES) {
    const file = parseConfig(`${name} {\n}\nvrrp_instance VI_1 {\n    interface eth0\n    ${name} {\n        eth1 weight 5\n    }\n}\n`);
    const [top] = documentSymbols(file);
    assert.equal(typeof top.kind, 'number', `${name}: symbol kind ${String(top.kind)}`);
    const [instance] = viewOf(file).instances;
    assert.deepEqual(trackedObjects(instance, 100, { scripts: new Map(), definitions: new Map() }, false), [], name);
  }
});
