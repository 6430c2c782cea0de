import * as assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import { CHAT_EXAMPLE_TIERS } from '../util/chatExample';
import { document, lines } from '../util/fixtures';
/** TalkBank's example, then more tiers with CHAT's pauses, retracings, codes, fillers and special terminators. */
const REALISTIC = lines(
  ...CHAT_EXAMPLE_TIERS,
  '*MOT:\tdo you want a cookie ?',
  '*CHI:\t&-uh I want the +...',
  '*CHI:\t<the doggie> [//] the cat [* m] eated it .',
  '%err:\teated = ate $MOR',
  '*MOT:\tyes ‡ Ross (..) come here .',
  '*CHI:\t0 [=! cries] .',
  '*INV:\tand then he went to the +/.',
  '*MOT:\tthat is a [= very] big +//.',
  '*CHI:\tyyy www .',
  '*MOT:\tis it +/?',
  '*CHI:\tno no no +!?',
  '*MOT:\tyou want it +?',
  '*MOT:\tdo you want a cookie ? \u00150_1200\u0015',
  '%act:\tpoints (at the jar',
  '*CHI:\tcookie [/] cookie [/] cookie .',
  '@End',
);

describe('diagnostics: CHAT files', () => {
  it('reads no CHAT symbol as a problem of prose: a realistic file has no diagnostics', () => {
    const found = createLanguageService().provideDiagnostics(document(REALISTIC, 'file:///sample.cha'));
    assert.deepEqual(found.map((d) => `${d.range.start.line + 1} ${d.code}`), []);
  });
});
