import { lines } from './fixtures';

/** TalkBank's own example, with real tabs after the colons and a media bullet: its lines before `@End`. */
export const CHAT_EXAMPLE_TIERS: readonly string[] = [
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
];

export const CHAT_EXAMPLE = lines(...CHAT_EXAMPLE_TIERS, '@End');
