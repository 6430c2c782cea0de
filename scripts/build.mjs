// Bundles the client, the server, its language service and the CLI with esbuild into dist/, after
// compiling the glossary's JSON Schema into validators (scripts/glossary-validators.mjs); writes the
// built-in glossary's data beside them, in dist/glossary/ (scripts/glossary-data.mjs).
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { writeGlossaryData } from './glossary-data.mjs';
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
// The `docx` package (a third of a megabyte) is its own bundle, dist/docx.js, required from beside
// the service and the CLI only when a DOCX export asks for it: they start without reading it.
const docxApart = {
  plugins: [{ name: 'docx-apart', setup: (build) => build.onResolve({ filter: /^docx$/ }, () => ({ path: './docx.js', external: true })) }],
};

// The waveform's peaks (client/src/waveformPeaks.ts, with the WebAssembly audio decoders, a few
// hundred kilobytes) are their own bundle, dist/waveform.js, loaded when a player first opens.
const waveformApart = {
  plugins: [{
    name: 'waveform-apart',
    setup: (build) => build.onResolve({ filter: /^\.\/waveformPeaks\.js$/ }, () => ({ path: './waveform.js', external: true })),
  }],
  // `import()` becomes `require()`: VS Code's extension host loads the extension's CommonJS through its own require.
  supported: { 'dynamic-import': false },
};

// vscode-languageserver's node entry requires its `Files` helpers (module resolution, global npm
// and yarn paths), which load child_process at start-up; the server uses none of them.
const withoutServerFiles = {
  plugins: [{
    name: 'without-server-files',
    setup: (build) => {
      build.onResolve({ filter: /^\.\/files$/ }, (args) => (/vscode-languageserver[\\/]lib[\\/]node[\\/]main\.js$/.test(args.importer)
        ? { path: 'files', namespace: 'without-server-files' } : undefined));
      build.onLoad({ filter: /.*/, namespace: 'without-server-files' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
    },
  }],
};

const builds = [
  { ...common, ...waveformApart, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // ogg-opus-decoder imports its machine-learning variant (4 MB) only for an option we do not set.
  { ...common, entryPoints: ['client/src/waveformPeaks.ts'], outfile: 'dist/waveform.js', external: ['@wasm-audio-decoders/opus-ml'] },
  // dist/server.js runs dist/lsp.js (lsp.ts, server.ts) with V8's code cache (server/src/main.ts).
  { ...common, ...nodeBin, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  // dist/lsp.js answers initialize before it loads dist/service.js, also through the code cache.
  { ...common, ...withoutServerFiles, entryPoints: ['server/src/lsp.ts'], outfile: 'dist/lsp.js' },
  { ...common, ...docxApart, entryPoints: ['server/src/service/index.ts'], outfile: 'dist/service.js' },
  { ...common, ...nodeBin, ...docxApart, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' },
  { ...common, entryPoints: [createRequire(import.meta.url).resolve('docx')], outfile: 'dist/docx.js' },
  // The media player's page (issue 18), with wavesurfer.js: runs in a webview, a browser.
  { ...common, platform: 'browser', format: 'iife', target: 'chrome120', entryPoints: ['client/player/player.ts'], outfile: 'dist/player.js' },
];

writeGlossaryValidators();
writeGlossaryData();
if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
