'use strict';
// Stands in for vscode-languageserver's feature mixins whose requests the keepalived language server never
// handles (file operations, call and type hierarchy, monikers, inline values and completions, linked editing,
// pull diagnostics, text document content, showDocument): each leaves its base class as it is, so the
// connection simply lacks those handler registrations. About 5 KB of the bundle.
const keepBase = (Base) => Base;
module.exports = {
  FileOperationsFeature: keepBase,
  CallHierarchyFeature: keepBase,
  TypeHierarchyFeature: keepBase,
  MonikerFeature: keepBase,
  InlineValueFeature: keepBase,
  InlineCompletionFeature: keepBase,
  LinkedEditingRangeFeature: keepBase,
  DiagnosticFeature: keepBase,
  TextDocumentContentFeature: keepBase,
  ShowDocumentFeature: keepBase,
};
