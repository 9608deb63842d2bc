import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseConfig, reparseConfig, type Block, type ConfigFile, type Statement, type Word } from '../../server/src/syntax';
import { SCHEMA_BLOCKS } from '../../server/src/schema/blockOpener';
import { CORPUS, EXAMPLES } from '../helpers/paths';

/** Everything a consumer can read off the AST, as plain data. */
function snapshot(file: ConfigFile) {
  const word = (w: Word) => [w.text, w.raw, w.start, w.end, w.quoted, w.expanded, w.range];
  const block = (b: Block) => ({ open: b.open, openOffset: b.openOffset, implicitOpen: b.implicitOpen, close: b.close, closeOffset: b.closeOffset, statements: b.statements.map(statement) });
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

const OPEN_BLOCK = 'virtual_server 10.9.9.9 80 {\n';
const piece = fc.constantFrom('{', '}', '\n', '\r\n', '\t', ' ', '#', '!', '"', "'", '\\', 'x', 'weight 2', 'real_server 10.0.0.1 80 {\n', '}\n', 'vrrp_instance V {\n', '$A', '@x ', '\u00a0', OPEN_BLOCK, 'real_server 10.0.0.2 80\n', 'authentication\n');
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 40 }), insert: fc.array(piece, { maxLength: 4 }), atLineStart: fc.boolean() });
/** typing while a block is left open: mostly words and line breaks, a brace now and then */
const typing = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 3 }),
  insert: fc.array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(' ', 'x', '\n', 'weight 2', 'real_server 10.0.0.1 80 {\n', '}\n', '# c\n', OPEN_BLOCK) }, { weight: 1, arbitrary: piece }), { maxLength: 3 }),
  atLineStart: fc.boolean(),
});

function apply(text: string, e: { at: number; remove: number; insert: string[]; atLineStart: boolean }): string {
  let at = Math.floor(e.at * text.length);
  // blocks are usually opened on a line of their own
  if (e.atLineStart) at = text.lastIndexOf('\n', at - 1) + 1;
  return text.slice(0, at) + e.insert.join('') + text.slice(at + e.remove);
}

