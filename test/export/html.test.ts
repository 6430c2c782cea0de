import * as assert from 'node:assert/strict';
import { exportedText, exportFixture, NEWS_CONFERENCE } from './exportFixtures';

describe('export: HTML', () => {
  it('writes one self-contained page: a table of the questions linking to them, speakers styled, text escaped', async () => {
    const html = await exportedText(NEWS_CONFERENCE, 'html');
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">/);
    assert.match(html, /<title>Talks in Moscow &#60;2023&#62;<\/title>/);
    // Nothing loaded from elsewhere: no script, no link, no src.
    assert.ok(!/<script|<link|\ssrc=|url\(/.test(html));
    const links = [...html.matchAll(/<a href="#(q\d+)">/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(links)], ['q1', 'q2']);
    for (const id of links) assert.match(html, new RegExp(`<h3 id="${id}">`));
    assert.match(html, /<tr><td><a href="#q1">Q1<\/a><\/td><td><a href="#q1">What areas will you focus on, and is 3 &#60; 4\?<\/a><\/td><td>Reuters<\/td><td>Sergey Lavrov<\/td><\/tr>/);
    assert.match(html, /<div class="turn s0" id="t0">\n<p><span class="speaker">Sergey Lavrov:<\/span> Ladies and gentlemen, welcome\. <span class="stage">\(Applause\.\)<\/span><\/p>\n<p>We had \*detailed\* talks\. <span class="time">\[00:01:02\]<\/span> Our ties grow 🙂\.<\/p>\n<\/div>/);
    assert.match(html, /<div class="turn s2" id="t4">\n<p><span class="speaker">Мурат Нуртлеу:<\/span> Мы продолжим работу\.<\/p>/);
    assert.match(html, /\.s0 \.speaker \{ color: #[0-9a-f]{6}; \}/);
  });

  it('escapes markup in a real transcript: no tag the transcript did not ask for', async () => {
    const html = await exportedText('Ada King: <script>alert("x")</script> & "quotes" \'too\'.\n', 'html');
    assert.match(html, /&#60;script&#62;alert\(&#34;x&#34;\)&#60;\/script&#62; &#38; &#34;quotes&#34; &#39;too&#39;\./);
    const real = await exportedText(exportFixture('seunlocked_dabit.md'), 'html');
    const tags = new Set([...real.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]));
    const written = ['a', 'body', 'div', 'h1', 'h2', 'h3', 'head', 'html', 'meta', 'nav', 'p', 'span', 'style', 'table', 'tbody', 'td', 'th', 'thead', 'title', 'tr'];
    assert.deepEqual([...tags].filter((t) => !written.includes(t)), []);
    assert.ok(tags.has('span') && tags.has('div'));
  });
});
