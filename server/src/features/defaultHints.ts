import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import { blockSpec, keywordSpec } from '../schema';
import type { ConfigFile, Statement } from '../syntax';
import { viewOf } from '../syntax/views';
import { effectivePriority } from './effectiveDefaults';

export interface DefaultHintKinds {
  /** values keepalived takes when the instance does not say (advert_int 1, priority 100, preempt) */
  defaults: boolean;
  /** the text `$NAME` and `~SEQ`/`~LST` lines expand to */
  expansions: boolean;
}

const inRange = (range: Range, line: number) => !range || (line >= range.start.line && line <= range.end.line);

/**
 * Inlay hints: after each vrrp_instance's `{`, the failover settings it leaves to keepalived's defaults;
 * after each `$NAME`, its value; at the end of a `~SEQ`/`~LST` line, what it produces.
 */
export function defaultHints(file: ConfigFile, kinds: DefaultHintKinds, range?: Range): InlayHint[] {
  const hints: InlayHint[] = [];
  if (kinds.defaults) {
    const instanceBlock = blockSpec('vrrp_instance')!;
    for (const instance of viewOf(file).instances) {
      const line = instance.statement.keyword.range.start.line;
      if (range && !inRange(range, line)) continue;
      const present = new Set((instance.statement.block?.statements ?? []).map((s) => s.name));
      const labels: string[] = [];
      if (!present.has('advert_int')) labels.push(`advert_int ${keywordSpec(instanceBlock, 'advert_int')!.default}`);
      if (!present.has('priority')) labels.push(`priority ${effectivePriority(instance)}`);
      if (!present.has('nopreempt') && !present.has('preempt')) labels.push('preempt');
      const brace = openingBrace(file, instance.statement);
      if (labels.length && brace) {
        hints.push({
          position: brace,
          label: labels.join(' · '),
          kind: InlayHintKind.Parameter,
          paddingLeft: true,
          tooltip: 'keepalived\'s defaults for what this instance does not set',
        });
      }
    }
  }
  if (kinds.expansions) hints.push(...expansionHints(file, range));
  return hints;
}

/** Just after the `{` that opens the statement's block, when it is on the keyword's line. */
function openingBrace(file: ConfigFile, statement: Statement): { line: number; character: number } | undefined {
  const line = statement.keyword.range.start.line;
  const start = file.lines.lineStart(line);
  const end = file.text.indexOf('\n', start);
  const text = file.text.slice(start, end === -1 ? undefined : end);
  const at = text.indexOf('{');
  return at === -1 ? undefined : { line, character: at + 1 };
}

function expansionHints(file: ConfigFile, range?: Range): InlayHint[] {
  const hints: InlayHint[] = [];
  const values = new Map<string, string>();
  for (const def of file.definitions) values.set(def.name, def.value);
  for (const use of file.parameterUses) {
    const position = file.lines.positionAt(use.end);
    if (range && !inRange(range, position.line)) continue;
    const value = file.definitions.filter((d) => d.name === use.name && d.start < use.start).pop()?.value ?? values.get(use.name);
    if (value === undefined) continue;
    hints.push({ position, label: `= ${value.length > 40 ? `${value.slice(0, 39)}…` : value.replace(/\n/g, ' ⏎ ')}`, paddingLeft: true });
  }
  // a ~SEQ/~LST line: the statements it makes start on that line
  const produced = new Map<number, string[]>();
  const visit = (statements: readonly Statement[]) => {
    for (const s of statements) {
      const line = s.keyword.range.start.line;
      // the outermost statements of the line: a block made on the line holds only what the line made too
      if (/^\s*~(SEQ|LST)/.test(lineText(file, line))) produced.set(line, [...(produced.get(line) ?? []), [s.name, ...s.args.map((a) => a.text)].join(' ')]);
      else if (s.block) visit(s.block.statements);
    }
  };
  visit(file.statements);
  for (const [line, made] of produced) {
    if (range && !inRange(range, line)) continue;
    const shown = made.length > 4 ? [...made.slice(0, 2), '…', made[made.length - 1]] : made;
    hints.push({ position: { line, character: lineText(file, line).length }, label: `→ ${made.length} line${made.length === 1 ? '' : 's'}: ${shown.join(' | ')}`, paddingLeft: true });
  }
  return hints;
}

function lineText(file: ConfigFile, line: number): string {
  const start = file.lines.lineStart(line);
  const end = file.text.indexOf('\n', start);
  return file.text.slice(start, end === -1 ? undefined : end).replace(/\r$/, '');
}
