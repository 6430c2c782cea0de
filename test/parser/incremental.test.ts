import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createLanguageService, type TranscriptModel } from '../../server/src/service';
import { EditableDocument } from '../util/editableDocument';
import { corpusFile, document, lines } from '../util/fixtures';

/** Everything the model says, in comparable form. */
function summary(model: TranscriptModel) {
  return {
    lines: model.lines.lineStarts,
    courtLayout: model.courtLayout,
    paragraphs: model.paragraphs.map((p) => [p.kind, p.start, p.end, p.firstLine, p.lastLine, p.contentStart, p.label?.name, p.label?.start, p.tags.map((t) => t.start), p.annotations.map((a) => a.start)]),
    turns: model.turns.map((t) => [t.speakerId, t.role, t.start, t.end, t.paragraphs, t.questionNumber, t.answers, t.section, t.label?.name, t.label?.start, t.label?.nameEnd]),
    questions: model.questions,
    speakers: [...model.speakers.values()],
    sections: model.sections,
    comments: model.comments,
  };
}

const PIECES = ['Question: ', 'Sergey Lavrov: ', 'Q\u00a0\u00a0 ', '\n', '\n\n', '\r\n', '# Energy\n', '* * *\n', ' #energy ', '(Laughter.) ', '[inaudible] ', 'word ', 'the ', '. ', ', ', 'Mr. Churkin (Russian Federation): ', '😀', 'Вопрос: ', ':', '',
  // The shapes of every family, and what makes a turn ask.
  '?', ' why? ', '**Sam Ortiz:** ', 'Q. ', 'A. ', 'SPEAKER_00: ', '[00:00:12] ', 'Energy: Prices\n', 'John G. Roberts, Jr.\n', 'Omar Haddad  0:12\n', 'Honourable members: Hear, hear!\n',
  'mk: ', '\n… ', 'note: '];

