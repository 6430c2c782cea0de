import * as assert from 'node:assert/strict';
import { DerivedResults, query, queryAlongEdits } from '../../server/src/service/derivedResults';
import { finish } from '../../server/src/service/steps';

describe('service: the layer of derived results', () => {
  const words = query('words', [], (_results, paragraph: { text: string }, _reader: undefined, from: number) => paragraph.text.slice(from).split(' ').length);
  const levelled = query('levelled', ['settings'], (_results, paragraph: { text: string }) => paragraph.text.toUpperCase());

  it('computes a value once per key and arguments, and again when an argument differs', () => {
    const results = new DerivedResults();
    const paragraph = { text: 'Sergey Lavrov: We have just signed a schedule.' };
    assert.equal(results.get(words, paragraph, undefined, 15), 6);
    assert.equal(results.get(words, paragraph, undefined, 15), 6);
    assert.equal(results.computations('words'), 1);
    assert.equal(results.get(words, paragraph, undefined, 0), 8);
    assert.equal(results.computations('words'), 2);
    // Another paragraph of the same text is another key: its values are its own.
    assert.equal(results.get(words, { ...paragraph }, undefined, 0), 8);
    assert.equal(results.computations('words'), 3);
  });

  it('computes again what reads an input that changed, and keeps what does not read it', () => {
    const results = new DerivedResults();
    const paragraph = { text: 'Question: when?' };
    results.get(levelled, paragraph, undefined);
    results.get(words, paragraph, undefined, 0);
    results.changed('settings');
    assert.equal(results.get(levelled, paragraph, undefined), 'QUESTION: WHEN?');
    results.get(words, paragraph, undefined, 0);
    assert.deepEqual([results.computations('levelled'), results.computations('words')], [2, 1]);
  });

  it('reads a key through what it is given, which is no part of the stamp', () => {
    const results = new DerivedResults();
    const count = query('count', [], (_r, paragraph: { start: number }, source: string) => source.slice(paragraph.start).split(' ').length);
    const paragraph = { start: 4 };
    assert.equal(results.get(count, paragraph, 'Mr. A said so'), 3);
    assert.equal(results.get(count, paragraph, 'any other version of the text'), 3);
    assert.equal(results.computations('count'), 1);
  });

  it('lets a query ask others: a document value made of its paragraphs’ values', () => {
    const results = new DerivedResults();
    const total = query('total', [], (r, document: { paragraphs: { text: string }[] }) => document.paragraphs.reduce((n, p) => n + r.get(words, p, undefined, 0), 0));
    const kept = { text: 'one two three' };
    const first = { paragraphs: [kept, { text: 'four' }] };
    assert.equal(results.get(total, first, undefined), 4);
    // The next version shares the unchanged paragraph: only the new one is counted.
    assert.equal(results.get(total, { paragraphs: [kept, { text: 'five six' }] }, undefined), 5);
    assert.deepEqual([results.computations('total'), results.computations('words')], [2, 3]);
  });

  describe('a value computed in steps', () => {
    /** The paragraphs' words counted, a pause after each paragraph. */
    const counted = queryAlongEdits('counted', [], function* (_results, document: { paragraphs: string[] }) {
      let n = 0;
      for (const paragraph of document.paragraphs) {
        n += paragraph.split(' ').length;
        yield;
      }
      return n;
    });
    const document = { paragraphs: ['one two', 'three', 'four five six'] };

    it('pauses between its steps when asked in steps, and keeps the value it ends with', () => {
      const results = new DerivedResults();
      const steps = results.getInSteps(counted, document, undefined);
      let pauses = 0;
      for (let step = steps.next(); !step.done; step = steps.next()) pauses++;
      assert.equal(pauses, 3);
      assert.equal(results.get(counted, document, undefined), 6);
      assert.equal(results.computations('counted'), 1);
    });

    it('is computed at once when asked plainly, and then asked in steps takes no step', () => {
      const results = new DerivedResults();
      assert.equal(results.get(counted, document, undefined), 6);
      const steps = results.getInSteps(counted, document, undefined);
      assert.deepEqual(steps.next(), { done: true, value: 6 });
    });

    it('ends its steps with the value another ask computed meanwhile, and keeps that one', () => {
      const results = new DerivedResults();
      const steps = results.getInSteps(counted, document, undefined);
      steps.next();
      // A request that could not wait for the background work computes the value at once.
      assert.equal(results.get(counted, document, undefined), 6);
      assert.equal(finish(steps), 6);
      assert.equal(results.computations('counted'), 1);
    });
  });
});
