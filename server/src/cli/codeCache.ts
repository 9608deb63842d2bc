// Runs a CommonJS bundle with a V8 code cache kept in the user's cache directory. Compiling the linter's
// bundle (and the functions it runs) costs more at every start than reading back V8's compiled code; Node 20
// has no built-in compile cache, so the bundle goes through vm.Script with `cachedData`.
//
// V8 checks only the source length and its own version and flags against a code cache, and in release builds
// it does not checksum the data unless run with --verify-snapshot-checksum: a corrupt cache can crash the
// process. So the file carries its own key (bundle build hash, size and mtime) and a CRC32 of the data (left
// to V8 under that flag, which dist/lint.js's #! line gives), and anything that does not match, cannot be
// read or cannot be written is ignored: the bundle then compiles as it would without a cache.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { userCacheDir } from './cacheHome';
import { writeAside } from './writeAside';

const MAGIC = 'KLC1';

type Crc32 = (data: Uint8Array) => number;
/**
 * The checksum kept beside the data. Under --verify-snapshot-checksum V8 writes its own into the cache and
 * refuses a cache that does not match it (and one made without the flag: the flags are part of its key), so
 * none is needed and zlib, with the stream modules it loads (~6 ms of a small lint), stays unloaded. Otherwise
 * zlib is loaded only when a cache is used; zlib.crc32 came with Node 20.15, and older releases run without one.
 */
function loadCrc32(): Crc32 | undefined {
  if (process.execArgv.includes('--verify-snapshot-checksum')) return () => 0;
  return (require('node:zlib') as { crc32?: Crc32 }).crc32;
}

export interface LoadedBundle {
  exports: Record<string, unknown>;
  /** writes the cache when there was none or V8 refused it; call after the bundle did its work, so that
   *  the functions it compiled lazily are in the cache too */
  saveCache(): void;
}

/**
 * Loads `bundle` as a CommonJS module. `buildHash` identifies its content (computed when it was built); the
 * cache is one file per bundle name, Node version and architecture, replaced when the bundle changes.
 */
export function loadBundle(bundle: string, buildHash: string): LoadedBundle {
  const fd = openSync(bundle, 'r');
  let source: string;
  let key: string;
  try {
    const stat = fstatSync(fd);
    key = `${buildHash}:${stat.size}:${stat.mtimeMs}`;
    source = readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
  if (source.startsWith('#!')) source = '//' + source.slice(2);
  const crc32 = process.env.KEEPALIVED_TOOLS_NO_CODE_CACHE === undefined ? loadCrc32() : undefined;
  const dir = crc32 && userCacheDir();
  const cacheFile = dir && join(dir, `${bundle.split(/[\\/]/).pop()}-${process.version}-${process.arch}.cache`);
  const cachedData = cacheFile ? readCache(cacheFile, key, crc32!) : undefined;

  // required here, not on import: a launcher that answers from the lint result cache never loads them
  const Module = require('node:module') as typeof import('node:module');
  const { Script } = require('node:vm') as typeof import('node:vm');
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  const module = new Module(bundle, require.main);
  module.filename = bundle;
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, dirname(bundle));
  module.loaded = true;

  return {
    exports: module.exports as Record<string, unknown>,
    saveCache() {
      if (cacheFile && (!cachedData || script.cachedDataRejected)) writeCache(cacheFile, key, script.createCachedData(), crc32!);
    },
  };
}

/** the cached data if the file is whole and made for this very bundle, else undefined */
function readCache(file: string, key: string, crc32: Crc32): Buffer | undefined {
  try {
    const raw = readFileSync(file);
    const header = headerFor(key);
    if (raw.length <= header.length + 4 || !raw.subarray(0, header.length).equals(header)) return undefined;
    const data = raw.subarray(header.length + 4);
    return raw.readUInt32LE(header.length) === crc32(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(file: string, key: string, data: Buffer, crc32: Crc32): void {
  const sum = Buffer.alloc(4);
  sum.writeUInt32LE(crc32(data));
  writeAside(file, Buffer.concat([headerFor(key), sum, data]));
}

function headerFor(key: string): Buffer {
  const text = Buffer.from(key, 'utf8');
  const length = Buffer.alloc(2);
  length.writeUInt16LE(text.length);
  return Buffer.concat([Buffer.from(MAGIC), length, text]);
}
