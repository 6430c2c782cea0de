import * as assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import type { ExportAnswer } from '../../server/src/service';
import { LspClient } from '../util/lspClient';
import { IMPORTED_FROM_WEBVTT } from './exportFixtures';

describe('export: the server’s transcript/export request, over stdio', () => {
  let client: LspClient;
  const uri = 'file:///export.transcript';

  before(async () => {
    client = new LspClient();
    await client.initialize();
    await client.open(uri, IMPORTED_FROM_WEBVTT);
  });

  after(async () => {
    await client.shutdown();
  });

  it('answers WebVTT as text, and DOCX as base64 bytes (the bundled server loads dist/docx.js)', async () => {
    const vtt = await client.request<ExportAnswer>('transcript/export', { textDocument: { uri }, format: 'vtt' });
    assert.equal(vtt.encoding, 'utf8');
    assert.match(vtt.content, /^WEBVTT\n\n00:00:01\.250 --> 00:00:04\.500\n<v Sam Ortiz>Welcome to the show\.\n/);
    const docx = await client.request<ExportAnswer>('transcript/export', { textDocument: { uri }, format: 'docx' });
    assert.equal(docx.encoding, 'base64');
    const xml = strFromU8(unzipSync(Buffer.from(docx.content, 'base64'))['word/document.xml']);
    assert.match(xml, /Because nobody else would\./);
  });

  it('answers an error with the reason a transcript cannot be exported', async () => {
    await assert.rejects(
      client.request('transcript/export', { textDocument: { uri }, format: 'srt', options: { speakers: ['Nobody'] } }),
      /no speaker called “Nobody”/,
    );
  });
});
