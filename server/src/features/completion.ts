import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  type CompletionItem,
  type Position,
  type Range,
} from 'vscode-languageserver';
import { blockSpec, includeDirective, includeDirectives, keywordSpec, rootBlockSpec, type ArgSpec, type BlockSpec, type KeywordSpec, type SymbolKind } from '../schema';
import type { ConfigFile, Statement, Word } from '../syntax';
import { commentStart } from '../syntax/preprocess';
import { blockIdInside } from '../analysis/blockContext';
import { compareVersions, knownTo } from '../analysis/versions';
import { PREDEFINED_PARAMETERS } from '../schema/predefinedParameters';
import { argAt, enclosingBlockOwner } from './context';
import { describeType, itemMarkdown, keywordMarkdown, signature } from './docs';
import { groupMemberItems } from './groupMembers';
import { keywordSortText } from './keywordRank';
import { snippetItems } from './snippetItems';
import { sameSettingAs } from '../schema/sameSetting';
import { VALUE_DOCS } from '../schema/valueDocs';
import { clusterFiles, contextBlockOf, indexedAll, unitFiles, type FeatureState } from './related';

/** keepalived's spellings of a boolean (check_true_false); the schema types them as `bool`. */
const BOOL_WORDS = ['yes', 'no', 'on', 'off', 'true', 'false'];

/** What the text before the cursor says about the word being typed. */
interface CursorLine {
  /** words already complete on this statement's line */
  words: string[];
  /** the partial word under the cursor */
  partial: string;
  replace: Range;
}

function cursorLine(file: ConfigFile, position: Position, offset: number): CursorLine | undefined {
  const lineStart = file.lines.lineStart(position.line);
  let prefix = file.text.slice(lineStart, offset);
  if (commentStart(prefix) < prefix.length) return undefined;
  const brace = Math.max(prefix.lastIndexOf('{'), prefix.lastIndexOf('}'));
  if (brace >= 0) prefix = prefix.slice(brace + 1);
  else prefix = prefix.replace(/^[ \t]*@\^?\S+[ \t]+/, '');
  if (/^[ \t]*\$[A-Za-z_][A-Za-z0-9_]*[ \t]*=/.test(prefix) || /^[ \t]*~SEQ/.test(prefix)) return undefined;
  const parts = prefix.split(/[ \t]+/).filter((p, i, all) => p !== '' || i === all.length - 1);
  const partial = parts.pop() ?? '';
  const start = { line: position.line, character: position.character - partial.length };
  return { words: parts, partial, replace: { start, end: position } };
}

export function completion(state: FeatureState, path: string, position: Position): CompletionItem[] {
  const file = state.workspace.parsedWithEveryConditionalLine(path);
  if (!file) return [];
  const offset = file.lines.offsetAt(position);
  const line = cursorLine(file, position, offset);
  if (!line) return [];
  if (line.partial.startsWith('$')) return parameterItems(state, path, line);
  const owner = enclosingBlockOwner(file, offset);
  const block = blockSpec(blockIdInside(owner, contextBlockOf(state, path))) ?? rootBlockSpec();

  if (line.words.length === 0) {
    if (block.id === 'virtual_server_group') return groupMemberItems(vipItems(state, path, line, false), line.replace);
    if (block.items) return valueItems(state, path, block.items.args[0], line, block, owner);
    return keywordItems(file, block, owner, position.line, state.targetVersion?.());
  }
  const keyword = line.words[0];
  if (block.items) {
    if (line.words[line.words.length - 1] === 'dev') return interfaceItems(state, path, line);
    return valueItems(state, path, argAt(block.items.args, line.words.length), line, block, owner);
  }
  const spec = keywordSpec(block, keyword) ?? includeDirective(keyword);
  if (!spec) return [];
  const index = line.words.length - 1;
  if (spec.name === 'virtual_server' && block.id === rootBlockSpec().id) return virtualServerItems(state, path, line);
  return valueItems(state, path, argAt(spec.args, index), line, block, owner);
}

