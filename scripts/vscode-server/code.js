#!/usr/bin/env node
'use strict';
// A stand-in "VS Code executable" for @vscode/test-electron's runTests():
//
//   runTests({ vscodeExecutablePath: '<project>/scripts/vscode-server/code.js', ... })
//
// It maps the desktop CLI arguments onto the headless setup:
//   VS Code server (code-server's server-main.js, installed by install.sh)
//   + Debian Chromium driven by playwright-core, opening the workbench with the
//     extensionDevelopmentPath / extensionTestsPath payload.
// The extension's test runner (index.js exporting run()) runs in the server's
// Node extension host; its console output arrives through the smoke-test
// driver hook window.codeAutomationLog and its result through
// window.codeAutomationExit(code), which becomes this process's exit code.
//
// Also works as the CLI (`bin/code` next to this file, which is what
// @vscode/test-electron's resolveCliArgsFromVSCodeExecutablePath() points to):
//   code.js --install-extension X.vsix|id [--force] --extensions-dir DIR
//   code.js --uninstall-extension id --extensions-dir DIR
//   code.js --list-extensions [--show-versions] --extensions-dir DIR
//   code.js --version
//
// Environment:
//   VSCODE_E2E_TIMEOUT_MS       hard limit for the whole run (default 300000); exit 124 after it
//   VSCODE_E2E_SCREENSHOT_DIR   if set: a PNG of the workbench is saved there at the end of the run
//                               (final.png, or timeout.png), and a test may ask for one by
//                               printing a line "[vscode-e2e:screenshot] NAME" (see lib/e2e-helpers.js)
//   VSCODE_E2E_LOGS_DIR         if set: the workbench logs handed over on exit and the server's
//                               logs are copied there
//   VSCODE_E2E_VERBOSE=1        echo server output and browser console to stderr
//   VSCODE_SERVER_MAIN          path to server-main.js (default: <project>/.cache/code-server/...)
//   CHROMIUM_PATH               default /usr/bin/chromium

const fs = require('fs');
const path = require('path');
const util = require('util');
const { spawn } = require('child_process');
const lib = require('./lib/vscode-server');

const VERBOSE = process.env.VSCODE_E2E_VERBOSE === '1';
const TIMEOUT_MS = Number(process.env.VSCODE_E2E_TIMEOUT_MS || 300000);
const SCREENSHOT_DIR = process.env.VSCODE_E2E_SCREENSHOT_DIR || '';
const LOGS_DIR = process.env.VSCODE_E2E_LOGS_DIR || '';
// Workbench chatter that arrives on the same channel as the tests' console output.
const NOISE = [
  /^Resolving connection token \(/, /^Resolved connection token \(/, /^Creating a socket \(/,
  /^Ignoring fetching additional builtin extensions/, /^Updating additional builtin extensions cache/,
  /^ChatSessionStore: /, /^\[Service Worker\] registration/, /^getaddrinfo ENOTFOUND /,
];
const SCREENSHOT_MARKER = /\[vscode-e2e:screenshot\]\s+([A-Za-z0-9._-]+)/;

function say(msg) { process.stderr.write(`[code.js] ${msg}\n`); }

// ------------------------------------------------------------------ arguments
const VALUE_ARGS = new Set([
  'extensionDevelopmentPath', 'extensionTestsPath', 'extensionDevelopmentKind', 'user-data-dir', 'extensions-dir',
  'install-extension', 'uninstall-extension', 'locale', 'log', 'folder-uri', 'file-uri', 'enable-proposed-api',
  'disable-extension', 'profile', 'sync', 'inspect-extensions', 'inspect-brk-extensions', 'category',
  'extensionEnvironment', 'crash-reporter-directory', 'crash-reporter-id', 'logsPath',
]);
const MULTI_ARGS = new Set(['extensionDevelopmentPath', 'install-extension', 'uninstall-extension', 'enable-proposed-api', 'disable-extension', 'log']);
// Flags whose value is optional or that take none: everything not in VALUE_ARGS.

function parseArgs(argv) {
  const opts = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { opts._.push(...argv.slice(i + 1)); break; }
    if (!a.startsWith('-') || a === '-') { opts._.push(a); continue; }
    let name = a.replace(/^--?/, '');
    let value;
    const eq = name.indexOf('=');
    if (eq >= 0) { value = name.slice(eq + 1); name = name.slice(0, eq); }
    if (VALUE_ARGS.has(name)) {
      if (value === undefined) {
        if (i + 1 >= argv.length) throw new Error(`missing value for --${name}`);
        value = argv[++i];
      }
    } else if (value === undefined) {
      value = true;
    }
    if (MULTI_ARGS.has(name)) (opts[name] = opts[name] || []).push(value);
    else opts[name] = value;
  }
  return opts;
}

const resolvePath = (p) => path.resolve(process.cwd(), p);

// codeAutomationLog receives console calls as a JSON array [format, ...args].
function formatLog(message) {
  if (Array.isArray(message)) return util.format(...message);
  if (typeof message !== 'string') return util.format('%o', message);
  if (message.startsWith('[')) {
    try {
      const parts = JSON.parse(message);
      if (Array.isArray(parts)) return util.format(...parts);
    } catch { /* not JSON: print as is */ }
  }
  return message;
}

// ------------------------------------------------------------------ CLI mode
function runServerCli(args) {
  // A throw-away --server-data-dir keeps the CLI from creating ~/.vscode-server-oss.
  const dataDir = lib.mkTemp('vscode-cli-');
  const env = { ...process.env, TMPDIR: dataDir };
  if (env.EXTENSIONS_GALLERY === undefined) env.EXTENSIONS_GALLERY = '{}';
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [lib.serverMainPath(), '--server-data-dir', dataDir, ...args], { stdio: 'inherit', env });
    child.on('exit', (code) => { lib.rmrf(dataDir); resolve(code === null ? 1 : code); });
    child.on('error', (e) => { lib.rmrf(dataDir); say(`cannot run the server CLI: ${e.message}`); resolve(1); });
  });
}

