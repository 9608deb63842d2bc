// scratch: every feature at every position of each file; report throws and slow positions
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stateFor } from '../test/features/state.ts';
import { hover } from '../server/src/features/hover.ts';
import { completion } from '../server/src/features/completion.ts';
import { definition, references, prepareRename } from '../server/src/features/navigation.ts';
const files: string[] = [];
const walk = (d: string) => { for (const n of readdirSync(d)) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p); else if (!n.endsWith('.md') && !n.endsWith('.json')) files.push(p); } };
for (const d of process.argv.slice(2)) walk(d);
let positions = 0, failures = 0, slow = 0;
for (const f of files) {
  const state = stateFor([f]);
  const text = state.workspace.text?.(f) ?? require('node:fs').readFileSync(f, 'utf8');
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    for (let character = 0; character <= lines[line].length; character++) {
      const p = { line, character };
      positions++;
      for (const [name, fn] of [['hover', () => hover(state, f, p)], ['completion', () => completion(state, f, p)], ['definition', () => definition(state, f, p)], ['references', () => references(state, f, p, true)], ['rename', () => prepareRename(state, f, p)]] as const) {
        const t = performance.now();
        try { fn(); } catch (e) { failures++; if (failures < 20) console.log(`THROW ${name} ${f}:${line + 1}:${character + 1} ${(e as Error).stack?.split('\n').slice(0, 3).join(' / ')}`); }
        const ms = performance.now() - t;
        if (ms > 50) { slow++; if (slow < 20) console.log(`SLOW ${name} ${ms.toFixed(0)}ms ${f}:${line + 1}:${character + 1}`); }
      }
    }
  }
}
console.log({ files: files.length, positions, failures, slow });
