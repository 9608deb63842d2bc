// Which source ranges feed an auth_pass value, by the parsed meaning: direct values, `$NAME` parameters
// (nested ones too), and conditional `@id` / `@^id` lines under any config id.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { secretSpans } from '../../server/src/analysis/secretRanges';
import { maskRanges, MASK } from '../../server/src/deploy/redact';

const masked = (text: string) => maskRanges(text, secretSpans(text).ranges);
const auth = (line: string) => `vrrp_instance V {\n    authentication {\n        ${line}\n    }\n}\n`;

test('a direct value, and one reached through nested parameters, are masked where they are written', () => {
  assert.equal(masked(auth('auth_pass s3cretAB')), auth(`auth_pass ${MASK}`));
  const text = `$INNER=deepPw12\n$OUTER=$INNER\n${auth('auth_pass $OUTER')}`;
  const out = masked(text);
  assert.equal(out.includes('deepPw12'), false, out);
  assert.match(out, /^\$INNER\*{8}$/m);
  assert.deepEqual(secretSpans(text).values, ['deepPw12']);
});

test('conditional lines count under every config id they name, negated ones too', () => {
  for (const line of ['@lb1 auth_pass condPw01', '@^lb1 auth_pass condPw01']) {
    const out = masked(auth(line));
    assert.equal(out.includes('condPw01'), false, out);
  }
});

test('a parameter not used by auth_pass, and the words around, are left alone', () => {
  const text = `$IFACE=eth0\nvrrp_instance V {\n    interface $IFACE\n    authentication {\n        auth_type PASS\n    }\n}\n`;
  assert.deepEqual(secretSpans(text).ranges, []);
  assert.equal(masked(text), text);
});
