/** Writes syntaxes/keepalived.tmLanguage.json from the keyword schema: `npm run generate:grammar`. */
import { writeFileSync } from 'node:fs';
import { GRAMMAR_PATH, renderGrammar } from './grammar/build-grammar';

writeFileSync(GRAMMAR_PATH, renderGrammar());
console.log(`wrote ${GRAMMAR_PATH}`);
