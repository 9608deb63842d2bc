import type { Position, Range, SelectionRange } from 'vscode-languageserver';
import type { ConfigFile, Statement } from '../syntax';
import { containsPosition as contains } from '../syntax';
import { statementPath, wordAt } from './context';

function same(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The line of a statement without its block: keyword to last argument (or to the '{'). */
function headOf(statement: Statement): Range {
  const last = statement.args[statement.args.length - 1] ?? statement.keyword;
  return { start: statement.keyword.range.start, end: last.range.end };
}

/** Inside the braces of a block. */
function bodyOf(statement: Statement): Range | undefined {
  const block = statement.block;
  if (!block?.close) return undefined;
  return { start: block.open.end, end: block.close.start };
}

/** Word → statement line → statement with block → enclosing block body → enclosing statement ... → file. */
export function selectionRanges(file: ConfigFile, positions: readonly Position[]): SelectionRange[] {
  const whole: Range = { start: { line: 0, character: 0 }, end: file.lines.positionAt(file.text.length) };
  return positions.map((position) => {
    const offset = file.lines.offsetAt(position);
    const path = statementPath(file, offset);
    const ranges: Range[] = [whole];
    for (const s of path) {
      const body = s.parent && bodyOf(s.parent);
      if (body) ranges.push(body);
      ranges.push(s.range);
    }
    const innermost = path[path.length - 1];
    if (innermost) {
      const head = headOf(innermost);
      const body = bodyOf(innermost);
      if (contains(head, position)) ranges.push(head);
      else if (body && contains(body, position)) ranges.push(body);
    }
    const word = innermost && wordAt(innermost, offset);
    if (word) ranges.push(word.range);
    let current: SelectionRange | undefined;
    for (const range of ranges) {
      if (current && same(current.range, range)) continue;
      current = { range, parent: current };
    }
    return current!;
  });
}
