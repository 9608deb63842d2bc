import type { RuleCode } from '../rules/registry';
import { hasLongLine, LINE_BUFFER_BYTES, lineCuts } from './lineBuffer';
import type { BlockOpener } from './parser';
/**
 * keepalived rewrites its input line by line before it reads any block: `@id` conditional lines,
 * `$NAME=value` parameters and their substitution, multi-line definitions and `~SEQ` sequences.
 * This module does the same and keeps, for every character of the expanded text, the source range it
 * came from, so that diagnostics, hover and rename can point at what the user wrote.
 */

export interface ParameterDefinition {
  name: string;
  /** offsets of NAME in `$NAME=` */
  nameStart: number;
  nameEnd: number;
  /** offsets of the whole definition (all its lines for a multi-line one) */
  start: number;
  end: number;
  value: string;
  multiline: boolean;
}

export interface ParameterUse {
  name: string;
  start: number;
  end: number;
}

/**
 * A use of a predefined parameter that takes parameters of its own (`${_RANDOM MIN MAX}`, `${_ENV NAME}`).
 * It is expanded as keepalived 2.4 reads it; where a release reads it otherwise, or keepalived refuses it,
 * the version-aware check (analysis/parameterCalls.ts) says so.
 */
export interface ParameterCall {
  name: '_RANDOM' | '_ENV';
  /** the words between the name and '}' */
  params: string[];
  /** the reference as written, `${` to `}` */
  text: string;
  start: number;
  end: number;
  /** why keepalived 2.4 does not expand it (left as written, or for a nameless `${_ENV}` a crash) */
  refused?: 'not-numeric' | 'parameter-count' | 'no-name';
  /** `${_ENV NAME}` whose NAME is not set in the environment it was read from */
  unset?: true;
}

type PreprocessCode = Extract<RuleCode, 'parameter-recursion' | 'invalid-sequence' | 'sequence-too-long' | 'expansion-too-large' | 'line-too-long'>;

export interface PreprocessIssue {
  start: number;
  end: number;
  message: string;
  code: PreprocessCode;
  /** an error unless said otherwise */
  severity?: 'warning';
}

export interface PreprocessOptions {
  /** keepalived's config id (`-i`); conditional lines `@id` are kept only when it matches */
  configId?: string;
  /**
   * keep every `@id` and `@^id` line, whatever the id (for the editor: each line is read by some director,
   * and hover, navigation and rename must see it); configId is then ignored
   */
  everyConditionalLine?: boolean;
  /** definitions inherited from an including file */
  inheritedDefinitions?: ReadonlyMap<string, string>;
  /** the config file's directory, for ${_PWD} */
  directory?: string;
  /** which keywords open blocks (the keyword schema's answer, as keepalived reads them); without it every '{' after a statement does */
  blocks?: BlockOpener;
  /** what ${_ENV NAME} reads; the linter's own environment without it */
  environment?: (name: string) => string | undefined;
}

export interface Preprocessed {
  /** the text the lexer reads */
  text: string;
  /** source offset where expanded character i starts, or undefined when text is the source itself */
  startMap?: Int32Array;
  /** source offset where expanded character i ends */
  endMap?: Int32Array;
  definitions: ParameterDefinition[];
  uses: ParameterUse[];
  calls: ParameterCall[];
  /** source ranges of conditional lines dropped for this config id */
  inactive: { start: number; end: number }[];
  issues: PreprocessIssue[];
  /** passed through from the options, for the parser */
  blocks?: BlockOpener;
}

