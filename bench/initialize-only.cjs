#!/usr/bin/env node
// The least a language server can do at start-up: Node reads one message from stdin and answers
// initialize with no capabilities, loading no module of its own. bench/startup.mjs times it
// (`--servers ours,initialize-only,markdown`) to show what Node's own start costs on the machine.
let input = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  input = Buffer.concat([input, chunk]);
  const headerEnd = input.indexOf('\r\n\r\n');
  if (headerEnd < 0) return;
  const length = Number(/Content-Length: *(\d+)/i.exec(input.subarray(0, headerEnd).toString('latin1'))?.[1]);
  if (input.length < headerEnd + 4 + length) return;
  const request = JSON.parse(input.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
  const body = JSON.stringify({ jsonrpc: '2.0', id: request.id, result: { capabilities: {} } });
  process.stdout.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
});
