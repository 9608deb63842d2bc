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
