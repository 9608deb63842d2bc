'use strict';
// Stands in for ssh2's lib/protocol/crypto/poly1305.js, an Emscripten build (about 10 KB compressed) that only the
// chacha20-poly1305@openssh.com cipher needs. The deploy engine offers AES ciphers only (server/src/deploy/ssh.ts,
// CIPHERS), so ssh2 loads this at start-up but never computes a tag with it.
module.exports = async () => ({
  _malloc: () => 0,
  cwrap: () => () => {
    throw new Error('chacha20-poly1305 is not available in this build: the deploy engine negotiates AES-GCM or AES-CTR');
  },
});
