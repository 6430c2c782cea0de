import * as assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import { exported, exportFixture, NEWS_CONFERENCE } from './exportFixtures';
import { parse } from '../util/fixtures';

/** The document's paragraphs: their style and their text, runs joined, entities decoded. */
async function docxParagraphs(text: string, options = {}): Promise<{ style?: string; text: string; bold: string[] }[]> {
  const { content } = await exported(text, 'docx', options);
  assert.ok(content instanceof Uint8Array);
  const files = unzipSync(content);
  assert.ok(files['[Content_Types].xml'] && files['word/document.xml'], 'a DOCX package');
  const xml = strFromU8(files['word/document.xml']);
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, p]) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1],
    text: decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
    bold: [...p.matchAll(/<w:r>(?:(?!<\/w:r>)[\s\S])*?<w:b\/>(?:(?!<\/w:r>)[\s\S])*?<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])),
  }));
}

describe('export: DOCX', () => {
  it('writes headings, speaker labels in bold and numbered questions into word/document.xml', async () => {
    const paragraphs = await docxParagraphs(NEWS_CONFERENCE);
    assert.deepEqual(paragraphs.map((p) => [p.style, p.text]), [
      ['Title', 'Talks in Moscow <2023>'],
      ['Heading2', 'Opening remarks'],
      [undefined, 'Sergey Lavrov: Ladies and gentlemen, welcome. (Applause.)'],
      [undefined, 'We had *detailed* talks. [00:01:02] Our ties grow 🙂.'],
      ['Heading2', 'Questions & answers'],
      ['Heading3', 'Q1 · What areas will you focus on, and is 3 < 4?'],
      [undefined, 'Question: What areas will you focus on, and is 3 < 4?'],
      [undefined, 'Sergey Lavrov: Energy and transit. [inaudible]'],
      ['Heading3', 'Q2 · И что дальше?'],
      [undefined, 'Question: И что дальше?'],
      [undefined, 'Мурат Нуртлеу: Мы продолжим работу.'],
    ]);
    assert.deepEqual(paragraphs.filter((p) => p.bold.length).map((p) => p.bold), [
      ['Sergey Lavrov: '], ['Question: '], ['Sergey Lavrov: '], ['Question: '], ['Мурат Нуртлеу: '],
    ]);
  });

  it('holds every turn of a real transcript, CRLF and all', async () => {
    const source = exportFixture('seunlocked_dabit.md').replace(/\n/g, '\r\n');
    const model = parse(source);
    const texts = (await docxParagraphs(source)).map((p) => p.text);
    for (const turn of model.turns) {
      const speaker = turn.speakerId ? model.speakers.get(turn.speakerId)!.name : undefined;
      const opening = model.source.slice(model.paragraphs[turn.paragraphs[0]].contentStart, model.paragraphs[turn.paragraphs[0]].end)
        .replace(/\[\d\d:\d\d:\d\d\]/, '').replace(/\s+/g, ' ').trim().slice(0, 40);
      assert.ok(texts.some((t) => t.startsWith(`${speaker}: `) && t.includes(opening)), `turn at line ${model.lines.lineAt(turn.start) + 1}: ${opening}`);
    }
  });
});
