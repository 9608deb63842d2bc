/**
 * Which characters of a config's source feed a secret (an `auth_pass` value), by the parsed meaning rather
 * than the line's look: a value reached through `$NAME` masks the parameter's definition too, and a
 * conditional `@id` line counts under every config id the file names (one parse per id), since the same
 * file may be read with any of them on some host.
 */
import { parseConfig, type Statement } from '../syntax';
import type { ParameterDefinition } from '../syntax/preprocess';

/** keepalived keywords whose arguments are secrets */
export const SECRET_KEYWORDS: ReadonlySet<string> = new Set(['auth_pass']);

export interface SecretSpans {
  /** source offsets [start, end), merged and sorted */
  ranges: { start: number; end: number }[];
  /** the values keepalived would read, to mask wherever else they show up (logs, the remote's output) */
  values: string[];
}

const CONFIG_ID = /^[ \t]*@\^?([^ \t\r\n]+)/gm;
const PARAMETER = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;

export function secretSpans(text: string): SecretSpans {
  const ranges: { start: number; end: number }[] = [];
  const values = new Set<string>();
  const ids = new Set<string | undefined>([undefined]);
  for (const m of text.matchAll(CONFIG_ID)) ids.add(m[1]);
  for (const configId of ids) {
    const file = parseConfig(text, { configId });
    const byName = new Map<string, ParameterDefinition[]>();
    for (const d of file.definitions) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
    const maskDefinitions = (raw: string, seen: Set<string>) => {
      for (const [, name] of raw.matchAll(PARAMETER)) {
        if (seen.has(name)) continue;
        seen.add(name);
        for (const d of byName.get(name) ?? []) {
          ranges.push({ start: d.nameEnd, end: d.end });
          maskDefinitions(d.value, seen);
        }
      }
    };
    const visit = (statements: readonly Statement[]) => {
      for (const s of statements) {
        if (SECRET_KEYWORDS.has(s.name))
          for (const w of s.args) {
            ranges.push({ start: w.start, end: w.end });
            values.add(w.text);
            if (w.expanded) maskDefinitions(w.raw, new Set());
          }
        if (s.block) visit(s.block.statements);
      }
    };
    visit(file.statements);
  }
  return { ranges: merge(ranges), values: [...values].filter(Boolean) };
}

function merge(ranges: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
