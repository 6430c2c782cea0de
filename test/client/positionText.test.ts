import * as assert from 'node:assert/strict';
import { positionText } from '../../client/src/positionText';

describe('client: the status bar’s text for where the cursor is', () => {
  const noLog = (error: unknown) => assert.fail(`logged ${String(error)}`);

  it('names the question and the speaker, or only says Transcript', async () => {
    assert.equal(await positionText(async () => ({ questionNumber: 3, questionCount: 4, speaker: 'Sergey Lavrov', turnIndex: 7 }), noLog), '$(comment-discussion) Q3/4 · Sergey Lavrov');
    assert.equal(await positionText(async () => ({ questionCount: 4, speaker: 'Opening remarks', turnIndex: 0 }), noLog), '$(comment-discussion) –/4 · Opening remarks');
    assert.equal(await positionText(async () => null, noLog), '$(comment-discussion) Transcript');
  });

  it('is nothing when the request fails (the server is restarting, say), and the failure is logged', async () => {
    const failure = new Error('Client is not running');
    const logged: unknown[] = [];
    assert.equal(await positionText(() => Promise.reject(failure), (error) => logged.push(error)), undefined);
    assert.deepEqual(logged, [failure]);
  });
});