function keywordItems(file: ConfigFile, block: BlockSpec, owner: Statement | undefined, line: number, target: string | undefined): CompletionItem[] {
  const siblings = owner ? owner.block?.statements ?? [] : file.statements;
  const present = new Set(siblings.filter((s) => s.range.start.line !== line).map((s) => s.name));
  // lvs_sched is lb_algo, nopreempt undoes preempt: once one is written the other is no suggestion
  const ruledOut = new Set([...present].flatMap((name) => sameSettingAs(block, name)));
  // a keyword the target release does not know yet would be reported as unknown once written
  const known = (spec: KeywordSpec) => !spec.since || !target || compareVersions(spec.since, target) <= 0;
  const snippets = snippetItems(block, (spec) => keywordSortText(block, spec), known);
  const items: CompletionItem[] = [...snippets.items];
  for (const spec of block.keywords) {
    if ((!spec.repeatable && present.has(spec.name)) || ruledOut.has(spec.name) || snippets.keywords.has(spec.name) || !known(spec)) continue;
    items.push(keywordItem(spec, keywordSortText(block, spec)));
  }
  for (const spec of includeDirectives) items.push(keywordItem(spec, `4${spec.name}`));
  return items;
}

/**
 * Keyword items do not depend on the request (the client replaces the word at the cursor), so each is
 * built once: completion in a large file then allocates almost nothing.
 */
const KEYWORD_ITEMS = new WeakMap<KeywordSpec, CompletionItem>();

function keywordItem(spec: KeywordSpec, sortText: string): CompletionItem {
  const cached = KEYWORD_ITEMS.get(spec);
  if (cached) return cached;
  const item: CompletionItem = {
    label: spec.name,
    kind: spec.block ? CompletionItemKind.Module : CompletionItemKind.Keyword,
    detail: signature(spec.name, spec.args, spec.freeTail),
    documentation: { kind: 'markdown', value: keywordMarkdown(spec) },
    sortText,
  };
  if (spec.deprecated) item.tags = [CompletionItemTag.Deprecated];
  if (spec.block) {
    const hasArgs = spec.args.some((a) => !a.optional);
    item.insertTextFormat = InsertTextFormat.Snippet;
    item.insertText = `${spec.name}${hasArgs ? ' $1' : ''} {\n\t$0\n}`;
  } else if (spec.args.length > 0) {
    item.insertText = `${spec.name} `;
    const first = spec.args[0].type.kind;
    if (first === 'enum' || first === 'bool' || first === 'ref') item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  }
  KEYWORD_ITEMS.set(spec, item);
  return item;
}

function plain(label: string, kind: CompletionItemKind, replace: Range, detail: string, doc?: string, sort = '0'): CompletionItem {
  const item: CompletionItem = { label, kind, detail, sortText: `${sort}${label}`, textEdit: { range: replace, newText: label } };
  if (doc) item.documentation = { kind: 'markdown', value: doc };
  return item;
}

function valueItems(
  state: FeatureState,
  path: string,
  spec: ArgSpec | undefined,
  cursor: CursorLine,
  block: BlockSpec,
  owner: Statement | undefined,
): CompletionItem[] {
  if (!spec) return [];
  const type = spec.type;
  const doc = `\`${spec.name}\`: ${describeType(type)}${block.items ? `\n\n${itemMarkdown(block)}` : ''}`;
  switch (type.kind) {
    case 'enum':
      return type.values.map((v, i) => plain(v, CompletionItemKind.EnumMember, cursor.replace, VALUE_DOCS[v] ?? spec.name, VALUE_DOCS[v] ? `**${v}**: ${VALUE_DOCS[v]}\n\n${doc}` : doc, String(i).padStart(2, '0')));
    case 'bool':
      return BOOL_WORDS.map((v) => plain(v, CompletionItemKind.Value, cursor.replace, spec.name, doc));
    case 'ref':
      return nameItems(state, path, type.symbol, cursor, excludedNames(owner, block, cursor.replace));
    case 'define':
      return peerNameItems(state, path, type.symbol, cursor);
    case 'interface':
      return interfaceItems(state, path, cursor);
    case 'cidr':
      return block.id.endsWith('virtual_ipaddress') ? vipItems(state, path, cursor, true) : [];
    default:
      return [];
  }
}

/** Names already listed in a track/member block are not offered again, those on the cursor's line included (but the word being typed). */
function excludedNames(owner: Statement | undefined, block: BlockSpec, typed: Range): Set<string> {
  if (!owner || !block.items) return new Set();
  const line = typed.start.line;
  const beingTyped = (w: Word) => w.range.start.line === line && w.range.end.character >= typed.start.character && w.range.start.character <= typed.end.character;
  const words = (owner.block?.statements ?? []).flatMap((s) => [s.keyword, ...s.args]);
  return new Set(words.filter((w) => !beingTyped(w)).map((w) => w.text));
}

