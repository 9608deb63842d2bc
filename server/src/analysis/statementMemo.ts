import type { Range, Statement } from '../syntax';

interface Remembered<T> {
  key: string;
  line: number;
  character: number;
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
    if (remembered && remembered.key === key) {
      if (remembered.findings.length === 0) return remembered.findings;
      const { line, character } = statement.keyword.range.start;
      if (remembered.line === line && remembered.character === character) return remembered.findings;
    }
    const findings = compute();
    const { line, character } = statement.keyword.range.start;
    this.results.set(statement, { key, line, character, findings });
    return findings;
  }
}
