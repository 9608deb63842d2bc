import { dirname, isAbsolute, resolve } from 'node:path';
import { includeDirective } from '../schema';
import { SCHEMA_BLOCKS } from '../schema/blockOpener';
import { diskFileSystem, type FileSystem } from './diskFileSystem';
import { parseConfig, reparseConfig, type ConfigFile, type Statement } from '../syntax';
import { isTemplatePath, maskTemplate } from '../syntax/template';
import type { PreprocessOptions } from '../syntax/preprocess';

export interface IncludeLink {
  statement: Statement;
  pattern: string;
  targets: string[];
  /** what keepalived finds missing while it looks for the targets (a directory, a plain name after a wildcard) */
  missing: string[];
}

interface Entry {
  text: string;
  file?: ConfigFile;
  /** the AST of the text this one replaced, re-parsed region by region on first use */
  previous?: ConfigFile;
  includes?: IncludeLink[];
}

/**
 * The set of keepalived configs the user works on: open documents (in memory) and files on disk.
 * Parses lazily and caches each file's AST until its text changes.
 */
export class Workspace {
  private readonly entries = new Map<string, Entry>();
  private readonly pinned = new Set<string>();
  /** the same texts as keepalived reads them with `-i ID`, one workspace per config id asked for */
  private readonly byConfigId = new Map<string, Workspace>();
  private everyLine: Workspace | undefined;
  /**
   * each root's closure, until a file it reached or looked for changes: asked for by several checks per
   * analysis, and an edit to one config leaves the other configs' closures as they were
   */
  private readonly closures = new Map<string, { files: readonly string[]; touched: ReadonlySet<string> }>();
  /** for each path, the roots whose closure reached it or looked for it */
  private readonly closuresTouching = new Map<string, Set<string>>();

  readonly preprocessOptions: PreprocessOptions;

  constructor(
    private readonly fs: FileSystem = diskFileSystem,
    preprocessOptions: PreprocessOptions = {},
  ) {
    // ${_ENV NAME} reads through the file system, which may record what it read (the CLI's result cache)
    this.preprocessOptions = fs.environment && !preprocessOptions.environment ? { ...preprocessOptions, environment: (name) => fs.environment!(name) } : preprocessOptions;
  }

  /** Sets the text of a document (an open editor buffer, or a file read from disk). */
  setText(path: string, text: string, pinned = false): void {
    if (pinned) this.pinned.add(path);
    const entry = this.entries.get(path);
    if (entry && entry.text === text) return;
    this.entries.set(path, { text, previous: entry?.file ?? entry?.previous });
    this.forgetClosuresTouching(path);
  }

  /** Forgets in-memory text (document closed): the disk copy is read again when needed. */
  release(path: string): void {
    this.pinned.delete(path);
    this.entries.delete(path);
    this.forgetClosuresTouching(path);
  }

  /** Drops the cached disk copy of a file that changed on disk (unless an editor holds it). */
  invalidate(path: string): void {
    if (!this.pinned.has(path) && this.entries.delete(path)) this.forgetClosuresTouching(path);
  }

  /** a file's includes (or its being there at all) changed: so did every closure that reached it or looked for it */
  private forgetClosuresTouching(path: string): void {
    for (const root of this.closuresTouching.get(path) ?? []) {
      for (const touched of this.closures.get(root)?.touched ?? []) this.closuresTouching.get(touched)?.delete(root);
      this.closures.delete(root);
    }
    this.closuresTouching.delete(path);
  }

  private forgetAllClosures(): void {
    this.closures.clear();
    this.closuresTouching.clear();
  }

  /** Expands every include glob again when next asked (the files matching them may have changed). */
  forgetIncludes(): void {
    for (const entry of this.entries.values()) entry.includes = undefined;
    this.forgetAllClosures();
    for (const view of this.byConfigId.values()) view.forgetIncludes();
    this.everyLine?.forgetIncludes();
  }

  isPinned(path: string): boolean {
    return this.pinned.has(path);
  }

  paths(): string[] {
    return [...this.entries.keys()];
  }

  has(path: string): boolean {
    // the text read to answer is kept: whoever asks reads the file next (it was read twice at every include)
    return this.entry(path) !== undefined;
  }

  /** a file keepalived would skip as an include for its execute bit */
  executable(path: string): boolean {
    return this.fs.executable?.(path) ?? false;
  }

  /** why a path that exists was not read (not a regular file, too large), else undefined */
  unreadable(path: string): string | undefined {
    return this.entries.has(path) ? undefined : this.fs.unreadable?.(path);
  }

  text(path: string): string | undefined {
    return this.entry(path)?.text;
  }

