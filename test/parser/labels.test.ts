import * as assert from 'node:assert/strict';
import { lines, parse, turnsOf } from '../util/fixtures';

describe('parser: speaker labels', () => {
  const labelOf = (text: string) => parse(text).turns[0]?.label;

  it('reads the label shapes seen in real transcripts', () => {
    const cases: [string, string, string[]][] = [
      ['Sergey Lavrov: We have just signed a schedule.', 'Sergey Lavrov', []],
      ['MS. PSAKI:\u00a0 Hi, everyone.', 'MS. PSAKI', []],
      ['THE PRESIDENT:\u00a0 It was a good meeting.', 'THE PRESIDENT', []],
      ['Mr. Churkin (Russian Federation) (spoke in Russian): The situation is grave.', 'Mr. Churkin', ['Russian Federation', 'spoke in Russian']],
      ['Question (retranslated): When will the talks resume?', 'Question', ['retranslated']],
      ['Sir Mark Lyall Grant (United Kingdom): I thank the briefer.', 'Sir Mark Lyall Grant', ['United Kingdom']],
      ["Prince Zeid Ra'ad Zeid Al-Hussein (Jordan) (spoke in Arabic): I thank you.", "Prince Zeid Ra'ad Zeid Al-Hussein", ['Jordan', 'spoke in Arabic']],
      ['Dr. Dietmar Bartsch (DIE LINKE): Herr Präsident!', 'Dr. Dietmar Bartsch', ['DIE LINKE']],
      ['Mrs. Perceval (Argentina) (spoke in Spanish): Thank you.', 'Mrs. Perceval', ['Argentina', 'spoke in Spanish']],
      ['Сергей Лавров: Мы подписали план консультаций.', 'Сергей Лавров', []],
    ];
    for (const [text, name, qualifiers] of cases) {
      const label = labelOf(text);
      assert.ok(label, `no label in ${JSON.stringify(text)}`);
      assert.equal(label.name, name, text);
      assert.deepEqual(label.qualifiers, qualifiers, text);
    }
  });

  it('reads a long first-mention label and resolves it to the short name used later', () => {
    const model = parse(lines(
      'President of the Republic of Turkey Recep Tayyip Erdogan (retranslated): Friends, I greet you.',
      '',
      'Hassan Rouhani: Thank you.',
      '',
      'Recep Tayyip Erdogan: We agree.',
    ));
    assert.deepEqual(turnsOf(model), [['Recep Tayyip Erdogan', 'statement'], ['Hassan Rouhani', 'statement'], ['Recep Tayyip Erdogan', 'statement']]);
    assert.equal(model.speakers.get('recep tayyip erdogan')!.role, 'President of the Republic of Turkey');
  });

  it('takes a label standing alone on its line, with the words below it', () => {
    const model = parse(lines('Präsident Dr. Norbert Lammert:', '', 'Die Sitzung ist eröffnet.', '', 'Volker Kauder (CDU/CSU):', '', 'Herr Präsident!'));
    assert.deepEqual(turnsOf(model), [['Präsident Dr. Norbert Lammert', 'statement'], ['Volker Kauder', 'statement']]);
    assert.equal(model.turns[0].label!.alone, true);
    assert.equal(model.turns[0].paragraphs.length, 2);
  });

  it('joins a label hyphen-broken over two lines', () => {
    const model = parse(lines('Präsident Dr. Norbert Lammert:', '', 'Das Wort hat die Kollegin.', '', 'Katrin Göring-Eckardt (BÜNDNIS 90/DIE GRÜ-', 'NEN):', '', 'Vielen Dank, Herr Präsident.'));
    assert.equal(model.turns[1].label?.name, 'Katrin Göring-Eckardt');
    assert.deepEqual(model.turns[1].label?.qualifiers, ['BÜNDNIS 90/DIE GRÜNEN']);
  });

  it('does not take notes, clock times, quoted positions, colon sentences or URLs for labels', () => {
    const notLabels = [
      'Note: the transcript was edited for length.',
      '10:30 The session opened.',
      'Our cultural ties are expanding: on March 2, the Russian Seasons project was launched.',
      'https://www.mid.ru/en/press_service/ is the source.',
      'First, to Prime Minister: With the Russian aggression of Ukraine, what now?',
      'I will also say this: we are ready.',
    ];
    for (const text of notLabels) assert.equal(labelOf(lines('Sergey Lavrov: Hello.', text))?.name ?? 'Sergey Lavrov', 'Sergey Lavrov', text);
    for (const text of notLabels) assert.equal(parse(text).turns[0].label, undefined, text);
  });

  it('keeps `Germany: “…”` inside the turn that quotes it', () => {
    const model = parse(lines(
      'Vladimir Putin: Let me quote the positions.',
      '',
      'Germany: “This is a matter of peoples’ right to self-determination.”',
      '',
      'France: “It does not allow, but does not forbid it.” So here you are.',
    ));
    assert.deepEqual(turnsOf(model), [['Vladimir Putin', 'statement']]);
    assert.equal(model.turns[0].paragraphs.length, 3);
  });

  it('takes a one-word label only when the document bears it out', () => {
    const once = parse(lines('Sergey Lavrov: Hello.', '', 'Germany: a country with a long history of talks.'));
    assert.deepEqual(turnsOf(once), [['Sergey Lavrov', 'statement']]);
    const lastName = parse(lines('Sergey Lavrov: Hello.', '', 'Question: Why?', '', 'Lavrov: Because.'));
    assert.deepEqual(turnsOf(lastName), [['Sergey Lavrov', 'statement'], ['Question', 'question'], ['Sergey Lavrov', 'answer']]);
    const twice = parse(lines('Moderator: Welcome.', '', 'Guest: Thanks.', '', 'Moderator: First question.', '', 'Guest: Sure.'));
    assert.deepEqual(turnsOf(twice).map(([s]) => s), ['Moderator', 'Guest', 'Moderator', 'Guest']);
  });

  it('forces a label with @ and prevents one with a backslash', () => {
    const forced = parse('@Germany: We speak for ourselves.');
    assert.equal(forced.turns[0].label?.name, 'Germany');
    assert.equal(forced.turns[0].label?.forced, true);
    const escaped = parse(lines('Sergey Lavrov: Hello.', '', '\\Sergey Lavrov: is how the label reads.'));
    assert.equal(escaped.turns.length, 1);
  });

  it('reads question markers: Question, Q:, the bare Q with spaces, and markers in other languages', () => {
    const model = parse(lines(
      'Question: What areas will you focus on?', '',
      'Sergey Lavrov: Security.', '',
      'Q: And energy?', '',
      'Sergey Lavrov: Yes.', '',
      'Q\u00a0\u00a0\u00a0 Any progress on Taiwan?', '',
      'Sergey Lavrov: Some.', '',
      'Question (Reuters): One more?', '',
      'Sergey Lavrov: No.',
    ));
    assert.deepEqual(model.questions.map((q) => q.number), [1, 2, 3, 4]);
    assert.equal(model.questions[3].questioner, 'Reuters');
    assert.deepEqual(model.turns.map((t) => t.role), ['question', 'answer', 'question', 'answer', 'question', 'answer', 'question', 'answer']);
  });

  it('reads question markers of the front matter language and of the settings', () => {
    const russian = parse(lines('---', 'language: ru', '---', 'Вопрос: Как дела?', 'Сергей Лавров: Хорошо.'));
    assert.deepEqual(russian.turns.map((t) => t.role), ['question', 'answer']);
    const german = parse(lines('---', 'questionMarkers: [Frage]', '---', 'Frage: Wie geht es?', 'Olaf Scholz: Gut.'));
    assert.deepEqual(german.turns.map((t) => t.role), ['question', 'answer']);
  });
});

describe('parser: labels in scripts without capitals', () => {
  it('reads a short caseless name before a full-width colon', () => {
    const model = parse(lines('岸田文雄：ありがとうございます。', '質問：いつですか？', '岸田文雄：来年です。'));
    assert.equal(model.turns[0].label?.name, '岸田文雄');
    assert.deepEqual(model.turns.map((t) => t.role), ['statement', 'question', 'answer']);
  });
  it('does not take a long caseless sentence for a name', () => {
    const model = parse('これは非常に長い文章でありラベルではありません：続き。');
    assert.equal(model.turns[0].label, undefined);
  });
});
