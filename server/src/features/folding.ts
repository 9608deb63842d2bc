import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { ConfigFile, Statement } from '../syntax';

/** Each block folds up to the line before its '}'; runs of two or more comment lines fold as comments. */
export function foldingRanges(file: ConfigFile): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (statements: readonly Statement[]) => {
    for (const s of statements) {
      if (!s.block) continue;
      const start = s.range.start.line;
      const end = s.block.close ? s.block.close.start.line - (s.block.close.start.line > start + 1 ? 1 : 0) : s.range.end.line;
      if (end > start) out.push({ startLine: start, endLine: end });
      visit(s.block.statements);
    }
  };
  visit(file.statements);

  let runStart = -1;
  let runEnd = -2;
  const flush = () => {
    if (runStart >= 0 && runEnd > runStart) out.push({ startLine: runStart, endLine: runEnd, kind: FoldingRangeKind.Comment });
  };
  for (const comment of file.comments) {
    const line = comment.range.start.line;
    const ownLine = file.text.slice(file.lines.lineStart(line), comment.start).trim() === '';
    if (!ownLine) continue;
    if (line === runEnd + 1) runEnd = line;
    else {
      flush();
      runStart = runEnd = line;
    }
  }
  flush();
  return out.sort((a, b) => a.startLine - b.startLine);
}
