'use strict';
// semver/functions/parse exports the function itself
module.exports = require('./semver-caret.cjs').parse;
