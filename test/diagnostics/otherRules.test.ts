import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createLanguageService } from '../../server/src/service';
import { checkParagraph, splitSentences } from '../../server/src/service/languageFeatures/diagnostics/paragraphChecks';
import { languageWords } from '../../server/src/service/text/languages';
import { corpusFile, document, lines } from '../util/fixtures';

const diagnose = (text: string, code: string) => createLanguageService().provideDiagnostics(document(text)).filter((d) => d.code === code);

describe('diagnostics: unbalanced-delimiter', () => {
  const code = 'unbalanced-delimiter';
  it('finds an unclosed quote or parenthesis and an unopened bracket, at the character', () => {
    const found = diagnose(lines('Sergey Lavrov: He called it “final. We disagree (strongly.', '', 'Question: Really] ?'), code);
    assert.deepEqual(found.map((d) => [d.range.start.line, d.range.start.character]), [[0, 28], [0, 48], [2, 16]]);
  });
  it('accepts balanced pairs, apostrophes, German and French quotes, list markers and smileys', () => {
    const fine = [
      'Sergey Lavrov: He said “yes” (twice) [sic] and “no”.',
      'Sergey Lavrov: Russia’s position isn’t new; it’s ‘old’.',
      'Olaf Scholz: Er sagte: „Das ist gut.“ Und »weiter«.',
      'Emmanuel Macron: Il a dit « oui ».',
      'Sergey Lavrov: First, a) transit; b) energy; 1) gas.',
      'MS. PSAKI: Happy Thursday :)',
      'Sergey Lavrov: He said "yes" and "no".',
    ];
    for (const text of fine) assert.deepEqual(diagnose(text, code), [], text);
  });
  it('accepts a quotation that runs over several paragraphs, each reopened with a quote', () => {
    assert.deepEqual(diagnose(lines('Sergey Lavrov: I quote: “The first point.', '', '“The second point.”'), code), []);
  });
});

describe('diagnostics: reversed-quotes', () => {
  const code = 'reversed-quotes';
  it('gives a reversed pair ”…“ one warning over the pair, and no unbalanced quotes', () => {
    const text = lines('Sergey Lavrov: He called it ”final“, and ”we disagree“.', '', 'Question: And the ”second', 'point“?');
    const service = createLanguageService();
    const found = service.provideDiagnostics(document(text)).filter((d) => d.code === code || d.code === 'unbalanced-delimiter');
    assert.deepEqual(found.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]), [
      [code, 2, 0, 28, 0, 35],
      [code, 2, 0, 41, 0, 54],
      [code, 2, 2, 18, 3, 6],
    ]);
    assert.equal(found[0].message, 'Reversed quotation marks: `”…“` for `“…”`.');
  });
  it('leaves a stray closing quote, and a proper quotation after it, as they were', () => {
    const found = diagnose(lines('Sergey Lavrov: He said” that “this” is final.'), 'unbalanced-delimiter');
    assert.deepEqual(found.map((d) => d.range.start.character), [22]);
    assert.deepEqual(diagnose('Sergey Lavrov: He said” that “this” is final.', code), []);
  });
  it('is not raised for German »…« and „…“, nor for single quotes', () => {
    for (const text of ['Olaf Scholz: Er sagte: »Das ist gut.« Und „weiter“.', 'Sergey Lavrov: It’s ’old‘ news.']) {
      assert.deepEqual(diagnose(text, code), [], text);
    }
  });
});

describe('diagnostics: empty-turn', () => {
  it('flags a label with nothing after it in its turn, not one whose words are below it', () => {
    const found = diagnose(lines('Sergey Lavrov:', '', 'Question: Why?', '', 'Sergey Lavrov:', 'Because.', '', 'Q    (Inaudible)'), 'empty-turn');
    assert.deepEqual(found.map((d) => d.range.start.line), [0]);
    assert.match(String(found[0].message), /Sergey Lavrov/);
  });
});

describe('diagnostics: unknown-speaker', () => {
  const frontMatter = ['---', 'speakers:', '  - name: Sergey Lavrov', '    aliases: [Lavrov]', '  - Murat Nurtleu', '---'];
  it('flags a label the front matter does not declare, suggesting the near miss', () => {
    const found = diagnose(lines(...frontMatter, 'Sergei Lavrov: Hello.', '', 'Murat Nurtleu: Hello.', '', 'Lavrov: Good.', '', 'John Smith: Hi.'), 'unknown-speaker');
    assert.deepEqual(found.map((d) => d.range.start.line), [6, 12]);
    assert.match(String(found[0].message), /Did you mean `Sergey Lavrov`\?/);
    assert.deepEqual(found[0].data, { replacement: 'Sergey Lavrov' });
    assert.equal(found[1].data, undefined);
  });
  it('says nothing where the front matter declares no speakers', () => {
    assert.deepEqual(diagnose('Sergei Lavrov: Hello.', 'unknown-speaker'), []);
  });
});

