#!/usr/bin/env node
// The "receive floor": a language server that does nothing but receive.
//
// It reads LSP messages from stdin with raw Content-Length framing and JSON.parse, keeps the text
// of each opened document, applies didChange edits naively (string slicing, offsets found by
// scanning for line breaks from the start), and answers documentSymbol, hover and foldingRange
// with empty results. No library, no parse of the text, no diagnostics. Whatever a real server
// does on top of this is its own cost; what this server costs is the cost of being sent the text.
//
// With `--outline FILE` it answers documentSymbol with the outline in FILE (JSON, read at start-up)
// instead of an empty list: the cost of being sent the text and of sending that answer back, which
// no server that gives this outline can go below.
//
// Usage: node bench/floor-server.mjs --stdio [--outline FILE]

import { readFileSync } from 'node:fs';

const documents = new Map(); // uri -> text
const outlineAt = process.argv.indexOf('--outline');
const outline = outlineAt < 0 ? [] : JSON.parse(readFileSync(process.argv[outlineAt + 1], 'utf8'));

function offsetAt(text, position) {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + position.character, text.length);
}

function applyChange(text, change) {
  if (!change.range) return change.text;
  const start = offsetAt(text, change.range.start);
  const end = offsetAt(text, change.range.end);
  return text.slice(0, start) + change.text + text.slice(end);
}

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}

function handle(message) {
  const { id, method, params } = message;
  if (method === undefined) return; // a response to a request of ours: we send none
  const isRequest = id !== undefined;
  switch (method) {
    case 'initialize':
      return send({
        id,
        result: {
          capabilities: {
            textDocumentSync: 2, // incremental
            documentSymbolProvider: true,
            hoverProvider: true,
            foldingRangeProvider: true,
          },
          serverInfo: { name: 'floor-server', version: '1' },
        },
      });
    case 'textDocument/didOpen':
      documents.set(params.textDocument.uri, params.textDocument.text);
      return;
    case 'textDocument/didChange': {
      let text = documents.get(params.textDocument.uri) ?? '';
      for (const change of params.contentChanges) text = applyChange(text, change);
      documents.set(params.textDocument.uri, text);
      return;
    }
    case 'textDocument/didClose':
      documents.delete(params.textDocument.uri);
      return;
    case 'textDocument/documentSymbol':
      return send({ id, result: outline });
    case 'textDocument/foldingRange':
      return send({ id, result: [] });
    case 'textDocument/hover':
    case 'shutdown':
      return send({ id, result: null });
    case 'exit':
      process.exit(0);
    default:
      if (isRequest) send({ id, error: { code: -32601, message: `Unhandled method ${method}` } });
  }
}

// Content-Length framing. Chunks are kept in a list and joined once per message, so a large
// message costs one copy, not one per chunk.
let chunks = [];
let buffered = 0;
let bodyLength = -1;

function take(n) {
  const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, buffered);
  const head = all.subarray(0, n);
  const rest = all.subarray(n);
  chunks = rest.length ? [rest] : [];
  buffered = rest.length;
  return head;
}

function headerEnd() {
  // The header is small and at the start: look only at the first chunk(s) up to 1 KiB.
  const start = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, Math.min(buffered, 1024)).subarray(0, Math.min(buffered, 1024));
  return start.indexOf('\r\n\r\n');
}

process.stdin.on('data', (chunk) => {
  chunks.push(chunk);
  buffered += chunk.length;
  for (;;) {
    if (bodyLength < 0) {
      const end = headerEnd();
      if (end < 0) return;
      const header = take(end + 4).toString('ascii');
      const match = /Content-Length:\s*(\d+)/i.exec(header);
      if (!match) throw new Error(`floor-server: bad header ${JSON.stringify(header)}`);
      bodyLength = Number(match[1]);
    }
    if (buffered < bodyLength) return;
    const body = take(bodyLength);
    bodyLength = -1;
    handle(JSON.parse(body.toString('utf8')));
  }
});
process.stdin.on('end', () => process.exit(0));