  parsed(path: string): ConfigFile | undefined {
    const entry = this.entry(path);
    if (!entry) return undefined;
    if (!entry.file) {
      const options = { ...this.preprocessOptions, directory: dirname(path), blocks: SCHEMA_BLOCKS };
      if (isTemplatePath(path)) entry.file = parseConfig(maskTemplate(entry.text), options);
      else entry.file = entry.previous ? reparseConfig(entry.previous, entry.text, options) : parseConfig(entry.text, options);
      entry.previous = undefined;
    }
    return entry.file;
  }

  includes(path: string): IncludeLink[] {
    const entry = this.entry(path);
    const file = this.parsed(path);
    if (!entry || !file) return [];
    if (!entry.includes) {
      // most files include nothing: a text search spares the walk over every statement
      entry.includes = !entry.text.includes('include') ? [] : collectIncludes(file.statements).map((statement) => {
        const pattern = statement.args[0]?.text ?? '';
        const absolute = isAbsolute(pattern) ? pattern : resolve(dirname(path), pattern);
        const targets = pattern ? this.fs.glob(absolute) : [];
        return { statement, pattern, targets, missing: pattern ? (this.fs.globMissing?.(absolute) ?? []) : [] };
      });
    }
    return entry.includes;
  }

  /** The file and every file it includes, depth first, each once (cycles are cut). */
  closure(root: string): readonly string[] {
    const known = this.closures.get(root);
    if (known) return known.files;
    // Sets: an include glob can match thousands of files, and a list's lookups made this quadratic
    const seen = new Set<string>();
    const touched = new Set<string>();
    const visit = (path: string) => {
      if (touched.has(path)) return;
      touched.add(path);
      if (!this.has(path)) return;
      seen.add(path);
      for (const link of this.includes(path)) link.targets.forEach(visit);
    };
    visit(root);
    const files = [...seen];
    this.closures.set(root, { files, touched });
    for (const path of touched) {
      const roots = this.closuresTouching.get(path);
      if (roots) roots.add(root);
      else this.closuresTouching.set(path, new Set([root]));
    }
    return files;
  }

  /**
   * The same files as keepalived started with `-i configId` reads them (its `@id` lines kept or dropped
   * accordingly). Its texts follow this workspace's: each is checked on every call, re-parsed when it changed.
   */
  forConfigId(configId: string): Workspace {
    let view = this.byConfigId.get(configId);
    if (!view) {
      view = this.derived({ ...this.preprocessOptions, configId });
      this.byConfigId.set(configId, view);
    }
    return this.synced(view);
  }

  /**
   * The file with every `@id` and `@^id` line kept, for the editor's features on a file that has them (the
   * analysis reads each id's own view); the other files are the same in either.
   */
  parsedWithEveryConditionalLine(path: string): ConfigFile | undefined {
    const file = this.parsed(path);
    if (!file || file.inactive.length === 0) return file;
    this.everyLine ??= this.derived({ ...this.preprocessOptions, everyConditionalLine: true });
    return this.synced(this.everyLine).parsed(path);
  }

  private derived(options: PreprocessOptions): Workspace {
    return new Workspace({ readFile: (path) => this.text(path), glob: (pattern) => this.fs.glob(pattern), globMissing: (pattern) => this.fs.globMissing?.(pattern) ?? [] }, options);
  }

  /** `view` with this workspace's texts: each checked on every call, re-parsed when it changed */
  private synced(view: Workspace): Workspace {
    for (const path of view.paths()) {
      const text = this.text(path);
      if (text === undefined) {
        if (view.entries.delete(path)) view.forgetAllClosures();
      } else if (view.entries.get(path)?.text !== text) {
        view.entries.set(path, { text, previous: view.entries.get(path)?.file });
        view.forgetAllClosures();
      }
    }
    return view;
  }

  private entry(path: string): Entry | undefined {
    let entry = this.entries.get(path);
    if (!entry) {
      const text = this.fs.readFile(path);
      if (text === undefined) return undefined;
      entry = { text };
      this.entries.set(path, entry);
      this.forgetClosuresTouching(path);
    }
    return entry;
  }
}

export function collectIncludes(statements: readonly Statement[]): Statement[] {
  return statements.flatMap(includesOfTopLevel);
}

/** The include statements in and under one top-level statement; remembered, since edits keep untouched statements. */
const includesUnder = new WeakMap<Statement, Statement[]>();

function includesOfTopLevel(statement: Statement): Statement[] {
  let found = includesUnder.get(statement);
  if (!found) includesUnder.set(statement, (found = walkIncludes([statement], [])));
  return found;
}

function walkIncludes(statements: readonly Statement[], out: Statement[]): Statement[] {
  for (const statement of statements) {
    if (includeDirective(statement.name)) out.push(statement);
    if (statement.block) walkIncludes(statement.block.statements, out);
  }
  return out;
}
