import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { preprocess } from '../../server/src/syntax/preprocess';
import { parseConfig, type Statement } from '../../server/src/syntax';
import { SCHEMA_BLOCKS } from '../../server/src/schema/blockOpener';
import { conf, textAt } from '../helpers/text';

function shape(statements: Statement[]): unknown[] {
  return statements.map((s) => {
    const words = [s.keyword.text, ...s.args.map((a) => a.text)].join(' ');
    return s.block ? { [words]: shape(s.block.statements) } : words;
  });
}

describe('parser: lexical features', () => {
  it('drops # and ! comments, whole-line and trailing, and keeps them as comments', () => {
    const file = parseConfig(conf('# top', 'global_defs { # open', '  router_id A ! trailing', '! bang line', '}'));
    assert.deepEqual(shape(file.statements), [{ global_defs: ['router_id A'] }]);
    assert.deepEqual(file.comments.map((c) => c.text), ['# top', '# open', '! trailing', '! bang line']);
    assert.equal(file.diagnostics.length, 0);
  });

  it('keeps # inside double quotes and joins quoted and unquoted parts into one word', () => {
    const file = parseConfig(conf('notification_email_from "a#b c"@x.org', 'x "y"z\'w v\''));
    assert.equal(file.statements[0].args[0].text, 'a#b c@x.org');
    assert.deepEqual(file.statements[1].args.map((a) => a.text), ['yzw v']);
    assert.equal(file.comments.length, 0);
  });

  it('resolves escapes as keepalived does', () => {
    const file = parseConfig(conf('k "a\\tb" \\x41 \\101 \\cA \\#x'));
    assert.deepEqual(file.statements[0].args.map((a) => a.text), ['a\tb', 'A', 'A', '\x01', '#x']);
  });

  it('reports an unterminated quote at the word', () => {
    const text = conf('global_defs {', '  router_id "abc', '}');
    const file = parseConfig(text);
    const d = file.diagnostics.find((x) => x.code === 'unterminated-quote');
    assert.ok(d, 'diagnostic expected');
    assert.equal(textAt(text, d.range), '"abc');
  });

  it('accepts the brace on the next line, one-line blocks, and statements sharing a line with braces', () => {
    const file = parseConfig(conf('vrrp_instance VI_1', '', '{ state BACKUP', '  virtual_ipaddress { 192.0.2.1/24 192.0.2.2 }', '} vrrp_script chk {', 'script /bin/true }'));
    assert.deepEqual(shape(file.statements), [
      { 'vrrp_instance VI_1': ['state BACKUP', { virtual_ipaddress: ['192.0.2.1/24 192.0.2.2'] }] },
      { 'vrrp_script chk': ['script /bin/true'] },
    ]);
    assert.equal(file.diagnostics.length, 0);
  });

  it('parses include lines at any level as statements', () => {
    const file = parseConfig(conf('include conf.d/*.conf', 'virtual_server 10.0.0.1 80 {', '  include rs/*.conf', '}'));
    assert.equal(file.statements[0].keyword.text, 'include');
    assert.equal(file.statements[1].block!.statements[0].args[0].text, 'rs/*.conf');
  });
});

