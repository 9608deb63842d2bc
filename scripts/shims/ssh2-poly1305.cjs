'use strict';
// Stands in for ssh2's lib/protocol/crypto/poly1305.js, an Emscripten build (about 10 KB compressed) whose only
// export is poly1305_auth, needed for the chacha20-poly1305@openssh.com cipher. ssh2 uses the module through a
// small surface: the factory resolves to { _malloc, cwrap, HEAPU8 }, and poly1305_auth(out, a, aLen, b, bLen, key)
// writes the 16-byte tag of a[0..aLen] followed by b[0..bLen] under the 32-byte one-time key at HEAPU8[out].
// Here the tag is computed with BigInt arithmetic (RFC 8439, section 2.5). ssh2 only picks that cipher when the
// server offers neither AES-GCM nor AES-CTR, and deploy moves small files, so speed is not a concern.

const P = (1n << 130n) - 5n;
const R_CLAMP = 0x0ffffffc0ffffffc0ffffffc0fffffffn;
const MASK_128 = (1n << 128n) - 1n;

/** Little-endian bytes to a BigInt. */
function fromLittleEndian(bytes) {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]);
  return n;
}

function poly1305(message, key) {
  const r = fromLittleEndian(key.subarray(0, 16)) & R_CLAMP;
  const s = fromLittleEndian(key.subarray(16, 32));
  let acc = 0n;
  for (let at = 0; at < message.length; at += 16) {
    const block = message.subarray(at, at + 16);
    // Each block counts with a 1 bit appended just past its last byte.
    acc = ((acc + fromLittleEndian(block) + (1n << BigInt(8 * block.length))) * r) % P;
  }
  let tag = (acc + s) & MASK_128;
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++, tag >>= 8n) out[i] = Number(tag & 0xffn);
  return out;
}

function createPoly1305() {
  const HEAPU8 = new Uint8Array(16);
  const poly1305Auth = (outPtr, a, aLen, b, bLen, key) => {
    const message = new Uint8Array(aLen + bLen);
    message.set(a.subarray(0, aLen), 0);
    message.set(b.subarray(0, bLen), aLen);
    HEAPU8.set(poly1305(message, key.subarray(0, 32)), outPtr);
  };
  return Promise.resolve({
    HEAPU8,
    _malloc: () => 0,
    cwrap: (name) => {
      if (name !== 'poly1305_auth') throw new Error(`poly1305 shim: no function ${name}`);
      return poly1305Auth;
    },
  });
}

module.exports = createPoly1305;
