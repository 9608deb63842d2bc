import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import type { ConfigFile, Statement } from '../syntax';
import { meaningOf } from './context';
import { indexOf, type NameKind } from './nameIndex';

/**
 * What the TextMate grammar cannot know: which words name objects (and whether they define or use
 * them), `$` parameters, deprecated keywords, and `@id` lines inactive for the configured id.
 */

export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: ['class', 'function', 'namespace', 'variable', 'parameter', 'keyword', 'comment'],
  tokenModifiers: ['declaration', 'deprecated'],
};

const TYPE = Object.fromEntries(semanticTokensLegend.tokenTypes.map((t, i) => [t, i])) as Record<string, number>;
const DECLARATION = 1 << 0;
const DEPRECATED = 1 << 1;

const TYPE_OF_KIND: Record<NameKind, string> = {
  vrrp_instance: 'class',
  vrrp_script: 'function',
  track_process: 'function',
  vrrp_sync_group: 'namespace',
  virtual_server_group: 'namespace',
  track_group: 'namespace',
  garp_group: 'namespace',
  track_file: 'variable',
  bfd_instance: 'variable',
  parameter: 'parameter',
};

interface Token {
  line: number;
  character: number;
  length: number;
  type: number;
  modifiers: number;
}

function deprecatedKeywords(statements: readonly Statement[], baseBlockId: string | undefined, out: Token[]): void {
  for (const s of statements) {
    const spec = meaningOf(s, baseBlockId).keyword;
    if (spec?.deprecated && !s.keyword.expanded && s.keyword.range.start.line === s.keyword.range.end.line) {
      out.push({ line: s.keyword.range.start.line, character: s.keyword.range.start.character, length: s.keyword.end - s.keyword.start, type: TYPE.keyword, modifiers: DEPRECATED });
    }
    if (s.block) deprecatedKeywords(s.block.statements, baseBlockId, out);
  }
}

export function semanticTokens(file: ConfigFile, baseBlockId?: string): SemanticTokens {
  const tokens: Token[] = [];
  for (const o of indexOf(file, baseBlockId).occurrences) {
    if (o.range.start.line !== o.range.end.line || o.end <= o.start) continue;
    tokens.push({
      line: o.range.start.line,
      character: o.range.start.character,
      length: o.end - o.start,
      type: TYPE[TYPE_OF_KIND[o.kind]],
      modifiers: o.role === 'define' ? DECLARATION : 0,
    });
  }
  deprecatedKeywords(file.statements, baseBlockId, tokens);
  for (const range of file.inactive) {
    const length = range.end.character - range.start.character;
    if (range.start.line === range.end.line && length > 0) tokens.push({ line: range.start.line, character: range.start.character, length, type: TYPE.comment, modifiers: 0 });
  }
  tokens.sort((a, b) => a.line - b.line || a.character - b.character);
  const builder = new SemanticTokensBuilder();
  let previousEnd = { line: -1, character: 0 };
  for (const t of tokens) {
    // Tokens may not overlap; the first one at a place wins.
    if (t.line === previousEnd.line && t.character < previousEnd.character) continue;
    builder.push(t.line, t.character, t.length, t.type, t.modifiers);
    previousEnd = { line: t.line, character: t.character + t.length };
  }
  return builder.build();
}
