import type { RuleCode } from '../rules/registry';
import { allBlockSpecs, blockSpec, includeDirective, includeDirectives, keywordSpec, rootBlockSpec } from '../schema';
import type { ArgSpec, BlockSpec, KeywordSpec } from '../schema/types';
import type { ConfigFile, Diagnostic, Statement, Word } from '../syntax';
import { addressPart, checkArgument } from './argTypes';
import { isDecimal } from '../syntax/numbers';
import { didYouMean } from './didYouMean';
import { StatementMemo } from './statementMemo';
import { knownTo } from './versions';

export interface SchemaCheckOptions {
  /** keepalived release the config is written for; keywords introduced later are warned about */
  keepalivedVersion?: string;
  /** id of the block an included file's text lands in (defaults to the top level) */
  contextBlockId?: string;
}

/** Where each keyword name may appear, to say "belongs in X" for a keyword used in the wrong block. */
const homesByKeyword = new Map<string, string[]>();
/** the keyword a deprecated name stands for where it is known (`nb_get_retry` → `retry`) */
const replacementByKeyword = new Map<string, string>();
for (const block of allBlockSpecs()) {
  for (const kw of block.keywords) {
    const homes = homesByKeyword.get(kw.name) ?? [];
    homes.push(block.title);
    homesByKeyword.set(kw.name, homes);
    if (kw.deprecated?.replacement) replacementByKeyword.set(kw.name, kw.deprecated.replacement);
  }
}

/** Diagnostics that follow from the keyword schema alone: keywords, arguments, blocks, versions. */
export function checkAgainstSchema(file: ConfigFile, options: SchemaCheckOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const context = (options.contextBlockId && blockSpec(options.contextBlockId)) || rootBlockSpec();
  checkStatements(file.statements, context, undefined, options, diagnostics);
  return diagnostics;
}

/**
 * A block's keywords for the check: each keyword that the duplicate or the required check looks up has a
 * slot, so a block's statements are tallied in a small array rather than a map per block (a large config
 * has tens of thousands of blocks).
 */
interface BlockTable {
  byName: Map<string, { spec: KeywordSpec; slot: number }>;
  slots: number;
  required: { spec: KeywordSpec; slot: number }[];
  /**
   * Reused by every visit of a block of this kind, so that a visit allocates nothing: a slot holds the
   * statement's index in its block when its stamp is the visit's number. Indexes, not statements, so the
   * table never keeps an old AST alive.
   */
  tally: Tally;
}

/**
 * One per kind of block is enough because no block can hold (however deep) a block of its own kind; a
 * schema test keeps it so.
 */
interface Tally {
  /** visit numbers, as doubles: exact far beyond any number of visits, so they never wrap around */
  stamps: Float64Array;
  indexes: Int32Array;
}

let visits = 0;

const tables = new Map<BlockSpec, BlockTable>();

function tableOf(block: BlockSpec): BlockTable {
  let table = tables.get(block);
  if (table) return table;
  const byName = new Map<string, { spec: KeywordSpec; slot: number }>();
  const required: { spec: KeywordSpec; slot: number }[] = [];
  let slots = 0;
  for (const spec of block.keywords) {
    const entry = { spec, slot: !spec.repeatable || spec.required ? slots++ : -1 };
    byName.set(spec.name, entry);
    if (spec.required) required.push(entry);
  }
  table = { byName, slots, required, tally: { stamps: new Float64Array(slots), indexes: new Int32Array(slots) } };
  tables.set(block, table);
  return table;
}