/** `text` with a block opened, and not closed, before a line in its middle */
function openBlockIn(text: string, at: number): string {
  const line = text.lastIndexOf('\n', Math.floor(at * text.length) - 1) + 1;
  return text.slice(0, line) + OPEN_BLOCK + text.slice(line);
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

  it('reads as keepalived does (its schema deciding which braces open blocks) and gives what a whole parse gives, over random edits', () => {
    const options = { blocks: SCHEMA_BLOCKS };
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(fc.oneof(edit, typing), { minLength: 1, maxLength: 6 }), (sample, edits) => {
        let text = samples[sample];
        let file = parseConfig(text, options);
        for (const e of edits) {
          text = apply(text, e);
          file = reparseConfig(file, text, options);
          assert.deepEqual(snapshot(file), snapshot(parseConfig(text, options)));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gives exactly what a whole parse gives while blocks are left open, and stays incremental then', () => {
    let steps = 0;
    let openSteps = 0;
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.array(typing, { minLength: 1, maxLength: 8 }), (sample, where, edits) => {
        let text = samples[sample];
        let file = parseConfig(text);
        text = openBlockIn(text, where);
        file = reparseConfig(file, text);
        assert.deepEqual(snapshot(file), snapshot(parseConfig(text)));
        for (const e of edits) {
          text = apply(text, e);
          file = reparseConfig(file, text);
          assert.deepEqual(snapshot(file), snapshot(parseConfig(text)));
          steps++;
          if (file.reparse && file.reparse.open.size > 0) openSteps++;
        }
      }),
      { numRuns: 1000 },
    );
    // most of these edits leave a block open, and a whole parse would leave nothing to re-parse from
    assert.ok(openSteps > steps / 3, `${openSteps} of ${steps} edits kept an open block incremental`);
  });

  it('gives a file opened with blocks left open units at its first edit: the whole parse\'s tree, and the next edits stay incremental', () => {
    let cut = 0;
    let steps = 0;
    let incremental = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: samples.length - 1 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }),
        fc.array(typing, { minLength: 1, maxLength: 6 }),
        (sample, wheres, edits) => {
          let text = samples[sample];
          for (const where of wheres) text = openBlockIn(text, where);
          let file = parseConfig(text);
          assert.equal(file.reparse, undefined, 'a whole parse, as the linter reads it');
          for (const [i, e] of edits.entries()) {
            const before = file;
            text = apply(text, e);
            file = reparseConfig(file, text);
            assert.deepEqual(snapshot(file), snapshot(parseConfig(text)));
            if (i === 0 && file.reparse) cut++;
            if (i === 0) continue;
            steps++;
            // incremental: units of the file before the edit are still there
            if (before.reparse && file.reparse?.units.some((u) => before.reparse!.units.includes(u))) incremental++;
          }
        },
      ),
      { numRuns: 1000 },
    );
    // the others' first edit closed more blocks than were open, or used the preprocessor (whole parses)
    assert.ok(cut > 650, `${cut} of 1000 files opened with blocks left open got units at their first edit`);
    assert.ok(incremental > steps / 2, `${incremental} of ${steps} later edits re-parsed a region only`);
  });

  it('re-parses a later edit to a file opened with a block left open by region: the other units are the same objects', () => {
    const text = samples[samples.length - 1];
    const middle = text.indexOf('\nvirtual_server', text.length >> 1) + 1;
    let edited = text.slice(0, middle) + OPEN_BLOCK + text.slice(middle);
    const file = reparseConfig(parseConfig(edited), (edited += '\n'));
    assert.ok(file.reparse && file.reparse.open.size === 1, 'cut into units at the first edit');
    const lastLine = edited.lastIndexOf('weight');
    const next = reparseConfig(file, (edited = edited.slice(0, lastLine) + 'weight 7 ' + edited.slice(lastLine + 'weight'.length)));
    assert.deepEqual(snapshot(next), snapshot(parseConfig(edited)));
    const kept = next.reparse!.units.filter((u) => file.reparse!.units.includes(u)).length;
    // new: the edited unit, and the open unit (its owner is renewed whenever what it holds changes)
    assert.equal(kept, file.reparse.units.length - 2);
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

  it('re-parses edits while a block is left open: the statements after it are the same objects, nested into it', () => {
    const text = samples[samples.length - 1];
    const original = parseConfig(text);
    const middle = Math.floor(original.statements.length / 2);
    const after = original.statements.slice(middle + 1);
    const at = text.lastIndexOf('\n', original.statements[middle].start - 1) + 1;
    let edited = text.slice(0, at) + OPEN_BLOCK + text.slice(at);
    let file = reparseConfig(original, edited);
    const check = () => {
      assert.deepEqual(snapshot(file), snapshot(parseConfig(edited)));
      const opened = file.statements[middle];
      assert.equal(opened.keyword.text, 'virtual_server');
      assert.equal(opened.block!.closeOffset, undefined);
      const nested = opened.block!.statements.slice(-after.length);
      assert.ok(nested.every((s, i) => s === after[i] && s.parent === opened), 'the statements after the open block are the ones parsed before');
    };
    check();
    assert.ok(file.diagnostics.some((d) => d.code === 'missing-close-brace'));
    const next = at + OPEN_BLOCK.length;
    for (let i = 0; i < 4; i++) {
      edited = i % 2 === 0 ? edited.slice(0, next) + ' ' + edited.slice(next) : edited.slice(0, next) + edited.slice(next + 1);
      file = reparseConfig(file, edited);
      check();
    }
    // closing it again: the same statements, back at top level
    const closed = edited.slice(0, next) + '}\n' + edited.slice(next);
    file = reparseConfig(file, closed);
    assert.deepEqual(snapshot(file), snapshot(parseConfig(closed)));
    const top = new Set(file.statements);
    assert.ok(after.every((s) => top.has(s) && s.parent === undefined));
  });

  it('stays incremental while a new block is typed line by line, through the braces that close it', () => {
    const text = samples[samples.length - 1];
    let file = parseConfig(text);
    const firstStatement = file.statements[0];
    let edited = text;
    const typed = [OPEN_BLOCK, '  real_server 10.0.0.9 80 {\n', '    weight 1\n', '  }\n', '  delay_loop 5\n', '}\n'];
    for (const [i, line] of typed.entries()) {
      edited += line;
      file = reparseConfig(file, edited);
      assert.deepEqual(snapshot(file), snapshot(parseConfig(edited)));
      assert.equal(file.statements[0], firstStatement, `still incremental after typing line ${i + 1}`);
      assert.equal((file.reparse?.open.size ?? -1) > 0, i < typed.length - 1);
    }
  });

  it('parses the whole file again when blocks left open would nest the statements after them too deeply', () => {
    const depth = 62;
    const text = `global_defs {\n router_id x\n}\n${'a {\n'.repeat(depth)}${'}\n'.repeat(depth)}vrrp_script s {\n script x\n}\n`;
    for (const opens of [1, 2, 3, 4]) {
      const edited = text.replace('global_defs {', `${OPEN_BLOCK.repeat(opens)}global_defs {`);
      const file = reparseConfig(parseConfig(text), edited);
      assert.deepEqual(snapshot(file), snapshot(parseConfig(edited)));
    }
    assert.ok(parseConfig(text.replace('global_defs {', `${OPEN_BLOCK.repeat(3)}global_defs {`)).diagnostics.some((d) => d.code === 'nesting-too-deep'));
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