describe('parser: preprocessing', () => {
  it('keeps @id lines only for the matching config id, and @^id lines for the others', () => {
    const text = conf('@lb1 router_id ONE', '@lb2 router_id TWO', '@^lb1 router_id NOT_ONE');
    assert.deepEqual(shape(parseConfig(text, { configId: 'lb1' }).statements), ['router_id ONE']);
    assert.deepEqual(shape(parseConfig(text, { configId: 'lb2' }).statements), ['router_id TWO', 'router_id NOT_ONE']);
    assert.equal(parseConfig(text, { configId: 'lb2' }).inactive.length, 1);
  });

  it('reads @id lines a multi-line definition produces as keepalived does, first and last lines included', () => {
    const text = conf('$BLOCK= \\', '@lb1 router_id ONE \\', '@lb2 router_id TWO \\', '@^lb1 script_user NOT_ONE', 'global_defs {', '$BLOCK', '}');
    const inside = (configId?: string) => (shape(parseConfig(text, { configId }).statements)[0] as Record<string, unknown>).global_defs;
    assert.deepEqual(inside('lb1'), ['router_id ONE']);
    assert.deepEqual(inside('lb2'), ['router_id TWO', 'script_user NOT_ONE']);
    assert.deepEqual(inside(), ['script_user NOT_ONE']);
  });

  it('substitutes $NAME and ${NAME}, recursively, and maps words back to the reference', () => {
    const text = conf('$BASE=192.0.2', '$VIP=${BASE}.10', 'virtual_ipaddress {', '  ${VIP}/24 $VIP/32', '}');
    const file = parseConfig(text);
    const item = file.statements[0].block!.statements[0];
    assert.equal(item.keyword.text, '192.0.2.10/24');
    assert.equal(textAt(text, item.keyword.range), '${VIP}/24');
    // keepalived ends a bare $NAME only at a blank, ',', ')' or the end of the line: '/' keeps it literal
    assert.equal(item.args[0].text, '$VIP/32');
    assert.ok(item.keyword.expanded);
    assert.deepEqual(file.definitions.map((d) => d.name), ['BASE', 'VIP']);
    assert.ok(file.parameterUses.some((u) => u.name === 'VIP'));
  });

  it('leaves undefined parameters as they are and stops self-reference', () => {
    const file = parseConfig(conf('$LOOP=$LOOP', '$GROWING=$GROWING x', 'router_id $UNDEFINED', 'router_id $LOOP', 'router_id $GROWING'));
    assert.equal(file.statements[0].args[0].text, '$UNDEFINED');
    // a self-reference that stays as long hangs keepalived; one that grows stops at the line buffer
    assert.deepEqual(file.diagnostics.map((d) => `${d.range.start.line} ${d.severity} ${d.code}`), ['3 error parameter-recursion', '4 warning line-too-long']);
  });

  it('expands multi-line definitions into several statements', () => {
    const text = conf('$CHECK= \\', '  connect_timeout 3 \\', '  retry 2', 'TCP_CHECK {', '  $CHECK', '}');
    const file = parseConfig(text);
    assert.deepEqual(shape(file.statements), [{ TCP_CHECK: ['connect_timeout 3', 'retry 2'] }]);
    for (const s of file.statements[0].block!.statements) assert.equal(textAt(text, s.keyword.range), '$CHECK');
  });

  it('repeats a line for each value of ~SEQ, in decimal or hex', () => {
    const file = parseConfig(conf('~SEQ(i, 1, 2, 5) a$i', '~SEQx(n, 9, 11) b$n', '~SEQ(k, 2) c$k'));
    assert.deepEqual(shape(file.statements), ['a1', 'a3', 'a5', 'b9', 'ba', 'bb', 'c1', 'c2']);
  });

  it('reports an invalid ~SEQ', () => {
    const file = parseConfig(conf('~SEQ(i, 1, -1, 5) a$i'));
    assert.equal(file.statements.length, 0);
    assert.equal(file.diagnostics[0].code, 'invalid-sequence');
  });
});

describe('parser: ranges', () => {
  it('gives every keyword and argument the exact source range', () => {
    const text = conf('vrrp_instance VI_1 {', '    priority   150   # c', '    authentication {', '\tauth_pass "se cret"', '    }', '}');
    const file = parseConfig(text);
    const walk = (list: Statement[]): void => {
      for (const s of list) {
        assert.equal(textAt(text, s.keyword.range), s.keyword.raw);
        for (const a of s.args) assert.equal(textAt(text, a.range), a.raw);
        if (s.block) walk(s.block.statements);
      }
    };
    walk(file.statements);
    const instance = file.statements[0];
    assert.equal(textAt(text, instance.range), text.trimEnd());
    const auth = instance.block!.statements[1].block!.statements[0];
    assert.equal(textAt(text, auth.args[0].range), '"se cret"');
    assert.deepEqual(auth.args[0].range.start, { line: 3, character: 11 });
  });
});

describe('parser: fault tolerance', () => {
  it('reports a missing } at the block it leaves open and still reads the block', () => {
    const text = conf('global_defs {', '  router_id A', '}', 'vrrp_instance VI_1 {', '  state MASTER', '  priority 100');
    const file = parseConfig(text);
    assert.equal(file.diagnostics.length, 1);
    assert.equal(file.diagnostics[0].code, 'missing-close-brace');
    assert.equal(file.diagnostics[0].range.start.line, 3);
    assert.deepEqual(shape(file.statements)[1], { 'vrrp_instance VI_1': ['state MASTER', 'priority 100'] });
  });

  it('reports an extra } and an orphan { once each and keeps the rest', () => {
    const file = parseConfig(conf('global_defs {', '}', '}', '{', 'vrrp_script s {', ' script x', '}'));
    assert.deepEqual(file.diagnostics.map((d) => [d.code, d.range.start.line]), [['extra-close-brace', 2], ['unexpected-open-brace', 3]]);
    assert.equal(file.statements.length, 2);
  });

  it("opens the block of a keyword written without its '{', as keepalived does, up to the next }", () => {
    const text = conf('virtual_server 10.0.0.1 80 {', '  real_server 10.0.0.2 80', '    weight 1', '    TCP_CHECK {', '    }', '  }', '  real_server 10.0.0.3 80 {', '  }', '}', 'vrrp_instance VI_1', '  state MASTER');
    const file = parseConfig(text, { blocks: SCHEMA_BLOCKS });
    assert.deepEqual(shape(file.statements), [
      { 'virtual_server 10.0.0.1 80': [{ 'real_server 10.0.0.2 80': ['weight 1', { TCP_CHECK: [] }] }, { 'real_server 10.0.0.3 80': [] }] },
      { 'vrrp_instance VI_1': ['state MASTER'] },
    ]);
    const implicit = file.statements[0].block!.statements[0].block!;
    assert.equal(implicit.implicitOpen, true);
    assert.deepEqual(implicit.open, { start: { line: 1, character: 25 }, end: { line: 1, character: 25 } });
    assert.equal(file.statements[0].block!.implicitOpen, false);
    // keepalived counts braces in the text: the last '}' is one too many, and the open instance misses none
    assert.deepEqual(file.diagnostics.map((d) => [d.code, d.range.start.line]), [['extra-close-brace', 8]]);
    // without the schema (formatting), the braces are read as the text has them
    assert.deepEqual(shape(parseConfig(text).statements)[0], { 'virtual_server 10.0.0.1 80': ['real_server 10.0.0.2 80', 'weight 1', { TCP_CHECK: [] }] });
  });

  it('survives absurd nesting without exhausting the stack', () => {
    const deep = 'a {\n'.repeat(5000) + '}\n'.repeat(5000);
    const file = parseConfig(deep);
    assert.ok(file.diagnostics.some((d) => d.code === 'nesting-too-deep'));
  });
});

