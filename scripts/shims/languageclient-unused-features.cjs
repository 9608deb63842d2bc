'use strict';
// Stands in for the vscode-languageclient feature modules whose requests the language server never answers
// (notebooks, pull diagnostics, call and type hierarchy, file operations, ...): about 70 KB of the bundle. Each
// class is a static feature that announces nothing and registers nothing, so the client neither offers these
// capabilities nor installs providers for them. test/package/vsix.test.ts checks that the
// server's capabilities use none of them; a feature the server starts to use must leave UNUSED_CLIENT_FEATURES.
class InertFeature {
  constructor() {}
  getState() {
    return { kind: 'static' };
  }
  fillClientCapabilities() {}
  initialize() {}
  clear() {}
}

class NotebookDocumentSyncFeature extends InertFeature {}
NotebookDocumentSyncFeature.CellScheme = 'vscode-notebook-cell';

module.exports = {
  NotebookDocumentSyncFeature,
  DiagnosticFeature: class DiagnosticFeature extends InertFeature {},
  DiagnosticPullMode: { onType: 'onType', onSave: 'onSave' },
  vsdiag: {},
  CallHierarchyFeature: class CallHierarchyFeature extends InertFeature {},
  TypeHierarchyFeature: class TypeHierarchyFeature extends InertFeature {},
  LinkedEditingFeature: class LinkedEditingFeature extends InertFeature {},
  DidCreateFilesFeature: class DidCreateFilesFeature extends InertFeature {},
  DidRenameFilesFeature: class DidRenameFilesFeature extends InertFeature {},
  DidDeleteFilesFeature: class DidDeleteFilesFeature extends InertFeature {},
  WillCreateFilesFeature: class WillCreateFilesFeature extends InertFeature {},
  WillRenameFilesFeature: class WillRenameFilesFeature extends InertFeature {},
  WillDeleteFilesFeature: class WillDeleteFilesFeature extends InertFeature {},
  TextDocumentContentFeature: class TextDocumentContentFeature extends InertFeature {},
  InlineCompletionItemFeature: class InlineCompletionItemFeature extends InertFeature {},
  InlineValueFeature: class InlineValueFeature extends InertFeature {},
  SignatureHelpFeature: class SignatureHelpFeature extends InertFeature {},
  DocumentHighlightFeature: class DocumentHighlightFeature extends InertFeature {},
  TypeDefinitionFeature: class TypeDefinitionFeature extends InertFeature {},
  ImplementationFeature: class ImplementationFeature extends InertFeature {},
  ColorProviderFeature: class ColorProviderFeature extends InertFeature {},
  DeclarationFeature: class DeclarationFeature extends InertFeature {},
  ExecuteCommandFeature: class ExecuteCommandFeature extends InertFeature {},
};
