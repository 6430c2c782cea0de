import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { builtinGlossary, createLanguageService, findOrganisationMentions } from '../../server/src/service';
import { DerivedResults } from '../../server/src/service/derivedResults';
import fc from 'fast-check';
import { appositions, documentDefinitions, findDefinitions } from '../../server/src/service/glossary/definitions';
import { unknownNameAt } from '../../server/src/service/glossary/unknownNames';
import type { TranscriptModel } from '../../server/src/service/model';
import { LineIndex } from '../../server/src/service/text/lineIndex';
import { EditableDocument } from '../util/editableDocument';
import { cursor, document, lines } from '../util/fixtures';
import { checkProperty } from '../fuzz/support/fuzz';

/** The definitions a paragraph's words make, as `ACR = Full Name`. */
function defined(text: string, language = 'en'): string[] {
  return findDefinitions(text, language).map((d) => `${d.acronym} = ${d.fullName}`);
}

/** The hover's Markdown at the fixture's `|`. */
function hoverAt(fixture: string): string | undefined {
  const { text, offset } = cursor(fixture);
  const hover = createLanguageService().provideHover(document(text), new LineIndex(text).positionAt(offset));
  return (hover?.contents as MarkupContent | undefined)?.value;
}

describe('glossary: names the transcript defines', () => {
  describe('the patterns, in both directions', () => {
    it('reads "Full Name (ACR)", the shortest run of words that spells the acronym', () => {
      assert.deepEqual(defined('Yesterday the Lake Ferry Authority (LFA) said the ferries would run.'), ['LFA = Lake Ferry Authority']);
      assert.deepEqual(defined('the Organisation for Economic Co-operation and Development (OECD) said'), ['OECD = Organisation for Economic Co-operation and Development']);
      assert.deepEqual(defined('fighters of the Islamic State of Iraq and Syria (ISIS) withdrew'), ['ISIS = Islamic State of Iraq and Syria']);
    });

    it('reads "ACR (Full Name)" when the bracket holds the whole name', () => {
      assert.deepEqual(defined('The LFA (Lake Ferry Authority) runs the ferries.'), ['LFA = Lake Ferry Authority']);
      assert.deepEqual(defined('The LFA (Lake Ferry Authority, that is) runs the ferries.'), []);
    });

    it('reads "ACR, the Full Name" with the article of the language', () => {
      assert.deepEqual(defined('We asked the LFA, the Lake Ferry Authority, about it.'), ['LFA = Lake Ferry Authority']);
      assert.deepEqual(defined('Wir haben das BfV, das Bundesamt für Verfassungsschutz, gefragt.', 'de'), ['BfV = Bundesamt für Verfassungsschutz']);
      assert.deepEqual(defined('Nous avons interrogé la BAsD, la Banque asiatique de développement, hier.', 'fr'), ['BAsD = Banque asiatique de développement']);
      assert.deepEqual(defined('Preguntamos a la AFL, la Autoridad del Ferry del Lago, ayer.', 'es'), ['AFL = Autoridad del Ferry del Lago']);
      assert.deepEqual(defined('Мы спросили ФСБ, Федеральную службу безопасности, об этом.', 'ru'), ['ФСБ = Федеральную службу безопасности']);
      // English wants its article: `LFA, Lake Ferry …` could be a list.
      assert.deepEqual(defined('We asked the LFA, Lake Ferry Authority and the police.'), []);
    });

    it('reads the bracketed patterns in Russian, German, French and Spanish', () => {
      assert.deepEqual(defined('заявила Организация Договора о коллективной безопасности (ОДКБ) в среду', 'ru'), ['ОДКБ = Организация Договора о коллективной безопасности']);
      assert.deepEqual(defined('sagte die Organisation für Sicherheit und Zusammenarbeit in Europa (OSZE) am Montag', 'de'), ['OSZE = Organisation für Sicherheit und Zusammenarbeit in Europa']);
      assert.deepEqual(defined("l'Organisation mondiale de la santé (OMS) a dit", 'fr'), ['OMS = Organisation mondiale de la santé']);
      assert.deepEqual(defined('la ALF (Autoridad del Lago Ferry) dijo', 'es'), ['ALF = Autoridad del Lago Ferry']);
    });

    it('does not define from brackets that hold no name, nor from a speaker’s outlet', () => {
      assert.deepEqual(defined('As the report says (see above), the LFA is late.'), []);
      assert.deepEqual(defined('We will see. (Laughter.) The LFA is late.'), []);
      assert.deepEqual(defined('The LFA (inaudible) is late.'), []);
      assert.deepEqual(defined('Tom Hughes (Evening Star): Is the LFA late?'), []);
      assert.deepEqual(defined('Tom Hughes (ES): Is the LFA late?'), []);
      assert.deepEqual(defined('The minister (Tom Hughes) spoke to the Lake Ferry Authority (FBI).'), []);
    });
  });

  describe('the card', () => {
    const text = lines(
      'Question: Will the Lake Ferry Authority (LFA) run the ferries in winter?',
      '',
      'Minister: The LFA has said so, and the Lake Ferry Authority keeps its word.',
    );

    it('gives later mentions of the acronym and the full name a card marked as defined in the transcript, with a link to the definition', () => {
      const card = hoverAt(text.replace('The LFA', 'The L|FA'));
      assert.equal(card, ['**Lake Ferry Authority** (LFA)', '*Defined in this transcript: [line 1](file:///test.transcript#L1)*'].join('\n\n'));
      assert.match(hoverAt(text.replace('the Lake Ferry Authority keeps', 'the Lake Fe|rry Authority keeps'))!, /^\*\*Lake Ferry Authority\*\* \(LFA\)/);
    });

    it('is for that document only', () => {
      assert.match(hoverAt('Minister: The L|FA has said so.')!, /^\*\*LFA\*\* has no card/);
    });

    it('wins over the glossary in that document, whose senses follow', () => {
      const card = hoverAt(lines('Question: Did the Island Cycling Club (ICC) rule?', '', 'Minister: The I|CC did.'))!;
      assert.match(card, /^\*\*Island Cycling Club\*\* \(ICC\)\n\n\*Defined in this transcript: \[line 1\]/);
      assert.match(card, /International Criminal Court/);
    });

    it('shows the glossary’s card when the definition names the glossary’s sense', () => {
      const card = hoverAt(lines('Question: Did the International Criminal Court (ICC) rule?', '', 'Minister: The I|CC did.'))!;
      assert.match(card, /^\*\*International Criminal Court\*\* \(ICC\)\n\nPermanent/);
      assert.match(card, /Defined in this transcript: \[line 1\]/);
    });

    it('counts defined names among the organisations a transcript names, and goes to the definition', () => {
      const service = createLanguageService();
      const doc = document(text);
      const counted = service.provideOrganisations(doc).map((c) => [c.entry.fullName, c.count]);
      // The definition's two names, then the answer's two.
      assert.deepEqual(counted, [['Lake Ferry Authority', 4]]);
      const at = new LineIndex(text).positionAt(text.indexOf('The LFA') + 5);
      assert.deepEqual(service.provideDefinition(doc, at), [{ uri: 'file:///test.transcript', range: { start: { line: 0, character: 19 }, end: { line: 0, character: 45 } } }]);
    });
  });

  describe('in the derived-results layer', () => {
    /**
     * `model`, refusing to be read in full, as the list of its paragraphs or by index up to their
     * count: what a value updated along an edit must not need.
     */
    const refusingFullReads = (model: TranscriptModel): TranscriptModel => new Proxy(model, {
      get: (target, key) => {
        if (key === 'paragraphs' || key === 'paragraphCount') throw new Error('read every paragraph');
        return Reflect.get(target, key, target);
      },
    });

    it('updates the defined names and the uses of capitalised names along an edit, reading only the edited paragraph', () => {
      const service = createLanguageService();
      const glossary = builtinGlossary();
      const paragraphs = Array.from({ length: 40 }, (_, i) => `Minister: Paragraph ${i} on the Lake Ferry Authority (LFA) and the Harbour Pilots Association.`);
      const doc = new EditableDocument(lines(...paragraphs));
      const results = new DerivedResults();
      const before = service.getModel(doc);
      const name = doc.getText().indexOf('Harbour Pilots') + 1;
      assert.equal(unknownNameAt(results, before, glossary, name)?.text, 'Harbour Pilots Association');
      const at = doc.getText().indexOf('Paragraph 7') + 'Paragraph'.length;
      const after = service.getModel(doc.edit(at, at, ' x'));
      const guarded = refusingFullReads(after);
      assert.deepEqual(documentDefinitions(results, guarded).names, documentDefinitions(new DerivedResults(), after).names);
      assert.deepEqual(unknownNameAt(results, guarded, glossary, name + 2), unknownNameAt(new DerivedResults(), after, glossary, name + 2));
    });

    it('carries the values to each new version as it is made: a later version updates them when the versions between are gone', () => {
      const service = createLanguageService();
      const glossary = builtinGlossary();
      const paragraphs = Array.from({ length: 40 }, (_, i) => `Minister: Paragraph ${i} on the Lake Ferry Authority (LFA) and the Harbour Pilots Association.`);
      const doc = new EditableDocument(lines(...paragraphs));
      const first = service.getModel(doc);
      const name = doc.getText().indexOf('Harbour Pilots') + 1;
      const at = doc.getText().indexOf('Paragraph 7') + 'Paragraph'.length;
      const second = service.getModel(doc.edit(at, at, ' x'));
      const third = service.getModel(doc.edit(at, at, ' y'));
      /** A version whose edit reaches what `previous` gives (undefined: a version the garbage collector took), read by index only. */
      const version = (model: TranscriptModel, previous: () => TranscriptModel | undefined) => refusingFullReads(new Proxy(model, {
        get: (target, key) => (key === 'edit' ? { ...target.edit!, previous: { deref: previous } } : Reflect.get(target, key, target)),
      }));
      const asked = (results: DerivedResults) => {
        assert.equal(unknownNameAt(results, first, glossary, name)?.text, 'Harbour Pilots Association');
        return results;
      };
      let firstKept: TranscriptModel | undefined = first;
      const secondMade = version(second, () => firstKept);
      const thirdMade = version(third, () => secondMade);
      // Carried when the second version was made, the values need the first no more.
      const carried = asked(new DerivedResults());
      carried.carryAlongEdit(first, secondMade);
      firstKept = undefined;
      carried.carryAlongEdit(secondMade, thirdMade);
      assert.deepEqual(unknownNameAt(carried, thirdMade, glossary, name + 4), unknownNameAt(new DerivedResults(), third, glossary, name + 4));
      assert.deepEqual(documentDefinitions(carried, thirdMade).names, documentDefinitions(new DerivedResults(), third).names);
      // Not carried, they are read again from every paragraph.
      assert.throws(() => unknownNameAt(asked(new DerivedResults()), thirdMade, glossary, name + 4), /read every paragraph/);
    });

    it('reads only the edited paragraph again after a keystroke, and keeps the other paragraphs’ matches of the defined names', () => {
      const service = createLanguageService();
      const paragraphs = Array.from({ length: 40 }, (_, i) => `Minister: Paragraph ${i} on the Lake Ferry Authority (LFA) and the LFA.`);
      const results = new DerivedResults();
      const glossary = builtinGlossary();
      const first = service.getModel({ ...document(lines(...paragraphs), 'file:///incremental.transcript'), version: 1 });
      assert.equal(findOrganisationMentions(results, first, glossary).filter((m) => m.definition).length, 120);
      assert.equal(results.computations('paragraph definitions'), 40);
      assert.equal(results.computations('paragraph defined names'), 40);
      paragraphs[7] = 'Minister: Paragraph 7 is now on the LFA alone.';
      const second = service.getModel({ ...document(lines(...paragraphs), 'file:///incremental.transcript'), version: 2 });
      const mentions = findOrganisationMentions(results, second, glossary);
      assert.equal(mentions.filter((m) => m.definition?.fullName === 'Lake Ferry Authority').length, 118);
      assert.equal(results.computations('paragraph definitions'), 41);
      assert.equal(results.computations('paragraph defined names'), 41);
    });
  });

  it('finds `ACR, ` before each comma as a search of the whole text at every character would (property)', () => {
    const everywhere = /(?<![\p{L}\p{N}])([\p{Lu}][\p{L}\p{N}&.-]{1,11}),[ \t\u00a0]+/gu;
    // Words of capitals and small letters of the Latin, Greek and astral planes, digits, the class's marks and lone
    // surrogates, from one to sixteen of them (an acronym has at most twelve), between commas and spaces.
    const letter = fc.constantFrom('A', 'N', 'Z', 'É', 'Ω', '𝐀', 'a', 'é', 'ω', '𝐚', '7', '&', '.', '-', '\ud835', '\udc00');
    const word = fc.array(letter, { minLength: 1, maxLength: 16 }).map((letters) => letters.join(''));
    const between = fc.constantFrom(', ', ',', ',\t', ',\u00a0 ', ' ', ' (', ',,', '');
    const text = fc.array(fc.tuple(word, between), { maxLength: 12 }).map((pairs) => pairs.flat().join(''));
    checkProperty('appositions', fc.property(text, (text) => {
      const found = [...appositions(text)].map((m) => [m.index, m[0]]);
      assert.deepEqual(found, [...text.matchAll(everywhere)].map((m) => [m.index, m[0]]));
    }));
  });
});
