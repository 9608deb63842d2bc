import type { SymbolKind } from '../schema';
import type { ConfigFile, Statement, Word } from '../syntax';
import { commentStart } from '../syntax/preprocess';
import { isVirtualServerGroupRef, meaningOf, typedWords } from './context';

/**
 * Everything in one file that has a name or a value worth offering elsewhere: definitions and references
 * of named objects (vrrp_script, vrrp_instance, ...), `$` parameters, interfaces and addresses.
 * Built by one walk over the AST and cached per parsed file, so requests never re-walk an unchanged file.
 */

export type NameKind = SymbolKind | 'parameter';

export interface NameOccurrence {
  kind: NameKind;
  name: string;
  role: 'define' | 'ref';
  /** source offsets and range of the name itself (without `$`, `${` or `}` for parameters) */
  start: number;
  end: number;
  range: Word['range'];
  /** the statement it stands in; undefined for parameters */
  statement?: Statement;
}

export interface FileIndex {
  occurrences: NameOccurrence[];
  /** interface names the file uses (interface, track_interface, dev ...), each once */
  interfaces: Set<string>;
  /** addresses of virtual_ipaddress entries, with their prefix as written */
  vips: Set<string>;
}

const CACHE = new WeakMap<ConfigFile, { base?: string; index: FileIndex }>();

export function indexOf(file: ConfigFile, baseBlockId?: string): FileIndex {
  const cached = CACHE.get(file);
  if (cached && cached.base === baseBlockId) return cached.index;
  const index: FileIndex = { occurrences: [], interfaces: new Set(), vips: new Set() };
  walk(file.statements, index, baseBlockId);
  addParameters(file, index);
  index.occurrences.sort((a, b) => a.start - b.start);
  CACHE.set(file, { base: baseBlockId, index });
  return index;
}

function walk(statements: readonly Statement[], index: FileIndex, baseBlockId: string | undefined): void {
  for (const statement of statements) {
    const meaning = meaningOf(statement, baseBlockId);
    for (const { word, spec } of typedWords(statement, meaning)) {
      if (word.expanded) continue;
      const type = spec?.type;
      if (type?.kind === 'define' || type?.kind === 'ref') {
        push(index, type.symbol, type.kind, word, statement);
      } else if (type?.kind === 'interface') {
        index.interfaces.add(word.text);
      } else if (isVirtualServerGroupRef(statement, word)) {
        push(index, 'virtual_server_group', 'ref', word, statement);
      }
    }
    if (meaning.item) itemExtras(statement, meaning.block.id, index);
    if (statement.block) walk(statement.block.statements, index, baseBlockId);
  }
}

function push(index: FileIndex, kind: SymbolKind, role: 'define' | 'ref', word: Word, statement: Statement): void {
  index.occurrences.push({ kind, name: word.text, role, start: word.start, end: word.end, range: word.range, statement });
}

/** Item lines carry `dev IFNAME` options, and VIP blocks carry the addresses the cluster shares. */
function itemExtras(statement: Statement, blockId: string, index: FileIndex): void {
  const words = [statement.keyword, ...statement.args];
  words.forEach((word, i) => {
    if ((word.text === 'dev' || word.text === 'oif' || word.text === 'iif') && words[i + 1]) index.interfaces.add(words[i + 1].text);
  });
  if (blockId.endsWith('virtual_ipaddress') || blockId.endsWith('virtual_ipaddress_excluded')) index.vips.add(statement.name);
}

const USE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * `$NAME` definitions come from the preprocessor; uses are found in the raw text (outside comments), so
 * that uses of a parameter defined in another file of the configuration are found too.
 */
function addParameters(file: ConfigFile, index: FileIndex): void {
  const defined = new Set<number>();
  for (const def of file.definitions) {
    defined.add(def.start);
    index.occurrences.push({ kind: 'parameter', name: def.name, role: 'define', start: def.nameStart, end: def.nameEnd, range: file.lines.rangeOf(def.nameStart, def.nameEnd) });
  }
  const text = file.text;
  if (!text.includes('$')) return;
  for (let line = 0; line < file.lines.lineCount; line++) {
    const start = file.lines.lineStart(line);
    const next = line + 1 < file.lines.lineCount ? file.lines.lineStart(line + 1) : text.length;
    const lineText = text.slice(start, next);
    if (!lineText.includes('$')) continue;
    const code = lineText.slice(0, commentStart(lineText));
    for (const match of code.matchAll(USE)) {
      const at = start + match.index;
      // `$NAME=` at the start of a definition is the definition itself, not a use.
      if (defined.has(at) && /^\s*=/.test(code.slice(match.index + match[0].length))) continue;
      const name = match[1] ?? match[2];
      const nameStart = at + (match[1] ? 2 : 1);
      index.occurrences.push({ kind: 'parameter', name, role: 'ref', start: nameStart, end: nameStart + name.length, range: file.lines.rangeOf(nameStart, nameStart + name.length) });
    }
  }
}

/** The occurrence whose name holds `offset`. */
export function occurrenceAt(index: FileIndex, offset: number): NameOccurrence | undefined {
  const list = index.occurrences;
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const o = list[mid];
    if (offset < o.start) high = mid - 1;
    else if (offset > o.end) low = mid + 1;
    else return o;
  }
  return undefined;
}
