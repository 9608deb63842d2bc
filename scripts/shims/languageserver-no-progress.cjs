'use strict';
// Stands in for vscode-languageserver's work-done and partial-result progress (about 2.6 KB of the bundle):
// the keepalived language server answers every request at once and reports no progress, so each request gets
// a reporter that discards what it is told, and no partial-result reporter.
class NullProgressReporter {
  begin() {}
  report() {}
  done() {}
}
module.exports = {
  WorkDoneProgressReporter: {},
  ProgressFeature: (Base) => Base,
  attachWorkDone: () => new NullProgressReporter(),
  attachPartialResult: () => undefined,
};
