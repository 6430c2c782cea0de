#!/usr/bin/env node
// Tiny stdio language server: "# Title" lines are document symbols, "TODO" gives a warning.
// Works for VS Code (vscode-languageclient, TransportKind.stdio) and Neovim (cmd: node server.js --stdio).
const { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, SymbolKind, DiagnosticSeverity } =
  require('vscode-languageserver/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({
  capabilities: { textDocumentSync: TextDocumentSyncKind.Full, documentSymbolProvider: true },
  serverInfo: { name: 'dummy-lsp', version: '0.0.1' },
}));

function symbols(doc) {
  const out = [];
  doc.getText().split(/\r?\n/).forEach((line, i) => {
    const m = /^#\s+(.*)$/.exec(line);
    if (m) {
      const range = { start: { line: i, character: 0 }, end: { line: i, character: line.length } };
      out.push({ name: m[1], kind: SymbolKind.Namespace, range, selectionRange: range });
    }
  });
  return out;
}

connection.onDocumentSymbol(({ textDocument }) => {
  const doc = documents.get(textDocument.uri);
  return doc ? symbols(doc) : [];
});

documents.onDidChangeContent(({ document }) => {
  const diagnostics = [];
  document.getText().split(/\r?\n/).forEach((line, i) => {
    const c = line.indexOf('TODO');
    if (c >= 0) diagnostics.push({ severity: DiagnosticSeverity.Warning, source: 'dummy-lsp', message: 'unfinished: TODO',
      range: { start: { line: i, character: c }, end: { line: i, character: c + 4 } } });
  });
  connection.sendDiagnostics({ uri: document.uri, diagnostics });
});

documents.listen(connection);
connection.listen();