export const NEEDS_PREPROCESSING = /^[ \t]*(?:@|\$[A-Za-z_]|~SEQ|~LST)|\$\{?_(?:PWD|INSTANCE|RANDOM|ENV|HASH|BANG)\b/m;
/** the expanded text of one file: far beyond real configs, small enough to parse in about a second */
const MAX_EXPANDED_CHARS = 1_000_000;
/**
 * Characters copied while expanding (every substitution rebuilds its line): one budget for the whole file,
 * counted as lines grow, so nested sequences or parameters that double at each level stop early.
 */
const MAX_EXPANSION_WORK = 10_000_000;
const MAX_SUBSTITUTIONS_PER_LINE = 1000;
const MAX_SEQUENCE_ITEMS = 100_000;
/** multi-line definitions nested in each other deeper than this refer to themselves */
const MAX_MULTILINE_DEPTH = 16;

/** A string whose every character remembers its source range. */
interface MappedLine {
  chars: string[];
  starts: number[];
  ends: number[];
}

function mappedSlice(source: string, start: number, end: number): MappedLine {
  const line: MappedLine = { chars: [], starts: [], ends: [] };
  for (let i = start; i < end; i++) {
    line.chars.push(source[i]);
    line.starts.push(i);
    line.ends.push(i + 1);
  }
  return line;
}

function appendMapped(line: MappedLine, source: string, at: number): void {
  line.chars.push(source[at]);
  line.starts.push(at);
  line.ends.push(at + 1);
}

/** Index where a comment starts (`#` or `!` outside double quotes, not escaped), or the line's length. */
export function commentStart(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '#' || ch === '!')) return i;
  }
  return line.length;
}

/** whether the character at `at` is the last of its line (a CR LF or a lone CR ends it too) */
export function endsLineAfter(text: string, at: number): boolean {
  const next = text.charCodeAt(at + 1);
  return Number.isNaN(next) || next === 10 || next === 13;
}

/**
 * Where the backslash that ends the line at `start`..`end` stands, when keepalived reads it as one: not
 * escaped, and (from 2.4.0, and what the parse models) before any comment. keepalived continues no line
 * but a multi-line definition: it drops the blanks before the backslash and keeps the backslash, so it
 * ends the last word (`interface eth0 \` reads interface `eth0\`). -1 when the line ends otherwise.
 */
export function endingBackslash(text: string, start: number, end: number): number {
  let quoted = false;
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (ch === '\\') {
      if (i + 1 === end) return i;
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '#' || ch === '!')) return -1;
  }
  return -1;
}

/**
 * NEEDS_PREPROCESSING on the whole text, tried only on the lines holding one of the characters every match
 * holds: finding those is a native search, where the expression itself is tried at every offset (~6% of a
 * large plain config's parse).
 */
export function needsPreprocessing(source: string): boolean {
  if (hasLongLine(source)) return true;
  for (let at = source.indexOf('\\'); at !== -1; at = source.indexOf('\\', at + 1)) if (endsLineAfter(source, at)) return true;
  for (const mark of ['@', '$', '~']) {
    for (let at = source.indexOf(mark); at !== -1; ) {
      const lineEnd = source.indexOf('\n', at);
      const end = lineEnd === -1 ? source.length : lineEnd;
      if (NEEDS_PREPROCESSING.test(source.slice(source.lastIndexOf('\n', at) + 1, end))) return true;
      at = lineEnd === -1 ? -1 : source.indexOf(mark, lineEnd);
    }
  }
  return false;
}

export function preprocess(source: string, options: PreprocessOptions = {}): Preprocessed {
  if (!needsPreprocessing(source)) {
    return { text: source, definitions: [], uses: [], calls: [], inactive: [], issues: [], blocks: options.blocks };
  }
  return { ...new Expander(source, options).run(), blocks: options.blocks };
}

class Expander {
  private readonly out: string[] = [];
  private startMap: Int32Array;
  private endMap: Int32Array;
  private length = 0;
  private readonly values = new Map<string, { value: string[]; multiline: boolean }>();
  private readonly result: Preprocessed;
  private pendingMultiline: { def: ParameterDefinition; lines: string[] } | undefined;
  private budgetExceeded = false;
  private work = 0;
  /** lines emitted for the current physical line (a repetition gives several, separated by line breaks) */
  private emittedForLine = 0;