function cliDirArgs(opts) {
  // The server CLI creates these with a non-recursive mkdir: make the parents first.
  const out = [];
  for (const k of ['extensions-dir', 'user-data-dir']) {
    if (!opts[k]) continue;
    const d = resolvePath(opts[k]);
    fs.mkdirSync(d, { recursive: true });
    out.push(`--${k}`, d);
  }
  return out;
}

async function installExtensions(opts) {
  const args = [...cliDirArgs(opts)];
  for (const x of opts['install-extension'] || []) {
    // A .vsix path is resolved against our cwd; anything else is a marketplace id (unreachable here).
    args.push('--install-extension', /\.vsix$/i.test(x) ? resolvePath(x) : x);
  }
  for (const x of opts['uninstall-extension'] || []) args.push('--uninstall-extension', x);
  if (opts.force) args.push('--force');
  if (opts['pre-release']) args.push('--pre-release');
  return runServerCli(args);
}

// ------------------------------------------------------------------ test run
async function main() {
  const opts = parseArgs(process.argv.slice(2));

  if (opts.version || opts.v) return runServerCli(['--version']);
  if (opts.help || opts.h) {
    process.stdout.write(fs.readFileSync(__filename, 'utf8').split('\n').slice(2, 33).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
    return 0;
  }
  const wantsRun = !!opts.extensionTestsPath;
  const hasCliWork = (opts['install-extension'] || opts['uninstall-extension'] || opts['list-extensions']);
  if (hasCliWork) {
    let code = 0;
    if (opts['install-extension'] || opts['uninstall-extension']) code = await installExtensions(opts);
    if (code === 0 && opts['list-extensions']) {
      const a = ['--list-extensions', ...cliDirArgs(opts)];
      if (opts['show-versions']) a.push('--show-versions');
      if (opts.category) a.push('--category', opts.category);
      code = await runServerCli(a);
    }
    if (code !== 0 || !wantsRun) return code;
  }
  if (!wantsRun) {
    say('nothing to do: this stand-in only runs extension tests (--extensionTestsPath=...), ' +
      'or manages extensions (--install-extension / --list-extensions). For pictures use screenshot.js.');
    return 2;
  }
  return runTests(opts);
}

async function runTests(opts) {
  const t0 = Date.now();
  const devPaths = (opts.extensionDevelopmentPath || []).map(resolvePath);
  const testsPath = resolvePath(opts.extensionTestsPath);
  if (devPaths.length > 1) {
    // The web workbench keeps its payload in a Map: only one extensionDevelopmentPath survives.
    say(`WARNING: ${devPaths.length} extensionDevelopmentPath values given; the web workbench loads only the first (${devPaths[0]})`);
  }
  for (const p of [...devPaths, testsPath]) {
    if (!fs.existsSync(p)) throw new Error(`path does not exist: ${p}`);
  }

  // Folder / workspace / file to open: positionals, --folder-uri, --file-uri.
  let folder, workspace, openFile;
  const targets = [...opts._];
  if (opts['folder-uri']) targets.push(opts['folder-uri']);
  if (opts['file-uri']) targets.push(opts['file-uri']);
  const gotoMode = !!(opts.goto || opts.g);
  let gotoSuffix = '';
  for (let t of targets) {
    if (/^file:\/\//.test(t)) t = decodeURIComponent(new URL(t).pathname);
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(t)) { say(`WARNING: ignoring non-file URI ${t}`); continue; }
    let suffix = '';
    if (gotoMode) { // code -g file:line[:col]
      const m = /^(.*?)((?::\d+){1,2})$/.exec(t);
      if (m) { t = m[1]; suffix = m[2]; }
    }
    const abs = resolvePath(t);
    let st;
    try { st = fs.statSync(abs); } catch { say(`WARNING: ${abs} does not exist, ignored`); continue; }
    if (st.isDirectory()) { if (!folder && !workspace) folder = abs; else say(`WARNING: only one folder is opened, ignoring ${abs}`); }
    else if (/\.code-workspace$/.test(abs)) { if (!folder && !workspace) workspace = abs; }
    else if (!openFile) { openFile = abs; gotoSuffix = suffix; } else say(`WARNING: only one file is opened, ignoring ${abs}`);
  }

  const tmpRoot = lib.mkTemp('vscode-e2e-');
  const userDataDir = opts['user-data-dir'] ? resolvePath(opts['user-data-dir']) : path.join(tmpRoot, 'user-data');
  const extensionsDir = opts['extensions-dir'] ? resolvePath(opts['extensions-dir']) : path.join(tmpRoot, 'extensions');
  const serverDataDir = path.join(tmpRoot, 'server-data');

  let server, browser, page;
  let lineBuf = '';
  let extHostExit = null; // exit code of the extension host process, as the server reports it
  const extHostExitWaiters = [];
  let finished = false;
  const serverTail = [];
  const pendingShots = new Set();

  async function screenshot(name) {
    if (!SCREENSHOT_DIR || !page) return;
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    const tmp = file + '.part.png';
    try {
      await page.screenshot({ path: tmp, timeout: 15000 });
      fs.renameSync(tmp, file); // appears atomically for a test polling for it
      say(`screenshot saved: ${file}`);
    } catch (e) {
      say(`screenshot ${name} failed: ${e.message}`);
    }
  }

  async function copyLogs(workbenchLogs) {
    if (!LOGS_DIR) return;
    try {
      fs.mkdirSync(LOGS_DIR, { recursive: true });
      for (const l of workbenchLogs || []) {
        const f = path.join(LOGS_DIR, 'workbench', l.relativePath);
        fs.mkdirSync(path.dirname(f), { recursive: true });
        fs.writeFileSync(f, l.contents);
      }
      // The server and its extension host log under <user-data-dir>/logs/<timestamp>/: copy this run's.
      const srvLogs = path.join(userDataDir, 'logs');
      if (fs.existsSync(srvLogs)) {
        const runs = fs.readdirSync(srvLogs).sort();
        if (runs.length) fs.cpSync(path.join(srvLogs, runs[runs.length - 1]), path.join(LOGS_DIR, 'server'), { recursive: true });
      }
      fs.writeFileSync(path.join(LOGS_DIR, 'server-output.txt'), serverTail.join(''));
    } catch (e) { say(`copying logs failed: ${e.message}`); }
  }

  async function cleanup() {
    if (browser) { await browser.close().catch(() => {}); browser = null; }
    if (server) { await server.stop().catch(() => {}); server = null; }
    lib.rmrf(tmpRoot);
  }

  let resolveExit;
  const exitPromise = new Promise((r) => { resolveExit = r; });
  const fail = (code, msg) => {
    if (finished) return;
    say(msg);
    resolveExit({ code, logs: null, reason: msg });
    // Backstop: if screenshots / log copying / cleanup hang as well, still exit.
    setTimeout(() => { say('cleanup did not finish within 30 s; exiting anyway'); process.exit(code); }, 30000).unref();
  };

  const timer = setTimeout(() => fail(124, `TIMEOUT: the test run did not finish within ${TIMEOUT_MS} ms (VSCODE_E2E_TIMEOUT_MS). Failing.`), TIMEOUT_MS);
  const onSignal = (sig) => fail(sig === 'SIGINT' ? 130 : 143, `received ${sig}, stopping`);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const setup = async () => {
    server = await lib.startServer({
      serverDataDir, userDataDir, extensionsDir,
      tmpDir: path.join(tmpRoot, 'tmp'),
      env: { VSCODE_E2E_HEADLESS_SERVER: '1' }, // lets tests know (lib/e2e-helpers.js isHeadlessServerRun)
      extraArgs: [
        ...(opts['disable-extensions'] ? ['--disable-extensions'] : []),
        ...(opts['disable-extension'] || []).flatMap((x) => ['--disable-extension', x]),
        ...(opts['enable-proposed-api'] || []).flatMap((x) => ['--enable-proposed-api', x]),
        ...(opts.log || []).flatMap((x) => ['--log', x]),
        ...(opts.locale ? ['--locale', opts.locale] : []),
      ],
      timeoutMs: Math.min(TIMEOUT_MS, 120000),
      onOutput: (s) => {
        serverTail.push(s);
        if (serverTail.length > 400) serverTail.splice(0, serverTail.length - 400);
        lineBuf += s;
        const lines = lineBuf.split('\n');
        lineBuf = lines.pop();
        for (const line of lines) {
          if (VERBOSE) process.stderr.write(`[server] ${line}\n`);
          const m = /Extension Host Process exited with code: (\d+)/.exec(line);
          if (m) { extHostExit = Number(m[1]); extHostExitWaiters.splice(0).forEach((f) => f()); }
        }
      },
    });
    process.on('exit', () => server && lib.killTree(server.child, 'SIGKILL'));
    server.child.on('exit', (code, sig) => {
      fail(1, `VS Code server exited unexpectedly (code ${code}, signal ${sig}). Last output:\n${serverTail.join('').slice(-3000)}`);
    });
    say(`VS Code server listening on ${server.origin} (${Date.now() - t0} ms)`);

    browser = await lib.launchBrowser();
    page = browser.context.pages()[0] || await browser.context.newPage();
    browser.context.on('close', () => fail(1, 'the browser closed unexpectedly'));
    page.on('crash', () => fail(1, 'the workbench page crashed'));
    page.on('pageerror', (e) => { if (VERBOSE) process.stderr.write(`[page error] ${e.message}\n`); });
    page.on('console', (m) => { if (VERBOSE) process.stderr.write(`[browser ${m.type()}] ${m.text()}\n`); });

    await page.exposeFunction('codeAutomationLog', (level, message) => {
      const text = formatLog(message);
      if (process.env.E2E_DEBUG_LEVELS) process.stderr.write(`<<${level}>> `);
      const shot = SCREENSHOT_MARKER.exec(text);
      if (shot) {
        const p = screenshot(shot[1]);
        pendingShots.add(p);
        p.finally(() => pendingShots.delete(p));
      }
      const line = text.endsWith('\n') ? text : text + '\n';
      if (NOISE.some((re) => re.test(text))) { if (VERBOSE) process.stderr.write(`[workbench] ${line}`); return; }
      (level === 'error' ? process.stderr : process.stdout).write(line);
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      resolveExit({ code: typeof code === 'number' ? code : 1, logs });
    });

    const url = lib.workbenchUrl(server, {
      folder, workspace, openFile,
      extensionDevelopmentPaths: devPaths.slice(0, 1),
      extensionTestsPath: testsPath,
      // The web workbench reads --disable-extensions from its payload, not from the server's argv.
      openFileSuffix: gotoSuffix,
      extraPayload: [
        ...(opts['disable-extensions'] ? [['disableExtensions', 'true']] : []),
        ...(gotoMode && openFile ? [['gotoLineMode', 'true']] : []),
      ],
    });
    if (VERBOSE) say(`opening ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    return exitPromise;
  };
  // The timeout and signals resolve exitPromise, which also cuts a hanging setup short.
  let result = await Promise.race([
    setup().catch((e) => {
      const reason = e && e.stack || String(e);
      say(`ERROR: ${reason}`);
      return { code: 1, reason };
    }),
    exitPromise,
  ]);
  finished = true;
  clearTimeout(timer);
  if (result.code === 0 && server) {
    // A test that calls process.exit(N) kills the remote extension host; the workbench then
    // reports 0 through codeAutomationExit. Trust the server's record of the exit code.
    if (extHostExit === null) await new Promise((r) => { extHostExitWaiters.push(r); setTimeout(r, 1500); });
    if (extHostExit !== null && extHostExit !== 0) {
      say(`the extension host exited with code ${extHostExit} (process.exit in the tests?)`);
      result = { code: extHostExit, logs: result.logs };
    }
  }
  await Promise.allSettled([...pendingShots]);
  if (page && SCREENSHOT_DIR) await screenshot(result.code === 124 ? 'timeout' : 'final');
  await copyLogs(result.logs);
  if (result.code !== 0 && result.reason !== undefined) {
    // Infrastructure trouble (not a test failure, which the test output explains): show the server's side.
    process.stderr.write(`[code.js] last server output:\n${serverTail.join('').slice(-2000)}\n`);
  }
  await cleanup();
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  say(`extension tests exited with code ${result.code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return result.code;
}

main().then(
  (code) => process.exit(code),
  (e) => { say(`ERROR: ${e && e.stack || e}`); process.exit(1); },
);