describe('diagnostics: repeated-sentence', () => {
  it('finds the seed’s “This is a traditional document.” said twice', () => {
    const found = diagnose(corpusFile('seed_lavrov_2023-04-11.txt'), 'repeated-sentence');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 4);
    assert.deepEqual(found[0].range, { start: { line: 18, character: 178 }, end: { line: 18, character: 209 } });
  });
  it('quotes a hard-wrapped sentence on one line, so that a message is one line of `transcript check`', () => {
    const found = diagnose(lines('Sergey Lavrov: We agree on this', 'point entirely. We agree on this', 'point entirely.'), 'repeated-sentence');
    assert.equal(found.length, 1);
    assert.equal(found[0].message, 'Repeated sentence: “We agree on this point entirely.” was just said.');
  });
  it('leaves short repeats alone (“Yes. Yes.”) and sentences far apart', () => {
    assert.deepEqual(diagnose('JUSTICE KENNEDY: Yes. Yes. We agree on this point. It is clear. We are done here. We agree on this point.', 'repeated-sentence'), []);
  });
});

describe('diagnostics: unanswered-question', () => {
  it('flags a question followed by another question or the end', () => {
    const found = diagnose(lines('Question: First?', '', 'Question: Second?', '', 'Sergey Lavrov: An answer.', '', 'Question: Last?'), 'unanswered-question');
    assert.deepEqual(found.map((d) => d.range.start.line), [0, 6]);
    assert.equal(found[0].severity, 3);
  });

  it('flags a question no label opens on its first line (a shape the incremental fuzz test found)', () => {
    const text = lines(
      'Title of the talk', '', 'Dr. Angela Merkel, Bundeskanzlerin: Question:', '', '# Question:', 'https://example.org/a#b?Question:', 'Question:', '',
      'https://example.org/a#b?c=(d) Question:', 'Dr. Angela Merkel, Bundeskanzlerin: ? Question: We have just signed a schedule.', 'Question (Reuters):',
    );
    const found = diagnose(text, 'unanswered-question');
    // The first question is the words below the heading, which no label opens.
    assert.deepEqual(found.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]).slice(0, 2), [[5, 0, 5, 33], [6, 0, 6, 8]]);
  });
});

