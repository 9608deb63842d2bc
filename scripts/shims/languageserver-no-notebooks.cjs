'use strict';
// Stands in for vscode-languageserver's notebook module (about 5 KB of the bundle): the server synchronizes no
// notebooks, so the notebook connection keeps its base class and NotebookDocuments is never built.
module.exports = {
  NotebookSyncFeature: (Base) => Base,
  NotebookDocuments: class NotebookDocuments {
    constructor() {
      throw new Error('notebooks are not supported by the keepalived language server');
    }
  },
};
