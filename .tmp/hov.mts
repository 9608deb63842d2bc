import { stateFor } from '../test/features/state.ts';
import { hover } from '../server/src/features/hover.ts';
const f = '/tmp/pc/h.conf';
const s = stateFor([f]);
for (const ch of [14, 30, 42]) console.log(ch, JSON.stringify(hover(s, f, { line: 1, character: ch }))?.slice(0, 300));
