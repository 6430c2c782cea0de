import * as assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import { document, lines, parse, turnsOf } from '../util/fixtures';
import { WRAP_WIDTH } from '../../server/src/service/parser/parser';

describe('parser: document structure', () => {
  it('reads front matter with a real YAML parser, keeping unknown keys', () => {
    const model = parse(lines(
      '---',
      'title: "Press Briefing by Press Secretary Jen\\_Psaki"',
      "date: '2021-07-08'",
      'source_url: https://example.gov/briefing',
      'language: en',
      'speakers:',
      '  - name: Sergey Lavrov',
      '    role: Minister of Foreign Affairs of Russia',
      '    aliases: [Lavrov, Foreign Minister Sergey Lavrov]',
      '---',
      'Lavrov: Good afternoon.',
    ));
    const fm = model.frontMatter!;
    assert.equal(fm.date, '2021-07-08');
    assert.equal(fm.data.source_url, 'https://example.gov/briefing');
    assert.deepEqual(fm.speakers, [{ name: 'Sergey Lavrov', role: 'Minister of Foreign Affairs of Russia', aliases: ['Lavrov', 'Foreign Minister Sergey Lavrov'] }]);
    assert.deepEqual(turnsOf(model), [['Sergey Lavrov', 'statement']]);
    assert.equal(model.speakers.get('sergey lavrov')!.declared, true);
  });

  it('reports front matter that is not YAML at its position, and still parses the rest', () => {
    const model = parse(lines('---', 'title: [unclosed', '---', 'Question: Why?'));
    assert.ok(model.frontMatter!.problems.length > 0);
    assert.equal(model.questions.length, 1);
    const wrongType = parse(lines('---', 'speakers: 42', '---', 'Question: Why?'));
    assert.match(wrongType.frontMatter!.problems[0].message, /speakers/);
  });

  it('takes the title, date, URL, place and time lines at the top as a header', () => {
    const model = parse(lines(
      'News conference following a meeting of the presidents of Russia, Turkey and Iran',
      '2018-04-04',
      'http://en.kremlin.ru/events/president/news/57201',
      '',
      'Akasaka Palace',
      'Tokyo, Japan',
      '',
      '12:42 P.M. EDT',
      '',
      'Ladies and gentlemen, welcome.',
    ));
    assert.deepEqual(model.header!.lines.map((l) => l.kind), ['title', 'date', 'url', 'place', 'place', 'time']);
    assert.equal(model.turns.length, 1);
    assert.equal(model.text.slice(model.turns[0].start, model.turns[0].end), 'Ladies and gentlemen, welcome.');
  });

  it('takes a first line that ends in a date for the title, not a date line', () => {
    const model = parse(lines('Joint press conference, Moscow, 11 April 2023', '', 'Sergey Lavrov: Hello.'));
    assert.deepEqual(model.header?.lines.map((l) => l.kind), ['title']);
    assert.deepEqual(parse(lines('Title of the talk', '11 April 2023', '', 'Sergey Lavrov: Hello.')).header?.lines.map((l) => l.kind), ['title', 'date']);
  });

  it('joins the lines of a hard-wrapped block into one paragraph', () => {
    const model = parse(lines(
      'The President: In accordance with rule 37 of the',
      "Council's provisional rules of procedure, I invite the",
      'representative of Ukraine to participate in this meeting.',
      '',
      'I now give the floor to Mr. Fernandez-Taranco.',
    ));
    assert.equal(model.paragraphs.length, 2);
    assert.equal(model.paragraphs[0].lastLine, 2);
    assert.equal(model.turns.length, 1);
  });

  it('makes each long line a paragraph when a block has no blank lines (text pasted from a web page)', () => {
    // Longer than a line of text taken from a PDF (WRAP_WIDTH): a paragraph of a web page.
    const long = 'We had detailed, extensive and practical talks with Mr. Nurtleu and welcomed the positive dynamics of our relations in every field.';
    assert.ok(long.length > WRAP_WIDTH);
    const model = parse(lines('Ladies and gentlemen,', long, 'Days of', long, 'Question: What next?', 'Sergey Lavrov: More talks.'));
    assert.equal(model.paragraphs.length, 6);
    assert.deepEqual(turnsOf(model), [['-', 'statement'], ['Question', 'question'], ['Sergey Lavrov', 'answer']]);
  });

  it('reads lines of a PDF set in a proportional font (up to WRAP_WIDTH) as one wrapped paragraph, and starts one at a label after a page\'s foot', () => {
    const pdfLine = 'you know, I guess, last night the—President Trump fired two members of the Federal Trade Commission, an';
    const model = parse(lines(
      'CHRISTOPHER RUGABER. Hi. Thank you. Chris Rugaber at Associated Press. As', pdfLine,
      'Administration’s power to fire independent people. If those firings stand, is that a threat to the', 'Fed’s independence?', 'Page 13 of 28March 19, 2025 Chair Powell’s Press Conference FINAL',
      'CHAIR POWELL. So I think I did answer that question some time ago.', 'MICHELLE SMITH. Nick.', 'NICK TIMIRAOS. Thank you.',
    ));
    assert.ok(pdfLine.length > 100);
    // One paragraph up to the page's foot, then one at each label.
    assert.deepEqual(model.paragraphs.map((p) => model.lines.lineAt(p.start)), [0, 5, 6, 7]);
  });

  it('starts a new paragraph at a label inside a wrapped block, after a finished sentence', () => {
    const model = parse(lines('Q: How are you?', 'A: Fine, thanks.'));
    assert.deepEqual(model.turns.map((t) => t.role), ['question', 'answer']);
  });

  it('reads headings and separators as sections that nest by level', () => {
    const model = parse(lines('# Opening', '', 'Sergey Lavrov: Hello.', '', '## Energy', '', 'More on energy.', '', '# Questions', '', 'Question: Why?', '', '* * *', '', 'The end.'));
    assert.deepEqual(model.sections.map((s) => [s.title, s.level]), [['Opening', 1], ['Energy', 2], ['Questions', 1]]);
    // Text after a heading goes on in the voice of the turn it split.
    assert.deepEqual(turnsOf(model), [['Sergey Lavrov', 'statement'], ['Sergey Lavrov', 'statement'], ['Question', 'question'], ['-', 'statement']]);
    assert.equal(model.paragraphs.filter((p) => p.kind === 'separator').length, 1);
  });

  it('reads topic tags, but not headings, numbers or URL fragments', () => {
    const model = parse('Question: On #energy and #north-south-corridor, see https://x.org/#energy and item #1.');
    assert.deepEqual(model.paragraphs[0].tags.map((t) => t.name), ['energy', 'north-south-corridor']);
    const tag = model.paragraphs[0].tags[1];
    assert.equal(model.text.slice(tag.start, tag.end), '#north-south-corridor');
  });

  it('reads annotations: notes, stage directions, truncation marks and timestamps', () => {
    const model = parse('MS. PSAKI: Happy Thursday. (Laughter.) It was [inaudible] [crosstalk] [sic] at [00:12:34] and [12:34.5], then [...] (in 2022)');
    const annotations = model.paragraphs[0].annotations.map((a) => [a.kind, a.text, a.seconds]);
    assert.deepEqual(annotations, [
      ['stage', 'Laughter.', undefined], ['note', 'inaudible', undefined], ['note', 'crosstalk', undefined],
      ['note', 'sic', undefined], ['timestamp', '00:12:34', 754], ['timestamp', '12:34.5', 754.5], ['truncation', '...', undefined],
    ]);
  });

  it('reads escaped brackets, as Markdown converters export them, as annotations: \\[laughs\\], \\[04:22\\]', () => {
    const model = parse('Sergey Lavrov: \\[04:22\\] We agree. \\[laughs\\] Words are missing \\[...\\]');
    const annotations = model.paragraphs[0].annotations.map((a) => [a.kind, a.text, a.seconds, model.text.slice(a.start, a.end)]);
    assert.deepEqual(annotations, [
      ['timestamp', '04:22', 262, '\\[04:22\\]'], ['note', 'laughs', undefined, '\\[laughs\\]'], ['truncation', '...', undefined, '\\[...\\]'],
    ]);
    const diagnostics = createLanguageService().provideDiagnostics(document(model.text));
    assert.deepEqual(diagnostics, [], 'the truncation mark ends the paragraph; no bracket is unbalanced');
  });

  it('reads a stage direction standing alone as part of the turn, not a new one', () => {
    const model = parse(lines('MS. PSAKI: It may be.', '', '(“Happy Birthday” is sung to Steve Holland.)  (Applause.)', '', 'All right.'));
    assert.equal(model.turns.length, 1);
    assert.equal(model.paragraphs[1].kind, 'stage');
  });

  it('reads comments and suppression directives', () => {
    const model = parse(lines('<!-- transcript-ignore-file incomplete-sentence -->', '<!--', 'an editor’s note', '-->', 'Question: Why? <!-- transcript-ignore unbalanced-delimiter -->'));
    assert.deepEqual(model.comments.map((c) => c.directive), [
      { scope: 'file', codes: ['incomplete-sentence'] }, undefined, { scope: 'next', codes: ['unbalanced-delimiter'] },
    ]);
    assert.equal(model.questions.length, 1);
  });

  it('gives UTF-16 positions with CRLF, a BOM, tabs, emoji and Cyrillic', () => {
    const text = '\uFEFFВопрос: 👋🏽 Как\tдела?\r\nСергей Лавров: Хорошо 🙂.\r\n';
    const model = parse(text);
    const answer = model.turns[1];
    assert.deepEqual(model.lines.positionAt(answer.label!.nameStart), { line: 1, character: 0 });
    assert.deepEqual(model.lines.positionAt(answer.end), { line: 1, character: 'Сергей Лавров: Хорошо 🙂.'.length });
    assert.equal(model.text.slice(answer.label!.nameStart, answer.label!.nameEnd), 'Сергей Лавров');
    assert.equal(model.turns[0].role, 'question');
  });

  it('parses any text without throwing: binary junk, lone surrogates, only markup', () => {
    for (const text of ['', '\n\n\n', '\u0000\u0001\uD800\uDFFF\uDC00', '#', '# ', ':', '@:', 'Q', '---', '---\n---', '((((((((((', '[[[[]]]]', '\r\r\r\n']) {
      assert.doesNotThrow(() => parse(text), JSON.stringify(text));
    }
  });
});