describe('diagnostics: severity settings', () => {
  it('takes severities from the settings and from the front matter, where `off` silences a rule', () => {
    const text = lines('---', 'diagnostics:', '  repeated-sentence: warning', '  incomplete-sentence: "off"', '---', 'Question: We discussed the matter in', '', 'Sergey Lavrov: We agree on this point. We agree on this point.');
    const service = createLanguageService({ severity: { 'unanswered-question': 'error' } });
    const found = service.provideDiagnostics(document(text));
    assert.deepEqual(found.map((d) => [d.code, d.severity]), [['repeated-sentence', 2]]);
    service.updateSettings({ severity: { 'repeated-sentence': 'off' } });
    const overridden = service.provideDiagnostics(document(text));
    assert.deepEqual(overridden.map((d) => d.code), ['repeated-sentence'], 'the front matter wins for its own file');
  });
  it('reports a front matter `diagnostics` entry that names no rule or no level', () => {
    const found = diagnose(lines('---', 'diagnostics:', '  incomplete-sentences: off', '  empty-turn: loud', '---', 'Question: Why?'), 'front-matter');
    assert.equal(found.length, 2);
    assert.match(String(found[0].message), /incomplete-sentences` is not a diagnostic code/);
  });
});

describe('diagnostics: misspelt-organisation', () => {
  it('flags the seed’s OCSE as OSCE, and nothing else in the seed', () => {
    const found = diagnose(corpusFile('seed_lavrov_2023-04-11.txt'), 'misspelt-organisation');
    assert.deepEqual(found.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]), [[18, 1170, 1174]]);
    assert.match(String(found[0].message), /`OCSE` is not a known organisation: did you mean `OSCE` \(Organization for Security and Co-operation in Europe\)\?/);
    assert.deepEqual(found[0].data, { replacement: 'OSCE' });
  });
  it('leaves known organisations, plurals, labels in capitals, all-caps text and URLs alone', () => {
    const fine = lines(
      'MS. PSAKI: NATO, NATO’s allies and the NGOs met the OSCE and the CSTO.',
      '',
      'THE PRESIDENT: WE WILL NEVER GIVE UP.',
      '',
      'Sergey Lavrov: See https://example.org/OCSE for details.',
    );
    assert.deepEqual(diagnose(fine, 'misspelt-organisation'), []);
  });
  it('catches two swapped letters, but not another acronym one letter away, nor a word used three times', () => {
    const found = diagnose('Sergey Lavrov: We met the NTAO envoy, the CTSO secretary and the UNWRA chief, not the PACT or MAGA people.', 'misspelt-organisation');
    assert.deepEqual(found.map((d) => (d.data as { replacement: string }).replacement), ['NATO', 'CSTO', 'UNRWA']);
    assert.deepEqual(diagnose('Sergey Lavrov: NTAO said. NTAO did. NTAO went.', 'misspelt-organisation'), []);
  });
});

describe('diagnostics: repeated-sentence, against the sentence keys (property, seeded)', () => {
  it('finds a repeat whatever its case and punctuation, and only where the words are the same', () => {
    const words = languageWords('en');
    const key = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    // Sentences of the same words in other cases and punctuation, and letters whose lower case is ASCII (the Kelvin sign, `İ`).
    const word = fc.constantFrom('we', 'We', 'WE', 'agree', 'Agree', 'on', 'this', 'point', 'kelvin', '\u212Aelvin', 'istanbul', 'İstanbul', 'don’t', '2', '١', 'ça');
    const sentence = fc.tuple(fc.array(word, { minLength: 3, maxLength: 6 }), fc.constantFrom(' ', ', ', ' — ')).map(([ws, gap]) => `${ws.join(gap)}.`);
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.nat(3), fc.nat(3)), { maxLength: 4 }), (said, echoes) => {
        // Echo some sentences right after themselves, changed as a key does not see, so that repeats are common.
        const changes = [(s: string) => s.toUpperCase(), (s: string) => s.replace(/k/g, '\u212A'), (s: string) => s.replace(/, /g, ' '), (s: string) => s.replace(/i/g, 'İ')];
        const all = [...said];
        for (const [at, change] of echoes) if (at < all.length) all.splice(at + 1, 0, changes[change](all[at]));
        const text = all.join(' ');
        const sentences = splitSentences(text, words);
        const expected: number[] = [];
        for (let i = 1; i < sentences.length; i++) {
          for (let back = 1; back <= 2 && i - back >= 0; back++) {
            const [a, b] = [sentences[i - back], sentences[i]];
            if (Math.abs(a.end - a.start - (b.end - b.start)) > 4) continue;
            if (key(text, a) === key(text, b) && key(text, b).split(' ').length >= 4) {
              expected.push(b.start);
              break;
            }
          }
        }
        assert.deepEqual(checkParagraph(text, [], words).repeats.map((r) => r.start), expected, JSON.stringify(text));
      }),
      { seed: 17, numRuns: 2000 },
    );
  });
});

describe('diagnostics: sentences (property, seeded)', () => {
  it('end where the sentence-end pattern matches, but not after an abbreviation or an initial', () => {
    const words = languageWords('en');
    const boundary = /(?<![.!?…。！？])[.!?…。！？]+["”’»)\]]*(?=[\s\u00a0]+|$)/gu;
    const abbreviation = (text: string, from: number, dot: number) => {
      let start = dot;
      while (start > from && dot - start < 20 && /[\p{L}.]/u.test(text[start - 1])) start--;
      const word = text.slice(start, dot);
      return words.abbreviations.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word);
    };
    const reference = (text: string) => {
      const sentences: { start: number; end: number }[] = [];
      let start = text.search(/\S/);
      if (start < 0) return sentences;
      for (const m of text.matchAll(boundary)) {
        const end = m.index + m[0].length;
        if (m[0] === '.' && abbreviation(text, start, m.index)) continue;
        sentences.push({ start, end });
        start = end;
        while (start < text.length && /[\s\u00a0]/.test(text[start])) start++;
      }
      if (start < text.length && /\S/.test(text.slice(start))) sentences.push({ start, end: text.replace(/[\s\u00a0\u200b]+$/, '').length });
      return sentences;
    };
    const piece = fc.constantFrom('We agree', 'Mr', 'J', 'e.g', 'etc', 'да', '.', '..', '!', '?!', '…', '。', '！', '"', '”', '’', ')', ']', ' ', '\u00a0', '\n', '\u2003', '\u200b', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual(splitSentences(text, words), reference(text), JSON.stringify(text));
      }),
      { seed: 19, numRuns: 5000 },
    );
  });
});
