import * as assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import { document, lines } from '../util/fixtures';
/** TalkBank's example, then more tiers with CHAT's pauses, retracings, codes, fillers and special terminators. */
const REALISTIC = lines(
  '@UTF8',
  '@Begin',
  '@Languages:\teng',
  '@Participants:\tCHI Ross Target_Child, MOT Mary Mother, INV Investigator',
  '@ID:\teng|macwhinney|CHI|2;10.10||||Target_Child|||',
  '@Date:\t01-JAN-1983',
  '*CHI:\tmore cookie .',
  '%mor:\tqn|more n|cookie .',
  '%gra:\t1|2|QUANT 2|0|ROOT 3|2|PUNCT',
  '*MOT:\thow about another graham cracker ?',
  '*MOT:\twould that do just as well ?',
  '\tcontinuation lines of a tier start with a tab .',
  '*CHI:\there „ Mommy .',
  '*CHI:\t<I want> [/] I want xxx (.) cookie . \u001515123_16010\u0015',
  '%com:\tchild points at the jar',
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
