import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { filesUnder } from '../../server/src/analysis/glob/walk';

/**
 * Issue 18 item 12: the editor validates keepalived-cluster.json with the schema the extension ships,
 * wherever the file is. A relative `$schema` in a file takes precedence over that association and breaks
 * as soon as the file is copied elsewhere, so no cluster file the project ships carries one.
 */
const root = resolve(import.meta.dirname, '../..');

test('the extension associates its schema with every keepalived-cluster.json, by name alone', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const entry = manifest.contributes.jsonValidation.find((j: { url: string }) => j.url === './schemas/keepalived-cluster.schema.json');
  // a pattern without a slash matches the file name in any folder
  assert.ok(entry.fileMatch.includes('keepalived-cluster.json'), JSON.stringify(entry));
  assert.ok(entry.fileMatch.every((p: string) => !p.includes('/')), JSON.stringify(entry));
});

test('no cluster file in the project names a schema by a relative path', () => {
  const files = filesUnder(root, (f) => /keepalived-cluster.*\.json$/.test(basename(f)));
  assert.ok(files.some((f) => f.endsWith('examples/keepalived-cluster.json')), files.join('\n'));
  for (const file of files) {
    const schema = JSON.parse(readFileSync(file, 'utf8')).$schema;
    assert.ok(schema === undefined || /^https?:/.test(schema), `${file} names its schema as ${schema}`);
  }
});
