// ssh2's package index also loads its SSH server, key generator and HTTP agents, none of which deploy uses;
// importing the two modules deploy needs keeps them out of the bundles. @types/ssh2 types only the index.
declare module 'ssh2/lib/client.js' {
  import { Client } from 'ssh2';
  export = Client;
}

declare module 'ssh2/lib/protocol/keyParser.js' {
  import { utils } from 'ssh2';
  export const parseKey: typeof utils.parseKey;
}
