/**
 * The deploy engine's view of the language core, taken once before a deploy so that a front-end without
 * the core (the VS Code client) can ask the language server for it in one request.
 */
import { readFileSync } from 'node:fs';
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
  /**
   * The secret values the configs hold (auth_pass, however it is reached), so the client can mask them in
   * diffs and logs without the core. Stays in memory between the two processes of the extension.
   */
  secretValues?: string[];
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
  const secretValues = new Set<string>();
  for (const path of configs) {
    try {
      for (const v of analysis.secretSpans?.(readFileSync(path, 'utf8')).values ?? []) secretValues.add(v);
    } catch {
      // unreadable: the lint reports it
    }
  }
  return { lint: analysis.lintFiles([...configs]), facts, secretValues: [...secretValues] };
}

/** Ranges of every occurrence of the known secret values (3 characters or more, as the Redactor's). */
function occurrences(text: string, values: readonly string[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const v of values) {
    if (v.length < 3) continue;
    for (let i = text.indexOf(v); i >= 0; i = text.indexOf(v, i + v.length)) out.push({ start: i, end: i + v.length });
  }
  return out;
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
    secretSpans: (text) => ({ ranges: occurrences(text, snapshot.secretValues ?? []), values: snapshot.secretValues ?? [] }),
  };
}
