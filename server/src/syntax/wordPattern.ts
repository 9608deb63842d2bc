/**
 * A word: unquoted characters, backslash escapes, and quoted parts, all joined (`a"b c"d` is one word).
 * Braces and comments end a word unless double-quoted, as in keepalived; an unclosed quote runs to the end
 * of the line and is reported by the parser.
 * Shared by the Chevrotain lexer (./lexer.ts, used by the formatter) and the parser's scanner (./scanner.ts).
 */
export const WORD_PATTERN = /(?:[^\s{}#!"'\\]|\\[^\n]?|"(?:[^"\\\n]|\\[^\n]?)*"?|'(?:[^'\\\n{}#!]|\\[^\n]?)*'?)+/;
