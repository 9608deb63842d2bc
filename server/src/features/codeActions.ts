import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { Diagnostic } from '../syntax';
import { statementPath } from './context';
import type { FeatureState } from './related';
import { suppressAction } from './suppressAction';

type Fix = NonNullable<Diagnostic['fix']>[number];

/** Mismatches where either director may adopt the other's value. */
const ADOPTABLE = new Set(['cluster-vrid-mismatch', 'cluster-auth-type-mismatch', 'cluster-auth-pass-mismatch', 'cluster-advert-int-mismatch', 'cluster-service-mismatch']);
const SECRET = new Set(['cluster-auth-pass-mismatch']);

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The fixes the analysis attached: carried in `data` by the server, or found again in the latest analysis. */
function fixesOf(state: FeatureState, path: string, diagnostic: LspDiagnostic): Fix[] {
  const data = diagnostic.data as { fix?: Fix[] } | undefined;
  if (Array.isArray(data?.fix)) return data.fix;
  const found = state.analysis().diagnostics.get(path)?.find((d) => d.code === diagnostic.code && sameRange(d.range, diagnostic.range));
  return found?.fix ?? [];
}

function textAt(state: FeatureState, path: string, range: Range): string | undefined {
  const file = state.workspace.parsedWithEveryConditionalLine(path);
  return file && file.text.slice(file.lines.offsetAt(range.start), file.lines.offsetAt(range.end));
}

function shortPath(path: string): string {
  return path.split('/').slice(-2).join('/');
}

function action(title: string, diagnostic: LspDiagnostic, uri: string, edits: TextEdit[], preferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred || undefined, edit: { changes: { [uri]: edits } } };
}

/** Quick fixes for the keepalived diagnostics the client sends with the request. */
export function codeActions(state: FeatureState, path: string, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  const uri = state.pathToUri(path);
  const out: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== undefined && diagnostic.source !== 'keepalived') continue;
    const fixes = fixesOf(state, path, diagnostic);
    fixes.forEach((fix) => out.push(action(fix.title, diagnostic, uri, [{ range: fix.range, newText: fix.newText }], fixes.length === 1)));
    const code = String(diagnostic.code ?? '');
    if (ADOPTABLE.has(code)) out.push(...peerAdoptions(state, path, diagnostic, fixes));
    if (code === 'cluster-vip-mismatch') out.push(...missingVips(state, path, diagnostic));
    const suppress = suppressAction(state, path, diagnostic);
    if (suppress) out.push(suppress);
  }
  return out;
}

/** The other side of "use the peer's value": write this director's value into the peer's file. */
function peerAdoptions(state: FeatureState, path: string, diagnostic: LspDiagnostic, fixes: readonly Fix[]): CodeAction[] {
  const mine = textAt(state, path, diagnostic.range);
  if (mine === undefined || fixes.length === 0) return [];
  const out: CodeAction[] = [];
  for (const related of diagnostic.relatedInformation ?? []) {
    const peerPath = state.uriToPath(related.location.uri);
    const theirs = textAt(state, peerPath, related.location.range);
    // Only where the peer has a value of its own (the analysis offers adopting it), never its keyword.
    if (theirs === undefined || theirs === mine || !fixes.some((f) => f.newText === theirs)) continue;
    const shown = SECRET.has(String(diagnostic.code)) ? "this director's value" : mine;
    out.push(action(`Set ${shortPath(peerPath)} to ${shown}`, diagnostic, related.location.uri, [{ range: related.location.range, newText: mine }]));
  }
  return out;
}

/** virtual_ipaddress differs: add the addresses a peer has and this director lacks. */
function missingVips(state: FeatureState, path: string, diagnostic: LspDiagnostic): CodeAction[] {
  const file = state.workspace.parsedWithEveryConditionalLine(path);
  if (!file) return [];
  const own = statementPath(file, file.lines.offsetAt(diagnostic.range.start)).pop();
  if (!own || own.name !== 'virtual_ipaddress' || !own.block?.close) return [];
  const lastLine = own.block.statements[own.block.statements.length - 1]?.range.end.line ?? own.block.open.start.line;
  if (own.block.close.start.line <= lastLine) return [];
  const have = new Set(own.block.statements.map((s) => s.name.split('/')[0]));
  const out: CodeAction[] = [];
  for (const related of diagnostic.relatedInformation ?? []) {
    const peerPath = state.uriToPath(related.location.uri);
    const peerFile = state.workspace.parsedWithEveryConditionalLine(peerPath);
    const theirs = peerFile && statementPath(peerFile, peerFile.lines.offsetAt(related.location.range.start)).pop();
    if (!theirs || theirs.name !== 'virtual_ipaddress' || !theirs.block) continue;
    const missing = theirs.block.statements.filter((s) => !have.has(s.name.split('/')[0]));
    if (missing.length === 0) continue;
    const indent = ' '.repeat(own.range.start.character + state.settings().format.indentWidth);
    const lines = missing.map((s) => indent + peerFile.text.slice(s.start, s.end)).join('\n');
    const at = { line: own.block.close.start.line, character: 0 };
    const title = `Add ${missing.map((s) => s.name).join(', ')} as on ${shortPath(peerPath)}`;
    out.push(action(title, diagnostic, state.pathToUri(path), [{ range: { start: at, end: at }, newText: `${lines}\n` }]));
  }
  return out;
}
