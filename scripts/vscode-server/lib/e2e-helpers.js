'use strict';
// Helpers for test code that runs INSIDE the VS Code extension host under
// scripts/vscode-server/code.js. Plain Node, no 'vscode' import needed.
//
//   const { screenshot } = require('<project>/scripts/vscode-server/lib/e2e-helpers.js');
//   await screenshot('after-open');   // -> $VSCODE_E2E_SCREENSHOT_DIR/after-open.png
//
// How it works: the extension host's console output reaches code.js through the
// workbench's codeAutomationLog hook; code.js sees the marker line, takes a
// Chromium screenshot of the page and renames it into place; we poll for the file.
// Without VSCODE_E2E_SCREENSHOT_DIR (e.g. under a desktop VS Code) it is a no-op
// that resolves to undefined.

const fs = require('fs');
const path = require('path');

const MARKER = '[vscode-e2e:screenshot]';

async function screenshot(name, { timeoutMs = 20000, settleMs = 300 } = {}) {
  const dir = process.env.VSCODE_E2E_SCREENSHOT_DIR;
  if (!dir) return undefined;
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`screenshot name must match [A-Za-z0-9._-]+: ${name}`);
  const file = path.join(dir, `${name}.png`);
  try { fs.unlinkSync(file); } catch { /* not there */ }
  // Give the renderer a moment to paint what the test just did.
  await new Promise((r) => setTimeout(r, settleMs));
  console.log(`${MARKER} ${name}`);
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (fs.existsSync(file)) return file;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`screenshot ${name} did not appear in ${dir} within ${timeoutMs} ms`);
}

function isHeadlessServerRun() {
  return !!process.env.VSCODE_E2E_HEADLESS_SERVER;
}

module.exports = { screenshot, isHeadlessServerRun, MARKER };
