// Self-test suite, run inside VS Code's extension host by code.js (exports run()).
// mocha is found in the project's node_modules by ordinary upward resolution.
const fs = require('fs');
const path = require('path');
const assert = require('assert');
const vscode = require('vscode');
const Mocha = require('mocha');
const { screenshot } = require('../../../lib/e2e-helpers');

function suite() {
  describe('selftest: dummy extension', function () {
    this.timeout(30000);
    let api;
    before(async () => {
      const ext = vscode.extensions.getExtension('e2etest.e2e-dummy');
      assert.ok(ext, 'extension under development is loaded');
      api = await ext.activate();
    });
    it('activates and exposes its API', () => assert.strictEqual(api.ping(), 'pong'));
    it('opens a file in an editor', async () => {
      const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
      assert.ok(folder, 'a workspace folder is open');
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'sample.txt'));
      await vscode.window.showTextDocument(doc);
      assert.ok(vscode.window.activeTextEditor, 'there is an active editor');
      assert.strictEqual(vscode.window.activeTextEditor.document.lineCount, 3);
      assert.strictEqual(vscode.window.activeTextEditor.document.languageId, 'plaintext');
    });
    it('runs the contributed command', async () => {
      const r = await vscode.commands.executeCommand('e2eDummy.hello');
      assert.strictEqual(r.count, 1);
      assert.match(r.file, /sample\.txt$/);
    });
    it('can ask code.js for a screenshot', async () => {
      const f = await screenshot('selftest-after-command');
      if (process.env.VSCODE_E2E_SCREENSHOT_DIR) assert.ok(fs.statSync(f).size > 1000);
    });
    if (process.env.SELFTEST_FAIL === '1') {
      it('fails on purpose (SELFTEST_FAIL=1)', () => assert.strictEqual(1 + 1, 3, 'deliberate failure'));
    }
  });
}

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000 });
  mocha.suite.emit('pre-require', global, 'inline', mocha);
  suite();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} tests failed.`)) : resolve()));
  });
};
