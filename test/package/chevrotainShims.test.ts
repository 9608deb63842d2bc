// Stand-ins the bundles use for parts of chevrotain (scripts/shims/): the one that computes lookahead paths must
// answer as chevrotain does, and the traits that are left out refuse a parser that would need them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { Alternation, Alternative, NonTerminal, Option, Repetition, RepetitionMandatory, RepetitionMandatoryWithSeparator, RepetitionWithSeparator, Rule, serializeProduction, Terminal } from '@chevrotain/gast';
import type { IProduction } from '@chevrotain/types';
import { createToken, type TokenType } from 'chevrotain';
import { KeepalivedParser } from '../../server/src/syntax/parser';

const requireHere = createRequire(import.meta.filename);
type PathsFrom = (definition: IProduction[], maxLength: number, prefix?: TokenType[]) => { partialPath: TokenType[]; suffixDef: IProduction[] }[];
const real = requireHere('../../node_modules/chevrotain/lib/src/parse/grammar/interpreter.js').possiblePathsFrom as PathsFrom;
const shim = requireHere('../../scripts/shims/chevrotain-paths-only.cjs').possiblePathsFrom as PathsFrom;

const show = (paths: ReturnType<PathsFrom>) => paths.map((p) => ({ path: p.partialPath.map((t) => t.name), rest: p.suffixDef.map((d) => JSON.stringify(serializeProduction(d))) }));

test('the lookahead-paths stand-in finds the paths chevrotain finds: the parser\'s grammar and one of every production', () => {
  const [A, B, C, S] = ['A', 'B', 'C', 'S'].map((name) => createToken({ name }));
  const t = (terminalType: TokenType, idx = 1) => new Terminal({ terminalType, idx });
  const inner = new Rule({ name: 'inner', definition: [new Option({ definition: [t(A)] }), t(B)] });
  const every: IProduction[] = [
    new Option({ definition: [t(A), t(B)] }),
    new Repetition({ definition: [t(C)] }),
    new RepetitionWithSeparator({ definition: [t(A)], separator: S }),
    new Alternation({ definition: [new Alternative({ definition: [t(B)] }), new Alternative({ definition: [] }), new Alternative({ definition: [new NonTerminal({ nonTerminalName: 'inner', referencedRule: inner })] })] }),
    new RepetitionMandatoryWithSeparator({ definition: [t(C)], separator: S }),
    new RepetitionMandatory({ definition: [t(A)] }),
    t(B),
  ];
  const definitions: IProduction[][] = [every, ...every.map((_, i) => every.slice(i)), ...Object.values(new KeepalivedParser().getGAstProductions()).map((rule) => rule.definition)];
  let compared = 0;
  for (const definition of definitions) {
    for (const maxLength of [1, 2, 3, 4]) {
      assert.deepEqual(show(shim(definition, maxLength)), show(real(definition, maxLength)), `maxLength ${maxLength}: ${JSON.stringify(definition.map(serializeProduction))}`);
      assert.deepEqual(show(shim(definition, maxLength, [A])), show(real(definition, maxLength, [A])));
      compared++;
    }
  }
  assert.ok(compared >= 40);
});

test('the traits the bundles leave out refuse a parser that would use them', () => {
  const { Recoverable } = requireHere('../../scripts/shims/chevrotain-no-recovery.cjs');
  const { TreeBuilder } = requireHere('../../scripts/shims/chevrotain-no-cst.cjs');
  const { PerformanceTracer } = requireHere('../../scripts/shims/chevrotain-quiet-traits.cjs');
  assert.throws(() => new Recoverable().initRecoverable({ recoveryEnabled: true }), /recovery is not part/);
  assert.throws(() => new TreeBuilder().initTreeBuilder({ outputCst: true }), /CST building is not part/);
  assert.throws(() => new PerformanceTracer().initPerformanceTracer({ traceInitPerf: true }), /tracing is not part/);
  // and the bundled parser's own settings pass
  const parser = new Recoverable();
  parser.initRecoverable({ recoveryEnabled: false });
  assert.equal(parser.recoveryEnabled, false);
});
