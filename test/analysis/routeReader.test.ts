/**
 * The route reader (semantic/routeReader.ts) on its own: what it keeps, where it stops, and that no line of
 * route words makes it throw. Agreement with keepalived on each message is in the message table
 * (test/oracle/messages/casesRouteOptions.ts) and on valid spellings in test/oracle/ipRules.test.ts.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readRoute } from '../../server/src/analysis/semantic/routeReader';
import { readRouteTime } from '../../server/src/analysis/semantic/routeValues';
import { ROUTE_OPTION_WORDS } from '../../server/src/schema/vrrp-values';
import type { Word } from '../../server/src/syntax';
import { TEMPLATE_MARK } from '../../server/src/syntax/template';

const words = (line: string): Word[] => line.split(' ').map((text, i) => ({ text, range: { start: { line: 0, character: i }, end: { line: 0, character: i + 1 } } }) as Word);
const read = (line: string, staticRoute = false) => readRoute(words(line), staticRoute);
const said = (line: string, staticRoute = false) => read(line, staticRoute).findings.map((f) => `${f.word.text} ${f.severity} ${f.code}`);

describe('route reader', () => {
  it('keeps a plain route and knows its interface, protocol and no_track', () => {
    const route = read('198.51.100.0/24 via 192.0.2.1 dev eth0 protocol static no_track');
    assert.deepEqual(route.findings, []);
    assert.equal(route.kept, true);
    assert.equal(route.device, true);
    assert.equal(route.noTrack, true);
    assert.equal(route.protocol?.value, 4);
  });

  // both releases: "WARNING - interface eth0:1 for VROUTE nexthop doesn't exist", on any machine
  it('drops a route, or a nexthop, whose dev is an address label (no interface name has a colon)', () => {
    const route = read('198.51.100.0/24 via 192.0.2.1 dev eth0:1');
    assert.equal(route.kept, false);
    assert.deepEqual(said('198.51.100.0/24 via 192.0.2.1 dev eth0:1'), ['eth0:1 error invalid-argument']);
    assert.deepEqual(said('198.51.100.0/24 nexthop via 192.0.2.1 dev eth1:0'), ['eth1:0 error invalid-argument']);
    assert.deepEqual(said('198.51.100.0/24 via 192.0.2.1 dev bond0.100'), []);
  });

  it('drops the route on the first word it cannot use, and reads no further', () => {
    const route = read('198.51.100.0/24 dev eth0 metrics 5 via 192.0.2.300');
    assert.equal(route.kept, false);
    assert.deepEqual(route.findings.map((f) => f.message), ["'metrics' is no route option nor destination (did you mean 'metric'?): keepalived drops this route"]);
  });

  it('says keepalived exits where it reads past the last word', () => {
    for (const line of ['198.51.100.0/24 dev', '198.51.100.0/24 dev eth0 mtu lock', 'blackhole', '198.51.100.0/24 nexthop via']) {
      assert.deepEqual(said(line).filter((f) => f.endsWith('argument-count')).length, 1, line);
    }
  });

  it('drops a nexthop and the ones after it, and keeps the route', () => {
    const route = read('198.51.100.0/24 nexthop via 192.0.2.1 weight 0 nexthop via 192.0.2.2');
    assert.equal(route.kept, true);
    assert.deepEqual(said('198.51.100.0/24 nexthop via 192.0.2.1 weight 0 nexthop via 192.0.2.2'), ['0 error invalid-number']);
    assert.deepEqual(said('198.51.100.0/24 nexthop via 192.0.2.1 dev eth0 metric 5'), ['metric error invalid-argument']);
  });

  it('reads again as a route option the word an encapsulation stopped on', () => {
    assert.deepEqual(said('198.51.100.0/24 dev eth0 encap ip dst 192.0.2.1 metric 5'), []);
    assert.deepEqual(said('198.51.100.0/24 dev eth0 encap ip ttl 5'), ['ip error missing-required']);
    assert.deepEqual(said('198.51.100.0/24 dev eth0 encap ip dst 2001:db8::1'), ['2001:db8::1 error ip-family-mismatch', 'dst error invalid-argument']);
    // an unknown type swallows the word after it
    assert.deepEqual(said('198.51.100.0/24 encap foo bar dev eth0'), ['foo error invalid-value']);
  });

  it('steps over the word after inet6, as keepalived does, and explains a lost destination', () => {
    const route = read('inet6 default via 2001:db8::1 dev eth0');
    assert.equal(route.kept, false);
    assert.deepEqual(said('inet6 default via 2001:db8::1 dev eth0'), ['default warning ineffective-setting', 'inet6 error missing-required']);
    assert.match(route.findings[1].message, /'default' is stepped over after inet6/);
  });

  it('warns of a second destination and of options it ignores, keeping the route', () => {
    assert.deepEqual(said('198.51.100.0/24 dev eth0 198.51.101.0/24'), ['198.51.100.0/24 warning duplicate-keyword']);
    assert.deepEqual(said('198.51.100.0/24 dev eth0 features sack ttl-propagate maybe as to 10'), ['sack error invalid-value', 'maybe error invalid-value', 'as error invalid-argument']);
    assert.equal(read('198.51.100.0/24 dev eth0 features sack').kept, true);
  });

  it('takes track_group on static routes only', () => {
    assert.deepEqual(said('198.51.100.0/24 dev eth0 track_group TG', true), []);
    assert.equal(read('198.51.100.0/24 dev eth0 track_group TG', true).trackGroup?.text, 'TG');
    assert.deepEqual(said('198.51.100.0/24 dev eth0 track_group TG'), ['track_group error invalid-argument']);
  });

  it('judges nothing from a template value on', () => {
    const mark = TEMPLATE_MARK.repeat(5);
    assert.deepEqual(said(`${mark} via ${mark} dev ${mark}`), []);
    assert.deepEqual(said(`198.51.100.0/24 ${mark}`), []);
  });

  it('reads words named like object properties as the unknown words they are', () => {
    assert.deepEqual(said('198.51.100.0/24 dev eth0 constructor 5'), ['constructor error invalid-argument']);
    assert.deepEqual(said('198.51.100.0/24 dev eth0 protocol toString'), []);
  });

  it('reads rtt values in the kernel unit, ms and s, and clamps them to 200 ms - 120 s', () => {
    assert.deepEqual(readRouteTime('2000', 8), { tooManyDecimals: false, clamped: undefined });
    assert.deepEqual(readRouteTime('100', 8), { tooManyDecimals: false, clamped: 'up' });
    assert.deepEqual(readRouteTime('200s', 8), { tooManyDecimals: false, clamped: 'down' });
    assert.deepEqual(readRouteTime('0.25SEC', 1), { tooManyDecimals: false, clamped: undefined });
    assert.equal(readRouteTime('1.5e3', 8), 'exponent');
    assert.equal(readRouteTime('2000s', 8), undefined);
    assert.equal(readRouteTime('ms', 1), undefined);
    assert.equal(readRouteTime('10m', 1), undefined);
  });

  it('never throws, whatever the words', () => {
    const word = fc.oneof(fc.constantFrom(...ROUTE_OPTION_WORDS, 'lock', 'ip', 'ip6', 'mpls', 'ila', 'dst', 'id', '192.0.2.1', '2001:db8::1', '198.51.100.0/24', '0', '256', '-1', 'default6', TEMPLATE_MARK), fc.string({ minLength: 1, maxLength: 6 }));
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 14 }), fc.boolean(), (line, staticRoute) => {
      const route = readRoute(line.map((text, i) => ({ text, range: { start: { line: 0, character: i }, end: { line: 0, character: i + 1 } } }) as Word), staticRoute);
      assert.ok(route.findings.every((f) => line.includes(f.word.text)));
    }), { numRuns: 3000 });
  });
});
