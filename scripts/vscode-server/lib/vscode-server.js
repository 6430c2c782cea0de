'use strict';
// Shared helpers: start the VS Code server (code-server's build of VS Code's
// server-main.js) on a free loopback port, build workbench URLs, and launch
// Debian's Chromium through playwright-core. Plain CommonJS, no dependencies
// besides playwright-core from the project's node_modules.

const fs = require('fs');
const os = require('os');
const net = require('net');
const path = require('path');
const { spawn } = require('child_process');

const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
const DEFAULT_CACHE = process.env.VSCODE_SERVER_CACHE || path.join(PROJECT_ROOT, '.cache', 'code-server');
const DEFAULT_SERVER_MAIN = path.join(DEFAULT_CACHE, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-breakpad',
  '--disable-dev-shm-usage',
  '--metrics-recording-only',
  '--password-store=basic',
  '--use-mock-keychain',
];

function serverMainPath() {
  const p = process.env.VSCODE_SERVER_MAIN || DEFAULT_SERVER_MAIN;
  if (!fs.existsSync(p)) {
    throw new Error(`VS Code server not found at ${p}. Run: bash scripts/vscode-server/install.sh`);
  }
  return p;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function mkTemp(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function rmrf(p) {
  if (!p) return;
  try { fs.rmSync(p, { recursive: true, force: true, maxRetries: 3 }); } catch { /* ignore */ }
}

/** Kill a detached child and its whole process group. */
function killTree(child, signal = 'SIGTERM') {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try { process.kill(-child.pid, signal); } catch {
    try { child.kill(signal); } catch { /* gone */ }
  }
}

const DEFAULT_SETTINGS = {
  // VS Code in a browser defaults to files.autoSave=afterDelay (desktop: off): keypresses
  // would be written to the files on disk. Match the desktop default.
  'files.autoSave': 'off',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
};

/** Server-side user settings live in <user-data-dir>/User/settings.json; seed it when absent. */
function ensureDefaultSettings(userDataDir) {
  const f = path.join(userDataDir, 'User', 'settings.json');
  if (fs.existsSync(f)) return;
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, JSON.stringify(DEFAULT_SETTINGS, null, 2) + '\n');
}

/**
 * Start server-main.js. Resolves once it prints "Extension host agent listening".
 * opts: { port, serverDataDir, userDataDir, extensionsDir, tmpDir, extraArgs, onOutput, timeoutMs, env }
 * Returns { child, port, origin, dirs, stop() }.
 */
async function startServer(opts = {}) {
  const serverMain = serverMainPath();
  const port = opts.port || await freePort();
  const serverDataDir = opts.serverDataDir || mkTemp('vscs-server-data-');
  const userDataDir = opts.userDataDir || path.join(serverDataDir, 'user-data');
  const extensionsDir = opts.extensionsDir || path.join(serverDataDir, 'extensions');
  for (const d of [serverDataDir, userDataDir, extensionsDir]) fs.mkdirSync(d, { recursive: true });

  const args = [
    serverMain,
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--server-data-dir', serverDataDir,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(opts.extraArgs || []),
  ];
  ensureDefaultSettings(userDataDir);
  const env = { ...process.env, ...(opts.env || {}) };
  // code-server's build points the gallery at open-vsx.org unless EXTENSIONS_GALLERY is set;
  // '{}' (no serviceUrl) disables the gallery, so nothing tries to leave the machine.
  if (env.EXTENSIONS_GALLERY === undefined) env.EXTENSIONS_GALLERY = '{}';
  // Sockets (vscode-ipc-*.sock, vscode-git-*.sock) and temp files of the server and
  // extension hosts go into a folder removed with the run instead of piling up in /tmp.
  if (opts.tmpDir) {
    fs.mkdirSync(opts.tmpDir, { recursive: true });
    env.TMPDIR = opts.tmpDir;
  }
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const onOutput = opts.onOutput || (() => {});
  const timeoutMs = opts.timeoutMs || 60000;

  await new Promise((resolve, reject) => {
    let buf = '';
    let done = false;
    const finish = (err) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      err ? reject(err) : resolve();
    };
    const timer = setTimeout(() => finish(new Error(`VS Code server did not start listening within ${timeoutMs} ms. Output:\n${buf.slice(-4000)}`)), timeoutMs);
    const onData = (chunk) => {
      const s = chunk.toString();
      onOutput(s);
      if (!done) {
        buf += s;
        if (/Extension host agent listening/.test(buf)) finish();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) => finish(e));
    child.on('exit', (code, sig) => finish(new Error(`VS Code server exited early (code ${code}, signal ${sig}). Output:\n${buf.slice(-4000)}`)));
  }).catch((e) => { killTree(child, 'SIGKILL'); throw e; });

  return {
    child,
    port,
    origin: `http://127.0.0.1:${port}`,
    authority: `127.0.0.1:${port}`,
    dirs: { serverDataDir, userDataDir, extensionsDir },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      killTree(child, 'SIGTERM');
      const t = setTimeout(() => killTree(child, 'SIGKILL'), 3000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** vscode-remote:// URI string for an absolute local path served by this server. */
function remoteUri(authority, absPath) {
  const p = path.resolve(absPath).split(path.sep).map(encodeURIComponent).join('/');
  return `vscode-remote://${authority}${p.startsWith('/') ? '' : '/'}${p}`;
}

/**
 * Workbench URL. opts: { folder, workspace, extensionDevelopmentPaths: [], extensionTestsPath,
 * openFile, openFileSuffix (':line:col', with extraPayload gotoLineMode), extraPayload: [[k, v]] }.
 * Paths are local absolute paths.
 */
function workbenchUrl(server, opts = {}) {
  const u = new URL(server.origin + '/');
  if (opts.workspace) u.searchParams.set('workspace', path.resolve(opts.workspace));
  else if (opts.folder) u.searchParams.set('folder', path.resolve(opts.folder));
  else u.searchParams.set('ew', 'true');
  const payload = [];
  for (const p of opts.extensionDevelopmentPaths || []) payload.push(['extensionDevelopmentPath', remoteUri(server.authority, p)]);
  if (opts.extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(server.authority, opts.extensionTestsPath)]);
  if (opts.openFile) payload.push(['openFile', remoteUri(server.authority, opts.openFile) + (opts.openFileSuffix || '')]);
  for (const kv of opts.extraPayload || []) payload.push(kv);
  payload.push(['skipWelcome', 'true'], ['skipReleaseNotes', 'true']);
  if (payload.length) u.searchParams.set('payload', JSON.stringify(payload));
  return u.toString();
}

function loadPlaywright() {
  const candidates = [
    process.env.PLAYWRIGHT_CORE_PATH,
    path.join(PROJECT_ROOT, 'node_modules', 'playwright-core'),
    'playwright-core',
  ].filter(Boolean);
  let lastErr;
  for (const c of candidates) {
    try { return require(c); } catch (e) { lastErr = e; }
  }
  throw new Error(`playwright-core not found (npm install in the project root): ${lastErr && lastErr.message}`);
}

/** Launch headless Debian Chromium with a fresh profile. Returns { browser, context, profileDir, close() }. */
async function launchBrowser(opts = {}) {
  const { chromium } = loadPlaywright();
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}. Run: bash scripts/vscode-server/install.sh`);
  const profileDir = mkTemp('vscs-chromium-');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: opts.headless !== false,
    args: CHROMIUM_ARGS,
    viewport: opts.viewport || { width: 1400, height: 900 },
    deviceScaleFactor: 1,
    env: { ...process.env, GOOGLE_API_KEY: 'no', GOOGLE_DEFAULT_CLIENT_ID: 'no', GOOGLE_DEFAULT_CLIENT_SECRET: 'no' },
    timeout: opts.launchTimeoutMs || 60000,
    // The callers stop the server and the browser themselves on signals.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  return {
    context,
    profileDir,
    async close() {
      try { await context.close(); } catch { /* ignore */ }
      rmrf(profileDir);
    },
  };
}

module.exports = {
  PROJECT_ROOT,
  CHROMIUM_ARGS,
  serverMainPath,
  freePort,
  mkTemp,
  rmrf,
  killTree,
  startServer,
  ensureDefaultSettings,
  DEFAULT_SETTINGS,
  remoteUri,
  workbenchUrl,
  loadPlaywright,
  launchBrowser,
};