function checkStatements(
  statements: readonly Statement[],
  block: BlockSpec,
  owner: Statement | undefined,
  options: SchemaCheckOptions,
  out: Diagnostic[],
): void {
  if (block.items) {
    for (const statement of statements) {
      const include = includeDirective(statement.name);
      if (include) checkKeyword(statement, include, options, out);
      else checkItem(statement, block, out);
    }
    return;
  }
  const table = tableOf(block);
  const { tally } = table;
  const visit = ++visits;
  let adoptedBlock: BlockSpec | undefined;
  for (let index = 0; index < statements.length; index++) {
    const statement = statements[index];
    const name = statement.name;
    const entry = table.byName.get(name);
    if (!entry) {
      // no block has a keyword named like an include directive, so those are looked up only when needed
      const include = includeDirective(name);
      if (include) {
        checkKeyword(statement, include, options, out);
        continue;
      }
      // A block keyword before this one lacked its '{': read what follows as its contents, as keepalived does.
      const adopted = adoptedBlock && keywordSpec(adoptedBlock, name);
      if (adopted) {
        checkKeyword(statement, adopted, options, out);
        continue;
      }
      adoptedBlock = undefined;
      out.push(unknownKeyword(statement, block));
      continue;
    }
    const { spec, slot } = entry;
    adoptedBlock = undefined;
    if (slot >= 0) {
      const earlier = tally.stamps[slot] === visit ? statements[tally.indexes[slot]] : undefined;
      if (earlier && !spec.repeatable) {
        out.push({
          range: statement.keyword.range,
          severity: spec.misuseDropsEnclosing ? 'error' : 'warning',
          code: 'duplicate-keyword',
          message: `'${name}' is already set in this block (line ${earlier.range.start.line + 1}); ${repeatOutcome(spec, statements, index, options.keepalivedVersion)}`,
        });
      }
      tally.stamps[slot] = visit;
      tally.indexes[slot] = index;
    }
    if (owner) checkKeyword(statement, spec, options, out);
    else checkTopLevel(statement, spec, options, out);
    if (spec.block && !statement.block) adoptedBlock = blockSpec(spec.block);
  }
  const missing = owner && missingRequired(table, tally, visit);
  // An include inside the block may supply what is missing; the included file is checked on its own.
  if (missing && !statements.some((s) => includeDirective(s.name))) {
    for (const kw of missing) {
      const rejects = holds(kw.required, options.keepalivedVersion);
      out.push({
        range: owner.keyword.range,
        severity: rejects ? 'error' : 'warning',
        code: 'missing-required',
        message: `'${owner.name}' needs '${kw.name}': ${kw.doc}`,
        fix: [requiredFix(owner, kw)].filter((f): f is NonNullable<typeof f> => f !== undefined),
      });
    }
  }
}

/**
 * Which of a repeated keyword's values keepalived keeps. `state` keeps the last, except that once MASTER a later
 * BACKUP is ignored (vrrp_parser.c's state handler): the role a director starts in is no detail to get wrong.
 */
function repeatOutcome(spec: KeywordSpec, statements: readonly Statement[], index: number, version: string | undefined): string {
  const value = statements[index].args[0]?.text;
  if (spec.name === 'state' && value === 'BACKUP' && statements.slice(0, index).some((s) => s.name === 'state' && s.args[0]?.text === 'MASTER')) {
    return 'keepalived keeps MASTER and ignores this BACKUP';
  }
  if (spec.misuseDropsEnclosing) return `keepalived drops the whole ${statements[index].parent?.name ?? 'enclosing'} block`;
  if (spec.repeatEndsEnclosing) return "keepalived keeps the first and skips this block, whose '}' ends the enclosing block too: the lines after it are read one level up";
  return holds(spec.keepsFirst, version) ? 'keepalived ignores this one and keeps the first' : 'keepalived keeps the last value';
}

/** A schema flag that is true, or a release from which it holds (unknown target: the newest, so it holds). */
function holds(flag: boolean | string | undefined, version: string | undefined): boolean {
  return typeof flag === 'string' ? knownTo(flag, version) : flag === true;
}

/** The required keywords a visit did not see; undefined (and nothing allocated) when none is missing. */
function missingRequired(table: BlockTable, tally: Tally, visit: number): KeywordSpec[] | undefined {
  let missing: KeywordSpec[] | undefined;
  for (const { spec, slot } of table.required) if (tally.stamps[slot] !== visit) (missing ??= []).push(spec);
  return missing;
}

