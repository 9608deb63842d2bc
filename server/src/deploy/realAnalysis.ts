/** The language core's lint and config facts, in the shape the deploy engine takes. */
import { lintFiles } from '../analysis/lint';
import { configFacts, configFactsFromText } from '../analysis/facts';
import { secretSpans } from '../analysis/secretRanges';
import type { AnalysisFns } from './analysis';

export const realAnalysis: AnalysisFns = {
  lintFiles: (paths, options) => lintFiles(paths, options ?? {}),
  configFacts: (path) => configFacts(path),
  configFactsFromText: (text) => configFactsFromText(text),
  secretSpans: (text) => secretSpans(text),
};
