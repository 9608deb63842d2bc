'use strict';
// Stands in for @chevrotain/cst-dts-gen, which chevrotain loads only to offer generateCstDts(): writing TypeScript
// declarations for a CST parser, a build-time job. Nothing run from the bundles calls it.
module.exports = {
  generateCstDts() {
    throw new Error('generateCstDts is not part of the keepalived-tools bundles');
  },
};
