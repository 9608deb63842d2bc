// `# keepalived-lint disable-next-line CODE[,CODE]` and `# keepalived-lint disable CODE[,CODE]` (to the end of
// the file), in `#` or `!` comments, both of which keepalived skips. Applied to one file's findings after every
// check has run, so the editor and the CLI hide the same ones; a directive that hides nothing is reported,
// so stale ones do not pile up.
import { isRuleCode, type RuleCode } from '../rules/codes';
import type { Comment, ConfigFile, Diagnostic } from '../syntax';

export const DIRECTIVE_PREFIX = 'keepalived-lint';

interface Directive {
  comment: Comment;
  kind: 'disable-next-line' | 'disable';
  codes: string[];
  /** the first and last line (0-based) it covers */
  from: number;
  to: number;
}

const PATTERN = /^[#!]\s*keepalived-lint\s+(disable-next-line|disable)\b(.*)$/;

export function parseDirective(comment: Comment): Directive | undefined {
  const match = PATTERN.exec(comment.text.trim());
  if (!match) return undefined;
  const kind = match[1] as Directive['kind'];
  // anything after a second comment character, or after "--", is a reason for people, not a code
  const list = match[2].split(/--|[#!]/)[0];
  const codes = list.split(/[\s,]+/).filter(Boolean);
  const line = comment.range.start.line;
  return kind === 'disable' ? { comment, kind, codes, from: line, to: Number.MAX_SAFE_INTEGER } : { comment, kind, codes, from: line + 1, to: line + 1 };
}

/** The findings the file's directives leave, plus one 'unused-suppression' per directive code that hid nothing. */
export function applySuppressions(file: ConfigFile, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const directives = file.comments.map(parseDirective).filter((d): d is Directive => d !== undefined);
  if (directives.length === 0) return [...diagnostics];
  const used = new Set<string>();
  const kept = diagnostics.filter((d) => {
    const line = d.range.start.line;
    const hiding = directives.find((x) => line >= x.from && line <= x.to && x.codes.includes(d.code));
    if (hiding) used.add(`${hiding.comment.start}|${d.code}`);
    return !hiding;
  });
  for (const directive of directives) kept.push(...unusedIn(directive, used));
  return kept;
}

function unusedIn(directive: Directive, used: ReadonlySet<string>): Diagnostic[] {
  const at = directive.comment.range;
  if (directive.codes.length === 0) {
    return [{ range: at, severity: 'warning', code: 'unused-suppression', message: `'${DIRECTIVE_PREFIX} ${directive.kind}' names no code, so it hides nothing` }];
  }
  const out: Diagnostic[] = [];
  for (const code of directive.codes) {
    if (used.has(`${directive.comment.start}|${code}`)) continue;
    const message = isRuleCode(code)
      ? `Nothing to suppress: no '${code}' finding ${directive.kind === 'disable' ? 'from here to the end of the file' : 'on the next line'}`
      : `'${code}' is not a keepalived-lint code (see keepalived-lint --list-rules)`;
    out.push({ range: at, severity: 'warning', code: 'unused-suppression', message });
  }
  return out;
}

/** The line to insert above `line` that hides `code` there, indented like that line. */
export function suppressionLine(lineText: string, code: RuleCode): string {
  const indent = /^[ \t]*/.exec(lineText)![0];
  return `${indent}# ${DIRECTIVE_PREFIX} disable-next-line ${code}\n`;
}
