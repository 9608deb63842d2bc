/**
 * Jinja templates of keepalived configs (`keepalived.conf.j2`, as Ansible roles ship them) read as the
 * config they render to, as far as that is known without the variables:
 * - `{{ expression }}` becomes an opaque value of the same length (TEMPLATE_MARK characters), which every
 *   value check accepts;
 * - `{% ... %}` tags and `{# ... #}` comments become blanks;
 * - of an `{% if %}` chain only the first branch is kept (the others are blanked), so `state MASTER` /
 *   `{% else %}` / `state BACKUP` is not one instance with two states.
 * Offsets and line breaks stay where they were: diagnostics land on the template's own text.
 */

/** The character an expression is replaced by; no keepalived keyword or value contains it. */
export const TEMPLATE_MARK = '\u22ef';

export function isTemplatePath(path: string): boolean {
  return /\.j2$|\.jinja2?$/.test(path);
}

export function isTemplateValue(text: string): boolean {
  return text.includes(TEMPLATE_MARK);
}

const TAG = /\{\{[\s\S]*?\}\}|\{%-?\s*(\w*)[\s\S]*?%\}|\{#[\s\S]*?#\}/g;

const blank = (text: string) => text.replace(/[^\n]/g, ' ');

export function maskTemplate(text: string): string {
  if (!text.includes('{{') && !text.includes('{%') && !text.includes('{#')) return text;
  const out: string[] = [];
  /** for each open `if`: true once a branch after the first began (its text is dropped) */
  const ifs: boolean[] = [];
  const dropping = () => ifs.includes(true);
  let at = 0;
  for (const match of text.matchAll(TAG)) {
    const start = match.index!;
    const between = text.slice(at, start);
    out.push(dropping() ? blank(between) : between);
    const tag = match[0];
    if (tag.startsWith('{{')) out.push(dropping() ? blank(tag) : tag.replace(/[^\n]/g, TEMPLATE_MARK));
    else {
      const word = match[1] ?? '';
      if (word === 'if') ifs.push(false);
      else if ((word === 'elif' || word === 'else') && ifs.length) ifs[ifs.length - 1] = true;
      else if (word === 'endif') ifs.pop();
      out.push(blank(tag));
    }
    at = start + tag.length;
  }
  const rest = text.slice(at);
  out.push(dropping() ? blank(rest) : rest);
  return out.join('');
}
