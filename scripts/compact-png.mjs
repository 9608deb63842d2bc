// Re-encodes an 8-bit RGBA PNG (as chromium writes screenshots) losslessly and smaller: as a palette image
// when it has at most 256 colours, rows unfiltered, deflated at level 9. The .vsix has a size budget
// (test/package/vsix.test.ts) and chromium's encoder favours speed: the icon drops from ~3.6 KB to under 2 KB.
import { crc32, deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0);
  return Buffer.concat([head, data, crc]);
}

/** The RGBA pixels of a non-interlaced 8-bit RGBA PNG, rows unfiltered. */
export function readRgba(png) {
  let offset = 8;
  const idat = [];
  let header;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = data;
    else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  if (header[8] !== 8 || header[9] !== 6 || header[12] !== 0) throw new Error('expected a non-interlaced 8-bit RGBA PNG');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? pixels[y * stride + x - 4] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4] : 0;
      pixels[y * stride + x] = (raw[y * (stride + 1) + 1 + x] + predictor(filter, left, up, upLeft)) & 255;
    }
  }
  return { width, height, pixels };
}

function predictor(filter, left, up, upLeft) {
  switch (filter) {
    case 0: return 0;
    case 1: return left;
    case 2: return up;
    case 3: return (left + up) >> 1;
    case 4: {
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    default: throw new Error(`unknown PNG filter ${filter}`);
  }
}

export function compactPng(png) {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  const { width, height, pixels } = readRgba(png);
  const seen = new Set();
  for (let i = 0; i < pixels.length && seen.size <= 256; i += 4) seen.add(pixels.readUInt32BE(i));
  const palette = seen.size <= 256;
  // translucent colours first: tRNS then stops at the last of them, the opaque ones need no entry
  const ordered = [...seen].sort((a, b) => Number((a & 255) === 255) - Number((b & 255) === 255));
  const colours = new Map(ordered.map((rgba, index) => [rgba, index]));
  const translucent = ordered.filter((rgba) => (rgba & 255) !== 255).length;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = palette ? 3 : 6;
  const bytesPerPixel = palette ? 1 : 4;
  const rows = Buffer.alloc(height * (width * bytesPerPixel + 1));
  for (let y = 0; y < height; y++) {
    const start = y * (width * bytesPerPixel + 1);
    if (palette) for (let x = 0; x < width; x++) rows[start + 1 + x] = colours.get(pixels.readUInt32BE((y * width + x) * 4));
    else pixels.copy(rows, start + 1, y * width * 4, (y + 1) * width * 4);
  }
  const parts = [SIGNATURE, chunk('IHDR', header)];
  if (palette) {
    const entries = [...colours.keys()];
    parts.push(chunk('PLTE', Buffer.from(entries.flatMap((c) => [c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255]))));
    if (translucent > 0) parts.push(chunk('tRNS', Buffer.from(entries.slice(0, translucent).map((c) => c & 255))));
  }
  parts.push(chunk('IDAT', deflateSync(rows, { level: 9, memLevel: 9 })), chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}
