import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isIP } from 'node:net';
import fc from 'fast-check';
import { ipFamily } from '../../server/src/analysis/ipFamily';

// address-like strings: octets (with leading zeros and out of range), hex groups, separators, junk
const piece = fc.oneof(fc.nat(300).map(String), fc.constantFrom('0', '00', '01', '255', '256', '1000', 'ff', '::', ':', '.', '..', '', ' ', '/24', '%eth0', 'x', '١'));
const addressish = fc.array(fc.tuple(piece, fc.constantFrom('.', ':', '')), { maxLength: 9 }).map((parts) => parts.map(([p, sep]) => p + sep).join(''));
const quads = fc.tuple(fc.nat(999), fc.nat(999), fc.nat(999), fc.nat(999)).map((o) => o.join('.'));
const texts = fc.oneof(addressish, quads, fc.string({ maxLength: 16 }), fc.ipV4(), fc.ipV6());

describe('ipFamily', () => {
  it('answers what node:net isIP answers', () => {
    fc.assert(fc.property(texts, (text) => ipFamily(text) === isIP(text)), { numRuns: 30000 });
  });

  it('reads the edges of dotted quads as node does', () => {
    const cases: [string, number][] = [
      ['0.0.0.0', 4], ['255.255.255.255', 4], ['192.168.1.10', 4], ['256.1.1.1', 0], ['01.2.3.4', 0], ['1.2.3', 0],
      ['1.2.3.4.', 0], ['1.2.3.4.5', 0], ['1..3.4', 0], ['1.2.3.0004', 0], ['fe80::1', 6], ['::ffff:1.2.3.4', 6], ['', 0],
    ];
    for (const [text, family] of cases) assert.equal(ipFamily(text), family, text);
  });
});
