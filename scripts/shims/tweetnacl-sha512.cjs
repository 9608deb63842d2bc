'use strict';
// Stands in for tweetnacl in the bundles. Its only user there is bcrypt-pbkdf (ssh2 unlocking an OpenSSH key
// with a passphrase), which calls nacl.lowlevel.crypto_hash: SHA-512 of the first n bytes of m, written into
// out. node:crypto computes the same digest, so the 35 KB of tweetnacl stay out of the .vsix.
const { createHash } = require('node:crypto');

function crypto_hash(out, m, n) {
  out.set(createHash('sha512').update(m.subarray(0, n)).digest());
  return 0;
}

module.exports = { lowlevel: { crypto_hash } };
