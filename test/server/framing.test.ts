import * as assert from 'node:assert/strict';
import { FramingGuard } from '../../server/src/framing';

const frame = (body: string, header = `Content-Length: ${Buffer.byteLength(body)}`) => `${header}\r\n\r\n${body}`;

/** What the guard passes on and reports for `input`, written `chunkSize` bytes at a time. */
async function guarded(input: string, chunkSize: number): Promise<{ output: string; reports: string[] }> {
  const reports: string[] = [];
  const guard = new FramingGuard((line) => reports.push(line));
  const output: Buffer[] = [];
  guard.on('data', (chunk: Buffer) => output.push(chunk));
  const ended = new Promise((resolve) => guard.on('end', resolve));
  const bytes = Buffer.from(input, 'utf8');
  for (let at = 0; at < bytes.length; at += chunkSize) guard.write(bytes.subarray(at, at + chunkSize));
  guard.end();
  await ended;
  return { output: Buffer.concat(output).toString('utf8'), reports };
}

describe('server: the framing of its input', () => {
  const first = '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}';
  const second = '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"text":"Сергей Лавров: \\r\\n\\r\\n 😀"}}';
  const input = [
    frame(first),
    'Content-Length: -5\r\n\r\n',
    'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n',
    'Content-Length: many\r\n\r\n',
    `X-Other: ${'x'.repeat(9000)}\r\nContent-Length: 2\r\n\r\n`,
    frame(second, `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(second)}`),
  ].join('');

  for (const chunkSize of [1, 7, 64, 1 << 20]) {
    it(`passes on each message with a length, and skips every other header with a report (${chunkSize} bytes at a time)`, async () => {
      const { output, reports } = await guarded(input, chunkSize);
      assert.equal(output, frame(first) + frame(second));
      assert.equal(reports.length, 4);
      assert.match(reports[0], /^skipped a message whose header gives no valid Content-Length: "Content-Length: -5\\r\\n\\r\\n"$/);
      assert.match(reports[1], /"Content-Type: application\/vscode-jsonrpc/);
      assert.match(reports[2], /"Content-Length: many/);
      assert.match(reports[3], /"X-Other: x{20}/);
    });
  }
});
