/**
 * The extension ships one bundle, dist/extension.js. VS Code loads it as the extension; the language client
 * forks the same file with this flag to run the language server. No imports here: the server process must
 * not load anything of the client side to learn its role.
 */
export const EXTENSION_BUNDLE = 'dist/extension.js';
export const SERVER_ROLE_FLAG = '--keepalived-language-server';
