#!/usr/bin/env node
'use strict';
// Renders images/icon.svg into images/icon.png (128x128, transparent corners) with Debian's
// Chromium through playwright-core, the browser scripts/vscode-server/install.sh installs.
//
//   node scripts/vscode-server/render-icon.js [in.svg] [out.png]

const fs = require('fs');
const path = require('path');
const lib = require('./lib/vscode-server');

async function main() {
  const input = path.resolve(process.argv[2] || path.join(lib.PROJECT_ROOT, 'images', 'icon.svg'));
  const output = path.resolve(process.argv[3] || path.join(lib.PROJECT_ROOT, 'images', 'icon.png'));
  const svg = fs.readFileSync(input, 'utf8');
  const browser = await lib.launchBrowser({ viewport: { width: 128, height: 128 } });
  try {
    const page = browser.context.pages()[0] || await browser.context.newPage();
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: output, omitBackground: true });
  } finally {
    await browser.close();
  }
  console.log(`render-icon: ${path.relative(process.cwd(), output)}`);
}

main().catch((e) => { console.error(`render-icon: ${e && e.stack || e}`); process.exit(1); });
