import type { Statement } from './ast';
import { buildRegion, type BuiltRegion } from './build';
import { MAX_NESTING } from './collector';
import type { Anchor, SourceBlock, SourceStatement } from './nodes';
import { lineEndAfter, type LineIndex } from './position';
import type { BlockOpener } from './parser';
import type { Preprocessed } from './preprocess';

/**
 * keepalived reads everything after a block that is never closed into that block. For re-parsing, a file
 * is kept as a list of units: the top-level statements it would have if each were parsed on its own lines
 * only. A unit whose own lines leave blocks open is an open unit; the units after it are nested into its
 * innermost open block, which gives the tree a whole parse gives (see nestUnits).
 */

/** One block a unit leaves open, with the statements of the unit's own lines that it holds. */
interface OpenLink {
  owner: SourceStatement;
  block: SourceBlock;
  own: Statement[];
}

export interface OpenChain {
  /** outermost first; each link's owner is the last statement of the link before it */
  links: OpenLink[];
  /** the unit's anchor, and where its own lines end relative to it (the unit's end counts what it swallows) */
  anchor: Anchor;
  ownRelativeEnd: number;
}

/**
 * The blocks `unit` leaves open, as it was just parsed from its own lines (so nothing is nested into it
 * yet), or undefined when it closes all of them. Blocks left open are always on the path of last statements.
 */
export function openChainOf(unit: Statement): OpenChain | undefined {
  const links: OpenLink[] = [];
  let owner = unit as SourceStatement;
  while (owner.block && owner.block.closeOffset === undefined) {
    links.push({ owner, block: owner.block, own: owner.block.statements });
    const last = owner.block.statements[owner.block.statements.length - 1] as SourceStatement | undefined;
    if (!last) break;
    owner = last;
  }
  if (links.length === 0) return undefined;
  const anchor = (unit as SourceStatement).topLevelAnchor;
  return { links, anchor, ownRelativeEnd: unit.end - anchor.base };
}

/** where a unit's own lines end (an open unit's end reaches over the units it swallows) */
export function ownEnd(unit: Statement, open: ReadonlyMap<Statement, OpenChain>): number {
  const chain = open.size > 0 ? open.get(unit) : undefined;
  return chain ? chain.anchor.base + chain.ownRelativeEnd : unit.end;
}

/** how many blocks are open at the end of the file */
export function openDepth(open: ReadonlyMap<Statement, OpenChain>): number {
  let depth = 0;
  for (const chain of open.values()) depth += chain.links.length;
  return depth;
}

/**
 * The top-level statements of `units`: each unit after an open one goes into the innermost block left
 * open before it. Sets parents, blocks' statements and owners' ends the way the parser's actions do, from
 * the last open unit back, since an owner's end is that of the last statement it holds.
 *
 * The owners of open blocks become new objects (in `units` too, and in the open units returned): what they
 * hold changes with edits after them, and the analysis takes a statement object it has seen before for an
 * untouched one.
 */
export function nestUnits(units: Statement[], open: ReadonlyMap<Statement, OpenChain>): { statements: Statement[]; open: Map<Statement, OpenChain> } {
  const top: Statement[] = [];
  const renewedOpen = new Map<Statement, OpenChain>();
  const receivers: { chain: OpenChain; swallowed: Statement[] }[] = [];
  let into = top;
  for (let i = 0; i < units.length; i++) {
    const chain = open.size > 0 ? open.get(units[i]) : undefined;
    if (chain) {
      const renewed = renewChain(chain);
      units[i] = renewed.links[0].owner;
      renewedOpen.set(units[i], renewed);
      into.push(units[i]);
      const swallowed: Statement[] = [];
      receivers.push({ chain: renewed, swallowed });
      into = swallowed;
    } else {
      into.push(units[i]);
    }
  }
  for (const statement of top) (statement as SourceStatement).parent = undefined;
  for (let i = receivers.length - 1; i >= 0; i--) {
    const { links } = receivers[i].chain;
    const swallowed = receivers[i].swallowed;
    for (let j = links.length - 1; j >= 0; j--) {
      const { owner, block, own } = links[j];
      block.statements = j === links.length - 1 && swallowed.length > 0 ? own.concat(swallowed) : own;
      owner.attach(block);
    }
  }
  return { statements: top, open: renewedOpen };
}

