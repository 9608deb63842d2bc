// tinyglobby (with fdir and picomatch) takes ~15 ms to load and only wildcard includes and the server's file
// discovery need it: loaded on first use, the command-line linter does not pay for it on every run. Everyone
// goes through here so that bundles hold one copy (a require() picks tinyglobby's CommonJS build, an import its
// ES module build).
let globber: typeof import('tinyglobby') | undefined;

export function loadGlobber(): typeof import('tinyglobby') {
  return (globber ??= require('tinyglobby') as typeof import('tinyglobby'));
}
