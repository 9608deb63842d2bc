'use strict';
// chevrotain's token and recorder modules take only Lexer.NA (the "never matches" pattern) from its lexer module.
const NOT_APPLICABLE = /NOT_APPLICABLE/;
module.exports = { NOT_APPLICABLE, Lexer: { NA: NOT_APPLICABLE } };
