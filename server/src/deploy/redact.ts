/**
 * Masks secrets before text reaches a log, an output channel or a diff.
 * Two kinds: keepalived's own secrets (auth_pass and friends, recognised by keyword),
 * and values the user typed at a prompt this session (registered explicitly).
 */

export const MASK = '********';

/** keepalived keywords whose argument is a secret */
const SECRET_KEYWORDS = ['auth_pass'];

// At the start of a line (after a diff marker) or just after '{', so prose like "auth_pass of" in a message is left alone.
const keywordPattern = new RegExp(
  `(^[+\\- ]?[ \\t]*|\\{[ \\t]*)((?:${SECRET_KEYWORDS.join('|')}))([ \\t]+)("[^"\\n]*"|[^\\s#!}]+)`,
  'gm',
);

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Remembers a value typed at a prompt so every later log line hides it. */
  addSecret(value: string | undefined): void {
    if (value && value.length >= 3) this.secrets.add(value);
  }

  redact(text: string): string {
    let out = redactConfigSecrets(text);
    // Longest first so a secret containing another is not left half-masked.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(secret).join(MASK);
    }
    return out;
  }
}

/** Masks the argument of auth_pass (and similar) wherever it appears in config text or a diff. */
export function redactConfigSecrets(text: string): string {
  return text.replace(keywordPattern, (_m, lead: string, kw: string, gap: string) => `${lead}${kw}${gap}${MASK}`);
}

/** The text with the given source ranges replaced by MASK (what the parsed config says feeds a secret). */
export function maskRanges(text: string, ranges: readonly { start: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    if (r.start < at) continue;
    out += text.slice(at, r.start) + text.slice(r.start, r.end).split('\n').map((part) => (part.trim() ? MASK : part)).join('\n');
    at = r.end;
  }
  return out + text.slice(at);
}
