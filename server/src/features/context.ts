import { blockSpec, includeDirective, keywordSpec, rootBlockSpec, type ArgSpec, type BlockSpec, type KeywordSpec } from '../schema';
import { blockIdInside } from '../analysis/blockContext';
import type { ConfigFile, Position, Statement, Word } from '../syntax';

/**
 * Where a position falls in a parsed file, in schema terms: the statements around it, the block it is
 * read in, and the word under it. Every feature starts from here.
 */

/** Index of the last statement starting at or before `offset` (statements are in source order). */
function lastStartingBefore(statements: readonly Statement[], offset: number): number {
  let low = 0;
  let high = statements.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (statements[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** Statements whose range holds `offset`, outermost first (a binary search per nesting level). */
export function statementPath(file: ConfigFile, offset: number): Statement[] {
  const path: Statement[] = [];
  let level: readonly Statement[] = file.statements;
  for (;;) {
    const index = lastStartingBefore(level, offset);
    const candidate = level[index];
    if (!candidate || offset > candidate.end) return path;
    path.push(candidate);
    if (!candidate.block) return path;
    level = candidate.block.statements;
  }
}

/** The innermost statement whose block (between its braces) holds `offset`; undefined at top level. */
export function enclosingBlockOwner(file: ConfigFile, offset: number): Statement | undefined {
  let owner: Statement | undefined;
  let level: readonly Statement[] = file.statements;
  for (;;) {
    const index = lastStartingBefore(level, offset);
    const candidate = level[index];
    const block = candidate?.block;
    if (!block || offset <= block.openOffset) return owner;
    // a block opened without a '{' (see Block.implicitOpen) begins on the next line: its keyword's line,
    // still being typed, is the keyword's own
    if (block.implicitOpen && file.lines.positionAt(offset).line === block.open.start.line) return owner;
    if (block.closeOffset !== undefined && offset > block.closeOffset) return owner;
    owner = candidate;
    level = block.statements;
  }
}


export interface StatementMeaning {
  /** the block the statement stands in */
  block: BlockSpec;
  /** the keyword's spec, when the block has keywords and knows this one */
  keyword?: KeywordSpec;
  /** the statement is an item line of a value block (its first word is data, not a keyword) */
  item: boolean;
}

/** What the schema says about one statement. */
export function meaningOf(statement: Statement, baseBlockId?: string): StatementMeaning {
  const block = blockSpec(blockIdInside(statement.parent, baseBlockId)) ?? rootBlockSpec();
  const include = includeDirective(statement.name);
  if (include) return { block, keyword: include, item: false };
  if (block.items) return { block, item: true };
  return { block, keyword: keywordSpec(block, statement.name), item: false };
}

/** The words of a statement as the schema types them: keyword args, or every word of an item line. */
export function typedWords(statement: Statement, meaning: StatementMeaning): { word: Word; spec: ArgSpec | undefined }[] {
  if (meaning.item) {
    const args = meaning.block.items!.args;
    return [statement.keyword, ...statement.args].map((word, i) => ({ word, spec: argAt(args, i) }));
  }
  const args = meaning.keyword?.args ?? [];
  return statement.args.map((word, i) => ({ word, spec: argAt(args, i) }));
}

/** The spec of the i-th word, with a variadic last argument repeating. */
export function argAt(args: readonly ArgSpec[], index: number): ArgSpec | undefined {
  if (index < args.length) return args[index];
  const last = args[args.length - 1];
  return last?.variadic ? last : undefined;
}

export function wordAt(statement: Statement, offset: number): Word | undefined {
  if (offset >= statement.keyword.start && offset <= statement.keyword.end) return statement.keyword;
  return statement.args.find((w) => offset >= w.start && offset <= w.end);
}

export function offsetOf(file: ConfigFile, position: Position): number {
  return file.lines.offsetAt(position);
}

/** `virtual_server group NAME` names a virtual_server_group although the schema types the line loosely. */
export function isVirtualServerGroupRef(statement: Statement, word: Word): boolean {
  return statement.name === 'virtual_server' && statement.args[0]?.text === 'group' && statement.args[1] === word;
}
