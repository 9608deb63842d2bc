import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { addressPart, checkArgument } from '../../server/src/analysis/argTypes';

describe('whole-number arguments', () => {
  it('says why a value is not a whole number, or out of range', () => {
    const port = { kind: 'port' } as const;
    assert.equal(checkArgument(port, '8080'), undefined);
    assert.match(checkArgument(port, '80x') ?? '', /not a whole number/);
    assert.match(checkArgument(port, '70000') ?? '', /outside range \[0, 65535\]/);
    assert.equal(checkArgument({ kind: 'int', min: -5, max: 5 }, '-0x5'), undefined);
  });
});

describe('the address keepalived reads from a single-address word', () => {
  it('cuts at the first - or /, whichever comes first', () => {
    const cases: [string, string][] = [['192.0.2.1', '192.0.2.1'], ['192.0.2.1/24', '192.0.2.1'], ['192.0.2.1-5', '192.0.2.1'], ['a-b/c', 'a'], ['a/b-c', 'a'], ['fe80::1/64', 'fe80::1'], ['-x', '']];
    for (const [word, address] of cases) assert.equal(addressPart(word), address, word);
  });
});

describe('hex strings', () => {
  it('takes blanks between bytes (a quoted word) unless the length is fixed', () => {
    assert.equal(checkArgument({ kind: 'hex' }, '0a 0b'), undefined);
    assert.match(checkArgument({ kind: 'hex' }, ' ') ?? '', /not a hexadecimal string/);
    assert.match(checkArgument({ kind: 'hex' }, '0x0a') ?? '', /not a hexadecimal string/);
    assert.match(checkArgument({ kind: 'hex', digits: 4 }, '0a 0') ?? '', /not a hexadecimal string/);
  });
});

describe('interface names', () => {
  it('refuses a name no interface can have: too long, or an address label with a colon', () => {
    const iface = { kind: 'interface' } as const;
    assert.equal(checkArgument(iface, 'eth0'), undefined);
    assert.equal(checkArgument(iface, 'bond0.100'), undefined);
    assert.match(checkArgument(iface, 'a-very-long-ifname') ?? '', /longer than 15 characters/);
    assert.match(checkArgument(iface, 'eth0:1') ?? '', /address label.*never finds it \(the interface is eth0\)/);
  });
});
