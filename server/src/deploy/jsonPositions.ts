/**
 * A small JSON reader that keeps the position of every value, so the cluster file's
 * problems can be reported at the line they are on (JSON.parse only gives a message).
 */

export interface Position {
  /** 0-based */
  line: number;
  /** 0-based, in UTF-16 code units like LSP */
  character: number;
}

export interface Span {
  start: Position;
  end: Position;
}

export type JsonNode =
  | { kind: 'object'; span: Span; members: { key: string; keySpan: Span; value: JsonNode }[] }
  | { kind: 'array'; span: Span; items: JsonNode[] }
  | { kind: 'string'; span: Span; value: string }
  | { kind: 'number'; span: Span; value: number }
  | { kind: 'boolean'; span: Span; value: boolean }
  | { kind: 'null'; span: Span };

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

export function parseJsonWithPositions(text: string): JsonNode {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const pos = (offset: number): Position => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - lineStarts[lo] };
  };
  const span = (from: number, to: number): Span => ({ start: pos(from), end: pos(to) });
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new JsonSyntaxError(message, span(at, Math.min(at + 1, text.length)));
  };
  const skipSpace = () => {
    while (i < text.length && /[ \t\r\n\uFEFF]/.test(text[i])) i++;
  };

  const readString = (): { value: string; span: Span } => {
    const start = i;
    i++; // opening quote
    let value = '';
    while (true) {
      if (i >= text.length) fail('unterminated string', start);
      const c = text[i];
      if (c === '"') break;
      if (c === '\n') fail('line break inside a string', i);
      if (c === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in simple) {
          value += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail('invalid escape in string', i);
        continue;
      }
      value += c;
      i++;
    }
    i++;
    return { value, span: span(start, i) };
  };

  const readValue = (): JsonNode => {
    skipSpace();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const members: { key: string; keySpan: Span; value: JsonNode }[] = [];
      skipSpace();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', span: span(start, i), members };
      }
      while (true) {
        skipSpace();
        if (text[i] !== '"') fail('expected a property name in double quotes');
        const key = readString();
        skipSpace();
        if (text[i] !== ':') fail("expected ':' after the property name");
        i++;
        const value = readValue();
        members.push({ key: key.value, keySpan: key.span, value });
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { kind: 'object', span: span(start, i), members };
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      skipSpace();
      if (text[i] === ']') {
        i++;
        return { kind: 'array', span: span(start, i), items };
      }
      while (true) {
        items.push(readValue());
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { kind: 'array', span: span(start, i), items };
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') {
      const s = readString();
      return { kind: 'string', span: s.span, value: s.value };
    }
    const num = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (num) {
      i += num[0].length;
      return { kind: 'number', span: span(start, i), value: Number(num[0]) };
    }
    for (const [word, node] of [
      ['true', { kind: 'boolean', value: true }],
      ['false', { kind: 'boolean', value: false }],
      ['null', { kind: 'null' }],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { ...node, span: span(start, i) } as JsonNode;
      }
    }
    return fail(i >= text.length ? 'unexpected end of file' : `unexpected character '${c}'`);
  };

  const root = readValue();
  skipSpace();
  if (i < text.length) fail('unexpected text after the end of the document');
  return root;
}
