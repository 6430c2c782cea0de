// Self-test: a vscode-languageclient extension with a stdio server, seen through VS Code's API.
const assert = require('assert');
const vscode = require('vscode');
const Mocha = require('mocha');

async function poll(fn, ms = 20000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  return last;
}

function suite() {
  describe('selftest: language server extension', function () {
    this.timeout(60000);
    let uri;
    before(async () => {
      uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'sample.dummy');
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      assert.strictEqual(doc.languageId, 'dummylang');
      await vscode.extensions.getExtension('e2etest.e2e-lsp').activate();
    });
    it('answers vscode.executeDocumentSymbolProvider', async () => {
      const syms = await poll(async () => {
        const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
        return s && s.length ? s : undefined;
      });
      assert.deepStrictEqual((syms || []).map((s) => s.name), ['Opening statement', 'Questions']);
    });
    it('publishes diagnostics', async () => {
      const diags = await poll(() => { const d = vscode.languages.getDiagnostics(uri); return d.length ? d : undefined; });
      assert.ok(diags, 'diagnostics arrived');
      assert.strictEqual(diags[0].message, 'unfinished: TODO');
      assert.strictEqual(diags[0].range.start.line, 3);
    });
  });
}

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000 });
  mocha.suite.emit('pre-require', global, 'inline', mocha);
  suite();
  return new Promise((resolve, reject) => mocha.run((f) => (f ? reject(new Error(`${f} tests failed.`)) : resolve())));
};
