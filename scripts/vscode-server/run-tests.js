#!/usr/bin/env node
'use strict';
// Runs an extension's VS Code test suite through @vscode/test-electron's standard
// runTests(), with scripts/vscode-server/code.js as the "VS Code executable"
// (headless VS Code server + Chromium; see code.js).
//
//   node scripts/vscode-server/run-tests.js \
//     --extensionDevelopmentPath=. \
//     --extensionTestsPath=./out/test/e2e/index.js \
//     [--workspace=test-fixtures/workspace]      folder, file or .code-workspace to open
//     [--install-extension=some.vsix ...]        installed first, through bin/code (the CLI)
//     [--real-vscode]                            download a desktop VS Code instead (needs internet)
//     [-- <more VS Code launch args>]            e.g. -- --disable-extensions
//
// Positional form: run-tests.js <extensionDevelopmentPath> <extensionTestsPath> [workspace]
// Exit code: 0 when the suite passed, otherwise the suite's / runner's code.
// Extensions and user data go to ./.vscode-test/{extensions,user-data} (test-electron's
// defaults) unless --extensions-dir / --user-data-dir are among the launch args.

const path = require('path');
const { spawnSync } = require('child_process');
const { PROJECT_ROOT } = require('./lib/vscode-server');

function loadTestElectron() {
  try { return require(path.join(PROJECT_ROOT, 'node_modules', '@vscode', 'test-electron')); } catch { /* fall through */ }
  return require('@vscode/test-electron');
}

function parse(argv) {
  const o = { install: [], launchArgs: [], positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { o.launchArgs.push(...argv.slice(i + 1)); break; }
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (!m) { o.positional.push(a); continue; }
    const [, name, inline] = m;
    const val = () => (inline !== undefined ? inline : argv[++i]);
    switch (name) {
      case 'extensionDevelopmentPath': o.dev = val(); break;
      case 'extensionTestsPath': o.tests = val(); break;
      case 'workspace': o.workspace = val(); break;
      case 'install-extension': o.install.push(val()); break;
      case 'real-vscode': o.real = true; break;
      case 'help': case 'h': o.help = true; break;
      default: o.launchArgs.push(a); // unknown flags go to VS Code as they are
    }
  }
  o.dev = o.dev || o.positional[0];
  o.tests = o.tests || o.positional[1];
  o.workspace = o.workspace || o.positional[2];
  return o;
}

async function main() {
  const o = parse(process.argv.slice(2));
  if (o.help || !o.dev || !o.tests) {
    console.error('usage: run-tests.js --extensionDevelopmentPath=DIR --extensionTestsPath=FILE '
      + '[--workspace=PATH] [--install-extension=X.vsix] [-- launch args]');
    return o.help ? 0 : 2;
  }
  const te = loadTestElectron();
  const extensionDevelopmentPath = path.resolve(o.dev);
  const extensionTestsPath = path.resolve(o.tests);
  const launchArgs = [...(o.workspace ? [path.resolve(o.workspace)] : []), ...o.launchArgs];

  let vscodeExecutablePath;
  if (o.real) {
    vscodeExecutablePath = await te.downloadAndUnzipVSCode(process.env.VSCODE_VERSION || 'stable');
  } else {
    vscodeExecutablePath = path.join(__dirname, 'code.js');
  }

  if (o.install.length) {
    // test-electron's documented way to install extensions before a run.
    const passDirs = launchArgs.filter((a) => /^--(extensions-dir|user-data-dir)=/.test(a));
    const [cli, ...cliArgs] = te.resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
    for (const vsix of o.install) {
      const target = /\.vsix$/i.test(vsix) ? path.resolve(vsix) : vsix;
      const notPassed = cliArgs.filter((a) => !passDirs.some((p) => p.split('=')[0] === a.split('=')[0]));
      const r = spawnSync(cli, [...passDirs, ...notPassed, '--install-extension', target, '--force'], { stdio: 'inherit', encoding: 'utf8' });
      if (r.status !== 0) {
        console.error(`run-tests.js: installing ${vsix} failed (exit ${r.status})`);
        return r.status || 1;
      }
    }
  }

  try {
    const code = await te.runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs,
      extensionTestsEnv: process.env.VSCODE_E2E_TESTS_ENV ? JSON.parse(process.env.VSCODE_E2E_TESTS_ENV) : undefined,
    });
    return code;
  } catch (e) {
    // runTests rejects with TestRunFailedError { code } when the suite fails.
    console.error(`run-tests.js: ${e && e.message || e}`);
    return typeof e.code === 'number' && e.code !== 0 ? e.code : 1;
  }
}

main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(1); });
