import type { Position, Range, Statement } from '../syntax';

interface Remembered<T> {
  key: string;
  /** where the statement started when the findings were made (only kept when there are findings) */
  at?: Position;
  findings: T[];
}

/**
 * Findings that depend on one top-level statement alone, remembered per statement object: after an edit
 * the parser hands back the very same objects for the statements it did not touch. Findings carry ranges
 * (and sometimes line numbers in their messages), so they are reused only where the statement has not
 * moved, or when there are none.
 */
export class StatementMemo<T extends { range: Range }> {
  private readonly results = new WeakMap<Statement, Remembered<T>>();

  findings(statement: Statement, key: string, compute: () => T[]): T[] {
    const remembered = this.results.get(statement);
    if (remembered && remembered.key === key && (!remembered.at || samePosition(remembered.at, statement.keyword.range.start))) return remembered.findings;
    const findings = compute();
    this.results.set(statement, { key, at: findings.length > 0 ? statement.keyword.range.start : undefined, findings });
    return findings;
  }
}

function samePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}
