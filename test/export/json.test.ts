import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { lines, ROOT } from '../util/fixtures';
import { exportedText, exportFixture, IMPORTED_FROM_WEBVTT } from './exportFixtures';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'docs', 'export.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/** The shape of docs/export.schema.json, as far as the tests read it. */
interface ExportJson {
  title: string | null;
  timesEstimated: boolean;
  speakers: unknown[];
  sections: unknown[];
  turns: { index: number; speaker: string | null; name: string | null; role: string; section?: number; line: number; start?: number; end?: number; paragraphs: { text: string }[] }[];
  questions: unknown[];
  timestamps: { turn: number; text: string; seconds: number }[];
  annotations: unknown[];
}

async function exportedJson(text: string, options = {}): Promise<ExportJson> {
  const json: unknown = JSON.parse(await exportedText(text, 'json', options));
  assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));
  return json as ExportJson;
}

const PRESS_CONFERENCE = lines(
  '---',
  'title: A press conference',
  'speakers:',
  '  - name: Sergey Lavrov',
  '    role: Minister',
  '    aliases: [Lavrov]',
  '---',
  '# Opening remarks',
  '',
  '[00:00:05] Sergey Lavrov: Ladies and gentlemen, welcome. (Applause.)',
  '',
  '# Questions',
  '',
  '[00:01:00] Question (Reuters): What areas will you focus on? [inaudible]',
  '',
  '[00:01:10] Lavrov: Energy 🙂 and transit. [00:01:20.500] Then trade.',
  '',
);

describe('export: JSON', () => {
  it('writes the model that docs/export.schema.json describes: speakers, sections, turns, questions, timestamps, annotations', async () => {
    const json = await exportedJson(PRESS_CONFERENCE);
    assert.equal(json.title, 'A press conference');
    assert.equal(json.timesEstimated, false);
    assert.deepEqual(json.speakers, [{ id: 'sergey lavrov', name: 'Sergey Lavrov', role: 'Minister', aliases: ['Lavrov'], declared: true }]);
    assert.deepEqual(json.sections, [{ title: 'Opening remarks', level: 1 }, { title: 'Questions', level: 1 }]);
    assert.deepEqual(json.turns.map((t) => [t.speaker, t.name, t.role, t.section, t.line, t.start, t.end]), [
      ['sergey lavrov', 'Sergey Lavrov', 'statement', 0, 10, 5, 60],
      [null, 'Question', 'question', 1, 14, 60, 70],
      ['sergey lavrov', 'Sergey Lavrov', 'answer', 1, 16, 70, json.turns[2].end],
    ]);
    assert.deepEqual(json.turns[2].paragraphs, [{
      text: 'Energy 🙂 and transit. Then trade.',
      segments: [{ start: 70, end: 80.5, text: 'Energy 🙂 and transit.', stamped: true }, { start: 80.5, end: json.turns[2].end, text: 'Then trade.', stamped: true }],
    }]);
    assert.deepEqual(json.questions, [{ number: 1, turn: 1, answerTurns: [2], questioner: 'Reuters', text: 'What areas will you focus on?' }]);
    assert.deepEqual(json.timestamps.map((t) => [t.turn, t.text, t.seconds]), [
      [0, '00:00:05', 5], [1, '00:01:00', 60], [2, '00:01:10', 70], [2, '00:01:20.500', 80.5],
    ]);
    assert.deepEqual(json.annotations, [{ turn: 0, kind: 'stage', text: 'Applause.' }, { turn: 1, kind: 'note', text: 'inaudible' }]);
  });

  it('leaves out timestamps, annotations and other speakers when asked, still valid', async () => {
    const json = await exportedJson(PRESS_CONFERENCE, { timestamps: false, annotations: false, speakers: ['Sergey Lavrov'] });
    assert.deepEqual(json.timestamps, []);
    assert.deepEqual(json.annotations, []);
    assert.deepEqual(json.questions, []);
    assert.deepEqual(json.turns.map((t) => [t.index, t.start, t.paragraphs[0].text]), [
      [0, undefined, 'Ladies and gentlemen, welcome.'],
      [2, undefined, 'Energy 🙂 and transit. Then trade.'],
    ]);
  });

  it('is valid for real transcripts, CRLF and all', async () => {
    for (const text of [exportFixture('strato_whisperx_taaki.md'), exportFixture('seunlocked_dabit.md').replace(/\n/g, '\r\n'), IMPORTED_FROM_WEBVTT]) {
      const json = await exportedJson(text);
      assert.ok(json.turns.length > 3 && json.timestamps.length > 3);
    }
  });
});
