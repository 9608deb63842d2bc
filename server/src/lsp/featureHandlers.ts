import { CodeActionKind, type Connection, type ServerCapabilities } from 'vscode-languageserver';
import { codeActions } from '../features/codeActions';
import { completion } from '../features/completion';
import { foldingRanges } from '../features/folding';
import { formatDocument, formatRange, formatSettings } from '../features/format';
import { hover } from '../features/hover';
import { definition, prepareRename, references, rename } from '../features/navigation';
import { contextBlockOf } from '../features/related';
import { selectionRanges } from '../features/selectionRanges';
import { semanticTokens, semanticTokensLegend } from '../features/semanticTokens';
import { documentSymbols, workspaceSymbols } from '../features/symbols';
import { CompletionDocs } from './completionDocs';
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
};

/** Wires each feature to its request; every handler reads the state at call time and never writes it. */
export function registerFeatureHandlers(connection: Connection, state: ServerState): void {
  const path = (uri: string) => state.uriToPath(uri);
  const parsed = (uri: string) => state.workspace.parsed(path(uri));

  const docs = new CompletionDocs();
  connection.onCompletion((p) => docs.strip(completion(state, path(p.textDocument.uri), p.position)));
  connection.onCompletionResolve((item) => docs.resolve(item));
  connection.onHover((p) => hover(state, path(p.textDocument.uri), p.position));
  connection.onDocumentSymbol((p) => {
    const file = parsed(p.textDocument.uri);
    return file ? documentSymbols(file) : [];
  });
  connection.onWorkspaceSymbol((p) => workspaceSymbols(state, p.query));
  connection.onFoldingRanges((p) => {
    const file = parsed(p.textDocument.uri);
    return file ? foldingRanges(file) : [];
  });
  connection.onSelectionRanges((p) => {
    const file = parsed(p.textDocument.uri);
    return file ? selectionRanges(file, p.positions) : [];
  });
  connection.onDefinition((p) => definition(state, path(p.textDocument.uri), p.position));
  connection.onReferences((p) => references(state, path(p.textDocument.uri), p.position, p.context.includeDeclaration));
  connection.onPrepareRename((p) => prepareRename(state, path(p.textDocument.uri), p.position));
  connection.onRenameRequest((p) => rename(state, path(p.textDocument.uri), p.position, p.newName));
  connection.onDocumentFormatting((p) => {
    const text = state.workspace.text(path(p.textDocument.uri));
    return text === undefined ? [] : formatDocument(text, formatSettings(state.settings().format, p.options));
  });
  connection.onDocumentRangeFormatting((p) => {
    const text = state.workspace.text(path(p.textDocument.uri));
    return text === undefined ? [] : formatRange(text, p.range, formatSettings(state.settings().format, p.options));
  });
  connection.onCodeAction((p) => codeActions(state, path(p.textDocument.uri), p.context.diagnostics));
  connection.languages.semanticTokens.on((p) => {
    const file = parsed(p.textDocument.uri);
    return file ? semanticTokens(file, contextBlockOf(state, path(p.textDocument.uri))) : { data: [] };
  });
}
