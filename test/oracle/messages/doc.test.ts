/** docs/keepalived-messages.md is what `npm run generate:messages` makes of the message table today. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { DOC_PATH, messagesDoc } from '../../../scripts/generate-messages-doc';

it('docs/keepalived-messages.md is up to date with the message table (run npm run generate:messages)', () => {
  assert.ok(readFileSync(DOC_PATH, 'utf8') === messagesDoc(), 'docs/keepalived-messages.md is stale: run npm run generate:messages');
});
