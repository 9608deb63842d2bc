'use strict';
// Stands in for vscode-languageserver-protocol's notebook module. The client's and the server's notebook features
// are stand-ins already (languageclient-unused-features.cjs, languageserver-no-notebooks.cjs): of this module
// only the message types remain in use, for the protocol's tables of methods; the cell and document helpers go.
const { MessageDirection, RegistrationType, ProtocolNotificationType } = require('../../node_modules/vscode-languageserver-protocol/lib/common/messages.js');

const NotebookCellKind = { Markup: 1, Code: 2, is: (value) => value === 1 || value === 2 };
const NotebookDocumentSyncRegistrationType = { method: 'notebookDocument/sync', messageDirection: MessageDirection.clientToServer };
NotebookDocumentSyncRegistrationType.type = new RegistrationType(NotebookDocumentSyncRegistrationType.method);

const notification = (method) => ({ method, messageDirection: MessageDirection.clientToServer, type: new ProtocolNotificationType(method), registrationMethod: NotebookDocumentSyncRegistrationType.method });

module.exports = {
  NotebookCellKind,
  ExecutionSummary: {},
  NotebookCell: {},
  NotebookDocument: {},
  NotebookCellArrayChange: {},
  NotebookDocumentSyncRegistrationType,
  DidOpenNotebookDocumentNotification: notification('notebookDocument/didOpen'),
  DidChangeNotebookDocumentNotification: notification('notebookDocument/didChange'),
  DidSaveNotebookDocumentNotification: notification('notebookDocument/didSave'),
  DidCloseNotebookDocumentNotification: notification('notebookDocument/didClose'),
};