const topLevelFindings = new StatementMemo<Diagnostic>();

/** A top-level statement's own findings depend on it alone (and the options): remembered across edits. */
function checkTopLevel(statement: Statement, spec: KeywordSpec, options: SchemaCheckOptions, out: Diagnostic[]): void {
  const key = `${options.contextBlockId ?? ''}|${options.keepalivedVersion ?? ''}`;
  out.push(
    ...topLevelFindings.findings(statement, key, () => {
      const found: Diagnostic[] = [];
      checkKeyword(statement, spec, options, found);
      return found;
    }),
  );
}

function requiredFix(owner: Statement, kw: KeywordSpec) {
  if (!owner.block?.close) return undefined;
  const indent = ' '.repeat(owner.range.start.character + 4);
  const placeholder = kw.example ?? `${kw.name} ${kw.args.filter((a) => !a.optional).map((a) => a.name).join(' ')}`.trim();
  const at = { line: owner.block.close.start.line, character: 0 };
  return { title: `Insert '${kw.name}'`, range: { start: at, end: at }, newText: `${indent}${placeholder}\n` };
}

function unknownKeyword(statement: Statement, block: BlockSpec): Diagnostic {
  const keyword = statement.keyword;
  const name = keyword.text;
  const names = [...block.keywords.map((k) => k.name), ...includeDirectives.map((k) => k.name)];
  // an old name known elsewhere whose new name this block has: the new name is the answer, not the old one's homes
  const replacement = replacementByKeyword.get(name);
  const otherName = block.keywords.find((k) => k.otherNames?.includes(name));
  const renamed = (replacement !== undefined && names.includes(replacement) ? replacement : undefined) ?? otherName?.name;
  const homes = renamed ? undefined : homesByKeyword.get(name);
  const suggestion = renamed ?? (homes ? undefined : didYouMean(name, names));
  const where = block.id === 'root' ? 'at the top level' : `in ${block.title}`;
  let message = `Unknown keyword '${name}' ${where}`;
  if (homes) message += ` (it belongs in ${homes.join(' or ')})`;
  message += statement.block ? ": keepalived ignores the line and its '{'" : ': keepalived ignores the line';
  // a one-line form of what keepalived reads as a block (`vrrp_unicast_peer 192.0.2.2`): its words become the block's lines
  const asBlock = otherName?.block && !statement.block && statement.args.length > 0;
  if (suggestion) message += asBlock ? `. Did you mean '${suggestion}', a block with one entry per line?` : `. Did you mean '${suggestion}'?`;
  return {
    range: keyword.range,
    severity: 'error',
    code: 'unknown-keyword',
    message,
    fix: !suggestion ? undefined : asBlock ? [blockForm(statement, suggestion)] : [{ title: `Change to '${suggestion}'`, range: keyword.range, newText: suggestion }],
  };
}

function blockForm(statement: Statement, keyword: string): NonNullable<Diagnostic['fix']>[number] {
  const indent = ' '.repeat(statement.keyword.range.start.character);
  const lines = statement.args.map((arg) => `${indent}    ${arg.text}`);
  const range = { start: statement.keyword.range.start, end: statement.args[statement.args.length - 1].range.end };
  return { title: `Change to a '${keyword}' block`, range, newText: `${keyword} {\n${lines.join('\n')}\n${indent}}` };
}

