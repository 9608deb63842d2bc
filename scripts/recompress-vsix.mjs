// vsce zips the .vsix at zlib's default level. This writes it again at the highest level, entry by entry, with
// the same names, order, modes and times: a few hundred bytes smaller, which the package's size budget
// (test/package/vsix.test.ts) counts. Usage: node scripts/recompress-vsix.mjs FILE.vsix
import { createWriteStream, renameSync } from 'node:fs';
import yauzl from 'yauzl';
import yazl from 'yazl';

const path = process.argv[2];
if (!path) throw new Error('usage: node scripts/recompress-vsix.mjs FILE.vsix');

/** every entry of the archive, in order, with its bytes */
function readEntries(file) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const entries = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry) => {
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr) return reject(streamErr);
          const chunks = [];
          stream.on('data', (chunk) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({ name: entry.fileName, data: Buffer.concat(chunks), mtime: entry.getLastModDate(), mode: entry.externalFileAttributes >>> 16 });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

const entries = await readEntries(path);
const out = new yazl.ZipFile();
for (const { name, data, mtime, mode } of entries) out.addBuffer(data, name, { mtime, ...(mode ? { mode } : {}), compressionLevel: 9 });
out.end();
const temporary = `${path}.recompressed`;
await new Promise((resolve, reject) => {
  const stream = createWriteStream(temporary);
  out.outputStream.pipe(stream).on('finish', resolve).on('error', reject);
});
renameSync(temporary, path);
