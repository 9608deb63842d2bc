import { createToken, Lexer } from 'chevrotain';
import { WORD_PATTERN } from './wordPattern';

export const Newline = createToken({ name: 'Newline', pattern: /\n/, line_breaks: true });
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\f\v]+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: /[#!][^\n]*/, group: 'comments' });
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/ });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}/ });
export const Word = createToken({ name: 'Word', pattern: WORD_PATTERN, line_breaks: false });

export const allTokens = [Newline, WhiteSpace, Comment, LBrace, RBrace, Word];

export const keepalivedLexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
});
