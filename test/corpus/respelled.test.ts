/**
 * The real-world corpus written another way that means the same to keepalived: every other IPv6 address in full
 * and in capitals (keepalived compares addresses in binary), and tabs for the indentation (a blank is a blank). The
 * linter must find the same things on the same lines: a finding that hangs on the spelling is a mistake.
 */
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintFiles } from '../../server/src/analysis/lint';
import { ipFamily } from '../../server/src/analysis/ipFamily';
import { corpusFiles, DIR, sources } from './realWorldSources';

/**
 * a word that may be an IPv6 address, before a prefix length, a blank or the end of the line; not a part of
 * one built from $parameters (1:1::${HOST})
 */
const IPV6_CANDIDATE = /(?<![\w:.}])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:.$-])/g;

function inFull(address: string): string {
  const [head, tail] = address.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.map((g) => g.padStart(4, '0').toUpperCase()).join(':');
}

function respell(text: string): { text: string; addresses: number } {
  let addresses = 0;
  const lines = text.split('\n').map((line) => {
    const indented = line.replace(/^ +/, (blanks) => '\t'.repeat(Math.ceil(blanks.length / 4)));
    // every other address only: two spellings of one address meet in one file
    return indented.replace(IPV6_CANDIDATE, (word) => (ipFamily(word) === 6 && addresses++ % 2 === 0 ? inFull(word) : word));
  });
  return { text: lines.join('\n'), addresses };
}

describe('the real-world corpus respelled', () => {
  it('finds the same things on the same lines with every other IPv6 address in full and tabs for indentation', () => {
    const copy = mkdtempSync(join(tmpdir(), 'ka-respelled-'));
    cpSync(DIR, copy, { recursive: true });
    let addresses = 0;
    for (const file of corpusFiles()) {
      const respelled = respell(readFileSync(join(DIR, file), 'utf8'));
      addresses += respelled.addresses;
      writeFileSync(join(copy, file), respelled.text);
    }
    const differences: string[] = [];
    for (const source of sources()) {
      for (const keepalivedVersion of ['2.2.7', '2.4.3']) {
        const seen = (root: string) => lintFiles([join(root, source.file)], { configId: source.configId, keepalivedVersion }).map((d) => `${d.file.slice(root.length)}:${d.range.start.line + 1} ${d.code}`).sort();
        const [before, after] = [seen(DIR), seen(copy)];
        if (JSON.stringify(before) !== JSON.stringify(after)) differences.push(`${source.file} (${keepalivedVersion}): ${JSON.stringify(before)} became ${JSON.stringify(after)}`);
      }
    }
    process.stdout.write(`# respelled corpus: ${addresses} IPv6 addresses rewritten\n`);
    assert.ok(addresses >= 20, `only ${addresses} IPv6 addresses: the test would prove little`);
    assert.deepEqual(differences, []);
  });
});
