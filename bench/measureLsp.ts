import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompletionRequest, HoverRequest, type Position } from 'vscode-languageserver-protocol';
import { LspSession, uriOf } from './lspSession';
import { summarize, type Summary } from './stats';

/** Spawn of the bundled server until its `initialize` answer arrives (empty folder). */
export async function measureStartup(runs: number): Promise<Summary> {
  const folder = mkdtempSync(join(tmpdir(), 'kabench-empty-'));
  const samples: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const session = LspSession.start();
      await session.initialize(folder);
      samples.push(performance.now() - t0);
      await session.stop();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return summarize(samples);
}

export interface EditResult {
  /** initialized → diagnostics published for every file (folder scan, read, first full analysis) */
  firstAnalysisMs: number;
  /** didChange sent → publishDiagnostics received, one character, debounce 0 */
  editToDiagnostics: Summary;
  memory: { heapUsedMB: number; rssMB: number; peakRssMB: number };
  /** heap after all the edits: equal to `memory`'s unless something keeps old versions alive */
  heapAfterEditsMB: number;
  /** over LSP, when the server advertises the feature */
  completion?: Summary;
  hover?: Summary;
}

/** The first line holding `needle` and the column where it starts. */
function find(text: string, needle: string): Position {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`'${needle}' not found`);
  return { line, character: lines[line].indexOf(needle) };
}

/**
 * Opens `edited` (one file of the workspace in `folder`) in the server, waits for the whole workspace's
 * diagnostics, then toggles one character of a keyword (`weight` ↔ `weigh`, `advert_int` ↔ `advert_in`)
 * so every edit changes the published diagnostics, and times each round trip.
 */
export async function measureEdits(folder: string, files: readonly string[], edited: string, edits: number, featureRequests = 0): Promise<EditResult> {
  const session = LspSession.start();
  try {
    const initializedAt = performance.now();
    const init = await session.initialize(folder);
    const text = readFileSync(edited, 'utf8');
    await session.open(edited, text);
    await session.allPublished(files.map(uriOf));
    const firstAnalysisMs = performance.now() - initializedAt;
    const memory = await session.memory();

    const keyword = text.includes('        weight ') ? 'weight' : 'advert_int';
    const at = find(text, keyword);
    const last = { line: at.line, character: at.character + keyword.length - 1 };
    const range = { start: last, end: { line: last.line, character: last.character + 1 } };
    const uri = uriOf(edited);
    const samples: number[] = [];
    for (let i = 0; i < edits; i++) {
      const broken = i % 2 === 0;
      const published = session.nextPublish(uri, (d) => (broken ? d.some((x) => x.code === 'unknown-keyword') : !d.some((x) => x.code === 'unknown-keyword')));
      const sentAt = broken ? await session.edit(edited, range, '') : await session.edit(edited, { start: last, end: last }, keyword.slice(-1));
      samples.push((await published) - sentAt);
    }
    const heapAfterEditsMB = (await session.memory()).heapUsedMB;
    const result: EditResult = { firstAnalysisMs, editToDiagnostics: summarize(samples), memory, heapAfterEditsMB };
    if (featureRequests > 0 && init.capabilities.completionProvider) {
      result.completion = await timeRequests(featureRequests, (i) => session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 1 + (i % 200), character: 4 } }));
    }
    if (featureRequests > 0 && init.capabilities.hoverProvider) {
      result.hover = await timeRequests(featureRequests, (i) => session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1 + (i % 200), character: 6 } }));
    }
    return result;
  } finally {
    await session.stop();
  }
}

async function timeRequests(n: number, send: (i: number) => Promise<unknown>): Promise<Summary> {
  for (let i = 0; i < 20; i++) await send(i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await send(i);
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}
