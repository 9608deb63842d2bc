'use strict';
// Stands in for vscode-languageclient's progressPart.js (about 1 KB of the .vsix), the notification that shows a
// server's work-done progress. The keepalived language server reports none (its reporter discards,
// languageserver-no-progress.cjs) and the client asks for no progress on initialization, so a part is never
// shown; one the protocol still creates only ends.
class ProgressPart {
  done() {}
  cancel() {}
}
module.exports = { ProgressPart };
