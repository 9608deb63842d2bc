// `include_check [TYPE|+TYPE|-TYPE]...` in global_defs, read as lib/parser.c's include_check_set reads it: the
// first word may set the types, later ones only add (+) or remove (-) one; keepalived skips any other word.
import type { Statement } from '../../syntax';
import type { FileDiagnostic } from '../unit';

const TYPES = new Set(['read', 'match', 'wildcard_match', 'brace_match']);

export function includeCheckFindings(s: Statement): Omit<FileDiagnostic, 'file'>[] {
  const out: Omit<FileDiagnostic, 'file'>[] = [];
  s.args.forEach((word, i) => {
    const signed = word.text.startsWith('+') || word.text.startsWith('-');
    if (!signed && i > 0) {
      out.push({ range: word.range, severity: 'warning', code: 'invalid-argument', message: `'${word.text}' sets the include_check types again after '${s.args[0].text}': keepalived ignores it (write +${word.text} to add it, or -${word.text} to remove it)` });
      return;
    }
    const type = signed ? word.text.slice(1) : word.text;
    if (!TYPES.has(type)) out.push({ range: word.range, severity: 'error', code: 'invalid-value', message: `'${type}' is no include_check type (read, match, wildcard_match, brace_match): keepalived ignores it` });
  });
  return out;
}

const FLAG_OF: Record<string, string> = { read: 'R', match: 'M', wildcard_match: 'W', brace_match: 'B' };

/**
 * The include checks in force after an `include_check` line, from those before it (letters R, M, W, B as in
 * semantic/includes.ts). Alone it turns on all four; a first plain type sets read and that type (an unknown
 * one leaves none); signed types add or remove one.
 */
export function applyIncludeCheck(before: string, s: Statement): string {
  if (s.args.length === 0) return 'RMWB';
  let flags = new Set(before);
  s.args.forEach((word, i) => {
    const sign = word.text[0] === '+' || word.text[0] === '-' ? word.text[0] : '';
    if (!sign && i > 0) return;
    if (!sign) flags = new Set();
    const flag = FLAG_OF[word.text.slice(sign.length)];
    if (!flag) return;
    if (!sign) flags = new Set(['R', flag]);
    else if (sign === '+') flags.add(flag);
    else flags.delete(flag);
  });
  return [...flags].sort().join('');
}
