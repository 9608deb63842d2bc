import { SymbolKind as LspSymbolKind, type DocumentSymbol, type WorkspaceSymbol } from 'vscode-languageserver';
import type { ConfigFile, Statement } from '../syntax';
import type { FeatureState } from './related';

/** Outline kinds: named VRRP objects read as classes, LVS services as structs, settings blocks as namespaces. */
const KINDS: Record<string, LspSymbolKind> = {
  global_defs: LspSymbolKind.Namespace,
  vrrp_instance: LspSymbolKind.Class,
  vrrp_sync_group: LspSymbolKind.Package,
  vrrp_script: LspSymbolKind.Function,
  vrrp_track_process: LspSymbolKind.Function,
  track_file: LspSymbolKind.File,
  vrrp_track_file: LspSymbolKind.File,
  virtual_server: LspSymbolKind.Struct,
  virtual_server_group: LspSymbolKind.Package,
  real_server: LspSymbolKind.Object,
  sorry_server: LspSymbolKind.Object,
  bfd_instance: LspSymbolKind.Event,
  track_group: LspSymbolKind.Package,
};

/** A block's name: its arguments (`VI_1`, `192.0.2.10 80`), or the keyword for unnamed blocks. */
function nameOf(statement: Statement): string {
  const args = statement.args.map((a) => a.text).join(' ');
  return args || statement.name;
}

function kindOf(statement: Statement): LspSymbolKind {
  // own properties only: a statement named like an Object.prototype member is no known kind
  if (Object.hasOwn(KINDS, statement.name)) return KINDS[statement.name];
  if (/_CHECK$|_GET$/.test(statement.name)) return LspSymbolKind.Method;
  return statement.block ? LspSymbolKind.Namespace : LspSymbolKind.Property;
}

/** Blocks become symbols (nested as in the file); one-line settings are left out of the outline. */
export function documentSymbols(file: ConfigFile): DocumentSymbol[] {
  const convert = (statements: readonly Statement[]): DocumentSymbol[] =>
    statements
      .filter((s) => s.block)
      .map((s) => ({
        name: nameOf(s),
        detail: s.args.length ? s.name : undefined,
        kind: kindOf(s),
        range: s.range,
        selectionRange: s.args.length ? { start: s.args[0].range.start, end: s.args[s.args.length - 1].range.end } : s.keyword.range,
        children: convert(s.block!.statements),
      }));
  const symbols = convert(file.statements);
  for (const def of file.definitions) {
    const range = file.lines.rangeOf(def.start, def.end);
    symbols.push({ name: `$${def.name}`, detail: def.value, kind: LspSymbolKind.Constant, range, selectionRange: file.lines.rangeOf(def.nameStart, def.nameEnd) });
  }
  return symbols.sort((a, b) => a.range.start.line - b.range.start.line);
}

/** Top-level and real-server blocks of every known config, matched by a case-insensitive subsequence. */
export function workspaceSymbols(state: FeatureState, query: string): WorkspaceSymbol[] {
  const wanted = query.toLowerCase();
  const matches = (name: string) => {
    let at = 0;
    for (const ch of name.toLowerCase()) if (ch === wanted[at]) at++;
    return at === wanted.length;
  };
  const out: WorkspaceSymbol[] = [];
  const paths = new Set([...state.knownConfigs(), ...state.workspace.paths()]);
  for (const path of paths) {
    const file = state.workspace.parsedWithEveryConditionalLine(path);
    if (!file) continue;
    const uri = state.pathToUri(path);
    const visit = (statements: readonly Statement[], container?: string) => {
      for (const s of statements) {
        if (!s.block || !(s.name in KINDS)) continue;
        const name = nameOf(s);
        if (matches(name) || (wanted.includes(' ') && matches(`${s.name} ${name}`))) {
          out.push({ name, kind: kindOf(s), containerName: container ?? s.name, location: { uri, range: s.range } });
        }
        visit(s.block.statements, `${s.name} ${name}`);
      }
    };
    visit(file.statements);
  }
  return out;
}
