'use strict';
// Stands in for ssh2's lib/protocol/zlib.js: the plain packet reader and writer as ssh2 has them, without the
// zlib streams. The deploy engine offers no compression (server/src/deploy/ssh.ts, COMPRESSION), so a session
// never negotiates zlib and never builds its reader or writer.
class PacketWriter {
  constructor(protocol) {
    this.allocStart = 5;
    this.allocStartKEX = 5;
    this._protocol = protocol;
  }
  cleanup() {}
  alloc(payloadSize, force) {
    if (this._protocol._kexinit === undefined || force) return this._protocol._cipher.allocPacket(payloadSize);
    return Buffer.allocUnsafe(payloadSize);
  }
  finalize(packet) {
    return packet;
  }
}

class PacketReader {
  cleanup() {}
  read(data) {
    return data;
  }
}

class NoZlib {
  constructor() {
    throw new Error('zlib compression is not available in this build: the deploy engine negotiates none');
  }
}

module.exports = { PacketReader, PacketWriter, ZlibPacketReader: NoZlib, ZlibPacketWriter: NoZlib };
