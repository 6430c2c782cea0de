import * as assert from 'node:assert/strict';
import { importError } from './errors';
import { fixture, importAndCheck } from './recover';

describe('import: podcast namespace JSON', () => {
  it('reads segments with speaker, startTime and body: one cue each, word-level ones too', () => {
    const { text, cues } = importAndCheck(fixture('podcast-namespace-example.json'), { fileName: 'example.json' });
    assert.deepEqual(cues.map((c) => [c.start, c.speaker, c.text]), [
      [0.5, 'Darth Vader', 'I'], [1, 'Darth Vader', 'am'], [1.5, 'Darth Vader', 'your'], [2.25, 'Darth Vader', 'father.'], [2.75, 'Luke', 'Nooooo'],
    ]);
    assert.ok(text.endsWith('[00:00:00.500] Darth Vader: I [00:00:01] am [00:00:01.500] your [00:00:02.250] father.\n\n[00:00:02.750] Luke: Nooooo\n'), text);
  });

  it('refuses a segment without a body at its place', () => {
    const json = '{\n  "version": "1.0.0",\n  "segments": [\n    {"speaker": "A", "startTime": 0, "body": "x"},\n    {"speaker": "B", "startTime": 1}\n  ]\n}';
    assert.deepEqual(importError(json, { fileName: 'a.json' }), { line: 5, column: 5, message: 'Segment 2 has no `body`.' });
  });
});
