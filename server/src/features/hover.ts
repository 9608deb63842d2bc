import type { Hover, Position } from 'vscode-languageserver';
import { collect } from '../analysis/unit';
import type { ConfigFile, Statement } from '../syntax';
import { predefinedParameter } from '../schema/predefinedParameters';
import { meaningOf, statementPath, typedWords, wordAt } from './context';
import { VALUE_DOCS } from '../schema/valueDocs';
import { describeType, itemMarkdown, keywordMarkdown } from './docs';
import { effectivePriority, effectiveState } from './effectiveDefaults';
import { occurrenceAt, type NameOccurrence } from './nameIndex';
import { contextBlockOf, indexed, indexedAll, unitFiles, type FeatureState } from './related';

const MAX_DEFINITION_LINES = 12;

export function hover(state: FeatureState, path: string, position: Position): Hover | null {
  const here = indexed(state, path);
  if (!here) return null;
  const { file, index } = here;
  const offset = file.lines.offsetAt(position);
  const predefined = predefinedHover(file, offset);
  if (predefined) return predefined;
  const occurrence = occurrenceAt(index, offset);
  if (occurrence?.role === 'ref') {
    const text = definitionMarkdown(state, path, occurrence);
    if (text) return { contents: { kind: 'markdown', value: text }, range: occurrence.range };
  }
  if (occurrence?.kind === 'parameter') {
    const text = definitionMarkdown(state, path, occurrence);
    if (text) return { contents: { kind: 'markdown', value: text }, range: occurrence.range };
  }
  const statement = statementPath(file, offset).pop();
  const word = statement && wordAt(statement, offset);
  if (!statement || !word) return null;
  const meaning = meaningOf(statement, contextBlockOf(state, path));
  const parts: string[] = [];
  if (meaning.item) {
    const typed = typedWords(statement, meaning).find((t) => t.word.start === word.start);
    if (typed?.spec) parts.push(`\`${typed.spec.name}\`: ${describeType(typed.spec.type)}`);
    parts.push(itemMarkdown(meaning.block));
  } else if (meaning.keyword) {
    if (word.start !== statement.start) {
      const typed = typedWords(statement, meaning).find((t) => t.word.start === word.start);
      if (typed?.spec) parts.push(`\`${typed.spec.name}\` of \`${meaning.keyword.name}\`: ${describeType(typed.spec.type)}`);
      if (typed?.spec?.type.kind === 'enum' && Object.hasOwn(VALUE_DOCS, typed.word.text)) parts.push(`**${typed.word.text}**: ${VALUE_DOCS[typed.word.text]}`);
    }
    parts.push(keywordMarkdown(meaning.keyword, meaning.block));
  } else {
    return null;
  }
  if (statement.name === 'vrrp_instance' && meaning.keyword) {
    const peers = peerTable(state, path, statement);
    if (peers) parts.push(peers);
  }
  return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, range: word.range };
}

/** A parameter keepalived defines itself (`${_INSTANCE}`, `${_ENV NAME}`, ...) under the cursor: what it stands for. */
function predefinedHover(file: ConfigFile, offset: number): Hover | null {
  const at = (r: { start: number; end: number }) => r.start <= offset && offset < r.end;
  const use = file.parameterCalls.find(at) ?? file.parameterUses.find(at);
  const parameter = use && !file.definitions.some((d) => d.name === use.name) ? predefinedParameter(use.name) : undefined;
  if (!use || !parameter) return null;
  const value = `\`${parameter.form}\` (keepalived ${parameter.since} and later)\n\n${parameter.doc}`;
  return { contents: { kind: 'markdown', value }, range: file.lines.rangeOf(use.start, use.end) };
}

function shortPath(path: string): string {
  return path.split('/').slice(-2).join('/');
}

/** The definition a reference (or `$` use) points at, quoted from its file. */
function definitionMarkdown(state: FeatureState, path: string, occurrence: NameOccurrence): string | undefined {
  for (const { path: where, file, index } of indexedAll(state, unitFiles(state, path))) {
    const def = index.occurrences.find((o) => o.kind === occurrence.kind && o.role === 'define' && o.name === occurrence.name);
    if (!def) continue;
    const line = def.range.start.line;
    if (occurrence.kind === 'parameter') {
      const value = file.definitions.find((d) => d.nameStart === def.start)?.value ?? '';
      return `**Parameter** \`$${def.name}\` (${shortPath(where)}:${line + 1})\n\n\`\`\`keepalived\n$${def.name}=${value}\n\`\`\``;
    }
    const statement = def.statement!;
    const lines = file.text.slice(statement.start, statement.end).split('\n');
    const shown = lines.slice(0, MAX_DEFINITION_LINES).join('\n') + (lines.length > MAX_DEFINITION_LINES ? '\n...' : '');
    return `**${occurrence.kind}** \`${def.name}\` (${shortPath(where)}:${line + 1})\n\n\`\`\`keepalived\n${shown}\n\`\`\``;
  }
  return `**${occurrence.kind}** \`${occurrence.name}\`: not defined in this configuration.`;
}

/** This instance on every director of the cluster: where, initial state, priority and VRID. */
function peerTable(state: FeatureState, path: string, statement: Statement): string | undefined {
  const name = statement.args[0]?.text;
  if (!name) return undefined;
  const analysis = state.analysis();
  const cluster = analysis.clusters.find((c) => c.members.some((u) => u.files.includes(path)));
  if (!cluster || cluster.members.length < 2) return undefined;
  const rows: string[] = [];
  for (const unit of cluster.members) {
    for (const { file, item } of collect(unit, 'instances')) {
      if (item.name !== name) continue;
      const self = file === path && item.statement.start === statement.start;
      rows.push(
        `| ${shortPath(file)}${self ? ' (this one)' : ''} | ${item.state?.value ?? `(${effectiveState(item)})`} | ${item.priority?.value ?? `(${effectivePriority(item)})`} | ${item.vrid?.value ?? '-'} |`,
      );
    }
  }
  if (rows.length < 2) return undefined;
  return [`**\`${name}\` in the cluster**`, '', '| director | state | priority | VRID |', '|---|---|---|---|', ...rows].join('\n');
}
