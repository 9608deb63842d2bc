// The bundles give chevrotain scripts/shims/lodash-subset.cjs in place of lodash's per-function modules. Each function
// must answer as lodash does for the kinds of arguments chevrotain passes: arrays, strings, plain objects, and
// function iteratees that take (value, key, collection).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { LODASH_SUBSET } from '../../scripts/shims/plugin.mjs';

type Fn = (...args: unknown[]) => unknown;
const requireHere = createRequire(import.meta.filename);
const subset = requireHere(LODASH_SUBSET) as Record<string, Fn>;
const lodash = (name: string) => requireHere(`lodash/${name}`) as Fn;

const scalar = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b', '', 'GROUP'), fc.constant(undefined), fc.constant(null), fc.constant(Number.NaN));
const array = fc.array(fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })), { maxLength: 6 });
const object = fc.dictionary(fc.constantFrom('a', 'b', 'PATTERN', '0', 'x1'), scalar, { maxKeys: 4 });
const collection = fc.oneof(array, object, fc.string({ maxLength: 4 }), fc.constant(null));

/** Calls both with the same arguments; iteratees record what they were given, which must match too. */
function same(name: string, args: (calls: unknown[][]) => unknown[]): void {
  const mine: unknown[][] = [];
  const theirs: unknown[][] = [];
  const expected = lodash(name)(...args(theirs));
  const actual = subset[name](...args(mine));
  assert.deepEqual(actual, expected, name);
  assert.deepEqual(mine, theirs, `${name}: iteratee calls`);
}
const recording = (calls: unknown[][], answer: (value: unknown, key: unknown) => unknown) =>
  (value: unknown, key: unknown, ...rest: unknown[]) => {
    calls.push([value, key, rest.length]);
    return answer(value, key);
  };

test('the lodash subset exports only functions, each of which lodash has', () => {
  for (const [name, fn] of Object.entries(subset)) {
    assert.equal(typeof fn, 'function', name);
    assert.equal(typeof lodash(name), 'function', name);
  }
});

test('collection functions iterate and answer as lodash does', () => {
  const truthy = (v: unknown) => Boolean(v);
  fc.assert(
    fc.property(collection, (c) => {
      for (const name of ['forEach', 'map', 'filter', 'reject', 'some', 'every', 'find', 'flatMap']) {
        same(name, (calls) => [c, recording(calls, name === 'flatMap' ? (v) => v : truthy)]);
      }
      // forEach stops when the iteratee returns false
      same('forEach', (calls) => [c, recording(calls, (_v, key) => key !== 1 && key !== 'b')]);
      same('reduce', (calls) => [c, (acc: unknown, v: unknown, k: unknown) => (calls.push([acc, v, k]), `${String(acc)}|${String(v)}`)]);
      same('reduce', (calls) => [c, (acc: unknown, v: unknown, k: unknown) => (calls.push([acc, v, k]), `${String(acc)}|${String(v)}`), 'start']);
      same('groupBy', (calls) => [c, recording(calls, (v) => typeof v)]);
      for (const name of ['values', 'keys', 'isEmpty', 'clone', 'uniq', 'compact', 'flatten', 'first', 'last', 'drop', 'dropRight']) {
        if (['uniq', 'compact', 'flatten', 'first', 'last', 'drop', 'dropRight'].includes(name) && !Array.isArray(c)) continue;
        same(name, () => [c]);
      }
      for (const value of ['a', 1, undefined, Number.NaN]) same('includes', () => [c, value]);
    }),
    { numRuns: 300 },
  );
});

test('array, object and predicate helpers answer as lodash does', () => {
  fc.assert(
    fc.property(array, array, object, object, fc.integer({ min: -1, max: 7 }), (a, b, o, p, n) => {
      same('difference', () => [a, b]);
      same('drop', () => [a, n]);
      same('dropRight', () => [a, n]);
      same('indexOf', () => [a.filter((x) => x === x), a[0]]);
      same('assign', () => [{ ...o }, p, null]);
      same('defaults', () => [{ ...o }, p]);
      same('pickBy', (calls) => [o, recording(calls, (v) => v !== undefined)]);
      for (const key of ['a', 'PATTERN', 'toString', 0, 1]) same('has', () => [o, key]);
      for (const value of [a, o, 'x', 3, null, undefined, () => 1, /x/g, new String('s')]) {
        for (const name of ['isArray', 'isFunction', 'isObject', 'isRegExp', 'isString', 'isUndefined', 'identity']) same(name, () => [value]);
      }
    }),
    { numRuns: 300 },
  );
  const regexp = /a+/gi;
  regexp.lastIndex = 2;
  const copy = subset.clone(regexp) as RegExp;
  assert.ok(copy !== regexp && copy.source === 'a+' && copy.flags === 'gi' && copy.lastIndex === 2);
  class Token {
    constructor(readonly name: string) {}
  }
  const token = subset.clone(new Token('t')) as Token;
  assert.ok(token instanceof Token && token.name === 't');
  assert.equal(subset.noop(), undefined);
});
