#!/usr/bin/env node
'use strict';
// Takes PNG screenshots of the real VS Code workbench (headless VS Code server +
// Debian Chromium), optionally with an extension under development loaded, a
// folder and a file open, and keyboard / command-palette steps in between.
//
//   node scripts/vscode-server/screenshot.js \
//     --extensionDevelopmentPath=. --folder=samples --file=samples/seed.transcript \
//     [--wait-ms=4000]                    wait after the file is open (language server, highlighting)
//     [--line=12]                         put the cursor on this line (1-based) first
//     [--command="View: Toggle Word Wrap"]  run a command-palette command by its title
//     [--keys=Control+Shift+O]            press a key chord (Playwright names)
//     [--type="some text"]                type into the focused editor
//     [--wait-ms=1000]                    steps run in the order given
//     [--shot=out/step1.png]              a screenshot at this point
//     [--hook=my-steps.js]                module exporting async (page, helpers) => {} run at this point
//     [--setting=workbench.colorTheme=Default Dark Modern]   user setting (value parsed as JSON when it parses)
//     [--width=1400 --height=900]
//     --out=out/final.png                 final screenshot (required)
//
// Helpers passed to a hook: { page, server, runCommand(title), pressKeys(chord),
// typeText(text), gotoLine(n), waitMs(ms), shot(path), focusEditor(), focusWorkbench() }.
// Environment: VSCODE_E2E_TIMEOUT_MS (default 300000), VSCODE_E2E_VERBOSE=1.

const fs = require('fs');
const path = require('path');
const lib = require('./lib/vscode-server');

const VERBOSE = process.env.VSCODE_E2E_VERBOSE === '1';
const TIMEOUT_MS = Number(process.env.VSCODE_E2E_TIMEOUT_MS || 300000);
const say = (m) => process.stderr.write(`[screenshot.js] ${m}\n`);