describe('parser: incremental reparse', () => {
  it('keeps who asks up to date as a question mark is typed or deleted, as a fresh parse reads it', () => {
    const service = createLanguageService();
    const doc = new EditableDocument(lines('Sam Ortiz: Welcome. Why bikes?', '', 'Jane Roe: Because nobody else would build them, and we could.', '', 'Sam Ortiz: And then.', '', 'Jane Roe: A shop, and then a second one in the next town.'));
    const roles = () => service.getModel(doc).turns.map((t) => t.role);
    assert.deepEqual(roles(), ['question', 'answer', 'statement', 'statement']);
    const at = doc.getText().indexOf('And then.') + 'And then'.length;
    doc.edit(at, at + 1, '?');
    assert.deepEqual(roles(), ['question', 'answer', 'question', 'answer']);
    doc.edit(at, at + 1, '.');
    assert.deepEqual(roles(), ['question', 'answer', 'statement', 'statement']);
    assert.deepEqual(summary(service.getModel(doc)), summary(createLanguageService().getModel(document(doc.getText()))));
  });

  it('reads a question mark typed or deleted as a change of roles only: the turns before it are kept as they were', () => {
    const service = createLanguageService();
    const doc = new EditableDocument(lines('Sam Ortiz: Welcome. Why bikes?', '', 'Jane Roe: Because nobody else would build them.', '', 'Sam Ortiz: And then.', '', 'Jane Roe: A shop.'));
    const before = service.getModel(doc);
    assert.deepEqual(before.turns.map((t) => t.role), ['question', 'answer', 'statement', 'statement']);
    const at = doc.getText().indexOf('And then.') + 'And then'.length;
    const after = service.getModel(doc.edit(at, at + 1, '?'));
    assert.deepEqual(after.turns.map((t) => t.role), ['question', 'answer', 'question', 'answer']);
    assert.equal(after.turns[0], before.turns[0]);
    assert.equal(after.turns[1], before.turns[1]);
    assert.equal(after.speakers, before.speakers);
  });

  it('reads a name typed in a label as the same turns with their speakers resolved again, as a fresh parse reads them', () => {
    const service = createLanguageService();
    const doc = new EditableDocument(lines(
      'Sergey Lavrov: We met.', '', 'Question: Why?', '', 'Lavrov: Because.', '', '## Energy', '', 'More from him.', '',
      'Maria Zakharova: Next question?', '', 'Lavrov: No.',
    ));
    const before = service.getModel(doc);
    assert.equal(before.speakers.size, 2);
    const at = doc.getText().indexOf('Lavrov:') + 'Lavrov'.length;
    // Each keystroke of a new surname: `Sergey Lavrov` no longer claims `Lavrov`, nor the text after the heading.
    for (const [i, letter] of [...'ich'].entries()) {
      service.getModel(doc.edit(at + i, at + i, letter));
      assert.deepEqual(summary(service.getModel(doc)), summary(createLanguageService().getModel(document(doc.getText()))));
    }
    const after = service.getModel(doc);
    assert.equal(after.speakers.size, 3);
    assert.equal(after.turns[3].speakerId, after.turns[2].speakerId, 'the text after the heading is still the speaker\'s before it');
    doc.edit(at, at + 3, '');
    assert.deepEqual(summary(service.getModel(doc)), summary(before));
    // A full name changed in place keeps the turns before it where they were.
    const last = service.getModel(doc);
    const maria = doc.getText().indexOf('Zakharova') + 3;
    const renamed = service.getModel(doc.edit(maria, maria + 1, 'k'));
    assert.equal(renamed.turns[0].place, last.turns[0].place);
    assert.notEqual(renamed.turns[4].place, last.turns[4].place);
    assert.deepEqual(summary(renamed), summary(createLanguageService().getModel(document(doc.getText()))));
  });

  it('gives the same model as a full parse after each random edit (property, seeded)', () => {
    const base = [
      corpusFile('seed_lavrov_2023-04-11.txt').slice(0, 3000),
      corpusFile('wh_biden_press_gaggle_2021-11-16.txt'),
      corpusFile('unsc_spv7154_ukraine_2014-04-13.txt').slice(0, 4000),
      lines('Title of the talk', '', 'Sergey Lavrov: Hello.', '', 'Question: Why?', 'Sergey Lavrov: Because.'),
      lines('Sam Ortiz: Welcome. Why bikes?', '', 'Jane Roe: Because nobody else would build them, and we could.', '', 'Sam Ortiz: And then?', '', 'Jane Roe: A shop, and then a second one in the next town.', '', 'Energy: Prices', '', 'Sam Ortiz: Thanks.'),
      lines('## Charter', 'sk: any news on that', 'dr: no need to have a resolution', '… we should work on the new charter', 'sk: the dates are still open',
        'mk: I am, first as an IE', 'dr: fine with me', 'sk: approved'),
    ];
    fc.assert(
      fc.property(fc.nat(base.length - 1), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(40), fc.array(fc.constantFrom(...PIECES), { maxLength: 3 })), { minLength: 1, maxLength: 8 }), (which, edits) => {
        const incremental = createLanguageService();
        const doc = new EditableDocument(base[which]);
        incremental.getModel(doc);
        for (const [where, length, parts] of edits) {
          const text = doc.getText();
          const start = Math.floor(where * text.length);
          const end = Math.min(text.length, start + length);
          doc.edit(start, end, parts.join(''));
          const updated = incremental.getModel(doc);
          const full = createLanguageService().getModel(document(doc.getText(), doc.uri));
          assert.deepEqual(summary(updated), summary(full));
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('decides the court layout again after an edit among the lines it was decided on, however many blank lines come first', () => {
    // The decision reads the first 600 non-blank lines: here, all 31, the last 30 after 1,600 blank ones.
    const indented = Array.from({ length: 30 }, (_, i) => `        the witness said that item ${i + 1} was`);
    const service = createLanguageService();
    const doc = new EditableDocument(lines('A line of prose.', ...Array<string>(1600).fill(''), ...indented));
    assert.equal(service.getModel(doc).courtLayout, false);
    // One change numbers them, as a court reporter's margin does.
    const from = doc.getText().indexOf(indented[0]);
    doc.edit(from, doc.getText().length, indented.map((line, i) => `${String(i + 1).padStart(2)}${line}`).join('\n'));
    const fresh = createLanguageService().getModel(document(doc.getText(), doc.uri));
    assert.equal(fresh.courtLayout, true);
    assert.deepEqual(summary(service.getModel(doc)), summary(fresh));
    assert.deepEqual(service.provideDocumentSymbols(doc), createLanguageService().provideDocumentSymbols(document(doc.getText(), doc.uri)));
  });

  it('re-reads only the paragraphs an edit touches', () => {
    const service = createLanguageService();
    const doc = new EditableDocument(corpusFile('unsc_spv7154_ukraine_2014-04-13.txt'));
    const before = service.getModel(doc);
    const at = doc.getText().indexOf('Kharkiv. The individuals');
    const after = service.getModel(doc.edit(at, at + 7, 'Kharkov'));
    const changed = after.paragraphs.filter((p, i) => p.analysis !== before.paragraphs[i].analysis);
    assert.equal(changed.length, 1);
    assert.match(after.text.slice(changed[0].start, changed[0].end), /Kharkov\. The individuals/);
  });

  // A transcript pasted from a web page: one paragraph per line and no blank line in 2,000 lines.
  const pasted = () => lines('Press conference', '', ...Array.from({ length: 1000 }, (_, i) => [
    `Question: Minister, what did the talks in round ${i} decide about the schedule of the next meetings and the agenda for them?`,
    `Sergey Lavrov: We agreed on item ${i}, and we will come back to the others at the next meeting, as both sides proposed it.`,
  ]).flat());

  it('splits again only the line it edits where a transcript has no blank lines, and reads the same as a fresh parse', () => {
    const service = createLanguageService();
    const doc = new EditableDocument(pasted());
    service.getModel(doc);
    const at = doc.getText().indexOf('round 500') + 'round'.length;
    const after = service.getModel(doc.edit(at, at, ' x'));
    assert.deepEqual([after.edit!.to - after.edit!.from, after.edit?.inserted], [1, 1]);
    assert.match(after.paragraphByIndex(after.edit!.from).analysis.label?.name ?? '', /Question/);
    const newLine = service.getModel(doc.edit(at, at, '\nSergey Lavrov: What'));
    assert.deepEqual([newLine.edit?.to! - newLine.edit?.from!, newLine.edit?.inserted], [1, 2]);
    assert.deepEqual(summary(newLine), summary(createLanguageService().getModel(document(doc.getText()))));
  });

  it('splits again only the paragraphs around the edited line of a hard-wrapped block with no blank lines', () => {
    const wrapped = lines('Press conference', '', ...Array.from({ length: 300 }, (_, i) => [
      `Question: Minister, what did the talks in round ${i}`, 'decide about the schedule?', `Sergey Lavrov: We agreed on item ${i}, and`, 'we will come back to the rest.',
    ]).flat());
    const service = createLanguageService();
    const doc = new EditableDocument(wrapped);
    service.getModel(doc);
    const at = doc.getText().indexOf('round 150') + 'round'.length;
    const after = service.getModel(doc.edit(at, at, ' x'));
    assert.ok(after.edit && after.edit.to - after.edit.from <= 3 && after.edit.inserted <= 3, JSON.stringify(after.edit && { ...after.edit, previous: 0 }));
    assert.deepEqual(summary(after), summary(createLanguageService().getModel(document(doc.getText()))));
  });

  it('names the paragraphs an edit elsewhere relabels, and a document-wide value updated from the edit is a fresh parse’s', () => {
    // `Ortiz:` once is no label; a second use bears both out.
    const text = lines('Talks', '', 'Sergey Lavrov: The Lake Ferry Authority (LFA) met.', '', 'Ortiz: Yes, the Harbour Pilots Association agreed.', '', 'Question: And then?',
      '', 'Sergey Lavrov: The Harbour Pilots Association and the LFA agreed.', '', 'Question: What did the LFA say?');
    const service = createLanguageService({ severity: { 'unknown-organisation': 'information' } });
    const doc = new EditableDocument(text);
    const unknown = () => service.provideDiagnostics(doc).filter((d) => d.code === 'unknown-organisation').map((d) => d.range);
    unknown();
    const at = doc.getText().indexOf('Question: And then?');
    assert.equal(service.getModel(doc).paragraphs[2].label, undefined);
    const edited = service.getModel(doc.edit(at, at + 'Question'.length, 'Ortiz'));
    assert.deepEqual(edited.edit?.relabelled, [2]);
    assert.equal(edited.paragraphs[2].label?.name, 'Ortiz');
    const fresh = createLanguageService({ severity: { 'unknown-organisation': 'information' } });
    assert.deepEqual(unknown(), fresh.provideDiagnostics(document(doc.getText())).filter((d) => d.code === 'unknown-organisation').map((d) => d.range));
    const hoverAt = doc.getText().lastIndexOf('LFA') + 1;
    const position = edited.lines.positionAt(hoverAt);
    assert.deepEqual(service.provideHover(doc, position), fresh.provideHover(document(doc.getText(), doc.uri), position));
  });
});
