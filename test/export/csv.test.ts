import * as assert from 'node:assert/strict';
import { csvField } from '../../server/src/service/export/csv';
import { lines } from '../util/fixtures';
import { exportedText, IMPORTED_CUES, IMPORTED_FROM_WEBVTT } from './exportFixtures';

/** Reads RFC 4180 CSV: CRLF between records, quoted fields with doubled quotes. */
function parseCsv(csv: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') field += csv[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      i++;
    } else {
      assert.ok(c !== '"' && c !== '\n' && c !== '\r', `a bare ${JSON.stringify(c)} at ${i}`);
      field += c;
    }
  }
  assert.equal(field + record.join(''), '', 'the last record ends with CRLF');
  return records;
}

describe('export: CSV', () => {
  it('writes start,end,speaker,text a row per cue of the transcript, times in seconds', async () => {
    const rows = parseCsv(await exportedText(IMPORTED_FROM_WEBVTT, 'csv'));
    assert.deepEqual(rows[0], ['start', 'end', 'speaker', 'text']);
    assert.deepEqual(rows.slice(1).map(([start, , speaker, text]) => [Number(start), speaker, text]), IMPORTED_CUES);
    assert.deepEqual(rows[1].slice(0, 2), ['1.250', '4.500']);
  });

  it('quotes as RFC 4180 says: commas, quotes, line breaks; and keeps emoji and non-Latin text', async () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a, b'), '"a, b"');
    assert.equal(csvField('He said "no"'), '"He said ""no"""');
    assert.equal(csvField('one\r\ntwo'), '"one\r\ntwo"');
    const text = lines(
      '---',
      'speakers: ["Roe, Jane", Сергей Лавров]',
      '---',
      '[00:00:01] Roe, Jane: He said "no", then left 🙂.',
      '',
      '[00:00:03] Сергей Лавров: Спасибо, коллеги.',
    );
    const csv = await exportedText(text.replace(/\n/g, '\r\n'), 'csv');
    assert.match(csv, /^start,end,speaker,text\r\n1\.000,3\.000,"Roe, Jane","He said ""no"", then left 🙂\."\r\n/);
    assert.deepEqual(parseCsv(csv).slice(1).map((r) => r.slice(2)), [['Roe, Jane', 'He said "no", then left 🙂.'], ['Сергей Лавров', 'Спасибо, коллеги.']]);
  });

  it('leaves the times empty where the transcript has none, and estimates them when asked', async () => {
    const text = 'Question: Why?\n\nJane Roe: Because.\n';
    assert.deepEqual(parseCsv(await exportedText(text, 'csv')), [['start', 'end', 'speaker', 'text'], ['', '', 'Question', 'Why?'], ['', '', 'Jane Roe', 'Because.']]);
    const estimated = parseCsv(await exportedText(text, 'csv', { estimate: true }));
    assert.deepEqual(estimated.slice(1).map((r) => r.slice(0, 2)), [['0.000', '0.375'], ['0.375', '0.750']]);
  });

  it('exports only the speakers asked for, without annotations when asked', async () => {
    const rows = parseCsv(await exportedText(IMPORTED_FROM_WEBVTT, 'csv', { speakers: ['Jane Roe'], annotations: false }));
    assert.deepEqual(rows.slice(1).map((r) => r[3]), ['Thanks for having me!', 'It is a pleasure to be here.', 'It was a long road, though.', 'Because nobody else would.', 'And then a shop.']);
  });
});
