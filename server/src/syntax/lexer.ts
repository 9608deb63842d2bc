import { createToken, Lexer } from 'chevrotain';

export const Newline = createToken({ name: 'Newline', pattern: /\n/, line_breaks: true });
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\f\v]+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: /[#!][^\n]*/, group: 'comments' });
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/ });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}/ });
/**
 * A word: unquoted characters, backslash escapes, and quoted parts, all joined (`a"b c"d` is one word).
 * Braces and comments end a word unless double-quoted, as in keepalived; an unclosed quote runs to the end
 * of the line and is reported by the parser.
 */
export const Word = createToken({
  name: 'Word',
  pattern: /(?:[^\s{}#!"'\\]|\\[^\n]?|"(?:[^"\\\n]|\\[^\n]?)*"?|'(?:[^'\\\n{}#!]|\\[^\n]?)*'?)+/,
  line_breaks: false,
});

export const allTokens = [Newline, WhiteSpace, Comment, LBrace, RBrace, Word];

export const keepalivedLexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
});
