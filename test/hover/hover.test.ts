import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent, Range } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/service/text/lineIndex';
import { cursor, lines } from '../util/fixtures';
import { LspClient } from '../util/lspClient';

/** The hover's Markdown and range at the fixture's `|`, over the real protocol. */
async function hoverAt(client: LspClient, fixture: string): Promise<{ value: string; range: Range | undefined } | null> {
  const { text, offset } = cursor(fixture);
  const uri = `file:///hover-${++opened}.transcript`;
  await client.open(uri, text);
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: new LineIndex(text).positionAt(offset) });
  return hover && { value: (hover.contents as MarkupContent).value, range: hover.range };
}
let opened = 0;

const range = (line: number, from: number, to: number, endLine = line): Range => ({ start: { line, character: from }, end: { line: endLine, character: to } });

describe('hover: over stdio JSON-RPC', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    const { capabilities } = await client.initialize();
    assert.equal(capabilities.hoverProvider, true);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });
  const hover = (fixture: string) => hoverAt(client, fixture);

  describe('organisations', () => {
    it('shows the CSTO’s card: full name and acronym, description, founded, headquarters, members, link', async () => {
      const result = await hover('We agree that the alliance, including within the C|STO, is a factor.');
      assert.deepEqual(result, {
        range: range(0, 49, 53),
        value: [
          '**Collective Security Treaty Organization** (CSTO)',
          'Intergovernmental military alliance of six post-Soviet states, formed in 2002 from the Collective Security Treaty of 1992.',
          'Founded: 2002  \nHeadquarters: Moscow, Russia  \nMembers: Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia, Tajikistan',
          '[odkb-csto.org](https://odkb-csto.org)',
        ].join('\n\n'),
      });
    });

    it('hovers at the first and the last character of an acronym, and not beside it', async () => {
      assert.deepEqual((await hover('within the |EAEU, the CIS'))?.range, range(0, 11, 15));
      assert.match((await hover('within the EAE|U, the CIS'))!.value, /^\*\*Eurasian Economic Union\*\* \(EAEU\)/);
      assert.equal(await hover('within |the EAEU, the CIS'), null);
    });

    for (const [fixture, title, expected] of [
      ['associations such as the EAEU, the C|IS and the SCO.', '**Commonwealth of Independent States** (CIS)', range(0, 35, 38)],
      ['associations such as the EAEU, the CIS and the S|CO.', '**Shanghai Cooperation Organisation** (SCO)', range(0, 47, 50)],
      ['issues discussed as part of the UN and the O|SCE.', '**Organization for Security and Co-operation in Europe** (OSCE)', range(0, 43, 47)],
      ['At the 2016 Russia-AS|EAN summit, the President spoke.', '**Association of Southeast Asian Nations** (ASEAN)', range(0, 19, 24)],
      ['Kazakhstan and the US and the |EU threaten its interests', '**European Union** (EU)', range(0, 30, 32)],
      ['Question: The Soros Found|ations in Central Asia decided to change their name.', '**Open Society Foundations** (OSF)', range(0, 14, 31)],
      ['What does Russia think about Western |NGOs in friendly countries?', '**Non-governmental organisation** (NGO)', range(0, 37, 41)],
      ['As for the N|GO you mentioned, I haven’t heard about a rebranding.', '**Non-governmental organisation** (NGO)', range(0, 11, 14)],
      ['We discussed the meeting of the Supreme Eurasian Economic Coun|cil, which is scheduled.', '**Supreme Eurasian Economic Council**', range(0, 32, 65)],
      ['The NATO|’s allies met.', '**North Atlantic Treaty Organization** (NATO)', range(0, 4, 10)],
      ['Вопрос: Как развивается сотрудничество в ОД|КБ?', '**Collective Security Treaty Organization** (CSTO; ОДКБ)', range(0, 41, 45)],
    ] as const) {
      it(`names ${title} at ${JSON.stringify(fixture)}`, async () => {
        const result = await hover(fixture);
        assert.ok(result, 'a hover');
        assert.equal(result.value.split('\n\n')[0], title);
        assert.deepEqual(result.range, expected);
      });
    }

    it('matches a multi-word name across a line wrap', async () => {
      const result = await hover(lines('Sergey Lavrov: We discussed the meeting of the Supreme Eurasian', 'Economic Coun|cil, which is scheduled to take place soon.'));
      assert.equal(result?.value.split('\n\n')[0], '**Supreme Eurasian Economic Council**');
      assert.deepEqual(result?.range, range(0, 47, 16, 1));
    });

    it('has nothing to say about the US: a country, not an organisation', async () => {
      assert.equal(await hover('Kazakhstan and the U|S and the EU threaten its interests'), null);
      assert.equal(await hover('Kazakhstan and the U.|S. and the EU threaten its interests'), null);
    });

    it('shows every sense of an ambiguous acronym, the likeliest for this document first', async () => {
      const eurasian = await hover('They concern the E|EC, the CIS, the CSTO and the EAEU.');
      assert.deepEqual(eurasian, {
        range: range(0, 17, 20),
        value: [
          '*EEC has 2 meanings; the likeliest here comes first.*',
          '**Eurasian Economic Commission** (EEC)',
          'Permanent supranational regulatory body of the Eurasian Economic Union, responsible for customs, trade and competition policy among other areas.',
          'Founded: 2012  \nHeadquarters: Moscow, Russia',
          '---',
          'Other meanings of **EEC**:\n\n- **European Economic Community**: Western European economic community created by the 1957 Treaty of Rome; renamed the European Community in 1993 and absorbed into the European Union in 2009.',
        ].join('\n\n'),
      });
      const european = await hover('Britain joined the E|EC in 1973, long before the EU and its euro.');
      assert.match(european!.value, /^\*EEC has 2 meanings[^\n]*\n\n\*\*European Economic Community\*\* \(EEC\)/);
      assert.match(european!.value, /Other meanings of \*\*EEC\*\*:\n\n- \*\*Eurasian Economic Commission\*\* \(2012\)/);
      const russian = await hover(lines('---', 'language: ru', '---', 'Сергей Лавров: Мы обсудили работу E|EC.'));
      assert.match(russian!.value, /^\*EEC has 2 meanings[^\n]*\n\n\*\*Eurasian Economic Commission\*\*/);
    });

    it('says which organisation a misspelt acronym means: OCSE is the OSCE', async () => {
      const result = await hover('Issues discussed as part of the UN and O|CSE, which is going through a deep crisis.');
      assert.deepEqual(result?.range, range(0, 39, 43));
      assert.deepEqual(result?.value.split('\n\n').slice(0, 4), [
        '**OCSE** is not a known acronym: it probably means **OSCE**.',
        '---',
        '**Organization for Security and Co-operation in Europe** (OSCE)',
        'Regional security organisation of states from Europe, North America and Central Asia, originating in the 1975 Helsinki Final Act (CSCE).',
      ]);
      assert.match(result!.value, /Founded: 1975 {2}\nHeadquarters: Vienna, Austria {2}\nMembers: 57\n\n\[www\.osce\.org\]\(https:\/\/www\.osce\.org\)$/);
      assert.equal(await hover('The U|SA and the GDP are not misspelt organisations.'), null);
    });

    it('has nothing for a URL or a word that is no organisation', async () => {
      assert.equal(await hover('See https://www.osce.org/C|STO for the text.'), null);
      assert.equal(await hover('A tra|ditional document.'), null);
    });
  });

  describe('speakers, topic tags and timestamps', () => {
    const transcript = lines(
      '---',
      'speakers:',
      '  - name: Sergey Lavrov',
      '    role: Minister of Foreign Affairs of the Russian Federation',
      '    aliases: [Lavrov]',
      '---',
      'Question: What areas will you focus on this year? #security',
      '',
      '{1}: We have just signed a schedule for consultations. #security',
      '',
      'Question: How are the countries developing their transit potential?',
      '',
      '{2}: This is a topical question. [00:12:34] We are working hard on this.',
      '',
      'Question: Can you explain the details of this integration? #security',
      '',
      'Lavrov: As for integration, we would like all associations to take part.',
    );
    const fixture = (one: string, two = 'Sergey Lavrov') => transcript.replace('{1}', one).replace('{2}', two);

    it('shows a speaker’s full name and role from the front matter, and their turns and words', async () => {
      const result = await hover(fixture('Sergey La|vrov'));
      assert.deepEqual(result, {
        range: range(8, 0, 13),
        value: '**Sergey Lavrov** — Minister of Foreign Affairs of the Russian Federation\n\n3 turns · 30 words in this transcript\n\nAlso labelled: Lavrov',
      });
      assert.equal((await hover(fixture('Sergey Lavrov', 'Sergey Lavrov|')))?.value.split('\n\n')[0], '**Sergey Lavrov** — Minister of Foreign Affairs of the Russian Federation');
    });

    it('takes a speaker’s role from the first-mention long label', async () => {
      const result = await hover(lines(
        'President of the Republic of Turkey Recep Tayyip Erdogan: Thank you very much, colleagues.',
        '',
        'Question: A question for all three presidents?',
        '',
        'Recep Tayyip Er|dogan: We will continue.',
      ));
      assert.deepEqual(result, {
        range: range(4, 0, 20),
        value: '**Recep Tayyip Erdogan** — President of the Republic of Turkey\n\n2 turns · 8 words in this transcript\n\nAlso labelled: President of the Republic of Turkey Recep Tayyip Erdogan',
      });
    });

    it('shows how many turns carry a topic tag, and the first questions under it', async () => {
      const result = await hover(fixture('Sergey Lavrov').replace('this year? #security', 'this year? #secu|rity'));
      assert.deepEqual(result, {
        range: range(6, 50, 59),
        value: '**#security**: topic tag on 3 turns\n\nQuestions under it:\n\n- Q1 · What areas will you focus on this year?\n- Q3 · Can you explain the details of this integration?',
      });
    });

    it('lists at most three questions under a tag, and counts the others', async () => {
      const many = Array.from({ length: 5 }, (_, i) => `Question: Question number ${i + 1}? #energy\n\nSergey Lavrov: Answer ${i + 1}.`).join('\n\n');
      const result = await hover(many.replace('#energy', '#en|ergy'));
      assert.equal(result?.value, '**#energy**: topic tag on 5 turns\n\nQuestions under it:\n\n- Q1 · Question number 1?\n- Q2 · Question number 2?\n- Q3 · Question number 3?\n- and 2 more questions');
    });

    it('shows the offset a timestamp names', async () => {
      const result = await hover(fixture('Sergey Lavrov').replace('[00:12:34]', '[00:1|2:34]'));
      assert.deepEqual(result, { range: range(12, 43, 53), value: '**Timestamp** `0:12:34` — 12 min 34 s into the recording (754 s from the start)' });
      assert.equal((await hover('Sergey Lavrov: Yes [1:02:03.5|] indeed.'))?.value, '**Timestamp** `1:02:03.5` — 1 h 2 min 3.5 s into the recording (3723.5 s from the start)');
    });
  });
});
