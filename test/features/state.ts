import { readFileSync } from 'node:fs';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { analyze, mainConfigs, type AnalysisOptions, type AnalysisResult } from '../../server/src/analysis/analyze';
import { Workspace } from '../../server/src/analysis/workspace';
import { defaultSettings, type ServerSettings } from '../../server/src/lsp/state';
import type { FeatureState } from '../../server/src/features/related';
import type { Position } from '../../server/src/syntax';

/** A real workspace over files on disk, shaped like the server's state (no connection involved). */
export function stateFor(paths: readonly string[], settings: ServerSettings = defaultSettings, options: AnalysisOptions = {}): FeatureState & { workspace: Workspace } {
  const workspace = new Workspace();
  for (const p of paths) workspace.setText(p, readFileSync(p, 'utf8'), true);
  let cached: AnalysisResult | undefined;
  return {
    workspace,
    settings: () => settings,
    knownConfigs: () => [...paths],
    analysis: () => (cached ??= analyze(workspace, mainConfigs(workspace, paths), options)),
    pathToUri: (p) => pathToFileURL(p).href,
    uriToPath: (u) => (u.startsWith('file:') ? fileURLToPath(u) : u),
    targetVersion: () => options.keepalivedVersion,
  };
}

export function uriToPath(uri: string): string {
  return fileURLToPath(uri);
}

/** Position of the `nth` occurrence of `needle` in a file's text, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' (#${nth}) not found`);
  }
  const offset = at + delta;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - before.lastIndexOf('\n') - 1 };
}