function parse(argv) {
  const o = { steps: [], settings: {}, width: 1400, height: 900 };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([^=]+)(?:=([\s\S]*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unexpected argument ${argv[i]}`);
    const name = m[1];
    const val = m[2] !== undefined ? m[2] : argv[++i];
    switch (name) {
      case 'extensionDevelopmentPath': o.dev = path.resolve(val); break;
      case 'folder': o.folder = path.resolve(val); break;
      case 'file': o.file = path.resolve(val); break;
      case 'out': o.out = path.resolve(val); break;
      case 'width': o.width = Number(val); break;
      case 'height': o.height = Number(val); break;
      case 'line': o.steps.push({ kind: 'line', value: Number(val) }); break;
      case 'command': o.steps.push({ kind: 'command', value: val }); break;
      case 'keys': o.steps.push({ kind: 'keys', value: val }); break;
      case 'type': o.steps.push({ kind: 'type', value: val }); break;
      case 'wait-ms': o.steps.push({ kind: 'wait', value: Number(val) }); break;
      case 'shot': o.steps.push({ kind: 'shot', value: path.resolve(val) }); break;
      case 'hook': o.steps.push({ kind: 'hook', value: path.resolve(val) }); break;
      case 'setting': {
        const eq = val.indexOf('=');
        const k = val.slice(0, eq);
        const raw = val.slice(eq + 1);
        try { o.settings[k] = JSON.parse(raw); } catch { o.settings[k] = raw; }
        break;
      }
      default: throw new Error(`unknown option --${name}`);
    }
  }
  if (!o.out) throw new Error('--out=FILE.png is required');
  if (o.file && !o.folder) o.folder = path.dirname(o.file);
  // Default: give the file / language server time to settle before the first step.
  if (!o.steps.length || o.steps[0].kind !== 'wait') o.steps.unshift({ kind: 'wait', value: 3000 });
  return o;
}

async function main() {
  const o = parse(process.argv.slice(2));
  const t0 = Date.now();
  const tmpRoot = lib.mkTemp('vscode-shot-');
  const userDataDir = path.join(tmpRoot, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    ...lib.DEFAULT_SETTINGS,
    'workbench.tips.enabled': false,
    'editor.minimap.enabled': true,
    // no "open the git repository found in a parent folder?" toast over the picture
    'git.openRepositoryInParentFolders': 'never',
    ...o.settings,
  }, null, 2));

  let server;
  let browser;
  const abort = async (code, msg) => {
    say(msg);
    setTimeout(() => process.exit(code), 30000).unref();
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop().catch(() => {});
    lib.rmrf(tmpRoot);
    process.exit(code);
  };
  const timer = setTimeout(() => abort(124, `TIMEOUT after ${TIMEOUT_MS} ms (VSCODE_E2E_TIMEOUT_MS)`), TIMEOUT_MS);
  process.on('SIGINT', () => abort(130, 'received SIGINT, stopping'));
  process.on('SIGTERM', () => abort(143, 'received SIGTERM, stopping'));

  try {
    server = await lib.startServer({
      serverDataDir: path.join(tmpRoot, 'server-data'),
      userDataDir,
      extensionsDir: path.join(tmpRoot, 'extensions'),
      tmpDir: path.join(tmpRoot, 'tmp'),
      onOutput: (s) => { if (VERBOSE) process.stderr.write(s.replace(/^/gm, '[server] ')); },
    });
    process.on('exit', () => server && lib.killTree(server.child, 'SIGKILL'));
    browser = await lib.launchBrowser({ viewport: { width: o.width, height: o.height } });
    const page = browser.context.pages()[0] || await browser.context.newPage();
    if (VERBOSE) page.on('console', (m) => process.stderr.write(`[browser ${m.type()}] ${m.text()}\n`));
    // The smoke-test driver logs through this hook when present; keep it quiet unless verbose.
    await page.exposeFunction('codeAutomationLog', (level, msg) => {
      if (VERBOSE) process.stderr.write(`[workbench ${level}] ${Array.isArray(msg) ? msg.join(' ') : msg}\n`);
    });

    const url = lib.workbenchUrl(server, {
      folder: o.folder,
      openFile: o.file,
      extensionDevelopmentPaths: o.dev ? [o.dev] : [],
    });
    if (VERBOSE) say(`opening ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    if (o.file) {
      const base = path.basename(o.file);
      await page.waitForSelector(`.tabs-container .tab[aria-label*="${base.replace(/"/g, '\\"')}"]`, { timeout: 60000 });
      await page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout: 60000 });
    }
    say(`workbench ready after ${Date.now() - t0} ms`);

    const helpers = makeHelpers(page, server);
    for (const step of o.steps) {
      if (VERBOSE) say(`step ${step.kind} ${step.value}`);
      switch (step.kind) {
        case 'wait': await helpers.waitMs(step.value); break;
        case 'line': await helpers.gotoLine(step.value); break;
        case 'command': await helpers.runCommand(step.value); break;
        case 'keys': await helpers.pressKeys(step.value); break;
        case 'type': await helpers.typeText(step.value); break;
        case 'shot': await helpers.shot(step.value); break;
        case 'hook': await require(step.value)(page, helpers); break;
        default: throw new Error(`unknown step ${step.kind}`);
      }
    }
    await helpers.shot(o.out);
    return 0;
  } catch (e) {
    say(`ERROR: ${e && e.stack || e}`);
    return 1;
  } finally {
    clearTimeout(timer);
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop().catch(() => {});
    lib.rmrf(tmpRoot);
    say(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}

function makeHelpers(page, server) {
  const h = {
    page,
    server,
    waitMs: (ms) => page.waitForTimeout(ms),
    async focusEditor() {
      // Keyboard input needs focus inside the page. Prefer focusing the editor's input
      // element (keeps the cursor where it is); click into the text only as a fallback.
      const inEditor = () => page.evaluate(() => !!(document.activeElement && document.activeElement.closest('.editor-instance .monaco-editor')));
      if (await inEditor()) return;
      const input = page.locator('.editor-instance .monaco-editor .native-edit-context, .editor-instance .monaco-editor textarea.inputarea').first();
      if (await input.count()) {
        await input.focus().catch(() => {});
        if (await inEditor()) return;
      }
      const ed = page.locator('.editor-instance .monaco-editor .view-lines').first();
      if (await ed.count()) await ed.click({ position: { x: 5, y: 5 } });
      else await page.locator('.monaco-workbench').click({ position: { x: 400, y: 300 } });
    },
    async focusWorkbench() {
      const inWorkbench = await page.evaluate(() => {
        const active = document.activeElement;
        return !!(active && active !== document.body && active.closest('.monaco-workbench'));
      });
      if (!inWorkbench) await h.focusEditor();
    },
    async pressKeys(chord) {
      await h.focusWorkbench();
      for (const c of String(chord).split(/\s+/).filter(Boolean)) await page.keyboard.press(c);
      await page.waitForTimeout(300);
    },
    async typeText(text) {
      await h.focusEditor();
      await page.keyboard.type(text, { delay: 10 });
    },
    async runCommand(title) {
      await h.focusWorkbench();
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible', timeout: 10000 });
      await input.fill(`>${title}`);
      // Wait until the first row shows the command before pressing Enter.
      const row = page.locator('.quick-input-widget .monaco-list-row').first();
      await row.waitFor({ state: 'visible', timeout: 10000 });
      await page.waitForTimeout(300);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(500);
    },
    async gotoLine(n) {
      await h.focusEditor();
      await page.keyboard.press('Control+G');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible', timeout: 10000 });
      await input.fill(`:${n}`);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
    },
    async shot(file) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot({ path: file });
      say(`saved ${file}`);
    },
  };
  return h;
}

main().then((code) => process.exit(code), (e) => { say(`ERROR: ${e && e.stack || e}`); process.exit(1); });
