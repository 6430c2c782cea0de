import * as assert from 'node:assert/strict';
import { createLanguageService, type Steps, type TranscriptDocument, type TranscriptLanguageService } from '../../server/src/service';
import { STEP_ITEMS } from '../../server/src/service/steps';
import { document } from '../util/fixtures';

/**
 * The requests that walk the whole document come in steps, which the server runs in slices so
 * that a cancellation is read while they work (test/fuzz/protocol.test.ts cancels them over the
 * wire). Each must pause at least once per question, the coarsest unit any of them walks, and
 * end with the answer of the method of the same name.
 */

const QUESTIONS = 200;
const text = Array.from({ length: QUESTIONS }, (_, i) => `Question: What about #energy in year ${i}?\n\nSergey Lavrov: NATO and the OSCE agree, #energy.\n`).join('\n');

/** Runs the steps to their end, counting the pauses. */
function run<T>(steps: Steps<T>): { answer: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { answer: step.value, pauses };
    pauses++;
  }
}

const features: [string, (service: TranscriptLanguageService, document: TranscriptDocument) => { steps: Steps<unknown>; answer: unknown }][] = [
  ['provideDocumentSymbols', (s, d) => ({ steps: s.inSteps.provideDocumentSymbols(d), answer: s.provideDocumentSymbols(d) })],
  ['provideFoldingRanges', (s, d) => ({ steps: s.inSteps.provideFoldingRanges(d), answer: s.provideFoldingRanges(d) })],
  ['provideSemanticTokens', (s, d) => ({ steps: s.inSteps.provideSemanticTokens(d), answer: s.provideSemanticTokens(d) })],
  ['provideCodeLenses', (s, d) => ({ steps: s.inSteps.provideCodeLenses(d), answer: s.provideCodeLenses(d) })],
  ['provideQuestions', (s, d) => ({ steps: s.inSteps.provideQuestions(d), answer: s.provideQuestions(d) })],
  ['provideTurns', (s, d) => ({ steps: s.inSteps.provideTurns(d), answer: s.provideTurns(d) })],
  ['provideWorkspaceSymbols', (s, d) => ({ steps: s.inSteps.provideWorkspaceSymbols([s.summarise(d)], 'year'), answer: s.provideWorkspaceSymbols([s.summarise(d)], 'year') })],
];

describe('service: the requests that walk the whole document, in steps', () => {
  it('has steps for every such feature', () => {
    assert.deepEqual(Object.keys(createLanguageService().inSteps).sort(), [...features.map(([name]) => name), 'provideDiagnostics', 'prepareHovers'].sort());
  });

  it('prepareHovers: reads the names defined and the countries named in steps, and keeps them: read again, they take no step', () => {
    const service = createLanguageService();
    const turns = 1000;
    const long = document(Array.from({ length: turns }, (_, i) =>
      `Question: Will the Lake Ferry Authority (LFA) meet France in year ${i}?\n\nSergey Lavrov: NATO and the OSCE agree.\n`).join('\n'));
    service.provideDocumentSymbols(long);
    // Two reads of every paragraph, each pausing every STEP_ITEMS paragraphs.
    assert.ok(run(service.inSteps.prepareHovers(long)).pauses >= 2 * Math.floor((2 * turns) / STEP_ITEMS));
    assert.equal(run(service.inSteps.prepareHovers(long)).pauses, 0);
  });

  // The check after an edit runs in the background: each of its passes over the paragraphs pauses
  // every STEP_ITEMS of them, and so does putting the turns together on a version not yet assembled.
  it('provideDiagnostics: assembles the turns and checks the paragraphs in steps, and ends with the method\'s answer', () => {
    const paragraphs = 4 * STEP_ITEMS;
    const prose = Array.from({ length: paragraphs / 2 }, (_, i) => `Sergey Lavrov: We agree on point ${i} and the\n\nQuestion: Why?\n`).join('\n');
    const fresh = run(createLanguageService().inSteps.provideDiagnostics(document(prose)));
    assert.deepEqual(fresh.answer, createLanguageService().provideDiagnostics(document(prose)));
    assert.ok(fresh.answer.length > 0);
    const service = createLanguageService();
    const transcript = document(prose);
    service.getModel(transcript).turns;
    const assembled = run(service.inSteps.provideDiagnostics(transcript));
    assert.deepEqual(assembled.answer, fresh.answer);
    // The first pass alone pauses once per STEP_ITEMS paragraphs; assembling pauses as often again.
    assert.ok(assembled.pauses >= paragraphs / STEP_ITEMS, `${assembled.pauses} pauses for ${paragraphs} paragraphs`);
    assert.ok(fresh.pauses >= assembled.pauses + paragraphs / STEP_ITEMS, `${fresh.pauses} pauses with the assembly, ${assembled.pauses} without`);
  });

  it('a version read while its turns are being put together in steps is the same as one put together at once', () => {
    const text = Array.from({ length: 2 * STEP_ITEMS }, (_, i) => `Question: Why ${i}?\n\nSergey Lavrov: Because.\n`).join('\n');
    const service = createLanguageService();
    const model = service.getModel(document(text));
    const steps = model.structureSteps();
    steps.next();
    steps.next();
    const whole = createLanguageService().getModel(document(text));
    assert.deepEqual(model.questions, whole.questions);
    assert.deepEqual(model.turns, whole.turns);
    assert.equal(steps.next().done, true);
  });

  for (const [name, start] of features) {
    it(`${name}: pauses at least once per question, and ends with the method's answer`, () => {
      const service = createLanguageService();
      const transcript = document(text);
      assert.equal(service.getModel(transcript).questions.length, QUESTIONS);
      const { steps, answer } = start(service, transcript);
      const stepped = run(steps);
      assert.deepEqual(stepped.answer, answer);
      assert.ok(stepped.pauses >= QUESTIONS, `${stepped.pauses} pauses for ${QUESTIONS} questions`);
    });
  }
});
