import * as assert from 'node:assert/strict';
import type { QuestionInfo, TurnAtInfo } from '../../server/src/service';
import { corpusFile, lines } from '../util/fixtures';
import { LspClient } from '../util/lspClient';

describe('custom requests transcript/questions and transcript/turnAt: over stdio JSON-RPC', () => {
  let client: LspClient;
  const seed = 'file:///questions-seed.transcript';
  const kremlin = 'file:///questions-kremlin.transcript';
  before(async () => {
    client = new LspClient();
    await client.initialize();
    await client.open(seed, corpusFile('seed_lavrov_2023-04-11.txt'));
    await client.open(kremlin, corpusFile('kremlin_russia_turkey_iran_presser_2018-04-04.txt'));
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });
  const questions = (uri: string) => client.request<QuestionInfo[] | null>('transcript/questions', { textDocument: { uri } });
  const turnAt = (uri: string, line: number, character = 0) => client.request<TurnAtInfo | null>('transcript/turnAt', { textDocument: { uri }, position: { line, character } });

  it('lists the questions with their range (answers included), marker, opening words, answerers and words', async () => {
    const result = (await questions(seed))!;
    assert.equal(result.length, 4);
    assert.deepEqual(result[0], {
      number: 1,
      range: { start: { line: 17, character: 0 }, end: { line: 19, character: 175 } },
      selectionRange: { start: { line: 17, character: 0 }, end: { line: 17, character: 8 } },
      opening: 'What areas will you focus on this year, and will…',
      questioner: null,
      answeredBy: ['Sergey Lavrov'],
      words: 241,
      questionWords: 21,
    });
    assert.deepEqual(result.map((q) => [q.number, q.range.start.line, q.range.end.line, q.words]), [[1, 17, 19, 241], [2, 20, 25, 258], [3, 26, 32, 270], [4, 33, 36, 209]]);
  });

  it('names several answerers in order, and the questioner a label names', async () => {
    const result = (await questions(kremlin))!;
    assert.deepEqual(result.map((q) => q.answeredBy), [
      ['Vladimir Putin'], ['Vladimir Putin'], ['Vladimir Putin'], ['Hassan Rouhani', 'Recep Tayyip Erdogan'],
      ['Hassan Rouhani', 'Recep Tayyip Erdogan'], ['Vladimir Putin', 'Hassan Rouhani', 'Recep Tayyip Erdogan'], ['Recep Tayyip Erdogan'],
    ]);
    const uri = 'file:///questions-reuters.transcript';
    await client.open(uri, lines('Question (Reuters): Why?', '', 'Question: And?'));
    assert.deepEqual((await questions(uri))!.map((q) => [q.questioner, q.answeredBy, q.words]), [['Reuters', [], 0], [null, [], 0]]);
  });

  it('says where the cursor is: the question, the number of questions, the speaker and the turn', async () => {
    assert.deepEqual(await turnAt(seed, 28, 10), { questionNumber: 3, questionCount: 4, speaker: 'Sergey Lavrov', turnIndex: 6 });
    assert.deepEqual(await turnAt(seed, 26), { questionNumber: 3, questionCount: 4, speaker: 'Question', turnIndex: 5 });
    assert.deepEqual(await turnAt(seed, 5), { questionCount: 4, speaker: 'Opening remarks', turnIndex: 0 });
    assert.deepEqual(await turnAt(seed, 0), { questionCount: 4, turnIndex: -1 });
    assert.deepEqual(await turnAt(kremlin, 161), { questionNumber: 4, questionCount: 7, speaker: 'Recep Tayyip Erdogan', turnIndex: 15 });
  });

  it('answers null for a document that is not open', async () => {
    assert.equal(await questions('file:///never-opened.transcript'), null);
    assert.equal(await turnAt('file:///never-opened.transcript', 0), null);
  });
});
