import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { parse, turnsOf } from '../util/fixtures';
import { exportedText, exportFixture, NEWS_CONFERENCE } from './exportFixtures';

describe('export: Markdown', () => {
  it('writes the title and sections as headings, numbered questions under headings, speakers as **Name:**', async () => {
    const md = await exportedText(NEWS_CONFERENCE, 'md');
    assert.equal(md, [
      '# Talks in Moscow \\<2023\\>',
      '## Opening remarks',
      '**Sergey Lavrov:** Ladies and gentlemen, welcome. (Applause.)',
      'We had \\*detailed\\* talks. \\[00:01:02\\] Our ties grow 🙂.',
      '## Questions & answers',
      '### Q1 · What areas will you focus on, and is 3 \\< 4?',
      '**Question:** What areas will you focus on, and is 3 \\< 4?',
      '**Sergey Lavrov:** Energy and transit. \\[inaudible\\]',
      '### Q2 · И что дальше?',
      '**Question:** И что дальше?',
      '**Мурат Нуртлеу:** Мы продолжим работу.',
    ].join('\n\n') + '\n');
    // CRLF in, the same Markdown out.
    assert.equal(await exportedText(NEWS_CONFERENCE.replace(/\n/g, '\r\n'), 'md'), md);
  });

  it('renders as Markdown says: the words come out as written, the labels bold', async () => {
    const html = new MarkdownIt().render(await exportedText(NEWS_CONFERENCE, 'md'));
    assert.match(html, /<h1>Talks in Moscow &lt;2023&gt;<\/h1>/);
    assert.match(html, /<p><strong>Sergey Lavrov:<\/strong> Ladies and gentlemen, welcome\. \(Applause\.\)<\/p>/);
    assert.match(html, /<p>We had \*detailed\* talks\. \[00:01:02\] Our ties grow 🙂\.<\/p>/);
    assert.match(html, /<h3>Q1 · What areas will you focus on, and is 3 &lt; 4\?<\/h3>/);
  });

  it('reads back as the same turns, speakers and questions (a real transcript)', async () => {
    const source = exportFixture('strato_whisperx_taaki.md');
    const back = parse(await exportedText(source, 'md'));
    assert.deepEqual(turnsOf(back), turnsOf(parse(source)));
  });

  it('leaves out timestamps and annotations, and other speakers, when asked', async () => {
    const md = await exportedText(NEWS_CONFERENCE, 'md', { timestamps: false, annotations: false, speakers: ['Sergey Lavrov'] });
    assert.ok(!/\[|Applause|Question:|Q1|Мурат/.test(md), md);
    assert.match(md, /We had \\\*detailed\\\* talks\. Our ties grow 🙂\./);
  });
});
