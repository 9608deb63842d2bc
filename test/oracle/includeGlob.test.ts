/**
 * The files an include pattern reads, as both keepalived releases read them (glob(3) with GLOB_BRACE): each file
 * of a scratch tree holds one unknown keyword naming it, so the order of keepalived's complaints is the order it
 * read the files in. `**` is `*` there (one folder, not a walk down the tree), brace alternatives keep their
 * order, hidden names need a leading dot, what glob finds missing on the way is what keepalived warns about, and names are compared byte by byte (no locale). (`[!a]` is no test:
 * keepalived reads '!' as the start of a comment, and the lexer cuts the pattern there too.)
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { includeGlob } from '../../server/src/analysis/glob/includeGlob';
import { KeepalivedOracle, ORACLE_BINARIES } from '../helpers/keepalived';

const FILES = ['a.conf', 'b.conf', 'B.conf', 'c.txt', '.hidden.conf', 'é.conf', '[x].conf', 'sub/x.conf', 'sub/deeper/y.conf', 'other/z.conf', 'we ird/w.conf', 'dir.conf/inner.conf'];

const PATTERNS = [
  '*.conf',
  '**/*.conf',
  '*/*/*.conf',
  '*/x.conf',
  '{sub,other}/*.conf',
  '{b,a,nothing}.conf',
  '{b,{a,B}}.conf',
  '{a}.conf',
  'sub/*',
  'sub/**/*.conf',
  'we ird/?.conf',
  '?.conf',
  '[ab].conf',
  '[^a].conf',
  '[[:upper:]].conf',
  '[b-a].conf',
  '.*',
  '\\[x\\].conf',
  '[[]x].conf',
  'nothing/*.conf',
  'nothing.conf',
  '{a,x*}.conf',
  '*/deeper/*.conf',
  'sub/deeper/*.conf',
  'a.conf',
];

describe('include patterns read the files keepalived reads, in its order', () => {
  let root = '';
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'ka-include-'));
    FILES.forEach((file, index) => {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), `marker_${index}\n`);
    });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  /** the files keepalived read, from its complaints about their markers (the main file's own marker ends them) */
  const filesRead = (messages: readonly { text: string }[]) => {
    const read: string[] = [];
    for (const { text } of messages) {
      const marker = /^Unknown keyword 'marker_(\w+)'/.exec(text)?.[1];
      if (marker === 'end') break;
      if (marker !== undefined) read.push(join(root, FILES[Number(marker)]));
    }
    return read;
  };

  for (const oracle of ORACLE_BINARIES) {
    it(`on ${PATTERNS.length} patterns, as keepalived ${oracle.version} does`, { timeout: 120_000 }, async () => {
      const keepalived = new KeepalivedOracle(oracle);
      try {
        const results = await keepalived.checkAll(
          PATTERNS.map((pattern) => `include ${root}/${pattern}\nmarker_end\n`),
          4,
          true,
        );
        const expected = results.map((result) => filesRead(result.messages));
        // keepalived read something: a harness that lost its complaints would agree with a linter reading nothing
        assert.ok(expected[0].length >= 4, JSON.stringify(results[0].messages));
        PATTERNS.forEach((pattern, i) => {
          const { files: matches, missing } = includeGlob(`${root}/${pattern}`);
          const directories = matches.filter((path) => statSync(path).isDirectory());
          assert.deepEqual(matches.filter((path) => !directories.includes(path)), expected[i], pattern);
          // glob marks a directory, and keepalived says it skips it
          const skipped = results[i].messages.flatMap((m) => /^Configuration file '(.*)\/' is a directory/.exec(m.text)?.[1] ?? []);
          assert.deepEqual(directories.sort(), skipped.sort(), `${pattern}: directories`);
          // keepalived counts what it could not find on the way (a directory it cannot open, a plain name not there)
          const saysMissing = results[i].messages.some((m) => /^(Some config files missing|Config files missing)/.test(m.text));
          assert.equal(missing.length > 0, saysMissing, `${pattern}: missing ${JSON.stringify(missing)}`);
        });
      } finally {
        keepalived.dispose();
      }
    });
  }
});
