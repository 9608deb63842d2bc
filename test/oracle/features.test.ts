/**
 * For each lexical feature, keepalived -t (Debian's 2.2.7 and 2.4.3, the linter told which) and the linter agree: on clean input neither
 * complains, and where a deliberate mistake sits inside or after the feature, both point at the same line.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lintFiles } from '../../server/src/analysis/lint';
import { configMessages, KeepalivedOracle, ORACLE_BINARIES } from '../helpers/keepalived';
import { conf } from '../helpers/text';

for (const binary of ORACLE_BINARIES) {
  let oracle: KeepalivedOracle;
  const keepalivedVersion = binary.version;
  let agreedChecks = 0;
  before(() => (oracle = new KeepalivedOracle(binary)));
  after(() => {
    oracle.dispose();
    console.log(`lexical features keepalived ${binary.version}: ${agreedChecks} configs on which keepalived and the linter name the same lines`);
  });

  const INSTANCE_HEAD = ['vrrp_instance VI_1 {', '    state BACKUP', '    interface eth0', '    virtual_router_id 51', '    priority 100'];

  /** Lines (1-based) each side complains about, for the given file. */
  function complaints(text: string, configId?: string, files: Record<string, string> = {}): { keepalived: number[]; linter: number[] } {
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(oracle.dir, name, '..'), { recursive: true });
      writeFileSync(join(oracle.dir, name), content);
    }
    const result = oracle.check(text, configId);
    const keepalived = [...new Set(configMessages(result).filter((m) => m.line !== undefined && (!m.file || m.file === result.path)).map((m) => m.line!))].sort((a, b) => a - b);
    const linter = [
      ...new Set(
        lintFiles([result.path], { configId, keepalivedVersion })
          .filter((d) => d.file === result.path && (d.severity === 'error' || d.severity === 'warning') && d.code !== 'service-not-on-vip')
          .map((d) => d.range.start.line + 1),
      ),
    ].sort((a, b) => a - b);
    return { keepalived, linter };
  }

  function agree(text: string, expectedLines: number[], configId?: string, files?: Record<string, string>): void {
    const { keepalived, linter } = complaints(text, configId, files);
    assert.deepEqual(keepalived, expectedLines, `keepalived complained about lines ${keepalived}`);
    assert.deepEqual(linter, expectedLines, `linter complained about lines ${linter}`);
    agreedChecks++;
  }

  describe(`keepalived ${binary.version} -t and the linter agree on each lexical feature`, () => {
    it('# and ! comments, whole-line and trailing', () => {
      agree(conf('# whole line', '! bang line', ...INSTANCE_HEAD, '    advert_int 1 # trailing', '    nopreempt ! trailing', '    virtual_ipaddress {', '        192.0.2.10/24 # vip', '    }', '    priorty 50', '}'), [13]);
    });

    it('quoted strings keep # and blanks', () => {
      agree(conf('global_defs {', '    router_id "a # b"', '    notification_email_from "x!y@example.org"', '    smtp_connect_timeot 3', '}'), [4]);
    });

    it('braces on their own line, one-line blocks, statements sharing a line with a brace', () => {
      agree(conf('vrrp_instance VI_1', '{ state BACKUP', '    interface eth0', '    virtual_router_id 51', '    virtual_ipaddress { 192.0.2.10/24 }', '} global_defs {', '    router_id X', '    routr_id Y', '}'), [8]);
    });

    it('include with a glob, relative to the including file, reported in the included file', () => {
      const text = conf('include sub/*.conf', 'global_defs {', '    router_id X', '}');
      const result = oracle.check(text);
      void result;
      const included = conf('vrrp_instance VI_2 {', '    interface eth0', '    virtual_router_id 52', '    priorityy 3', '    virtual_ipaddress {', '        192.0.2.11/24', '    }', '}');
      mkdirSync(join(oracle.dir, 'sub'), { recursive: true });
      writeFileSync(join(oracle.dir, 'sub', 'a.conf'), included);
      const checked = oracle.checkFile(join(oracle.dir, 'keepalived.conf'));
      const kaLines = configMessages(checked).filter((m) => m.file?.endsWith('a.conf')).map((m) => m.line);
      const lint = lintFiles([join(oracle.dir, 'keepalived.conf')], { keepalivedVersion }).filter((d) => d.file.endsWith('a.conf') && d.severity === 'error');
      assert.deepEqual(kaLines, [4]);
      assert.deepEqual(lint.map((d) => d.range.start.line + 1), [4]);
    });

    it('a missing include target is reported at the include line', () => {
      agree(conf('includer nothing-here/*.conf', 'global_defs {', '    router_id X', '}'), [1]);
      const result = oracle.check(conf('include nothing-here/*.conf'));
      assert.notEqual(result.exitCode, 0, 'keepalived -e fails on a missing include target');
    });

    it('conditional @id lines: inactive lines are not read, active ones are', () => {
      const text = conf('global_defs {', '    @lb1 router_idd ONE', '    @lb2 router_id TWO', '    @^lb1 router_idx THREE', '}');
      agree(text, [2], 'lb1');
      agree(text, [4], 'lb2');
    });

    it('$NAME parameters, ${NAME}, and the line of the use is the one reported', () => {
      agree(conf('$PRIO=300', '$IF=eth0', 'vrrp_instance VI_1 {', '    state BACKUP', '    virtual_router_id 51', '    interface $IF', '    priority ${PRIO}', '    virtual_ipaddress {', '        192.0.2.10/24', '    }', '}'), [7]);
    });

    it('multi-line definitions', () => {
      agree(conf('$VIPS= \\', '    192.0.2.10/24 \\', '    192.0.2.300/24', ...INSTANCE_HEAD, '    virtual_ipaddress {', '        $VIPS', '    }', '}'), [10]);
    });

    it('~SEQ sequences', () => {
      agree(conf(...INSTANCE_HEAD, '    virtual_ipaddress {', '~SEQ(i, 254, 256) 192.0.2.$i', '    }', '}'), [7]);
    });

    it('~LST list blocks', () => {
      agree(conf(...INSTANCE_HEAD, '    virtual_ipaddress {', '~LST(i, 10, 300) 192.0.2.$i', '    }', '}'), [7]);
    });

    it('predefined parameters: what ${_HASH} expands to starts a comment, as in keepalived', () => {
      agree(conf('global_defs {', '    router_id A${_HASH}B priorityy', '    ${_HASH} routerr_id X', '    routerr_id C', '}'), [4]);
    });

    it('extra } and missing } are both reported', () => {
      const extra = complaints(conf('global_defs {', '    router_id X', '}', '}'));
      assert.deepEqual(extra.keepalived, [4]);
      assert.deepEqual(extra.linter, [4]);
      const missing = oracle.check(conf('global_defs {', '    router_id X'));
      assert.ok(missing.messages.some((m) => /missing '}'/.test(m.text)));
      assert.ok(lintFiles([missing.path], { keepalivedVersion }).some((d) => d.code === 'missing-close-brace' && d.range.start.line === 0));
    });
  });
}
