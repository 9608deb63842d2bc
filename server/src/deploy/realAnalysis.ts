/** The language core's lint and config facts, in the shape the deploy engine takes. */
import { resolve } from 'node:path';
import { lintFiles } from '../analysis/lint';
import { configFacts, configFactsFromText } from '../analysis/facts';
import { secretSpans } from '../analysis/secretRanges';
import type { AnalysisFns } from './analysis';

export const realAnalysis: AnalysisFns = {
  // the configs deployed together are the directors of the cluster file being deployed
  lintFiles: (paths, options) => lintFiles(paths, { ...(options ?? {}), clusters: [{ configs: paths.map((p) => resolve(p)), source: 'the cluster file being deployed' }] }),
  configFacts: (path) => configFacts(path),
  configFactsFromText: (text) => configFactsFromText(text),
  secretSpans: (text) => secretSpans(text),
};