function checkKeyword(statement: Statement, spec: KeywordSpec, options: SchemaCheckOptions, out: Diagnostic[]): void {
  if (!knownTo(spec.since, options.keepalivedVersion)) {
    // the target reads it as an unknown keyword: nothing of the line, or of its block, is read as this keyword
    out.push({
      range: statement.keyword.range,
      severity: statement.block ? 'error' : 'warning',
      code: 'newer-keyword',
      message: `'${spec.name}' needs keepalived ${spec.since} or later; the target version ${options.keepalivedVersion} reports it as an unknown keyword${statement.block ? " and ignores its '{', so the lines inside are read in the enclosing block and its '}' ends that block" : ''}`,
    });
    return;
  }
  // the keyword word is made only for a finding: statements are many, findings few
  if (spec.deprecated) {
    const replacement = spec.deprecated.replacement;
    out.push({
      range: statement.keyword.range,
      severity: 'warning',
      code: 'deprecated',
      message: `'${spec.name}' is deprecated${replacement ? `; use '${replacement}'` : ''}${spec.deprecated.note ? ` (${spec.deprecated.note})` : ''}`,
      fix: replacement ? [{ title: `Replace with '${replacement}'`, range: statement.keyword.range, newText: replacement }] : undefined,
    });
  }
  if (!knownTo(spec.argsSince, options.keepalivedVersion)) {
    if (statement.args.length > 0) {
      out.push({
        range: statement.args[0].range,
        severity: 'warning',
        code: 'ignored-argument',
        message: `keepalived ${options.keepalivedVersion} ignores what follows '${spec.name}' (it reads arguments from ${spec.argsSince} on): '${spec.name} ${statement.args[0].text}' still turns it on`,
      });
    }
  } else checkWords(statement, statement.args, spec.args, spec.freeTail ?? false, spec, out);
  const fraction = statement.args[0];
  if (spec.fractionsSince && fraction && /^\d+\.\d*$/.test(fraction.text) && !knownTo(spec.fractionsSince, options.keepalivedVersion)) {
    out.push({ range: fraction.range, severity: 'error', code: 'invalid-number', message: `keepalived ${options.keepalivedVersion} reads whole numbers only for '${spec.name}' (fractions from ${spec.fractionsSince} on): it ignores ${fraction.text}` });
  }
  const large = spec.veryLargeFrom;
  if (large && fraction && isDecimal(fraction.text) && Number(fraction.text) >= large.value) {
    out.push({ range: fraction.range, severity: 'warning', code: 'invalid-number', message: `${spec.name} is ${large.meaning}: ${fraction.text} is very large, keepalived takes it and logs so` });
  }
  if (spec.block && (!statement.block || statement.block.implicitOpen)) {
    out.push({
      range: statement.keyword.range,
      severity: 'error',
      code: 'missing-block',
      message: `Missing '{' after '${spec.name}': keepalived reads the lines that follow, up to the next '}', as its ${blockSpec(spec.block)?.items ? 'entries' : 'contents'}`,
    });
  } else if (!spec.block && statement.block) {
    out.push({
      range: statement.block.open,
      severity: 'error',
      code: 'unexpected-block',
      message: `'${spec.name}' takes no block: keepalived ignores its '{'`,
    });
  }
  if (spec.block && statement.block) {
    const child = blockSpec(spec.block);
    if (child) checkStatements(statement.block.statements, child, statement, options, out);
  }
}

function checkItem(statement: Statement, block: BlockSpec, out: Diagnostic[]): void {
  const items = block.items!;
  const words = [statement.keyword, ...statement.args];
  checkWords(statement, words, items.args, items.freeTail ?? false, block, out);
  if (statement.block) {
    out.push({ range: statement.block.open, severity: 'error', code: 'unexpected-block', message: `Items of ${block.title} take no block` });
  }
}

/** How many arguments a keyword requires, and whether its last one repeats: the same for every use. */
const arities = new WeakMap<readonly ArgSpec[], { required: number; variadic: boolean }>();

function arityOf(args: readonly ArgSpec[]): { required: number; variadic: boolean } {
  let arity = arities.get(args);
  if (!arity) arities.set(args, (arity = { required: args.filter((a) => !a.optional && !a.variadic).length, variadic: args.some((a) => a.variadic) }));
  return arity;
}

/** How messages name what is checked: a keyword, or an item of a value block. */
function what(subject: KeywordSpec | BlockSpec): string {
  return 'keywords' in subject ? `an item of ${subject.title}` : `'${subject.name}'`;
}

const TRUE_WORD = /^(?:1|on|yes|true)$/i;