  constructor(
    private readonly source: string,
    private readonly options: PreprocessOptions,
  ) {
    this.startMap = new Int32Array(source.length + 16);
    this.endMap = new Int32Array(source.length + 16);
    this.result = { text: '', definitions: [], uses: [], calls: [], inactive: [], issues: [] };
    for (const [name, value] of Object.entries(predefined(options))) this.values.set(name, { value: [value], multiline: false });
    // asking the host its name loads node:os, which most configs (no ${_INSTANCE}) never need
    const instance = options.configId;
    this.values.set('_INSTANCE', { get value() { return [instance ?? shortHostname()]; }, multiline: false });
    for (const [name, value] of options.inheritedDefinitions ?? []) {
      this.values.set(name, { value: value.split('\n'), multiline: value.includes('\n') });
    }
  }

  run(): Preprocessed {
    const src = this.source;
    let lineStart = 0;
    while (lineStart <= src.length) {
      let lineEnd = src.indexOf('\n', lineStart);
      const hasNewline = lineEnd !== -1;
      if (!hasNewline) lineEnd = src.length;
      // a line too long for keepalived's buffer is read in pieces, each a line of its own
      for (const cut of lineCuts(src, lineStart, lineEnd)) {
        this.processPhysicalLine(lineStart, cut);
        this.emitBreak(cut);
        lineStart = cut;
      }
      const contentEnd = lineEnd > lineStart && src[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
      this.processPhysicalLine(lineStart, contentEnd);
      if (contentEnd < lineEnd) this.emitVerbatim(contentEnd, lineEnd);
      if (hasNewline) this.emitVerbatim(lineEnd, lineEnd + 1);
      if (!hasNewline) break;
      lineStart = lineEnd + 1;
    }
    this.finishMultiline();
    this.result.text = this.out.join('');
    this.result.startMap = this.startMap.subarray(0, this.length + 1);
    this.result.endMap = this.endMap.subarray(0, this.length + 1);
    this.startMap[this.length] = src.length;
    this.endMap[this.length] = src.length;
    return this.result;
  }

  private processPhysicalLine(start: number, end: number): void {
    const src = this.source;
    const raw = src.slice(start, end);
    if (this.pendingMultiline) {
      this.continueMultiline(raw, end);
      return;
    }
    let s = start;
    while (s < end && (src[s] === ' ' || src[s] === '\t')) s++;
    if (src[s] === '@') {
      const kept = this.conditional(s, end);
      if (kept === undefined) {
        this.result.inactive.push({ start, end });
        return;
      }
      s = kept;
      start = kept;
    }
    const definition = /^\$([A-Za-z_][A-Za-z0-9_]*)[ \t]*=/.exec(src.slice(s, end));
    if (definition) {
      this.define(s, end, definition);
      return;
    }
    if (src.startsWith('~SEQ', s) || src.startsWith('~LST', s)) {
      this.emittedForLine = 0;
      this.repetition(mappedSlice(src, s, end));
      return;
    }
    const backslash = endingBackslash(src, s, end);
    let wordsEnd = end;
    if (backslash !== -1) {
      wordsEnd = backslash;
      while (wordsEnd > s && (src[wordsEnd - 1] === ' ' || src[wordsEnd - 1] === '\t')) wordsEnd--;
    }
    if (this.values.size > 0 && this.nextDollar(s) < end) {
      const line = mappedSlice(src, start, wordsEnd);
      if (backslash !== -1) appendMapped(line, src, backslash);
      this.emitLines(this.substitute(line, s - start));
      return;
    }
    this.emitVerbatim(start, wordsEnd);
    if (backslash !== -1) this.emitVerbatim(backslash, backslash + 1);
  }

  private dollarAt = -1;

  /**
   * The first '$' at or after `from`. Lines are visited in order, so the search only moves forward:
   * searching from each line to the end of the text would make files without '$' quadratic.
   */
  private nextDollar(from: number): number {
    if (this.dollarAt < from && this.dollarAt !== Infinity) {
      const found = this.source.indexOf('$', from);
      this.dollarAt = found === -1 ? Infinity : found;
    }
    return this.dollarAt;
  }

  /** Returns where the kept text starts, or undefined when the line is dropped. */
  private conditional(at: number, end: number): number | undefined {
    return keptAfterCondition(this.source, at, end, this.options);
  }

  /**
   * A line a multi-line definition produced, read again as keepalived reads it: an `@id` at its start keeps
   * or drops it as on a physical line.
   */
  private conditioned(line: MappedLine): MappedLine | undefined {
    let s = 0;
    while (line.chars[s] === ' ' || line.chars[s] === '\t') s++;
    if (line.chars[s] !== '@') return line;
    const kept = keptAfterCondition(line.chars.join(''), s, line.chars.length, this.options);
    return kept === undefined ? undefined : { chars: line.chars.slice(kept), starts: line.starts.slice(kept), ends: line.ends.slice(kept) };
  }

  private define(at: number, end: number, match: RegExpExecArray): void {
    const src = this.source;
    const name = match[1];
    const body = src.slice(at + match[0].length, end);
    const value = body.slice(0, commentStart(body)).trim();
    const multiline = value.endsWith('\\');
    const def: ParameterDefinition = {
      name,
      nameStart: at + 1,
      nameEnd: at + 1 + name.length,
      start: at,
      end,
      value: multiline ? value.slice(0, -1).trimEnd() : value,
      multiline,
    };
    this.result.definitions.push(def);
    if (multiline) {
      this.pendingMultiline = { def, lines: def.value ? [def.value] : [] };
    } else {
      this.values.set(name, { value: [def.value], multiline: false });
    }
  }

  private continueMultiline(raw: string, end: number): void {
    const pending = this.pendingMultiline!;
    const text = raw.slice(0, commentStart(raw)).trim();
    pending.def.end = end;
    if (text.endsWith('\\')) {
      const part = text.slice(0, -1).trimEnd();
      if (part) pending.lines.push(part);
      return;
    }
    if (text) pending.lines.push(text);
    this.finishMultiline();
  }

  private finishMultiline(): void {
    const pending = this.pendingMultiline;
    if (!pending) return;
    this.pendingMultiline = undefined;
    pending.def.value = pending.lines.join('\n');
    this.values.set(pending.def.name, { value: pending.lines, multiline: pending.lines.length > 1 });
  }

  /** Expands `$NAME` and `${NAME}` in a line; multi-line values give several lines. */
  private substitute(line: MappedLine, from = 0, depth = 0): MappedLine[] {
    const lines: MappedLine[] = [];
    let current = line;
    let substitutions = 0;
    let quoted = false;
    for (let i = from; i < current.chars.length; i++) {
      const ch = current.chars[i];
      if (ch === '"') quoted = !quoted;
      if (!quoted && (ch === '#' || ch === '!')) break;
      if (ch !== '$') continue;
      const ref = this.reference(current.chars, i);
      if (!ref) continue;
      const def = this.values.get(ref.name)!;
      const refStart = current.starts[i];
      const refEnd = current.ends[i + ref.length - 1];
      if (ref.call) {
        const { length, ...call } = ref.call;
        this.result.calls.push({ ...call, start: refStart, end: current.ends[i + length - 1], refused: ref.refused });
      }
      if (ref.refused) continue;
      this.result.uses.push({ name: ref.name, start: refStart, end: refEnd });
      if (++substitutions > MAX_SUBSTITUTIONS_PER_LINE) {
        this.issue(refStart, refEnd, `Parameter expansion of '$${ref.name}' does not terminate (it refers to itself): keepalived never finishes reading this line, and keepalived -t hangs too`, 'parameter-recursion');
        return [line];
      }
      const replacement = ref.value ?? def.value[0] ?? '';
      const grown = this.grownBytes(current.chars, i, ref.length, replacement);
      if (grown > LINE_BUFFER_BYTES) {
        const written = current.chars.slice(i, i + ref.length).join('');
        this.issue(refStart, refEnd, `Expanding '${written}' would make the line ${grown} bytes, more than keepalived's ${LINE_BUFFER_BYTES}: keepalived stops expanding the line here and reads the rest as written`, 'line-too-long', 'warning');
        break;
      }
      if (!this.spend(current.chars.length + replacement.length)) return [];
      const rest = { chars: current.chars.slice(i + ref.length), starts: current.starts.slice(i + ref.length), ends: current.ends.slice(i + ref.length) };
      const head: MappedLine = {
        chars: current.chars.slice(0, i).concat([...replacement]),
        starts: current.starts.slice(0, i).concat(Array(replacement.length).fill(refStart)),
        ends: current.ends.slice(0, i).concat(Array(replacement.length).fill(refEnd)),
      };
      if (def.multiline && def.value.length > 1) {
        // keepalived reads each line of a multi-line definition again, so parameters in it expand too
        // (a `~SEQ(N, 1, 3) $REAL_SERVER` whose definition uses $N)
        if (depth >= MAX_MULTILINE_DEPTH) {
          this.issue(refStart, refEnd, `Parameter expansion of '$${ref.name}' does not terminate (it refers to itself); the line is left as it is`, 'parameter-recursion');
          return [line];
        }
        // the reference begins the line: the definition's first line is read as one of its own
        const startsLine = current.chars.slice(0, i).every((c) => c === ' ' || c === '\t');
        const first = startsLine ? this.conditioned(head) : head;
        if (first) lines.push(...this.substitute(first, first === head ? i : 0, depth + 1));
        for (const extra of def.value.slice(1, -1)) {
          if (!this.spend(extra.length)) return [];
          lines.push(...this.reread(synthetic(extra, refStart, refEnd), depth + 1));
        }
        // what follows the reference joins the last line, and goes with it if an @id drops it
        const last = this.conditioned(synthetic(def.value[def.value.length - 1], refStart, refEnd));
        if (!last) return lines;
        current = { chars: last.chars.concat(rest.chars), starts: last.starts.concat(rest.starts), ends: last.ends.concat(rest.ends) };
        i = -1;
        continue;
      }
      current = { chars: head.chars.concat(rest.chars), starts: head.starts.concat(rest.starts), ends: head.ends.concat(rest.ends) };
      i--; // rescan the replacement: keepalived expands parameters recursively
    }
    lines.push(current);
    return lines;
  }

  /** `~SEQ(N, $FIRST, $LAST)`: keepalived expands parameters in the parentheses before reading the numbers. */
  private expandSpecification(line: MappedLine): MappedLine {
    const close = line.chars.indexOf(')');
    if (close < 0 || !line.chars.slice(0, close).includes('$')) return line;
    const spec = { chars: line.chars.slice(0, close + 1), starts: line.starts.slice(0, close + 1), ends: line.ends.slice(0, close + 1) };
    const expanded = this.substitute(spec);
    if (expanded.length !== 1) return line;
    const [head] = expanded;
    return { chars: head.chars.concat(line.chars.slice(close + 1)), starts: head.starts.concat(line.starts.slice(close + 1)), ends: head.ends.concat(line.ends.slice(close + 1)) };
  }

  /** A line a multi-line definition produced, read again as keepalived does: a `~SEQ`/`~LST` line repeats. */
  private reread(produced: MappedLine, depth: number): MappedLine[] {
    const line = this.conditioned(produced);
    if (!line) return [];
    let s = 0;
    while (line.chars[s] === ' ' || line.chars[s] === '\t') s++;
    const head = line.chars.slice(s, s + 4).join('');
    if (head !== '~SEQ' && head !== '~LST') return this.substitute(line, 0, depth);
    const lines: MappedLine[] = [];
    this.repetition({ chars: line.chars.slice(s), starts: line.starts.slice(s), ends: line.ends.slice(s) }, lines);
    return lines;
  }

  /** keepalived's rules for where a parameter name ends, and (2.4's reading) for the parameters `${NAME P1 P2}` gives. */
  private reference(chars: string[], at: number): Reference | undefined {
    let i = at + 1;
    const braced = chars[i] === '{';
    if (braced) i++;
    const nameStart = i;
    if (!/[A-Za-z_]/.test(chars[i] ?? '')) return undefined;
    while (i < chars.length && /[A-Za-z0-9_]/.test(chars[i])) i++;
    const name = chars.slice(nameStart, i).join('');
    const nameEnd = i;
    let params: string[] = [];
    if (braced) {
      while (i < chars.length && /[ \tA-Za-z0-9_]/.test(chars[i])) i++;
      if (chars[i] !== '}') return undefined;
      const written = chars.slice(nameEnd, i).join('');
      params = written.trim() === '' ? [] : written.trim().split(/[ \t]+/);
      if (params.length && /[ \t]$/.test(written)) return undefined;
      i++;
    } else if (i < chars.length && !' \t,)'.includes(chars[i])) {
      return undefined;
    }
    if (!this.values.has(name)) return undefined;
    // keepalived replaces `${`, the name and one more character: a blank before '}' leaves the '}' behind
    const length = braced && params.length === 0 ? nameEnd + 1 - at : i - at;
    if (name !== '_RANDOM' && name !== '_ENV') return params.length ? undefined : { name, length };
    const call = { name: name as ParameterCall['name'], params, text: chars.slice(at, i).join(''), length: i - at };
    const refused = refusal(call);
    if (refused) return { name, length: i - at, call, refused };
    if (name === '_ENV') {
      const value = (this.options.environment ?? fromProcess)(params[0]);
      return { name, length, value: value ?? '', call: value === undefined ? { ...call, unset: true } : call };
    }
    // any value in ${_RANDOM}'s range is right: the lowest keeps a lint repeatable
    return { name, length, value: params[0] ?? '0', call: params.length ? call : undefined };
  }

  /**
   * `~SEQ(...)` or `~LST(...)` followed by the line to repeat, once per set of values: emitted as they come,
   * or collected into `into` (a multi-line definition's lines, which its caller emits in order).
   */
  private repetition(line: MappedLine, into?: MappedLine[]): void {
    line = this.expandSpecification(line);
    const text = line.chars.join('');
    const start = line.starts[0];
    const end = line.ends[line.ends.length - 1];
    const spec = text.startsWith('~SEQ') ? parseSequence(text) : parseList(text);
    if ('error' in spec) {
      this.issue(start, end, spec.error, 'invalid-sequence');
      return;
    }
    const rest: MappedLine = { chars: line.chars.slice(spec.length), starts: line.starts.slice(spec.length), ends: line.ends.slice(spec.length) };
    let count = 0;
    for (const assignment of spec.assignments) {
      if (this.budgetExceeded) return;
      if (++count > MAX_SEQUENCE_ITEMS) {
        this.issue(start, end, `${text.slice(0, 4)} produces more than ${MAX_SEQUENCE_ITEMS} lines; the linter stops expanding it there`, 'sequence-too-long');
        break;
      }
      for (const [name, value] of assignment) this.values.set(name, { value: [value], multiline: false });
      if (!this.spend(rest.chars.length)) return;
      const copy = { chars: rest.chars.slice(), starts: rest.starts.slice(), ends: rest.ends.slice() };
      if (/^~(SEQ|LST)/.test(copy.chars.slice(0, 4).join(''))) this.repetition(copy, into);
      else if (into) into.push(...this.substitute(copy));
      else this.emitRepeated(this.substitute(copy));
    }
  }

  /** lines of one repetition, each after a line break but the physical line's first */
  private emitRepeated(lines: MappedLine[]): void {
    for (const line of lines) {
      if (this.emittedForLine++ > 0) this.emitMapped(['\n'], [line.starts[0] ?? 0], [line.starts[0] ?? 0]);
      this.emitMapped(line.chars, line.starts, line.ends);
    }
  }

  private emitLines(lines: MappedLine[]): void {
    this.emittedForLine = 0;
    this.emitRepeated(lines);
  }

  /** Counts characters built while expanding; false once the file's budget is spent (reported once). */
  private spend(chars: number): boolean {
    this.work += chars;
    if (this.work > MAX_EXPANSION_WORK) this.exceeded();
    return !this.budgetExceeded;
  }

  private exceeded(): void {
    if (!this.budgetExceeded) {
      const limit = `${MAX_EXPANDED_CHARS / 1_000_000} million character(s)`;
      this.issue(0, 0, `Expansion of parameters and sequences grows beyond what the linter checks (${limit} of text, or as much work); the rest is not expanded`, 'expansion-too-large');
    }
    this.budgetExceeded = true;
  }

  private emitVerbatim(start: number, end: number): void {
    if (end <= start) return;
    // the source's own text is always emitted (bounded by the file's size): only expansion has a budget
    this.reserve(end - start, true);
    this.out.push(this.source.slice(start, end));
    for (let i = start; i < end; i++) {
      this.startMap[this.length] = i;
      this.endMap[this.length] = i + 1;
      this.length++;
    }
  }

  /** a line break of keepalived's own (where it cuts a long line), mapped to the empty range at `at` */
  private emitBreak(at: number): void {
    this.reserve(1, true);
    this.out.push('\n');
    this.startMap[this.length] = at;
    this.endMap[this.length] = at;
    this.length++;
  }

  private emitMapped(chars: string[], starts: number[], ends: number[]): void {
    if (this.budgetExceeded) return;
    this.reserve(chars.length);
    if (this.budgetExceeded) return;
    this.out.push(chars.join(''));
    for (let i = 0; i < chars.length; i++) {
      this.startMap[this.length] = starts[i];
      this.endMap[this.length] = ends[i];
      this.length++;
    }
  }

  private reserve(extra: number, verbatim = false): void {
    const needed = this.length + extra + 1;
    if (!verbatim && needed > MAX_EXPANDED_CHARS + this.source.length) {
      this.exceeded();
      return;
    }
    if (needed <= this.startMap.length) return;
    const size = Math.max(needed, this.startMap.length * 2);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    starts.set(this.startMap);
    ends.set(this.endMap);
    this.startMap = starts;
    this.endMap = ends;
  }

  /**
   * The line's bytes as keepalived holds it once `length` characters at `at` become `replacement`. A UTF-16
   * unit is at most 3 UTF-8 bytes, so a line too short to reach the buffer is not measured (most are).
   */
  private grownBytes(chars: readonly string[], at: number, length: number, replacement: string): number {
    const units = chars.length - length + replacement.length;
    if (units * 3 <= LINE_BUFFER_BYTES) return units;
    return bufferBytes(chars) + Buffer.byteLength(replacement) - Buffer.byteLength(chars.slice(at, at + length).join(''));
  }

  private issue(start: number, end: number, message: string, code: PreprocessCode, severity?: 'warning'): void {
    this.result.issues.push({ start, end, message, code, severity });
  }
}

/** keepalived's `@id` / `@^id` prefix at `at`: where the kept text starts, or undefined when the line is dropped */
function keptAfterCondition(text: string, at: number, end: number, { configId, everyConditionalLine }: PreprocessOptions): number | undefined {
  const reversed = text[at + 1] === '^';
  const idStart = at + (reversed ? 2 : 1);
  let idEnd = idStart;
  while (idEnd < end && text[idEnd] !== ' ' && text[idEnd] !== '\t') idEnd++;
  if (idEnd >= end) return undefined;
  const matches = configId !== undefined && text.slice(idStart, idEnd) === configId;
  if (!everyConditionalLine && matches === reversed) return undefined;
  let rest = idEnd;
  while (rest < end && (text[rest] === ' ' || text[rest] === '\t')) rest++;
  return rest;
}

function synthetic(text: string, start: number, end: number): MappedLine {
  return { chars: [...text], starts: Array(text.length).fill(start), ends: Array(text.length).fill(end) };
}

type Repetition = { assignments: Map<string, string>[]; length: number } | { error: string };

/** `~SEQ[x](VAR, [START,] [STEP,] END)`, with keepalived's defaults for the missing numbers. */
function parseSequence(text: string): Repetition {
  const match = /^~SEQ(x?)[ \t]*\([ \t]*([^ \t,)]+)[ \t]*,([^)]*)\)[ \t]*/.exec(text);
  const numbers = match?.[3].split(',').map((part) => Number(part.trim()));
  if (!match || !numbers || numbers.length > 3 || numbers.some((n) => !Number.isInteger(n))) {
    return { error: 'Invalid ~SEQ specification: expected ~SEQ(NAME, [START,] [STEP,] END) followed by the line to repeat' };
  }
  let [first, step, last] = [1, 1, 1];
  if (numbers.length === 1) [last, step, first] = [numbers[0], numbers[0] < 1 ? -1 : 1, numbers[0] < 0 ? -1 : 1];
  else if (numbers.length === 2) [first, last, step] = [numbers[0], numbers[1], numbers[0] <= numbers[1] ? 1 : -1];
  else [first, step, last] = numbers;
  if (step === 0 || (first < last && step < 0) || (first > last && step > 0)) {
    return { error: `Invalid ~SEQ values: the step must move from ${first} towards ${last}` };
  }
  const hex = match[1] === 'x';
  if (hex && numbers.some((n) => n < 0)) return { error: 'Invalid ~SEQ specification: ~SEQx (hexadecimal) takes positive numbers only' };
  const assignments: Map<string, string>[] = [];
  for (let v = first; (step > 0 ? v <= last : v >= last) && assignments.length <= MAX_SEQUENCE_ITEMS; v += step) {
    assignments.push(new Map([[match[2], hex ? v.toString(16) : String(v)]]));
  }
  return { assignments, length: match[0].length };
}

