import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseConfig, reparseConfig, type Block, type ConfigFile, type Statement, type Word } from '../../server/src/syntax';
import { CORPUS, EXAMPLES } from '../helpers/paths';

/** Everything a consumer can read off the AST, as plain data. */
function snapshot(file: ConfigFile) {
  const word = (w: Word) => [w.text, w.raw, w.start, w.end, w.quoted, w.expanded, w.range];
  const block = (b: Block) => ({ open: b.open, openOffset: b.openOffset, close: b.close, closeOffset: b.closeOffset, statements: b.statements.map(statement) });
  const statement = (s: Statement): unknown => ({
    keyword: word(s.keyword),
    args: s.args.map(word),
    start: s.start,
    end: s.end,
    range: s.range,
    parent: s.parent?.keyword.start,
    block: s.block && block(s.block),
  });
  return {
    lines: file.lines.lineCount,
    statements: file.statements.map(statement),
    comments: file.comments.map((c) => [c.text, c.start, c.end, c.range]),
    diagnostics: file.diagnostics,
    definitions: file.definitions.length,
    inactive: file.inactive,
  };
}

const samples = [
  ...readdirSync(CORPUS).filter((f) => f.startsWith('keepalived.conf')).map((f) => join(CORPUS, f)),
  ...readdirSync(EXAMPLES).filter((f) => f.endsWith('.conf')).map((f) => join(EXAMPLES, f)),
].map((f) => readFileSync(f, 'utf8'));
// a large file too, so edits land far from both ends (the change is found a chunk at a time)
samples.push(readFileSync(join(EXAMPLES, 'master.conf'), 'utf8').repeat(30));

const piece = fc.constantFrom('{', '}', '\n', '\r\n', '\t', ' ', '#', '!', '"', "'", '\\', 'x', 'weight 2', 'real_server 10.0.0.1 80 {\n', '}\n', 'vrrp_instance V {\n', '$A', '@x ', '\u00a0');
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 40 }), insert: fc.array(piece, { maxLength: 4 }) });

function apply(text: string, e: { at: number; remove: number; insert: string[] }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert.join('') + text.slice(at + e.remove);
}

describe('incremental re-parse', () => {
  it('gives exactly what a whole parse gives, over chains of random edits to real configs', () => {
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (sample, edits) => {
        let text = samples[sample];
        let file = parseConfig(text);
        for (const e of edits) {
          text = apply(text, e);
          file = reparseConfig(file, text);
          assert.deepEqual(snapshot(file), snapshot(parseConfig(text)));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('re-parses only the edited top-level statement: the others are the same objects, moved', () => {
    const text = samples.find((s) => s.includes('virtual_server') && s.includes('vrrp_instance'))!;
    const file = parseConfig(text);
    assert.ok(file.reparse, 'a plain sample qualifies');
    const edited = reparseConfig(file, text.replace(/(vrrp_instance \S+ \{)/, '$1\n\n'));
    const changed = edited.statements.filter((s) => !file.statements.includes(s));
    assert.equal(changed.length, 1);
    assert.equal(changed[0].keyword.text, 'vrrp_instance');
    const last = edited.statements[edited.statements.length - 1];
    assert.equal(last.range.start.line, parseConfig(text).statements.at(-1)!.range.start.line + 2);
  });

  it('parses the whole file again when the preprocessor is involved or braces stop balancing', () => {
    const text = 'vrrp_script a {\n script "/bin/true"\n}\nglobal_defs {\n router_id x\n}\n';
    const file = parseConfig(text);
    const defined = text.replace('global_defs {', '$X=y\nglobal_defs {');
    const withDefinition = reparseConfig(file, defined);
    assert.notEqual(withDefinition.statements[0], file.statements[0]);
    assert.deepEqual(snapshot(withDefinition), snapshot(parseConfig(defined)));
    assert.equal(withDefinition.reparse, undefined);
    const unbalanced = parseConfig(text);
    const opened = reparseConfig(unbalanced, text.replace('vrrp_script a {', 'vrrp_script a { {'));
    assert.deepEqual(snapshot(opened), snapshot(parseConfig(text.replace('vrrp_script a {', 'vrrp_script a { {'))));
    assert.equal(opened.reparse, undefined);
  });
});
