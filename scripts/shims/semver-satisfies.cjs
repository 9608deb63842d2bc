'use strict';
// semver/functions/satisfies exports the function itself
module.exports = require('./semver-caret.cjs').satisfies;
