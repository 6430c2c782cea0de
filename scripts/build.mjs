// Bundles the client, the server, its language service and the CLI with esbuild into dist/, after
// compiling the glossary's JSON Schema into validators (scripts/glossary-validators.mjs).
import * as esbuild from 'esbuild';
import { writeGlossaryValidators } from './glossary-validators.mjs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  // Smaller bundles load faster when VS Code activates the extension; names kept for stack traces.
  minify: true,
  keepNames: true,
  logLevel: 'warning',
  // jsonc-parser's main build is UMD, whose requires esbuild cannot follow: take its ES modules.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};
const nodeBin = { banner: { js: '#!/usr/bin/env node' } };

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // dist/server.js runs dist/lsp.js (lsp.ts, server.ts) with V8's code cache (server/src/main.ts).
  { ...common, ...nodeBin, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  // dist/lsp.js answers initialize before it loads dist/service.js, also through the code cache.
  { ...common, entryPoints: ['server/src/lsp.ts'], outfile: 'dist/lsp.js' },
  { ...common, entryPoints: ['server/src/service/index.ts'], outfile: 'dist/service.js' },
  { ...common, ...nodeBin, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' },
];

writeGlossaryValidators();
if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
