/**
 * Lines as long as keepalived's 1023-byte line buffer or longer (syntax/lineBuffer.ts), held to both releases:
 * 2.4.3 says the line is too long (2.2.7 says nothing), both read the text after each cut as a statement of its
 * own, and the linter reports the line and reads the pieces as they do. A line with a NUL is read up to it
 * (2.4.3 says so and ignores the line).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { lintFiles } from '../../server/src/analysis/lint';
import { KeepalivedOracle, ORACLE_BINARIES } from '../helpers/keepalived';

const instance = (stateLine: string) => ['vrrp_instance VI_1 {', stateLine, '    interface eth0', '    virtual_router_id 51', '    priority 100', '    virtual_ipaddress {', '        192.0.2.10/24', '    }', '}'];

const CONFIGS: Record<string, string[]> = {
  'a router_id of 1100 characters': ['global_defs {', `    router_id ${'a'.repeat(1100)}`, '}', ...instance('    state BACKUP')],
  'a comment in Chinese after a keyword': instance(`    state BACKUP  # ${'主节点配置说明'.repeat(60)}`),
  'a line of exactly 1023 bytes': instance(`    state BACKUP  #${'-'.repeat(1023 - 19)}`),
  'a line of 1022 bytes, which fits': instance(`    state BACKUP  #${'-'.repeat(1022 - 19)}`),
  'a line cut twice': ['global_defs {', `    router_id ${'b'.repeat(1010)}${'c'.repeat(1023)}tail`, '}', ...instance('    state BACKUP')],
  // not long, but read as C strings read it: up to the NUL (2.4 ignores the line)
  'a NUL after an unknown keyword': instance('    bogus_kw\0 state BACKUP'),
};
const FITS = ['a line of 1022 bytes, which fits', 'a NUL after an unknown keyword'];

const unknownKeywords = (texts: readonly string[]) => texts.filter((t) => t.startsWith('Unknown keyword')).length;

describe('lines longer than keepalived reads at once', () => {
  for (const oracle of ORACLE_BINARIES) {
    it(`keepalived ${oracle.version} and the linter cut them alike`, { timeout: 60_000 }, async () => {
      const keepalived = new KeepalivedOracle(oracle);
      try {
        const names = Object.keys(CONFIGS);
        const results = await keepalived.checkAll(names.map((name) => CONFIGS[name].join('\n') + '\n'));
        names.forEach((name, i) => {
          const printed = results[i].messages.map((m) => m.text);
          const findings = lintFiles([results[i].path], { keepalivedVersion: oracle.version });
          const tooLong = findings.filter((d) => d.code === 'line-too-long');
          // every release cuts the line; only 2.4 says so
          assert.equal(printed.includes('line too long - ignoring'), oracle.version >= '2.4' && tooLong.length > 0, `${name}: ${printed.join(' | ')}`);
          assert.equal(tooLong.length > 0, !FITS.includes(name), name);
          const nul = findings.some((d) => d.code === 'syntax' && /NUL/.test(d.message));
          assert.equal(nul, name.includes('NUL'), name);
          assert.equal(printed.some((t) => t.includes('embedded NULs')), nul && oracle.version >= '2.4', `${name}: ${printed.join(' | ')}`);
          assert.equal(findings.filter((d) => d.code === 'unknown-keyword').length, unknownKeywords(printed), `${name}: ${printed.join(' | ')}`);
        });
      } finally {
        keepalived.dispose();
      }
    });
  }
});