/** `~LST(VAR, v1, v2, ...)` or `~LST({A, B}, {a1, b1}, {a2, b2}, ...)`. */
function parseList(text: string): Repetition {
  const close = text.indexOf(')');
  const match = /^~LST[ \t]*\(/.exec(text);
  if (!match || close === -1) return { error: 'Invalid ~LST specification: expected ~LST(NAME, VALUE, ...) followed by the line to repeat' };
  const body = text.slice(match[0].length, close);
  const groups = body.trim().startsWith('{') ? [...body.matchAll(/\{([^}]*)\}/g)].map((m) => m[1].split(',').map((v) => v.trim())) : undefined;
  const parts = groups ?? body.split(',').map((v) => [v.trim()]);
  const [names, ...values] = groups ? parts : [parts[0], ...parts.slice(1)];
  if (!names?.length || names.some((n) => !/^[A-Za-z_]\w*$/.test(n)) || values.length === 0 || values.some((v) => v.length !== names.length)) {
    return { error: 'Invalid ~LST specification: each set of values must give one value per variable' };
  }
  const rest = /^[ \t]*/.exec(text.slice(close + 1))![0].length;
  return { assignments: values.map((v) => new Map(names.map((n, i) => [n, v[i]]))), length: close + 1 + rest };
}

const fromProcess = (name: string) => process.env[name];