describe('parser: list blocks and predefined parameters', () => {
  it('repeats a line for each value of ~LST, with one or several variables, nested with ~SEQ', () => {
    const file = parseConfig(conf('~LST(v, a, b) x$v', '~LST({IP, IP1}, {10,1},{20,4}) 192.168.${IP}.${IP1}', '~LST(A, 1, 2) ~SEQ(B, 3, 4) n${A}${B}'));
    assert.deepEqual(shape(file.statements), ['xa', 'xb', '192.168.10.1', '192.168.20.4', 'n13', 'n14', 'n23', 'n24']);
  });

  it('reports an invalid ~LST', () => {
    const file = parseConfig(conf('~LST({A, B}, {1}) x'));
    assert.equal(file.diagnostics[0].code, 'invalid-sequence');
  });

  it('knows ${_HASH}, ${_BANG}, ${_PWD}, ${_INSTANCE} and ${_RANDOM MIN MAX}', () => {
    const file = parseConfig(conf('script "/bin/echo ${_HASH}${_BANG}" ${_PWD} ${_INSTANCE} ${_RANDOM 5 9}'), { directory: '/etc/keepalived', configId: 'lb1' });
    assert.deepEqual(file.statements[0].args.map((a) => a.text), ['/bin/echo #!', '/etc/keepalived', 'lb1', '5']);
  });

  it('stops expanding a line where it would outgrow keepalived\'s line buffer, as keepalived does', () => {
    const value = 'é'.repeat(300);
    const text = conf(`$V=${value}`, 'router_id ${V}${V} # the comment is gone before keepalived expands', `router_id ${value.slice(1)}\${V}`);
    // 10 + 600 + 600 bytes is too many; 10 + 598 + 1 + 600 (after the first expansion, 1209) too
    const lines = preprocess(text).text.split('\n');
    assert.equal(lines[1], `router_id ${value}\${V} # the comment is gone before keepalived expands`);
    assert.equal(lines[2], `router_id ${value.slice(1)}\${V}`);
    assert.equal(preprocess(conf(`$V=${'é'.repeat(250)}`, 'router_id ${V}${V}')).text.split('\n')[1], `router_id ${'é'.repeat(500)}`);
    const file = parseConfig(text);
    assert.deepEqual(file.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.code}`), ['1:14 warning line-too-long', '2:309 warning line-too-long']);
  });

  it('reads ${_RANDOM ...} and ${_ENV NAME} as keepalived 2.4 does, and records each call', () => {
    process.env.KA_PARSER_TEST = 'from-env';
    try {
      const line = 'x ${_ENV KA_PARSER_TEST} ${_ENV KA_PARSER_UNSET}- ${_RANDOM\t3} ${_RANDOM 1 x} ${_RANDOM 5 } ${_RANDOM } ${_PWD 1}';
      // a refused call and a parameter given to a parameter that takes none stay as written; a blank
      // before '}' with no parameter leaves the '}' behind (keepalived replaces one character after the name)
      assert.equal(preprocess(line, { directory: '/d' }).text, 'x from-env - 3 ${_RANDOM 1 x} ${_RANDOM 5 } 0} ${_PWD 1}');
      const file = parseConfig(conf(line));
      assert.deepEqual(
        file.parameterCalls.map((c) => [c.text, c.params, c.refused]),
        [['${_ENV KA_PARSER_TEST}', ['KA_PARSER_TEST'], undefined], ['${_ENV KA_PARSER_UNSET}', ['KA_PARSER_UNSET'], undefined], ['${_RANDOM\t3}', ['3'], undefined], ['${_RANDOM 1 x}', ['1', 'x'], 'not-numeric']],
      );
      assert.deepEqual(file.parameterCalls.map((c) => c.unset), [undefined, true, undefined, undefined]);
      const call = file.parameterCalls[3];
      assert.equal(file.text.slice(call.start, call.end), '${_RANDOM 1 x}');
    } finally {
      delete process.env.KA_PARSER_TEST;
    }
  });
});
