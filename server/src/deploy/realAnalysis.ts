/** The language core's lint and config facts, in the shape the deploy engine takes. */
import { lintFiles } from '../analysis/lint';
import { configFacts } from '../analysis/facts';
import type { AnalysisFns } from './analysis';

export const realAnalysis: AnalysisFns = {
  lintFiles: (paths) => lintFiles(paths),
  configFacts: (path) => configFacts(path),
};
