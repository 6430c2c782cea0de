import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createLanguageService, type ExportFormat, type ExportOptions } from '../../server/src/service';
import { document, ROOT } from '../util/fixtures';

/** The transcript exported through the service, as the CLI and the server do. */
export async function exported(text: string, format: ExportFormat, options: ExportOptions = {}) {
  const result = await createLanguageService().exportTranscript(document(text), format, options);
  if (!result) throw new Error('export cancelled');
  return result;
}

export async function exportedText(text: string, format: ExportFormat, options: ExportOptions = {}): Promise<string> {
  const { content } = await exported(text, format, options);
  if (typeof content !== 'string') throw new Error(`${format} is not text`);
  return content;
}

export function exportFixture(name: string): string {
  return readFileSync(path.join(ROOT, 'test', 'fixtures', 'export', name), 'utf8');
}

/** Characters as a reader counts them: an emoji is one. */
export function characters(text: string): number {
  return [...text].length;
}

/**
 * A transcript as an import from WebVTT writes it: a timestamp at each turn start, and every
 * other cue's start as an inline timestamp where it falls (milliseconds where the source has them).
 */
export const IMPORTED_FROM_WEBVTT = [
  '---',
  'title: Bikes and shops',
  'language: en',
  '---',
  '[00:00:01.250] Sam Ortiz: Welcome to the show. [00:00:04.500] Today we talk about bikes.',
  '',
  '[00:00:09.000] Jane Roe: Thanks for having me! [00:00:11.125] It is a pleasure to be here.',
  '',
  '[00:00:15.000] It was a long road, though.',
  '',
  '[00:00:19.800] Sam Ortiz: Why did you start building bikes?',
  '',
  '[00:00:22.000] Jane Roe: Because nobody else would. [laughs] [00:00:26.040] And then a shop.',
  '',
].join('\n');

/** The cue starts of IMPORTED_FROM_WEBVTT, in seconds, with their voices and texts. */
export const IMPORTED_CUES: [number, string, string][] = [
  [1.25, 'Sam Ortiz', 'Welcome to the show.'],
  [4.5, 'Sam Ortiz', 'Today we talk about bikes.'],
  [9, 'Jane Roe', 'Thanks for having me!'],
  [11.125, 'Jane Roe', 'It is a pleasure to be here.'],
  [15, 'Jane Roe', 'It was a long road, though.'],
  [19.8, 'Sam Ortiz', 'Why did you start building bikes?'],
  [22, 'Jane Roe', 'Because nobody else would. [laughs]'],
  [26.04, 'Jane Roe', 'And then a shop.'],
];

/** A news conference with what a document format writes: a title, sections, questions, annotations, emoji, Cyrillic. */
export const NEWS_CONFERENCE = [
  '---',
  'title: Talks in Moscow <2023>',
  'speakers: [Sergey Lavrov, Мурат Нуртлеу]',
  '---',
  '# Opening remarks',
  '',
  'Sergey Lavrov: Ladies and gentlemen, welcome. (Applause.)',
  '',
  'We had *detailed* talks. [00:01:02] Our ties grow 🙂.',
  '',
  '# Questions & answers',
  '',
  'Question (Reuters): What areas will you focus on, and is 3 < 4?',
  '',
  'Sergey Lavrov: Energy and transit. [inaudible]',
  '',
  'Question: И что дальше?',
  '',
  'Мурат Нуртлеу: Мы продолжим работу.',
  '',
].join('\n');
