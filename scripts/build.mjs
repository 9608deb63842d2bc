// Bundles each entry point into one minified CommonJS file under dist/, with a source map.
import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import { shimPlugin } from './shims/plugin.mjs';

// extension.js is the whole VS Code extension (client, and the server it forks from the same file);
// server, lint and deploy are the command-line tools of the npm package.
const entries = {
  extension: 'client/src/bundle-entry.ts',
  server: 'server/src/lsp/main.ts',
  lint: 'server/src/cli/lint.ts',
  deploy: 'server/src/deploy/cli.ts',
};

await Promise.all(
  Object.entries(entries)
    .filter(([, file]) => existsSync(file))
    .map(([name, file]) =>
      build({
        entryPoints: [file],
        outfile: `dist/${name}.js`,
        bundle: true,
        minify: true,
        sourcemap: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        // 'vscode' is provided by the editor; ssh2's optional native helpers fall back to pure JS when absent.
        external: ['vscode', 'cpu-features', '*.node'],
        // dependency modules replaced by smaller stand-ins (scripts/shims/); test/deploy bundles with them too
        plugins: [shimPlugin],
        // ESM dependencies (fdir, under tinyglobby) read import.meta.url, which a CJS bundle lacks.
        inject: ['scripts/import-meta-url.js'],
        define: { 'import.meta.url': 'importMetaUrl' },
        banner: name === 'extension' ? undefined : { js: '#!/usr/bin/env node' },
        logLevel: 'warning',
      }),
    ),
);
