/**
 * The deploy engine's view of the language core, taken once before a deploy so that a front-end without
 * the core (the VS Code client) can ask the language server for it in one request.
 */
import type { AnalysisFns, ConfigFacts, FileDiagnostic } from './analysis';

export const DEPLOY_ANALYSIS_REQUEST = 'keepalived/deployAnalysis';

export interface DeployAnalysisParams {
  /** absolute paths of the directors' configs */
  configs: string[];
}

export interface AnalysisSnapshot {
  lint: FileDiagnostic[];
  /** config path → facts, or an error message when the file could not be analysed */
  facts: Record<string, ConfigFacts | { error: string }>;
}

export function takeSnapshot(analysis: AnalysisFns, configs: readonly string[]): AnalysisSnapshot {
  const facts: AnalysisSnapshot['facts'] = {};
  for (const path of configs) {
    try {
      facts[path] = analysis.configFacts(path);
    } catch (error) {
      facts[path] = { error: (error as Error).message };
    }
  }
  return { lint: analysis.lintFiles([...configs]), facts };
}

/** Serves the engine from a snapshot: the same answers the core gave when it was taken. */
export function fromSnapshot(snapshot: AnalysisSnapshot): AnalysisFns {
  return {
    lintFiles: () => snapshot.lint,
    configFacts: (path) => {
      const facts = snapshot.facts[path];
      if (!facts) throw new Error(`${path} was not analysed`);
      if ('error' in facts) throw new Error(facts.error);
      return facts;
    },
  };
}