function definitionsOf(state: FeatureState, files: readonly string[], kind: SymbolKind | 'parameter'): Map<string, string> {
  const names = new Map<string, string>();
  for (const { path, index } of indexedAll(state, files)) {
    for (const o of index.occurrences) if (o.kind === kind && o.role === 'define' && o.name && !names.has(o.name)) names.set(o.name, path);
  }
  return names;
}

function location(path: string): string {
  return path.split('/').slice(-2).join('/');
}

function nameItems(state: FeatureState, path: string, kind: SymbolKind, cursor: CursorLine, exclude: Set<string>): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const [name, where] of definitionsOf(state, unitFiles(state, path), kind)) {
    if (exclude.has(name)) continue;
    items.push(plain(name, CompletionItemKind.Reference, cursor.replace, `${kind} (${location(where)})`, `The ${kind} \`${name}\` defined in ${location(where)}.`));
  }
  return items;
}

/** When naming a new object, the names the cluster's other directors use for theirs. */
function peerNameItems(state: FeatureState, path: string, kind: SymbolKind, cursor: CursorLine): CompletionItem[] {
  if (kind !== 'vrrp_instance' && kind !== 'vrrp_sync_group') return [];
  const own = definitionsOf(state, unitFiles(state, path), kind);
  const items: CompletionItem[] = [];
  for (const [name, where] of definitionsOf(state, clusterFiles(state, path), kind)) {
    if (own.has(name)) continue;
    items.push(plain(name, CompletionItemKind.Reference, cursor.replace, `${kind} of a peer (${location(where)})`, `A peer director defines the ${kind} \`${name}\` in ${location(where)}; use the same name so the cluster checks pair them.`));
  }
  return items;
}

function interfaceItems(state: FeatureState, path: string, cursor: CursorLine): CompletionItem[] {
  const names = new Set<string>();
  for (const { index } of indexedAll(state, clusterFiles(state, path))) index.interfaces.forEach((n) => names.add(n));
  return [...names].sort().map((n) => plain(n, CompletionItemKind.Value, cursor.replace, 'interface used in this cluster'));
}

function vipItems(state: FeatureState, path: string, cursor: CursorLine, withPrefix: boolean): CompletionItem[] {
  const vips = new Set<string>();
  for (const { index } of indexedAll(state, clusterFiles(state, path))) {
    index.vips.forEach((v) => vips.add(withPrefix ? v : v.split('/')[0]));
  }
  return [...vips].sort().map((v) => plain(v, CompletionItemKind.Value, cursor.replace, 'VIP used in this cluster'));
}

/** `virtual_server IP PORT`, `virtual_server fwmark N` or `virtual_server group NAME`. */
function virtualServerItems(state: FeatureState, path: string, cursor: CursorLine): CompletionItem[] {
  const index = cursor.words.length - 1;
  if (index === 0) {
    return [
      ...vipItems(state, path, cursor, false),
      plain('group', CompletionItemKind.Keyword, cursor.replace, 'virtual_server group NAME', 'Serve the addresses of a virtual_server_group.', '1'),
      plain('fwmark', CompletionItemKind.Keyword, cursor.replace, 'virtual_server fwmark N', 'Serve packets with this firewall mark.', '1'),
    ];
  }
  if (index === 1 && cursor.words[1] === 'group') return nameItems(state, path, 'virtual_server_group', cursor, new Set());
  return [];
}

function parameterItems(state: FeatureState, path: string, cursor: CursorLine): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const { path: where, file } of indexedAll(state, unitFiles(state, path))) {
    for (const def of file.definitions) {
      if (items.some((i) => i.label === `$${def.name}`)) continue;
      items.push(plain(`$${def.name}`, CompletionItemKind.Variable, cursor.replace, `parameter (${location(where)})`, `\`\`\`keepalived\n$${def.name}=${def.value}\n\`\`\``));
    }
  }
  for (const parameter of PREDEFINED_PARAMETERS) {
    if (!knownTo(parameter.since, state.targetVersion?.())) continue;
    const item = plain(parameter.form, CompletionItemKind.Constant, cursor.replace, `keepalived ${parameter.since}+`, parameter.doc, '1');
    if (parameter.snippet) Object.assign(item, { textEdit: { range: cursor.replace, newText: parameter.snippet }, insertTextFormat: InsertTextFormat.Snippet });
    items.push(item);
  }
  return items;
}
