import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FoldingRangeKind, SymbolKind } from 'vscode-languageserver';
import { foldingRanges } from '../../server/src/features/folding';
import { selectionRanges } from '../../server/src/features/selectionRanges';
import { semanticTokens, semanticTokensLegend } from '../../server/src/features/semanticTokens';
import { documentSymbols, workspaceSymbols } from '../../server/src/features/symbols';
import { parseConfig } from '../../server/src/syntax';
import { positionOf, stateFor } from './state';

const CORPUS = '/work/shared/corpus/keepalived-samples';
const master = resolve('examples/master.conf');
const backup = resolve('examples/backup.conf');

test('document symbols name blocks by name or address and nest them', () => {
  const symbols = documentSymbols(parseConfig(readFileSync(master, 'utf8')));
  assert.deepEqual(symbols.map((s) => [s.name, s.detail, s.kind]), [
    ['global_defs', undefined, SymbolKind.Namespace],
    ['VI_1', 'vrrp_instance', SymbolKind.Class],
    ['192.168.18.200 80', 'virtual_server', SymbolKind.Struct],
  ]);
  assert.deepEqual(symbols[2].children!.map((c) => c.name), ['192.168.18.201 80', '192.168.18.202 80']);
});

test('workspace symbols match a query across known configs', () => {
  const found = workspaceSymbols(stateFor([master, backup]), 'vi1');
  assert.deepEqual(found.map((s) => s.name), ['VI_1', 'VI_1']);
  assert.equal(workspaceSymbols(stateFor([master]), '18.202').length, 1);
});

test('folding ranges: one per multi-line block, and comment runs', () => {
  const text = readFileSync(master, 'utf8');
  const ranges = foldingRanges(parseConfig(text));
  const vi = positionOf(text, 'vrrp_instance').line;
  // the instance's '}' is 13 lines down; the fold stops on the line before it so the brace stays visible
  assert.ok(ranges.some((r) => r.startLine === vi && r.endLine === vi + 12));
  assert.ok(ranges.some((r) => r.startLine === 0 && r.endLine === 1 && r.kind === FoldingRangeKind.Comment));
  const blocks = text.split('{').length - 1;
  assert.equal(ranges.filter((r) => !r.kind).length, blocks);
});

test('selection ranges grow from a word to the file, each containing the last', () => {
  const text = readFileSync(master, 'utf8');
  const [range] = selectionRanges(parseConfig(text), [positionOf(text, 'status_code 200', 13)]);
  const chain: (typeof range)["range"][] = [];
  for (let r: typeof range | undefined = range; r; r = r.parent) chain.push(r.range);
  const slice = (r: (typeof chain)[number]) => {
    const lines = text.split('\n');
    return r.start.line === r.end.line ? lines[r.start.line].slice(r.start.character, r.end.character) : `${r.start.line}-${r.end.line}`;
  };
  assert.equal(slice(chain[0]), '200');
  assert.equal(slice(chain[1]), 'status_code 200');
  assert.ok(chain.length >= 8);
  assert.deepEqual(chain[chain.length - 1].start, { line: 0, character: 0 });
});

test('semantic tokens mark definitions, references, parameters and inactive lines', () => {
  const conditional = join(CORPUS, 'keepalived.conf.conditional_conf');
  const text = readFileSync(conditional, 'utf8');
  const data = semanticTokens(parseConfig(text, { configId: 'high' })).data;
  const decoded: { line: number; char: number; length: number; type: string; mods: number }[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    decoded.push({ line, char, length: data[i + 2], type: semanticTokensLegend.tokenTypes[data[i + 3]], mods: data[i + 4] });
  }
  const at = (needle: string, delta = 0) => positionOf(text, needle, delta);
  const script = at('vrrp_script check_VI_0', 12);
  assert.ok(decoded.some((t) => t.line === script.line && t.char === script.character && t.type === 'function' && t.mods === 1));
  const use = at('\t\tcheck_VI_0', 2);
  assert.ok(decoded.some((t) => t.line === use.line && t.char === use.character && t.type === 'function' && t.mods === 0));
  const low = at('@low\tscript');
  assert.ok(decoded.some((t) => t.line === low.line && t.type === 'comment'), 'the @low line is inactive with -i high');
  assert.ok(!decoded.some((t) => t.line === at('@high\tscript').line && t.type === 'comment'));

  const params = semanticTokens(parseConfig('$IF=eth0\nvrrp_instance A {\n interface $IF\n}\n')).data;
  assert.deepEqual([...params.slice(0, 5)], [0, 1, 2, semanticTokensLegend.tokenTypes.indexOf('parameter'), 1]);
});
