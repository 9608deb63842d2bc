'use strict';
// Stands in for two of chevrotain's parser traits the bundled parser never uses: content assist (suggesting the
// tokens that may come next) and the tracing of its start-up phases (off unless traceInitPerf is set).
class ContentAssist {
  initContentAssist() {}
}

class PerformanceTracer {
  initPerformanceTracer(config) {
    if (config.traceInitPerf) throw new Error("chevrotain's start-up tracing is not part of the keepalived-tools bundles");
    this.traceInitPerf = false;
  }

  TRACE_INIT(_phase, run) {
    return run();
  }
}

module.exports = { ContentAssist, PerformanceTracer };
