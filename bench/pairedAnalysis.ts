/**
 * Paired before/after timing of edit → analysis in one process, for a change to the checks: the same edit
 * loop runs alternately on this tree's analysis and on another tree's (BEFORE, e.g. `git archive` of the
 * base commit with node_modules linked), so machine load hits both alike.
 *
 * node --import tsx bench/pairedAnalysis.ts BEFORE_DIR [rounds] [clusterDirectors] [linesPerDirector]
 * Reports the median of each side for a 100k-line director and for a cluster workspace (by default 10
 * directors of 1,000 lines; 2 of 50,000 is a 100k-line cluster, where the failover model runs).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeClusterWorkspace, writeDirector } from './generate';
import { memoryFileSystem } from './measureAnalysis';

type Analyze = typeof import('../server/src/analysis/analyze');
type WorkspaceModule = typeof import('../server/src/analysis/workspace');

interface Side {
  name: string;
  analyze: Analyze;
  workspace: WorkspaceModule;
}

async function load(name: string, root: string): Promise<Side> {
  return {
    name,
    analyze: (await import(join(root, 'server/src/analysis/analyze.ts'))) as Analyze,
    workspace: (await import(join(root, 'server/src/analysis/workspace.ts'))) as WorkspaceModule,
  };
}

/** one edit loop per side, interleaved: a weight toggled in `edited`, then every check again */
function paired(sides: Side[], mains: string[], files: string[], edited: string, rounds: number): Map<string, number[]> {
  const fs = memoryFileSystem(files);
  const original = fs.readFile(edited)!;
  const at = original.indexOf(' weight ', original.length >> 1) + 'weight'.length;
  const changed = original.slice(0, at) + original.slice(at + 1);
  const states = sides.map((s) => {
    const ws = new s.workspace.Workspace(fs);
    const roots = s.analyze.mainConfigs(ws, mains);
    s.analyze.analyze(ws, roots);
    return { s, ws, roots, flip: false, times: [] as number[] };
  });
  for (let r = 0; r < rounds + 3; r++) {
    // alternate which side goes first, so neither always runs after the other's garbage
    for (const st of r % 2 ? [...states].reverse() : states) {
      st.flip = !st.flip;
      const t0 = performance.now();
      st.ws.setText(edited, st.flip ? changed : original, true);
      st.s.analyze.analyze(st.ws, st.roots);
      if (r >= 3) st.times.push(performance.now() - t0);
    }
  }
  return new Map(states.map((st) => [st.s.name, st.times]));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function main(): Promise<void> {
  const before = resolve(process.argv[2] ?? '');
  const rounds = Number(process.argv[3] ?? 30);
  const directors = Number(process.argv[4] ?? 10);
  const linesPerDirector = Number(process.argv[5] ?? 1000);
  const sides = [await load('before', before), await load('after', resolve(__dirname, '..'))];
  const dir = mkdtempSync(join(tmpdir(), 'ka-paired-'));
  try {
    const director = writeDirector(join(dir, 'single'), 100_000);
    const single = paired(sides, [director.main], director.files, [...director.files].sort().pop()!, rounds);
    const cluster = writeClusterWorkspace(join(dir, 'cluster'), directors, linesPerDirector);
    const files = cluster.mains.flatMap((m) => [m, ...Array.from({ length: 8 }, (_, i) => join(m, '..', 'services', `part-0${i}.conf`))]);
    const clustered = paired(sides, cluster.mains, files, files[1], rounds);
    for (const [label, result] of [[`director of ${director.lines} lines`, single], [`cluster of ${directors} directors (${cluster.lines} lines)`, clustered]] as const) {
      const [before, after] = [result.get('before')!, result.get('after')!];
      const [b, a] = [median(before), median(after)];
      // the median of each round's ratio: a burst of load hits both edits of a round alike
      const ratio = median(after.map((x, i) => x / before[i]));
      console.log(`${label}: before ${b.toFixed(1)} ms, after ${a.toFixed(1)} ms (medians); median paired ratio ${((ratio - 1) * 100).toFixed(1)}% over ${rounds} rounds`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
