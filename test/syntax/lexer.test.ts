import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LexemeKind, scan, type LexemeKind as Kind } from '../../server/src/syntax/lexer';
import { CORPUS, EXAMPLES } from '../helpers/paths';

/**
 * The lexemes written as regular expressions, tried in this order at each offset (first match wins);
 * characters no expression matches form one Invalid lexeme per run. The hand-written scanner must
 * produce exactly what this definition does.
 */
const DEFINITION: [Kind | undefined, RegExp][] = [
  [LexemeKind.Newline, /\n/y],
  [undefined, /[ \t\r\f\v]+/y],
  [LexemeKind.Word, includePattern()],
  [LexemeKind.Comment, /[#!][^\n]*/y],
  [LexemeKind.LBrace, /\{/y],
  [LexemeKind.RBrace, /\}/y],
  [LexemeKind.Word, word()],
];

/**
 * What follows `include` (or includer, ...) and a space or tab at a line's start: the rest of the line up to a
 * comment, without the blanks that end it, braces and all.
 */
function includePattern(): RegExp {
  const blank = String.raw`[ \t\r\f\v]`;
  const escape = String.raw`\\(?:[^\n]|(?=\n|$))`;
  const quoted = String.raw`"(?:[^"\\\n \t\r\f\v]|${escape}|${blank}+(?=[^ \t\r\f\v\n]))*"?`;
  const piece = String.raw`(?:[^ \t\r\f\v\n#!"\\]|${escape}|${quoted})`;
  return new RegExp(String.raw`(?<=(?:^|\n)${blank}*include[rmwba]?[ \t]${blank}*)${piece}(?:${blank}*${piece})*`, 'y');
}

/** A word; a quote or an escape takes a CR unless only CRs follow it to the end of the line. */
function word(): RegExp {
  const cr = String.raw`\r(?!\r*(?:\n|$))`;
  const escape = String.raw`\\(?:[^\n\r]|${cr})?`;
  const double = String.raw`"(?:[^"\\\n\r]|${cr}|${escape})*"?`;
  const single = String.raw`'(?:[^'\\\n\r{}#!]|${cr}|${escape})*'?`;
  return new RegExp(String.raw`(?:[^\s{}#!"'\\]|${escape}|${double}|${single})+`, 'y');
}

type Found = [Kind, number, number];

function matchAt(text: string, offset: number): { kind: Kind | undefined; end: number } | undefined {
  for (const [kind, pattern] of DEFINITION) {
    pattern.lastIndex = offset;
    if (pattern.test(text)) return { kind, end: pattern.lastIndex };
  }
  return undefined;
}

function byDefinition(text: string): Found[] {
  const out: Found[] = [];
  let i = 0;
  while (i < text.length) {
    const match = matchAt(text, i);
    if (match) {
      if (match.kind !== undefined) out.push([match.kind, i, match.end]);
      i = match.end;
      continue;
    }
    const start = i;
    while (i < text.length && !matchAt(text, i)) i++;
    out.push([LexemeKind.Invalid, start, i]);
  }
  return out;
}

function byScanner(text: string): Found[] {
  const out: Found[] = [];
  scan(text, (kind, start, end) => out.push([kind, start, end]));
  return out;
}

const piece = fc.constantFrom(
  '{', '}', '\n', '\r', ' ', '\t', '\f', '\v', '#', '!', '"', "'", '\\', '\\\n', 'x', '1', '$', 'é', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u{1F600}', 'a b', '"q w"', "'s'",
  'include ', 'includer\t', 'include', '{a,b}',
);

describe('scanner', () => {
  it('agrees with the regular-expression definition on random input', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 120 }), (parts) => {
      const text = parts.join('');
      assert.deepEqual(byScanner(text), byDefinition(text));
    }), { numRuns: 5000 });
  });

  it('agrees with the definition on arbitrary unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      assert.deepEqual(byScanner(text), byDefinition(text));
    }), { numRuns: 2000 });
  });

  it('agrees with the definition on every corpus sample and example', () => {
    const files = [
      ...readdirSync(CORPUS).filter((f) => f.startsWith('keepalived.conf')).map((f) => join(CORPUS, f)),
      ...readdirSync(EXAMPLES).filter((f) => f.endsWith('.conf')).map((f) => join(EXAMPLES, f)),
    ];
    assert.ok(files.length > 20);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assert.deepEqual(byScanner(text), byDefinition(text), file);
    }
  });

  it('keeps quoted braces and comment characters inside a word, and ends single quotes at them', () => {
    const words = (text: string) => byScanner(text).filter(([k]) => k === LexemeKind.Word).map(([, s, e]) => text.slice(s, e));
    assert.deepEqual(words('a"{b} #c"d e'), ['a"{b} #c"d', 'e']);
    assert.deepEqual(words("a'{b'"), ["a'", "b'"]);
    assert.deepEqual(words('x\\ y "open to end\nnext'), ['x\\ y', '"open to end', 'next']);
  });

  it('reads a CR LF file as its LF twin: CRs ending a line belong to no quote or escape (found by the formatter property test)', () => {
    const words = (text: string) => byScanner(text).filter(([k]) => k === LexemeKind.Word).map(([, s, e]) => text.slice(s, e));
    assert.deepEqual(words(`'open \r\n"dq \r\r\nend\\\r\nx\\\r`), ["'open ", '"dq ', 'end\\', 'x\\']);
    assert.deepEqual(words('"a\rb" \'c\rd\' e\\\rf'), ['"a\rb"', "'c\rd'", 'e\\\rf']);
  });
});
