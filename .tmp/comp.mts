import { stateFor } from '../test/features/state.ts';
import { completion } from '../server/src/features/completion.ts';
import { writeFileSync } from 'node:fs';
const f = '/tmp/pc/c2.conf';
writeFileSync(f, 'global_defs {\n  router_id $\n}\n');
console.log(completion(stateFor([f]), f, { line: 1, character: 13 }).map((i) => `${i.label} ${JSON.stringify(i.textEdit)}`));
console.log(completion(stateFor([f], undefined, { keepalivedVersion: '2.2.7' }), f, { line: 1, character: 13 }).map((i) => i.label));
