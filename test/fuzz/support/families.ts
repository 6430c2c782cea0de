/**
 * Adversarial input families for the whole parser and its features: each makes a text of about
 * `n` characters. A family is linear if the service takes about 8× as long on 8n as on n; a
 * quadratic pass somewhere (a regular expression that backtracks, a loop in a loop) shows as 64×.
 */

/** `unit` repeated to `n` characters. */
export function repeat(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** A name no other line has: letters only (digits would not be a label). */
function uniqueWord(i: number): string {
  return `A${i.toString(26).replace(/[0-9a-p]/g, (c) => 'bcdefghijklmnopqrstuvwxyza'[parseInt(c, 26)])}`;
}

function lines(n: number, line: (i: number) => string): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < n; i++) {
    const l = line(i);
    out.push(l);
    length += l.length;
  }
  return out.join('');
}

export const FAMILIES: Record<string, (n: number) => string> = {
  'one line of words (1 MB on one line at 8n)': (n) => repeat('word ', n),
  'empty lines': (n) => '\n'.repeat(n),
  'empty CRLF lines': (n) => repeat('\r\n', n),
  'white space only': (n) => repeat(' \t\u00a0', n),
  'only labels, on one line': (n) => repeat('Question: ', n),
  'only labels, one per line': (n) => repeat('Sergey Lavrov:\n', n),
  'labels followed by words, in one wrapped block': (n) => repeat('Ab Cd: x.\n', n),
  'labels after the last words of the turn before, in one wrapped block': (n) => repeat('x? PM: y\n', n),
  'page numbers and labels in capitals, in one wrapped block': (n) => repeat('25\nMR. AB: x\n', n),
  'a different two-word speaker on every line': (n) => lines(n, (i) => `${uniqueWord(i)} Bb: x.\n`),
  'a different one-word speaker, twice each': (n) => lines(n, (i) => `${uniqueWord(i)}: x.\n${uniqueWord(i)}: y.\n`),
  'a crowd of one surname, a paragraph each': (n) => lines(n, (i) => `${uniqueWord(i)} Bb: x.\n\n`),
  'long-winded first-mention labels': (n) => lines(n, (i) => `President of the Republic of ${uniqueWord(i)} Recep Tayyip Erdogan: x.\n\n`),
  'short paragraphs alike but for a number (all running heads)': (n) => lines(n, (i) => `Item ${i} is here.\n\n`),
  'only #': (n) => '#'.repeat(n),
  '# on every line': (n) => repeat('#\n', n),
  'headings of every level': (n) => lines(n, (i) => `${'#'.repeat((i % 6) + 1)} Section ${uniqueWord(i)}\n`),
  'nested parentheses ((((…': (n) => '('.repeat(n),
  'nested brackets [[[[…': (n) => '['.repeat(n),
  'balanced nesting ((([[[…]]])))': (n) => '(['.repeat(n / 4) + '])'.repeat(n / 4),
  'a heading with a long run of spaces': (n) => `# a${' '.repeat(n)}x`,
  'a heading with a long run of #': (n) => `# a${'#'.repeat(n)}x`,
  'a separator with a long run of spaces': (n) => `---${' '.repeat(n)}x`,
  'a separator with spaces and a trailing non-breaking space': (n) => `Text.\n\n---${' '.repeat(n)}\u00a0`,
  'a banner separator with dashes inside': (n) => `----- ${repeat('- x ', n)}`,
  'a clock time with a long run of spaces': (n) => `Text.\n\n10:30${' '.repeat(n)}!`,
  'a word, a long run of spaces, a word': (n) => `a${' '.repeat(n)}b`,
  'a long run of spaces, then a colon': (n) => `Ab${' '.repeat(n)}:`,
  'tags and URLs': (n) => repeat('#a www.x ', n),
  'brackets and URLs': (n) => repeat('[a] www.x ', n),
  'stage directions and URLs': (n) => repeat('(Laughter) www.x ', n),
  'only tags': (n) => repeat('#a ', n),
  'only annotations': (n) => repeat('[inaudible] ', n),
  'stage directions, one per line': (n) => repeat('(Laughter.)\n', n),
  'unclosed comments <!--<!--': (n) => repeat('<!--', n),
  'a comment opened on every line': (n) => repeat('<!--\n', n),
  'comments closed on every line': (n) => repeat('<!-- c -->\n', n),
  'right-to-left scripts': (n) => repeat('مرحبا بالعالم שלום עולם. ', n),
  'emoji': (n) => repeat('😀👍🏽👨‍👩‍👧 ', n),
  'NUL and control characters': (n) => repeat('\u0000\u0001\u0007\u001b\u007f\u0085\u2028', n),
  'lone surrogates': (n) => repeat('\ud800a\udc00\udbff', n),
  'numbered court lines': (n) => repeat(' 1   MR. A: text here\n', n),
  'a long URL ending in dots': (n) => `http://a${'.'.repeat(n)}`,
  'sentence ends': (n) => repeat('. ', n),
  'a run of sentence ends in a paragraph': (n) => `We said${'.'.repeat(n)}x and more.`,
  'dot leaders before the first label': (n) => `Contents ${repeat('. ', n)}x\n\nSergey Lavrov: Hello.`,
  'paragraphs with a run of spaces in their tails': (n) => lines(n, (i) => `Word ${uniqueWord(i)} and${' '.repeat(290)}x\n\n`),
  'the same sentence over and over': (n) => repeat('We met the people of the town. ', n),
  'quotation marks': (n) => repeat('"“„«»”', n),
  'all-caps acronyms and URLs': (n) => `Hello world.\n\n${repeat('OCSE www.x ', n)} lower`,
  'a long word before a colon': (n) => `${'A'.repeat(n)}:`,
  'hyphen-broken labels': (n) => repeat('Ab Cd (X-\nY):\n', n),
  'front matter with many keys': (n) => `---\n${lines(n, (i) => `${uniqueWord(i)}: b\n`)}---\nText.`,
  'front matter never closed': (n) => `---\n${repeat('a\n', n)}`,
  'a hard-wrapped block without blank lines': (n) => repeat(`${'word '.repeat(15)}and\n`, n),
  'table-of-contents lines': (n) => repeat('Item . . . . . . 12\n', n),
  // The label shapes of every family, and the roles inferred from them.
  'a different speaker in bold on every line': (n) => lines(n, (i) => `**${uniqueWord(i)} Roe:** Why ${uniqueWord(i)}?\n`),
  'an interviewer and a guest, every turn a question': (n) => repeat('**Sam Ortiz:** Why?\n\n**Jane Roe:** Because we could, and so we did it.\n\n', n),
  'names with a time alone on their lines': (n) => lines(n, (i) => `${uniqueWord(i)} Roe  0:${String(i % 60).padStart(2, '0')}\nWords here?\n`),
  'names alone on their lines': (n) => lines(n, (i) => `${uniqueWord(i % 50)} G. Roe, Jr.\nWords here?\n\n`),
  'Q. and A. in one wrapped block': (n) => repeat('Q. Did you see it?\nA. No.\n', n),
  'subtitle cues': (n) => lines(n, (i) => `${i + 1}\n00:00:01,701 --> 00:00:02,001\n[SPEAKER_0${i % 9}]: You on?\n\n`),
  'headings that look like labels': (n) => lines(n, (i) => `${uniqueWord(i)}: Prices\n\n`),
  'order-paper questions': (n) => lines(n, (i) => `${i % 999}. ${uniqueWord(i)} Smith: If he will list his engagements.\n\n`),
  'a run of capitals ending in a question mark': (n) => `${'A'.repeat(n)}?`,
  'collective interjections': (n) => repeat('Opposition members interjecting—\n\nHonourable members: Hear, hear!\n\n', n),
};
