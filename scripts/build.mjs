// Bundles the client, the server, its language service and the CLI with esbuild into dist/.
import * as path from 'node:path';
import * as esbuild from 'esbuild';

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
};
const nodeBin = { banner: { js: '#!/usr/bin/env node' } };

// The server answers initialize before it loads the language service (server/src/server.ts): its
// `require('./service')` stays a require, of dist/service.js, the service's own bundle.
const serviceLoadedLater = {
  name: 'service-loaded-later',
  setup(build) {
    const serverSources = path.resolve('server', 'src');
    build.onResolve({ filter: /^\.\/service$/ }, (args) => (args.resolveDir === serverSources ? { path: './service.js', external: true } : undefined));
  },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // dist/server.js runs dist/lsp.js (server.ts) with V8's code cache (server/src/main.ts).
  { ...common, ...nodeBin, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/lsp.js', plugins: [serviceLoadedLater] },
  { ...common, entryPoints: ['server/src/service/index.ts'], outfile: 'dist/service.js' },
  { ...common, ...nodeBin, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