/** the bytes of a line as keepalived holds it while expanding: without leading and trailing blanks or a comment */
function bufferBytes(chars: readonly string[]): number {
  const text = chars.join('');
  return Buffer.byteLength(text.slice(0, commentStart(text)).trim());
}

interface Reference {
  name: string;
  /** characters replaced */
  length: number;
  /** the value, where it is not the definition's */
  value?: string;
  call?: Pick<ParameterCall, 'name' | 'params' | 'text' | 'unset'> & { length: number };
  refused?: ParameterCall['refused'];
}

/** Why keepalived 2.4 refuses a call of ${_RANDOM} or ${_ENV} (lib/parser.c, find_definition and get_env_var). */
function refusal(call: Pick<ParameterCall, 'name' | 'params'>): ParameterCall['refused'] {
  if (call.name === '_ENV') return call.params.length === 0 ? 'no-name' : call.params.length > 1 ? 'parameter-count' : undefined;
  if (call.params.some((p) => !/^\d+$/.test(p))) return 'not-numeric';
  return call.params.length > 2 ? 'parameter-count' : undefined;
}

/** keepalived's predefined parameters. ${_RANDOM MIN MAX} gives MIN here, so that a lint is repeatable. */
// keepalived's config id is the host's short name unless -i gives one, so ${_INSTANCE} is never empty
function predefined(options: PreprocessOptions): Record<string, string> {
  return { _HASH: '#', _BANG: '!', _PWD: options.directory ?? process.cwd(), _RANDOM: '0', _ENV: '' };
}

let hostShortName: string | undefined;
function shortHostname(): string {
  return (hostShortName ??= (require('node:os') as typeof import('node:os')).hostname().split('.')[0]);
}
