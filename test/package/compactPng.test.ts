/**
 * scripts/compact-png.mjs re-encodes the rendered icon for the .vsix: it must keep every pixel (the palette form
 * read back gives the same RGBA values) and make the file smaller.
 */
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { it } from 'node:test';
// @ts-expect-error a plain ES module of the build scripts, without types
import { compactPng, readRgba } from '../../scripts/compact-png.mjs';

type Png = (png: Buffer) => Buffer;
type Reader = (png: Buffer) => { width: number; height: number; pixels: Buffer };

function chunks(png: Buffer): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    found.set(type, Buffer.concat([found.get(type) ?? Buffer.alloc(0), png.subarray(offset + 8, offset + 8 + length)]));
    offset += 12 + length;
  }
  return found;
}

/** The RGBA pixels of the palette PNG compactPng writes (its rows are unfiltered). */
function paletteRgba(png: Buffer): Buffer {
  const parts = chunks(png);
  const header = parts.get('IHDR')!;
  assert.equal(header[9], 3, 'a palette image');
  const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)];
  // colours past the end of tRNS are opaque
  const [palette, alpha, rows] = [parts.get('PLTE')!, parts.get('tRNS') ?? Buffer.alloc(0), inflateSync(parts.get('IDAT')!)];
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    assert.equal(rows[y * (width + 1)], 0, 'rows unfiltered');
    for (let x = 0; x < width; x++) {
      const index = rows[y * (width + 1) + 1 + x];
      palette.copy(pixels, (y * width + x) * 4, index * 3, index * 3 + 3);
      pixels[(y * width + x) * 4 + 3] = index < alpha.length ? alpha[index] : 255;
    }
  }
  return pixels;
}

/** An RGBA PNG of `pixels` whose rows use each PNG filter in turn, as chromium's encoder mixes them. */
function rgbaPng(width: number, height: number, pixels: Buffer): Buffer {
  const stride = width * 4;
  const rows = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const filter = y % 5;
    rows[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? pixels[y * stride + x - 4] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4] : 0;
      const p = left + up - upLeft;
      const paeth = Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft) ? left : Math.abs(p - up) <= Math.abs(p - upLeft) ? up : upLeft;
      const predicted = [0, left, up, (left + up) >> 1, paeth][filter];
      rows[y * (stride + 1) + 1 + x] = (pixels[y * stride + x] - predicted) & 255;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, data, Buffer.alloc(4)]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

it('keeps every pixel of an image of few colours, mixed filters and all, and makes it smaller', () => {
  const colours = [0x00000000, 0x1e2a44ff, 0xf5b942ff, 0x3aa57a80, 0xffffffff];
  const [width, height] = [40, 30];
  const pixels = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) pixels.writeUInt32BE(colours[(i * 7 + (i >> 5)) % colours.length] >>> 0, i * 4);
  const original = rgbaPng(width, height, pixels);
  assert.deepEqual((readRgba as Reader)(original).pixels, pixels, 'the reader undoes every filter');
  const compact = (compactPng as Png)(original);
  assert.deepEqual(paletteRgba(compact), pixels);
  assert.ok(compact.length < original.length, `${compact.length} bytes, not below ${original.length}`);
});

it('keeps an image of more than 256 colours as RGBA, pixel for pixel', () => {
  const pixels = randomBytes(20 * 20 * 4);
  const compact = (compactPng as Png)(rgbaPng(20, 20, pixels));
  assert.equal(chunks(compact).get('IHDR')![9], 6);
  assert.deepEqual((readRgba as Reader)(compact).pixels, pixels);
});
