const vscode = require('vscode');
let count = 0;
exports.activate = function activate(context) {
  context.subscriptions.push(vscode.commands.registerCommand('e2eDummy.hello', () => {
    count++;
    const ed = vscode.window.activeTextEditor;
    vscode.window.showInformationMessage('Hello from e2e-dummy #' + count);
    return { count, file: ed ? ed.document.uri.fsPath : null, lines: ed ? ed.document.lineCount : 0 };
  }));
  return { ping: () => 'pong' };
};
exports.deactivate = function () {};
