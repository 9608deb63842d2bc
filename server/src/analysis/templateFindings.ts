import type { ConfigFile, Diagnostic } from '../syntax';
import { isTemplateValue } from '../syntax/template';

/**
 * In a Jinja template a finding about text the variables fill in (an address, a port, a password's
 * length) is a guess about a value nobody knows yet: it is dropped. Findings about the literal text stay.
 */
export function keepsTemplateFinding(file: ConfigFile, d: Diagnostic): boolean {
  const start = file.lines.offsetAt(d.range.start);
  const end = file.lines.offsetAt(d.range.end);
  return !isTemplateValue(file.text.slice(start, end));
}
