import { statSync } from 'node:fs';
import { sep } from 'node:path';
import { CodeActionKind, type CodeLens, type Connection, type InlayHint, type Range, type ServerCapabilities } from 'vscode-languageserver';
import { defaultHints } from '../features/defaultHints';
import { documentLinks } from '../features/documentLinks';
import { peerLenses } from '../features/peerLens';
import { codeActions } from '../features/codeActions';
import { completion } from '../features/completion';
import { FAILOVER_TABLE_REQUEST } from '../features/failoverCommand';
import { failoverCodeLenses, failoverHover, failoverInlayHints, failoverTableMarkdown } from '../features/failoverLens';
import { foldingRanges } from '../features/folding';
import { formatDocument, formatRange, formatSettings } from '../features/format';
import { hover } from '../features/hover';
import { definition, prepareRename, references, rename } from '../features/navigation';
import { contextBlockOf } from '../features/related';
import { selectionRanges } from '../features/selectionRanges';
import { semanticTokens, semanticTokensLegend } from '../features/semanticTokens';
import { documentSymbols, workspaceSymbols } from '../features/symbols';
import { CompletionDocs } from './completionDocs';
import { requestGuards } from './requestGuards';
import type { ServerState } from './state';

/** What the editing features add to the server's capabilities. */
export const featureCapabilities: ServerCapabilities = {
  completionProvider: { triggerCharacters: [' ', '$'], resolveProvider: true },
  hoverProvider: true,
  documentSymbolProvider: true,
  workspaceSymbolProvider: true,
  foldingRangeProvider: true,
  selectionRangeProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  semanticTokensProvider: { legend: semanticTokensLegend, full: true },
  codeLensProvider: { resolveProvider: false },
  inlayHintProvider: true,
  documentLinkProvider: { resolveProvider: false },
};

/** Code lens and inlay hint providers: each request concatenates what every provider gives. */
type LensProvider = (state: ServerState, path: string) => CodeLens[];
type HintProvider = (state: ServerState, path: string, range: Range) => InlayHint[];
const codeLensProviders: LensProvider[] = [peerLenses, failoverCodeLenses];
const inlayHintProviders: HintProvider[] = [
  failoverInlayHints,
  (state, path, range) => {
    const file = state.workspace.parsedWithEveryConditionalLine(path);
    return file ? defaultHints(file, state.settings().inlayHints ?? { defaults: true, expansions: true }, range) : [];
  },
];

/** Extra hover sections appended after the keyword's documentation. */
const hoverSections = [failoverHover];

/** A link target must be a file inside a workspace folder (not any /usr/bin program a script names). */
function workspaceFileExists(state: ServerState): (path: string) => boolean {
  const folders = state.folders ?? [];
  return (path) => {
    if (!folders.some((f) => path.startsWith(f.endsWith(sep) ? f : f + sep))) return false;
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  };
}

/** Wires each feature to its request; every handler reads the state at call time and never writes it. */
export function registerFeatureHandlers(connection: Connection, state: ServerState): void {
  const path = (uri: string) => state.uriToPath(uri);
  const parsed = (uri: string) => state.workspace.parsedWithEveryConditionalLine(path(uri));

  const { settled, cancellable } = requestGuards(state);
  const docs = new CompletionDocs();
  connection.onCompletion(settled((p) => docs.strip(completion(state, path(p.textDocument.uri), p.position))));
  connection.onCompletionResolve((item) => docs.resolve(item));
  connection.onHover(settled((p) => {
    const base = hover(state, path(p.textDocument.uri), p.position);
    const extra = hoverSections.map((f) => f(state, path(p.textDocument.uri), p.position)).filter((x): x is string => !!x);
    if (!extra.length) return base;
    const before = base && typeof base.contents === 'object' && 'kind' in base.contents ? [base.contents.value] : [];
    return { contents: { kind: 'markdown', value: [...before, ...extra].join('\n\n---\n\n') }, range: base?.range };
  }));
  connection.onRequest(FAILOVER_TABLE_REQUEST, settled((p: { uri: string; instance: string }) => ({ markdown: failoverTableMarkdown(state, path(p.uri), p.instance) ?? null })));
  connection.onDocumentSymbol(cancellable((p) => {
    const file = parsed(p.textDocument.uri);
    return file ? documentSymbols(file) : [];
  }));
  connection.onWorkspaceSymbol(settled((p) => workspaceSymbols(state, p.query)));
  connection.onFoldingRanges(cancellable((p) => {
    const file = parsed(p.textDocument.uri);
    return file ? foldingRanges(file) : [];
  }));
  connection.onSelectionRanges(cancellable((p) => {
    const file = parsed(p.textDocument.uri);
    return file ? selectionRanges(file, p.positions) : [];
  }));
  connection.onDefinition(settled((p) => definition(state, path(p.textDocument.uri), p.position)));
  connection.onReferences(settled((p) => references(state, path(p.textDocument.uri), p.position, p.context.includeDeclaration)));
  connection.onPrepareRename(settled((p) => prepareRename(state, path(p.textDocument.uri), p.position)));
  connection.onRenameRequest(settled((p) => rename(state, path(p.textDocument.uri), p.position, p.newName)));
  connection.onDocumentFormatting(cancellable((p) => {
    const text = state.workspace.text(path(p.textDocument.uri));
    return text === undefined ? [] : formatDocument(text, formatSettings(state.settings().format, p.options));
  }));
  connection.onDocumentRangeFormatting(cancellable((p) => {
    const text = state.workspace.text(path(p.textDocument.uri));
    return text === undefined ? [] : formatRange(text, p.range, formatSettings(state.settings().format, p.options));
  }));
  connection.onCodeAction(settled((p) => codeActions(state, path(p.textDocument.uri), p.context.diagnostics)));
  connection.onCodeLens(settled((p) => codeLensProviders.flatMap((provide) => provide(state, path(p.textDocument.uri)))));
  connection.languages.inlayHint.on(settled((p) => inlayHintProviders.flatMap((provide) => provide(state, path(p.textDocument.uri), p.range))));
  connection.onDocumentLinks(settled((p) => documentLinks(state, path(p.textDocument.uri), workspaceFileExists(state))));
  connection.languages.semanticTokens.on(settled((p) => {
    const file = parsed(p.textDocument.uri);
    return file ? semanticTokens(file, contextBlockOf(state, path(p.textDocument.uri))) : { data: [] };
  }));
}
