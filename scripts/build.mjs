// Bundles each entry point into one minified CommonJS file under dist/, with a source map.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { minify } from 'terser';
import { shimPlugin } from './shims/plugin.mjs';

/** the language server's V8 flags, as client/src/bundle-role.ts declares them (one array literal of strings) */
const SERVER_NODE_FLAGS = JSON.parse(
  /SERVER_NODE_FLAGS: readonly string\[\] = (\[[^\]]*\])/.exec(readFileSync('client/src/bundle-role.ts', 'utf8'))[1].replace(/'/g, '"'),
);

// extension.js is the whole VS Code extension (client, and the server it forks from the same file);
// `--package` (npm run package) also shrinks extension.js for the .vsix.
// server, lint and deploy are the command-line tools of the npm package; dist/lint.js is a small launcher that
// answers --cache runs through lint-cached.js or runs lint-main.js through a V8 code cache
// (server/src/cli/codeCache.ts). BUILD_OUTDIR lets tests build aside.
const outdir = process.env.BUILD_OUTDIR ?? 'dist';
const entries = {
  extension: 'client/src/bundle-entry.ts',
  server: 'server/src/lsp/main.ts',
  'lint-main': 'server/src/cli/lint.ts',
  // what dist/lint.js needs to answer a --cache run from the result cache, loaded only then
  'lint-cached': 'server/src/cli/cachedReport.ts',
  deploy: 'server/src/deploy/cli.ts',
};
/**
 * The linter reads a whole config into an AST that lives until it exits; the collector copies what survives
 * its young generation, and a young generation capped at 2 MB moves the AST on sooner: measured ~13% faster at
 * 100k lines, no slower at 1k (bench/README). V8 takes heap sizes only on the command line, hence `env -S`.
 * --verify-snapshot-checksum has V8 checksum the code cache itself (server/src/cli/codeCache.ts): the launcher
 * then loads no zlib for a CRC, ~6 ms of a run on the example pair.
 * The language server is the opposite case, a warm process re-checking large trees: SERVER_NODE_FLAGS
 * (client/src/bundle-role.ts, which the VS Code client forks it with), read from that file here.
 */
const NODE_COMMAND = { lint: '-S node --max-semi-space-size=2 --verify-snapshot-checksum', server: `-S node ${SERVER_NODE_FLAGS.join(' ')}` };
const launchers = {
  lint: { entry: 'server/src/cli/lintLauncher.ts', bundle: 'lint-main', hashName: 'LINT_BUNDLE_HASH' },
  'lint-worker': { entry: 'server/src/cli/lintWorkerLauncher.ts', bundle: 'lint-main', hashName: 'LINT_BUNDLE_HASH' },
};

const options = (name, file) => ({
  entryPoints: [file],
  outfile: `${outdir}/${name}.js`,
  bundle: true,
  minify: true,
  sourcemap: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // 'vscode' is provided by the editor; ssh2's optional native helpers fall back to pure JS when absent.
  // The .vsix has a size budget (test/package/vsix.test.ts) that the YAML parser does not fit: there
  // .keepalived-lint.json is read, and a YAML one is reported as needing the npm commands.
  external: ['vscode', 'cpu-features', '*.node', ...(name === 'extension' ? ['yaml'] : [])],
  // dependency modules replaced by smaller stand-ins (scripts/shims/); test/deploy bundles with them too
  plugins: [shimPlugin],
  // the bundles a launcher loads are not run as commands themselves
  banner: name === 'extension' || name.endsWith('-main') || name.endsWith('-worker') || name === 'lint-cached' ? undefined : { js: `#!/usr/bin/env ${NODE_COMMAND[name] ?? 'node'}` },
  logLevel: 'warning',
});

await Promise.all(
  Object.entries(entries)
    .filter(([, file]) => existsSync(file))
    .map(([name, file]) => build(options(name, file))),
);
/**
 * The .vsix has a size budget (test/package/vsix.test.ts). Terser's mangler hands the shortest names to the most
 * used identifiers, across the bundle's top level too, which esbuild leaves long: ~6% less once zipped (a third
 * pass: 135 bytes more). Only
 * the packaged extension gets this pass (`--package`): it adds ~10 s to a build. The source map is chained to the TypeScript sources.
 */
async function shrinkForPackage(name) {
  const file = `${outdir}/${name}.js`;
  const { code, map } = await minify(readFileSync(file, 'utf8'), {
    toplevel: true,
    compress: { passes: 3, pure_getters: true, unsafe: true, unsafe_arrows: true },
    ecma: 2020,
    sourceMap: { content: readFileSync(`${file}.map`, 'utf8'), url: `${name}.js.map` },
  });
  writeFileSync(file, code);
  writeFileSync(`${file}.map`, map);
}
if (process.argv.includes('--package') && existsSync(`${outdir}/extension.js`)) await shrinkForPackage('extension');

await Promise.all(
  Object.entries(launchers).map(([name, { entry, bundle, hashName }]) => {
    const hash = createHash('sha256').update(readFileSync(`${outdir}/${bundle}.js`)).digest('hex').slice(0, 32);
    const base = options(name, entry);
    // a launcher loads no ES module: no import.meta.url stand-in to set up at every start
    return build({ ...base, inject: [], define: { [hashName]: JSON.stringify(hash) } });
  }),
);
// the commands run as they are when installed (npm marks bin files executable; this does it for dist/ itself)
for (const name of ['server', 'lint', 'deploy']) if (existsSync(`${outdir}/${name}.js`)) chmodSync(`${outdir}/${name}.js`, 0o755);