describe('parser: stage directions', () => {
  it('knows them in other scripts, and a language named with its capital, not any `(in …)`', () => {
    const model = parse('Сергей Лавров: Хорошо. (Смех) He spoke (in Russian) about it (in particular) and (Laughs).');
    assert.deepEqual(model.paragraphs[0].annotations.map((a) => a.text), ['Смех', 'in Russian', 'Laughs']);
  });
});

describe('parser: the header ends at a heading', () => {
  it('does not take a heading that names a date for a date line', () => {
    const model = parse(lines('Press Briefings', '2023-01-04', '', '# Press briefing, January 4, 2023 — South Court Auditorium', '', 'MS. JEAN-PIERRE: Good afternoon.'));
    assert.deepEqual(model.header!.lines.map((l) => l.kind), ['title', 'date']);
    assert.deepEqual(model.sections.map((s) => s.title), ['Press briefing, January 4, 2023 — South Court Auditorium']);
  });
});

describe('parser: dates of every language in the header', () => {
  it('reads a month in Cyrillic as a date line, not as the opening turn (`\\b` knows only ASCII letters)', () => {
    const model = parse(lines('Пресс-конференция Сергея Лаврова', '11 апреля 2023 года', 'Москва', '', 'С.В.Лавров: Добрый день.', '',
      'Вопрос: Как вы оцениваете итоги?', '', 'С.В.Лавров: Положительно.'));
    assert.deepEqual(model.header!.lines.map((l) => [l.kind, l.text]), [['title', 'Пресс-конференция Сергея Лаврова'], ['date', '11 апреля 2023 года'], ['place', 'Москва']]);
    assert.equal(model.turns[0].label?.name, 'С.В.Лавров');
  });

  it('reads a month only as a whole word: not inside a longer word of any script', () => {
    const model = parse(lines('Press Briefings', 'Mayfair 2023', '', 'Anna Berg: Good afternoon.'));
    assert.notEqual(model.header!.lines[1]?.kind, 'date');
  });
});
