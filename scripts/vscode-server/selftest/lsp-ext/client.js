// Minimal vscode-languageclient extension: starts server.js over stdio.
const path = require('path');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');
let client;
exports.activate = async function activate(context) {
  const module = context.asAbsolutePath('server.js');
  client = new LanguageClient('dummyLsp', 'Dummy LSP',
    { run: { module, transport: TransportKind.stdio }, debug: { module, transport: TransportKind.stdio } },
    { documentSelector: [{ language: 'dummylang' }] });
  await client.start();
  return { client };
};
exports.deactivate = () => client && client.stop();
