import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lintFiles } from '../../server/src/analysis/lint';
import { configLines, InterfaceLab, KEEPALIVED_RELEASES } from './interfaceLab';

/**
 * Configs keepalived 2.2.7 and 2.4.3 read without a word (inside a network namespace with eth0 and eth1):
 * each test checks that both releases say nothing and that the linter, told either release, says nothing
 * either. `more` adds tests that use the same lab and scratch directory.
 */
export function describeQuiet(title: string, configs: Record<string, string[]>, more?: (lab: () => InterfaceLab, write: (lines: string[]) => string) => void): void {
  describe(title, () => {
    let lab: InterfaceLab;
    let dir: string;
    before(() => {
      lab = new InterfaceLab(['eth0', 'eth1']);
      dir = mkdtempSync(join(tmpdir(), 'ka-quiet-'));
    });
    after(() => {
      lab?.dispose();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });
    const write = (lines: string[]) => {
      const path = join(dir, 'config.conf');
      writeFileSync(path, lines.join('\n') + '\n');
      return path;
    };

    for (const [name, lines] of Object.entries(configs)) {
      it(name, () => {
        const path = write(lines);
        for (const { version, binary } of KEEPALIVED_RELEASES) {
          assert.deepEqual(configLines(lab.check(binary, path)), [], `keepalived ${version} says nothing`);
          const findings = lintFiles([path], { keepalivedVersion: version });
          assert.deepEqual(findings.map((d) => `${d.range.start.line + 1} ${d.code}: ${d.message}`), [], `the linter says nothing (${version})`);
        }
      });
    }
    more?.(() => lab, write);
  });
}
