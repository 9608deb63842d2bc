import type { DocumentLink } from 'vscode-languageserver';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import type { Statement } from '../syntax';
import { meaningOf, typedWords } from './context';
import { contextBlockOf, type FeatureState } from './related';

/** Where keepalived reads its configs on a director; scripts there are looked for beside the config too. */
const CONFIG_HOME = '/etc/keepalived';

/**
 * Links in a keepalived config: every file an `include` reads (a glob links each match), and the script
 * of a `script`, `notify*`, `misc_path` or other command or path argument when that file exists: at the
 * path itself, or, for a path under /etc/keepalived, at the same place beside the config (a repository
 * laid out like the director).
 */
export function documentLinks(state: FeatureState, path: string, exists: (path: string) => boolean): DocumentLink[] {
  const file = state.workspace.parsedWithEveryConditionalLine(path);
  if (!file) return [];
  const links: DocumentLink[] = [];
  const includeStatements = new Set<Statement>();
  for (const include of state.workspace.includes(path)) {
    includeStatements.add(include.statement);
    const word = include.statement.args[0];
    if (!word) continue;
    include.targets.forEach((target, i) => {
      const many = include.targets.length > 1 ? ` (${i + 1} of ${include.targets.length})` : '';
      links.push({ range: word.range, target: state.pathToUri(target), tooltip: `Open ${relative(dirname(path), target)}${many}` });
    });
  }
  const context = contextBlockOf(state, path);
  const visit = (statements: readonly Statement[]) => {
    for (const statement of statements) {
      if (statement.block) visit(statement.block.statements);
      if (includeStatements.has(statement)) continue;
      const meaning = meaningOf(statement, context);
      for (const { word, spec } of typedWords(statement, meaning)) {
        if (spec?.type.kind !== 'command' && spec?.type.kind !== 'path') continue;
        const program = /^"?([^\s"]+)/.exec(word.text);
        if (!program || !isAbsolute(program[1])) continue;
        const target = scriptFile(program[1], path, exists);
        if (!target) continue;
        const start = word.start + file.text.slice(word.start, word.end).indexOf(program[1]);
        links.push({ range: file.lines.rangeOf(start, start + program[1].length), target: state.pathToUri(target), tooltip: `Open ${target}` });
      }
    }
  };
  visit(file.statements);
  return links;
}

function scriptFile(program: string, configPath: string, exists: (path: string) => boolean): string | undefined {
  const here = dirname(configPath);
  const candidates = [program];
  if (program.startsWith(`${CONFIG_HOME}/`)) candidates.push(join(here, program.slice(CONFIG_HOME.length + 1)));
  candidates.push(join(here, basename(program)), join(here, 'scripts', basename(program)));
  return candidates.find(exists);
}