/**
 * Cuts a unit the edit replaced loose from the units that stay: nested units point at the owners that hold
 * them and back, and a replaced unit still linked in would keep earlier versions of the tree (and of the
 * text) alive through every later one.
 */
export function releaseUnit(unit: Statement, open: ReadonlyMap<Statement, OpenChain>): void {
  (unit as SourceStatement).parent = undefined;
  const chain = open.get(unit);
  if (chain) for (const link of chain.links) link.block.statements = link.own;
}

/** the chain with new owner objects, each in the own statements of the block before it */
function renewChain(chain: OpenChain): OpenChain {
  const links: OpenLink[] = new Array(chain.links.length);
  let inner: SourceStatement | undefined;
  for (let j = chain.links.length - 1; j >= 0; j--) {
    const { owner, block, own } = chain.links[j];
    let renewedOwn = own;
    if (inner) {
      renewedOwn = own.slice();
      renewedOwn[renewedOwn.length - 1] = inner;
    }
    inner = owner.renewed();
    links[j] = { owner: inner, block, own: renewedOwn };
  }
  return { links, anchor: chain.anchor, ownRelativeEnd: chain.ownRelativeEnd };
}

export interface OpenUnits {
  /** the file's top-level statements, units nested as a whole parse nests them */
  statements: Statement[];
  units: Statement[];
  open: Map<Statement, OpenChain>;
  /** the deepest any unit nests on its own */
  deepest: number;
}

/**
 * Units for a whole file whose only brace problems are blocks left open (`whole` is its parse), so that
 * edits to a file opened that way are re-parsed a region at a time too. The file is cut after the line of
 * each open block's '{'; each piece but the last is parsed on its own into units whose last one leaves
 * blocks open, the last piece into balanced units. Each piece is parsed once. Undefined where that would
 * not give the whole parse's tree.
 */
export function openUnitsOf(expanded: Preprocessed, lines: LineIndex, commentAnchor: Anchor, whole: BuiltRegion): OpenUnits | undefined {
  const last = whole.statements[whole.statements.length - 1];
  const wholeChain = whole.unclosedOnly && last ? openChainOf(last) : undefined;
  if (!wholeChain) return undefined;
  const units: Statement[] = [];
  const open = new Map<Statement, OpenChain>();
  let from = 0;
  let deepest = 0;
  for (const { block } of wholeChain.links) {
    const cut = lineEndAfter(expanded.text, block.openOffset);
    // several blocks opened on one line are left open by one piece
    if (cut <= from) continue;
    const piece = buildRegion(expanded, lines, commentAnchor, from, cut);
    const unit = piece.statements[piece.statements.length - 1];
    const chain = piece.unclosedOnly && unit ? openChainOf(unit) : undefined;
    if (!chain) return undefined;
    units.push(...piece.statements);
    open.set(unit, chain);
    deepest = Math.max(deepest, piece.deepest);
    from = cut;
  }
  const rest = buildRegion(expanded, lines, commentAnchor, from, expanded.text.length);
  deepest = Math.max(deepest, rest.deepest);
  // as in incremental.ts: nested that deep, the parser would drop braces
  if (rest.structural || openDepth(open) + deepest > MAX_NESTING) return undefined;
  units.push(...rest.statements);
  const nested = nestUnits(units, open);
  if (expanded.blocks && !opensAsParsed(nested.statements, expanded.blocks)) return undefined;
  return { statements: nested.statements, units, open: nested.open, deepest };
}

/**
 * Whether every block of a tree nested from units opens where it now stands. Each unit was parsed at the top
 * level; one nested into an open block where keepalived would not open its block is read differently by a
 * whole parse (see BlockOpener), so the units do not give that parse's tree.
 */
export function opensAsParsed(statements: readonly Statement[], opener: BlockOpener, context: unknown = opener.root): boolean {
  for (const statement of statements) {
    if (!statement.block) continue;
    const inner = opener.open(context, statement.name);
    if (inner === undefined || !opensAsParsed(statement.block.statements, opener, inner)) return false;
  }
  return true;
}
