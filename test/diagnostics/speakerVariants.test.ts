import * as assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import { applyEdits, editsOf } from '../util/edits';
import { document, lines, parse, turnsOf } from '../util/fixtures';

const code = 'probable-same-speaker';
const speakerNames = (text: string) => turnsOf(parse(text)).map(([name]) => name);
const hints = (text: string) => createLanguageService().provideDiagnostics(document(text)).filter((d) => d.code === code);
const paragraphs = (...parts: string[]) => parts.join('\n\n');

/** The quick fixes of the text's first probable-same-speaker hint. */
function fixes(text: string) {
  const service = createLanguageService();
  const doc = document(text);
  const diagnostics = service.provideDiagnostics(doc).filter((d) => d.code === code);
  return service.provideCodeActions(doc, diagnostics.slice(0, 1)).map((action) => ({ title: action.title, apply: () => applyEdits(text, editsOf(action, doc.uri)) }));
}

describe('diagnostics: probable-same-speaker', () => {
  describe('one speaker where it is sure', () => {
    it('a title before a surname: Mr., Minister, Herr, господин', () => {
      const text = paragraphs('Sergey Lavrov: Hello.', 'Question: Why?', 'Mr. Lavrov: Because.', 'Minister Lavrov: Yes.', 'Herr Lavrov: Ja.', 'Господин Lavrov: Да.');
      assert.deepEqual(speakerNames(text), ['Sergey Lavrov', 'Question', 'Sergey Lavrov', 'Sergey Lavrov', 'Sergey Lavrov', 'Sergey Lavrov']);
      assert.deepEqual(hints(text), []);
    });
    it('an initial that only one of the surname’s speakers fits', () => {
      const text = paragraphs('Sergey Lavrov: Hello.', 'Maria Lavrova: Hi.', 'Anna Lavrov: Hi.', 'S. Lavrov: Yes.', 'A. Lavrov: Yes.');
      assert.deepEqual(speakerNames(text), ['Sergey Lavrov', 'Maria Lavrova', 'Anna Lavrov', 'Sergey Lavrov', 'Anna Lavrov']);
    });
    it('capitals: SERGEY LAVROV is Sergey Lavrov', () => {
      assert.deepEqual(speakerNames(paragraphs('Sergey Lavrov: Hello.', 'SERGEY LAVROV: Hi.')), ['Sergey Lavrov', 'Sergey Lavrov']);
    });
    it('bare forms of a surname no full name has: Lavrov, Minister Lavrov, Mr. Lavrov', () => {
      assert.deepEqual(speakerNames(paragraphs('Lavrov: a.', 'Minister Lavrov: b.', 'Mr. Lavrov: c.', 'Lavrov: d.')), Array(4).fill('Minister Lavrov'));
    });
  });

  describe('a hint where it is not', () => {
    it('a given name spelt otherwise, on the later label, naming the first spelling and its line', () => {
      const text = lines('Sergey Lavrov: Hello.', '', 'Question: Why?', '', 'Sergei Lavrov: Because.');
      assert.deepEqual(speakerNames(text), ['Sergey Lavrov', 'Question', 'Sergei Lavrov']);
      const found = hints(text);
      assert.equal(found.length, 1);
      assert.deepEqual(found[0].range, { start: { line: 4, character: 0 }, end: { line: 4, character: 13 } });
      assert.equal(found[0].severity, 3);
      assert.equal(found[0].message, '`Sergei Lavrov` is probably the same speaker as Sergey Lavrov (line 1).');
    });
    it('transliterations: Mohammed/Muhammad, Alexey/Aleksei', () => {
      assert.equal(hints(paragraphs('Mohammed Ali: a.', 'Muhammad Ali: b.')).length, 1);
      assert.equal(hints(paragraphs('Alexey Navalny: a.', 'Aleksei Navalny: b.')).length, 1);
    });
    it('a bare surname two speakers share, naming both', () => {
      const text = paragraphs('John Smith: a.', 'Jane Smith: b.', 'Mr. Smith: c.');
      assert.deepEqual(speakerNames(text), ['John Smith', 'Jane Smith', 'Mr. Smith']);
      assert.deepEqual(hints(text).map((d) => d.message), ['`Mr. Smith` is probably the same speaker as John Smith (line 1) or Jane Smith (line 3).']);
    });
    it('no hint for a speaker the front matter declares', () => {
      assert.deepEqual(hints(lines('---', 'speakers: [Sergey Lavrov, Sergei Lavrov]', '---', 'Sergey Lavrov: a.', '', 'Sergei Lavrov: b.')), []);
    });
  });

  describe('different people stay apart, with no hint', () => {
    it('different given names: Joe and Hunter Biden; Dan and Don Smith', () => {
      for (const text of [paragraphs('Joe Biden: a.', 'Hunter Biden: b.'), paragraphs('Dan Smith: a.', 'Don Smith: b.'), paragraphs('Maria Lavrova: a.', 'Sergey Lavrov: b.')]) {
        assert.equal(new Set(speakerNames(text)).size, 2, text);
        assert.deepEqual(hints(text), [], text);
      }
    });
    it('numbered speakers', () => {
      for (const text of [paragraphs('Speaker 1: a.', 'Speaker 2: b.', 'Speaker 1: c.'), paragraphs('SPEAKER_00: a.', 'SPEAKER_01: b.', 'SPEAKER_00: c.')]) {
        assert.deepEqual(hints(text), [], text);
      }
    });
    it('initials that do not fit: V. Lavrov is not Sergey Lavrov', () => {
      assert.deepEqual(speakerNames(paragraphs('Sergey Lavrov: a.', 'V. Lavrov: b.')), ['Sergey Lavrov', 'V. Lavrov']);
    });
  });

  describe('quick fix: declare the alias in the front matter', () => {
    it('creates the front matter, declaring the document’s speakers, after which they are one and the hint is gone', () => {
      const text = lines('Sergey Lavrov: Hello.', '', 'Murat Nurtleu: Hi.', '', 'Sergei Lavrov: Because.', '', 'Lavrov: Yes.');
      assert.equal(hints(text).length, 2, 'Sergei Lavrov, and Lavrov, which both could be');
      const [fix] = fixes(text);
      assert.equal(fix.title, 'Declare `Sergei Lavrov` an alias of `Sergey Lavrov` in the front matter');
      const fixed = fix.apply();
      assert.equal(fixed, lines('---', 'speakers:', '  - name: Sergey Lavrov', '    aliases: [Sergei Lavrov]', '  - Murat Nurtleu', '---', text));
      assert.deepEqual(speakerNames(fixed), ['Sergey Lavrov', 'Murat Nurtleu', 'Sergey Lavrov', 'Sergey Lavrov']);
      assert.deepEqual(createLanguageService().provideDiagnostics(document(fixed)), []);
    });
    it('adds to the declared entry’s aliases, in a flow list or a block list, or gives it one', () => {
      const body = ['Sergey Lavrov: Hello.', '', 'Sergei Lavrov: Because.'];
      const cases: [string[], string[]][] = [
        [['  - name: Sergey Lavrov', '    aliases: [Lavrov]'], ['  - name: Sergey Lavrov', '    aliases: [Lavrov, Sergei Lavrov]']],
        [['  - name: Sergey Lavrov', '    aliases:', '      - Lavrov'], ['  - name: Sergey Lavrov', '    aliases:', '      - Lavrov', '      - Sergei Lavrov']],
        [['  - name: Sergey Lavrov', '    role: Minister'], ['  - name: Sergey Lavrov', '    role: Minister', '    aliases: [Sergei Lavrov]']],
        [['  - Sergey Lavrov'], ['  - { name: Sergey Lavrov, aliases: [Sergei Lavrov] }']],
        [['  Sergey Lavrov:', '    role: Minister'], ['  Sergey Lavrov:', '    role: Minister', '    aliases: [Sergei Lavrov]']],
      ];
      for (const [declared, expected] of cases) {
        const text = lines('---', 'speakers:', ...declared, '---', ...body);
        const fixed = fixes(text)[0].apply();
        assert.equal(fixed, lines('---', 'speakers:', ...expected, '---', ...body), declared.join('\n'));
        assert.deepEqual(speakerNames(fixed), ['Sergey Lavrov', 'Sergey Lavrov']);
        assert.deepEqual(hints(fixed), []);
      }
    });
    it('adds `speakers:` to a front matter without, keeping CRLF', () => {
      const text = ['---', 'title: Talks', '---', 'Sergey Lavrov: Hello.', '', 'Sergei Lavrov: Because.'].join('\r\n');
      const fixed = fixes(text)[0].apply();
      assert.equal(fixed, ['---', 'title: Talks', 'speakers:', '  - name: Sergey Lavrov', '    aliases: [Sergei Lavrov]', '---', 'Sergey Lavrov: Hello.', '', 'Sergei Lavrov: Because.'].join('\r\n'));
      assert.deepEqual(hints(fixed), []);
    });
    it('offers each speaker a bare surname may be', () => {
      const text = paragraphs('John Smith: a.', 'Jane Smith: b.', 'Mr. Smith: c.');
      assert.deepEqual(fixes(text).map((f) => f.title), ['Declare `Mr. Smith` an alias of `John Smith` in the front matter', 'Declare `Mr. Smith` an alias of `Jane Smith` in the front matter']);
      const fixed = fixes(text)[0].apply();
      assert.equal(fixed, lines('---', 'speakers:', '  - name: John Smith', '    aliases: [Mr. Smith]', '  - Jane Smith', '---', text));
      assert.deepEqual(speakerNames(fixed), ['John Smith', 'Jane Smith', 'John Smith']);
    });
  });
});
