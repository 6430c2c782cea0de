import * as assert from 'node:assert/strict';
import { corpusFile, parse, turnsOf } from '../util/fixtures';

/** Real transcripts (test/fixtures/corpus, with attribution) and the conventions each one carries. */
describe('corpus: real transcripts', () => {
  it('the seed: opening remarks, then 4 numbered questions each answered by Sergey Lavrov', () => {
    const model = parse(corpusFile('seed_lavrov_2023-04-11.txt'));
    assert.equal(model.header?.lines[0].kind, 'title');
    assert.deepEqual(turnsOf(model), [
      ['-', 'statement'],
      ['Question', 'question'], ['Sergey Lavrov', 'answer'],
      ['Question', 'question'], ['Sergey Lavrov', 'answer'],
      ['Question', 'question'], ['Sergey Lavrov', 'answer'],
      ['Question', 'question'], ['Sergey Lavrov', 'answer'],
    ]);
    // The opening remarks run from "Ladies and gentlemen," (line 2) to line 17, one paragraph a line.
    assert.equal(model.lines.lineAt(model.turns[0].start), 1);
    assert.equal(model.lines.lineAt(model.turns[0].end), 16);
    assert.equal(model.turns[0].paragraphs.length, 16);
    assert.deepEqual(model.questions.map((q) => q.answerTurns.length), [1, 1, 1, 1]);
  });

  it('White House gaggle: front matter, a header, and THE PRESIDENT alternating with bare Q turns', () => {
    const model = parse(corpusFile('wh_biden_press_gaggle_2021-11-16.txt'));
    assert.match(model.frontMatter!.title!, /Remarks by President/);
    assert.equal(model.frontMatter!.data.tags, 'speeches-remarks');
    assert.deepEqual(model.header!.lines.map((l) => l.kind), ['place', 'place', 'time']);
    assert.deepEqual(turnsOf(model), [
      ['Q', 'question'], ['THE PRESIDENT', 'answer'],
      ['Q', 'question'], ['THE PRESIDENT', 'answer'],
      ['Q', 'question'], ['THE PRESIDENT', 'answer'],
    ]);
  });

  it('White House briefing: NBSP after labels, (Laughter.), stage lines, hard-wrapped paragraphs', () => {
    const model = parse(corpusFile('wh_psaki_briefing_2021-07-08.txt'));
    const speakers = new Set(turnsOf(model).map(([s]) => s));
    assert.deepEqual([...speakers].sort(), ['MS. PSAKI', 'Q']);
    assert.ok(model.questions.length > 80, `${model.questions.length} questions`);
    assert.ok(model.paragraphs.some((p) => p.kind === 'stage' && /Happy Birthday/.test(model.text.slice(p.start, p.end))));
    assert.ok(model.paragraphs.flatMap((p) => p.annotations).filter((a) => a.text === 'Laughter.').length === 6);
    // Every turn starts at a label: no text was left over as an unattributed turn.
    assert.ok(model.turns.every((t) => t.label));
  });

  it('White House joint press conference: interpreted labels and a moderator', () => {
    const model = parse(corpusFile('wh_biden_kishida_presser_2022-05-23.txt'));
    const speakers = new Set(turnsOf(model).map(([s]) => s));
    assert.deepEqual([...speakers].sort(), ['MODERATOR', 'PRESIDENT BIDEN', 'PRIME MINISTER KISHIDA', 'Q']);
    assert.equal(model.questions.length, 14);
  });

  it('Kremlin news conference: long first-mention labels resolve to the short name', () => {
    const model = parse(corpusFile('kremlin_russia_turkey_iran_presser_2018-04-04.txt'));
    assert.deepEqual(model.header!.lines.map((l) => l.kind), ['title', 'date', 'url']);
    const erdogan = model.speakers.get('recep tayyip erdogan')!;
    assert.equal(erdogan.name, 'Recep Tayyip Erdogan');
    assert.equal(erdogan.role, 'President of the Republic of Turkey');
    assert.ok(erdogan.aliases.includes('President of the Republic of Turkey Recep Tayyip Erdogan'));
    assert.deepEqual([...model.speakers.keys()].sort(), ['hassan rouhani', 'recep tayyip erdogan', 'vladimir putin']);
    assert.ok(model.turns.filter((t) => t.label?.kind === 'question').some((t) => t.label!.qualifiers.includes('retranslated')));
    assert.ok(model.turns.some((t) => t.label?.kind === 'remark'), 'Remark: is a turn from the floor');
  });

  it('Valdai: the moderator’s long label, and `Germany: “…”` inside Putin’s turn is not a turn', () => {
    const text = corpusFile('kremlin_valdai_2017.txt');
    const model = parse(text);
    assert.equal(model.speakers.get('fyodor lukyanov')!.role, 'Research Director of the Foundation for Development and Support of the Valdai Discussion Club, moderator');
    assert.equal(model.paragraphs.filter((p) => p.kind === 'separator').length, 1);
    const germany = text.indexOf('Germany: “This is a matter');
    const turn = model.turns.find((t) => t.start <= germany && germany < t.end)!;
    assert.equal(model.speakers.get(turn.speakerId!)!.name, 'Vladimir Putin');
    assert.ok(!model.speakers.has('germany') && !model.speakers.has('france'));
    assert.equal(model.turns[0].label, undefined, 'the introduction before * * * is unattributed');
  });

  it('UN Security Council: country and language qualifiers, hard-wrapped at 50 columns', () => {
    const model = parse(corpusFile('unsc_spv7154_ukraine_2014-04-13.txt'));
    const churkin = model.turns.find((t) => t.label?.name === 'Mr. Churkin')!;
    assert.deepEqual(churkin.label!.qualifiers, ['Russian Federation', 'spoke in Russian']);
    assert.ok(model.speakers.has('sir mark lyall grant'));
    assert.ok(model.speakers.has("prince zeid ra'ad zeid al-hussein"));
    assert.equal(model.speakers.get('the president')!.turns.length, 8);
    assert.equal(model.turns.length, 28);
    assert.ok(model.turns.every((t) => t.label), 'every speech starts at its label');
  });

  it('Bundestag: labels alone on their line, a label hyphen-broken over two lines, stage directions', () => {
    const model = parse(corpusFile('de_bundestag_18-181_2016-06-28.txt'));
    const names = new Set(model.turns.filter((t) => t.speakerId).map((t) => model.speakers.get(t.speakerId!)!.name));
    for (const name of ['Präsident Dr. Norbert Lammert', 'Dr. Angela Merkel, Bundeskanzlerin', 'Dr. Dietmar Bartsch', 'Thomas Oppermann', 'Katrin Göring-Eckardt', 'Volker Kauder']) {
      assert.ok(names.has(name), name);
    }
    assert.ok(!names.has('Apropos Griechenland'), 'prose that ends in a colon is not a label');
    assert.ok(model.turns.filter((t) => t.label).every((t) => t.label!.alone));
    assert.ok(model.paragraphs.filter((p) => p.kind === 'stage').length > 50);
  });

  it('Supreme Court: numbered lines, double spacing and page furniture are read through', () => {
    const model = parse(corpusFile('scotus_hhs_v_florida_2012-03-26.txt'));
    const justices = ['CHIEF JUSTICE ROBERTS', 'JUSTICE SCALIA', 'JUSTICE KENNEDY', 'JUSTICE GINSBURG', 'JUSTICE BREYER', 'JUSTICE ALITO', 'JUSTICE SOTOMAYOR', 'JUSTICE KAGAN'];
    const speakers = [...model.speakers.values()].map((s) => s.name).sort();
    assert.deepEqual(speakers, [...justices, 'GENERAL VERRILLI', 'MR. KATSAS', 'MR. LONG'].sort());
    // The margin numbers are not words: `you were 2 invited` reads `you were invited`.
    const last = model.turns[model.turns.length - 1];
    assert.equal(model.source.slice(last.label!.end, last.end).replace(/\s+/g, ' ').trim(), 'We will continue argument in this case tomorrow. (Whereupon, at 11:41 a.m., the case in the above-entitled matter was submitted.)');
    assert.equal(model.text.length, model.source.length);
    // The word index after the closing `(Whereupon, …)` makes no turns.
    assert.ok(model.lines.lineAt(last.end) < 4290);
  });
});