/** `subject` is named in messages only when there is something to say (messages are rare, statements many) */
function checkWords(statement: Statement, words: readonly Word[], args: readonly ArgSpec[], freeTail: boolean, subject: KeywordSpec | BlockSpec, out: Diagnostic[]): void {
  const { required, variadic } = arityOf(args);
  const max = variadic || freeTail ? Infinity : args.length;
  if (words.length < required) {
    const missing = args.slice(words.length).filter((a) => !a.optional && !a.variadic).map((a) => a.name);
    out.push({
      range: statement.keyword.range,
      severity: 'error',
      code: 'argument-count',
      message: `${capitalize(what(subject))} needs ${required} argument${required === 1 ? '' : 's'}; missing ${missing.join(' ')}`,
    });
    return;
  }
  if (words.length > max && !(max === 0 && words.length === 1 && TRUE_WORD.test(words[0].text))) {
    // `alpha 1` on a flag means what keepalived does anyway; `alpha 0` does not, and is reported
    // keepalived's handlers read the words they know and skip the rest without a word: a warning, since the
    // config runs, but what the author meant by the extra words does not happen
    const extra = words[args.length];
    const ignored = words.slice(args.length).map((w) => w.text).join(' ');
    const takes = `${capitalize(what(subject))} takes ${max === 0 ? 'no arguments' : `at most ${max} argument${max === 1 ? '' : 's'}`}`;
    // some handlers refuse the extra words instead, and skip the block (vrrp_instance, vrrp_sync_group, track_group)
    const skipsBlock = 'extraWordsSkipBlock' in subject && subject.extraWordsSkipBlock === true;
    const ignoresLine = 'extraWordsIgnoreLine' in subject && subject.extraWordsIgnoreLine === true;
    const dropsEnclosing = 'misuseDropsEnclosing' in subject && subject.misuseDropsEnclosing === true;
    out.push({
      range: { start: extra.range.start, end: words[words.length - 1].range.end },
      severity: skipsBlock || ignoresLine || dropsEnclosing ? 'error' : 'warning',
      code: 'argument-count',
      message: skipsBlock || ignoresLine || dropsEnclosing
        ? `${takes}; with '${ignored}' after it keepalived ${skipsBlock ? 'skips the whole block' : dropsEnclosing ? `drops the whole ${statement.parent?.name ?? 'enclosing'} block` : 'ignores the whole line'}`
        : `${takes}; keepalived ignores '${ignored}'${max === 0 && !('block' in subject && subject.block) ? ' (the keyword alone turns the option on)' : ''}`,
    });
  }
  for (let i = 0; i < words.length; i++) {
    const spec = i < args.length ? args[i] : args[args.length - 1]?.variadic ? args[args.length - 1] : undefined;
    if (!spec) break;
    const problem = checkArgument(spec.type, words[i].text);
    if (problem) {
      out.push({
        range: words[i].range,
        severity: 'error',
        code: codeFor(spec),
        message: `${capitalize(what(subject))}: ${problem}`,
      });
    } else if (isSingleAddress(spec) && addressPart(words[i].text) !== words[i].text) {
      out.push({
        range: words[i].range,
        severity: 'warning',
        code: 'ignored-address-suffix',
        message: `${capitalize(what(subject))}: keepalived reads only the address ${addressPart(words[i].text)} and ignores '${words[i].text.slice(addressPart(words[i].text).length)}'`,
      });
    }
  }
}

function isSingleAddress(spec: ArgSpec): boolean {
  const kind = spec.type.kind;
  return kind === 'ip' || kind === 'ipv4' || kind === 'ipv6';
}

function codeFor(spec: ArgSpec): RuleCode {
  switch (spec.type.kind) {
    case 'int':
    case 'number':
    case 'port':
      return 'invalid-number';
    case 'enum':
    case 'bool':
      return 'invalid-value';
    case 'ip':
    case 'ipv4':
    case 'ipv6':
    case 'cidr':
      return 'invalid-address';
    default:
      return 'invalid-argument';
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
