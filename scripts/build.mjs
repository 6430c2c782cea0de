// Bundles the client, the server and the CLI with esbuild into dist/.
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

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, ...nodeBin, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, ...nodeBin, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
