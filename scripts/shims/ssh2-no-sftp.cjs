'use strict';
// Stands in for ssh2's lib/protocol/SFTP.js (about 12 KB compressed): the deploy engine moves files with `cat` over
// an exec channel (server/src/deploy/remoteOps.ts), so ssh2 only needs the class to exist for its type checks.
class SFTP {
  constructor() {
    throw new Error('SFTP is not available in this build: files travel over exec channels');
  }
}
module.exports = { SFTP };
