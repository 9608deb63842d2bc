// Injected into the CommonJS bundles by scripts/build.mjs: ESM dependencies (fdir, under tinyglobby)
// read import.meta.url, which CommonJS lacks; this gives them the bundle file's own URL.
export const importMetaUrl = require('url').pathToFileURL(__filename).href;
