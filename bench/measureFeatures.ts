import { readFileSync } from 'node:fs';
import { completion } from '../server/src/features/completion';
import { hover } from '../server/src/features/hover';
import { LiveState } from '../server/src/lsp/liveState';
import { summarize, type Summary } from './stats';

export interface FeatureTiming {
  completion: Summary;
  hover: Summary;
  /** answers that were non-empty (a sanity check that the positions mean something) */
  completionItems: number;
  hovers: number;
}

/**
 * Completion and hover as the server computes them (same state object, analysis cached as between two
 * keystrokes), at `samples` positions spread over `edited`: the start of a statement's keyword for
 * completion, a character inside the keyword for hover.
 */
export function measureFeatures(folder: string, configs: readonly string[], edited: string, samples: number): FeatureTiming {
  const state = new LiveState();
  state.folders = [folder];
  state.setDiscovered(configs);
  const text = readFileSync(edited, 'utf8');
  state.openDocument(edited, text);
  state.analysis();
  const lines = text.split('\n');
  const statementLines = lines.map((l, i) => ({ l, i })).filter(({ l }) => /^\s+[a-z_]+/.test(l));
  const positions = Array.from({ length: samples }, (_, k) => {
    const { l, i } = statementLines[Math.floor((k * statementLines.length) / samples)];
    const indent = l.length - l.trimStart().length;
    return { line: i, indent };
  });
  let completionItems = 0;
  let hovers = 0;
  const completionTimes: number[] = [];
  const hoverTimes: number[] = [];
  for (let round = 0; round < 2; round++) {
    for (const { line, indent } of positions) {
      let t0 = performance.now();
      const items = completion(state, edited, { line, character: indent });
      const tCompletion = performance.now() - t0;
      t0 = performance.now();
      const answer = hover(state, edited, { line, character: indent + 2 });
      const tHover = performance.now() - t0;
      if (round === 0) continue; // warm-up round
      completionTimes.push(tCompletion);
      hoverTimes.push(tHover);
      if (items.length) completionItems++;
      if (answer) hovers++;
    }
  }
  return { completion: summarize(completionTimes), hover: summarize(hoverTimes), completionItems, hovers };
}
