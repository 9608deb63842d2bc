'use strict';
// Stands in for the lodash functions chevrotain and @chevrotain/gast import one by one (lodash/map, lodash/has, ...).
// Through lodash's shared internals (iteratee shorthands, deep equality, caches, cloning of every type) they cost
// about 16 KB compressed; chevrotain passes functions as iteratees and iterates arrays, strings and plain objects,
// which these cover with lodash's semantics. scripts/shims/plugin.mjs maps only the names exported here;
// any other lodash function chevrotain may import keeps coming from lodash itself.

const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const isArrayLike = (value) =>
  value != null && typeof value !== 'function' && Number.isSafeInteger(value.length) && value.length >= 0;

function iteratee(fn) {
  if (fn === undefined || fn === null) return identity;
  if (typeof fn === 'function') return fn;
  if (typeof fn === 'string' || typeof fn === 'number') return (object) => (object == null ? undefined : object[fn]);
  throw new TypeError('lodash shim: only function and property-name iteratees are supported');
}

/**
 * Visits a collection in lodash's order, reading values as it goes: indices up to the starting length for
 * array-likes (strings too), own enumerable keys for anything else. A visit returning false stops the walk.
 */
function each(collection, visit) {
  if (collection == null) return;
  const items = Object(collection);
  if (isArrayLike(collection)) {
    for (let i = 0, n = items.length; i < n; i++) if (visit(items[i], i) === false) return;
  } else {
    for (const key of Object.keys(items)) if (visit(items[key], key) === false) return;
  }
}

function forEach(collection, fn) {
  const f = iteratee(fn);
  each(collection, (value, key) => f(value, key, collection));
  return collection;
}

function map(collection, fn) {
  const f = iteratee(fn);
  const result = [];
  each(collection, (value, key) => void result.push(f(value, key, collection)));
  return result;
}

function filter(collection, fn, keep = true) {
  const f = iteratee(fn);
  const result = [];
  each(collection, (value, key) => void (!f(value, key, collection) !== keep && result.push(value)));
  return result;
}
const reject = (collection, fn) => filter(collection, fn, false);

function some(collection, fn) {
  const f = iteratee(fn);
  let found = false;
  each(collection, (value, key) => !(found = !!f(value, key, collection)));
  return found;
}
const every = (collection, fn) => !some(collection, (value, key, c) => !iteratee(fn)(value, key, c));
const flatMap = (collection, fn) => map(collection, fn).flat(1);
const values = (collection) => map(collection);

function find(collection, fn) {
  const f = iteratee(fn);
  let found;
  each(collection, (value, key) => (f(value, key, collection) ? ((found = value), false) : true));
  return found;
}

function reduce(collection, fn, ...initial) {
  let started = initial.length > 0;
  let accumulator = initial[0];
  each(collection, (value, key) => {
    accumulator = started ? fn(accumulator, value, key, collection) : value;
    started = true;
  });
  return accumulator;
}

function groupBy(collection, fn) {
  const f = iteratee(fn);
  const groups = {};
  each(collection, (value) => {
    const key = f(value);
    if (hasOwn(groups, key)) groups[key].push(value);
    else groups[key] = [value];
  });
  return groups;
}

function includes(collection, value) {
  if (typeof collection === 'string') return collection.includes(value);
  return some(collection, (v) => v === value || (v !== v && value !== value));
}

function isEmpty(value) {
  if (value == null) return true;
  if (isArrayLike(value) && (Array.isArray(value) || typeof value === 'string' || typeof value.splice === 'function' || ArrayBuffer.isView(value))) {
    return value.length === 0;
  }
  if (value instanceof Map || value instanceof Set) return value.size === 0;
  for (const key in value) if (hasOwn(value, key)) return false;
  return true;
}

function clone(value) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
  if (typeof value === 'function') return {};
  if (Array.isArray(value)) return value.slice();
  if (value instanceof RegExp) {
    const copy = new RegExp(value.source, value.flags);
    copy.lastIndex = value.lastIndex;
    return copy;
  }
  if (value instanceof Map) return new Map(value);
  if (value instanceof Set) return new Set(value);
  if (value instanceof Date) return new Date(value.getTime());
  // like lodash: keep the prototype of instances, plain {} for objects without a constructor
  const copy = typeof value.constructor === 'function' ? Object.create(Object.getPrototypeOf(value)) : {};
  return Object.assign(copy, value);
}

function defaults(object, ...sources) {
  const target = Object(object);
  for (const source of sources) {
    if (source == null) continue;
    for (const key in source) {
      const current = target[key];
      if (current === undefined || (current === Object.prototype[key] && !hasOwn(target, key))) target[key] = source[key];
    }
  }
  return target;
}

function pickBy(object, predicate) {
  const picked = {};
  if (object == null) return picked;
  for (const key in object) if (predicate(object[key], key)) picked[key] = object[key];
  return picked;
}

function difference(array, ...others) {
  if (!isArrayLike(array) || typeof array === 'string') return [];
  const excluded = others.filter((o) => Array.isArray(o)).flat(1);
  return Array.from(array).filter((v) => !includes(excluded, v));
}

const toCount = (n, fallback) => (n === undefined ? fallback : Math.max(0, Math.trunc(Number(n)) || 0));
const asArray = (array) => (array == null ? [] : Array.from(array));
const identity = (value) => value;

module.exports = {
  assign: (object, ...sources) => Object.assign(object, ...sources.filter((s) => s != null)),
  clone,
  compact: (array) => asArray(array).filter(Boolean),
  defaults,
  difference,
  drop: (array, n) => asArray(array).slice(toCount(n, 1)),
  dropRight: (array, n) => {
    const items = asArray(array);
    return items.slice(0, Math.max(0, items.length - toCount(n, 1)));
  },
  every,
  filter,
  find,
  first: (array) => (array != null && array.length ? array[0] : undefined),
  flatMap,
  flatten: (array) => asArray(array).flat(1),
  forEach,
  groupBy,
  has: (object, key) => object != null && hasOwn(object, key),
  identity,
  includes,
  indexOf: (array, value, fromIndex = 0) => (array == null ? -1 : Array.prototype.indexOf.call(array, value, fromIndex)),
  isArray: Array.isArray,
  isEmpty,
  isFunction: (value) => typeof value === 'function',
  isObject: (value) => value != null && (typeof value === 'object' || typeof value === 'function'),
  isRegExp: (value) => value instanceof RegExp,
  isString: (value) => typeof value === 'string' || value instanceof String,
  isUndefined: (value) => value === undefined,
  keys: (object) => (object == null ? [] : Object.keys(Object(object))),
  last: (array) => (array != null && array.length ? array[array.length - 1] : undefined),
  map,
  noop: () => undefined,
  pickBy,
  reduce,
  reject,
  some,
  uniq: (array) => [...new Set(asArray(array))],
  values,
};
