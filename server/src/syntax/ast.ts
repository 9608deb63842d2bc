import type { RuleCode } from '../rules/registry';
import type { Range } from './position';
import type { ParameterCall, ParameterDefinition, ParameterUse, PreprocessOptions } from './preprocess';
import type { LineIndex } from './position';
import type { Anchor } from './nodes';
import type { OpenChain } from './openBlocks';

/** One word of a statement, after quotes, escapes and parameters are resolved. */
export interface Word {
  /** the value keepalived sees */
  text: string;
  /** the source text the word came from (before parameter expansion: the whole `$NAME` for a substituted word) */
  raw: string;
  range: Range;
  /** source offsets */
  start: number;
  end: number;
  quoted: boolean;
  /** the word came (partly) from a `$NAME` substitution or a `~SEQ` line */
  expanded: boolean;
}

/** `keyword arg...` with an optional `{ ... }` block, as keepalived reads one logical line. */
export interface Statement {
  /** the keyword's text (what the checks read; cheaper than keyword.text) */
  name: string;
  /** may be a new object on each use: compare words by position, not identity */
  keyword: Word;
  args: Word[];
  block?: Block;
  /** from the keyword to the end of the block, or of the last argument */
  range: Range;
  start: number;
  end: number;
  /** the statement whose block holds this one; undefined at top level */
  parent?: Statement;
}

export interface Block {
  /** an empty range at the end of the keyword's line when the line has no '{' (implicitOpen) */
  open: Range;
  openOffset: number;
  /** keepalived opened it although no '{' follows its keyword, and reads the lines after it into it */
  implicitOpen: boolean;
  /** absent when the block is never closed */
  close?: Range;
  closeOffset?: number;
  statements: Statement[];
}

export interface Comment {
  text: string;
  range: Range;
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedInformation {
  file: string;
  range: Range;
  message: string;
}

export interface Diagnostic {
  range: Range;
  severity: Severity;
  /** stable identifier from the rule registry, e.g. 'unknown-keyword', 'cluster-vrid-mismatch' */
  code: RuleCode;
  message: string;
  related?: RelatedInformation[];
  /** data a quick fix needs, e.g. the suggested replacement */
  fix?: { title: string; range: Range; newText: string }[];
}

export interface ConfigFile {
  text: string;
  lines: LineIndex;
  statements: Statement[];
  comments: Comment[];
  definitions: ParameterDefinition[];
  parameterUses: ParameterUse[];
  /** uses of ${_RANDOM ...} and ${_ENV ...}, whose reading differs between releases */
  parameterCalls: ParameterCall[];
  /** source ranges of conditional (`@id`) lines inactive for the configured id */
  inactive: Range[];
  /** lexical and structural problems found while parsing */
  diagnostics: Diagnostic[];
  /** set when an edit can be parsed region by region (see reparseConfig), with the options it was parsed with */
  reparse?: ReparseState;
}

export interface ReparseState {
  options: PreprocessOptions;
  commentAnchor: Anchor;
  /** the top-level statements as if every block were closed on its own lines (see openBlocks.ts) */
  units: readonly Statement[];
  /** the units that leave blocks open; the units after them are nested into those blocks */
  open: ReadonlyMap<Statement, OpenChain>;
  /** at least as deep as any unit nests on its own */
  deepest: number;
}
