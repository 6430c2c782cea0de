import * as assert from 'node:assert/strict';
import { createLanguageService, type TranscriptModel } from '../../server/src/service';
import { EditableDocument } from '../util/editableDocument';
import { CHAT_EXAMPLE } from '../util/chatExample';
import { document, lines, parse, turnsOf } from '../util/fixtures';


const lineOf = (model: TranscriptModel, offset: number) => model.lines.lineAt(offset);

describe('parser: CHAT files', () => {
  it('reads each main tier as a turn of the participant its code names', () => {
    const model = parse(CHAT_EXAMPLE);
    assert.ok(model.chat);
    // Mary's first tier ends in CHAT's `?`: she asks. Her second ends in `.` on its continuation
    // line, so it asks nothing, and her own words close her question.
    assert.deepEqual(turnsOf(model), [['Ross', 'statement'], ['Mary', 'question'], ['Mary', 'statement'], ['Ross', 'statement'], ['Ross', 'statement']]);
    const ross = model.speakers.get(model.turns[0].speakerId!)!;
    assert.deepEqual([ross.name, ross.role, ross.aliases], ['Ross', 'Target_Child', ['CHI']]);
    const investigator = [...model.speakers.values()].find((s) => s.aliases.includes('INV'))!;
    assert.deepEqual([investigator.name, investigator.role, investigator.turns], ['Investigator', 'Investigator', []]);
    assert.deepEqual(model.turns.map((t) => t.label!.name), ['CHI', 'MOT', 'MOT', 'CHI', 'CHI']);
  });

  it('numbers every tier its terminator marks as a question, whoever asks; a best guess `[?]` asks nothing', () => {
    const model = parse(lines(
      '@Begin',
      '@Participants:\tCHI Ross Target_Child, MOT Mary Mother',
      '*MOT:\twhat is that ?',
      '*CHI:\ta car .',
      '*CHI:\twhat are you doing mommy ?',
      '*MOT:\tI am reading .',
      '*CHI:\tthat [?] is mad .',
      '*MOT:\tand then +..?',
      '*CHI:\tone more time +/?',
      '*MOT:\tyou want it ? [+ gram] \u0015100_200\u0015',
      '@End',
    ));
    assert.deepEqual(turnsOf(model), [
      ['Mary', 'question'], ['Ross', 'answer'], ['Ross', 'question'], ['Mary', 'answer'], ['Ross', 'statement'],
      ['Mary', 'question'], ['Ross', 'question'], ['Mary', 'question'],
    ]);
  });

  it('keeps dependent tiers and continuation lines in the paragraph of the tier above', () => {
    const model = parse(CHAT_EXAMPLE);
    const tiers = model.paragraphs.filter((p) => p.label);
    assert.deepEqual(tiers.map((p) => [p.firstLine, p.lastLine]), [[6, 8], [9, 9], [10, 11], [12, 12], [13, 14]]);
    // The words are the main tier's: the dependent tiers and the bullet are not read as words.
    const words = (i: number) => model.source.slice(tiers[i].contentStart, tiers[i].end).trim();
    assert.equal(words(0), 'more cookie .');
    assert.equal(words(1), 'how about another graham cracker ?');
    assert.match(words(2), /^would that do just as well \?\s+continuation lines of a tier start with a tab \.$/);
    assert.equal(words(4), '<I want> [/] I want xxx (.) cookie .');
    assert.equal(model.text.slice(tiers[0].start, tiers[0].end), lines('*CHI:\tmore cookie .', '%mor:\tqn|more n|cookie .', '%gra:\t1|2|QUANT 2|0|ROOT 3|2|PUNCT'));
  });

  it('takes the @ headers as header, not turns, and the language from @Languages', () => {
    const model = parse(CHAT_EXAMPLE);
    const headers = model.paragraphs.filter((p) => p.kind === 'header');
    assert.deepEqual(headers.map((p) => lineOf(model, p.start)), [0, 1, 2, 3, 4, 5, 15]);
    assert.ok(model.turns.every((t) => !t.paragraphs.some((i) => model.paragraphs[i].kind === 'header')));
    assert.deepEqual(model.chat!.languages, ['eng']);
    assert.equal(model.language, 'en');
    assert.equal(parse(CHAT_EXAMPLE.replace('@Languages:\teng', '@Languages:\tfra, eng')).language, 'fr');
    assert.equal(parse(CHAT_EXAMPLE.replace('@Languages:\teng', '@Languages:\tdeu')).language, 'de');
  });

  it('tells a CHAT file by its opening line, or by most of its first lines being headers and tiers; not by a stray `*Note:`', () => {
    assert.ok(parse(lines('\ufeff', '', '@Begin', '*CHI:\thi .')).chat);
    assert.ok(parse(lines('@Participants:\tCHI Ross Target_Child', '*CHI:\tmore cookie .', '%com:\tlaughs', '*CHI:\tno .')).chat);
    assert.ok(parse(lines('*CHI:\tmore cookie .', '*MOT:\tno .')).chat);
    const stray = parse(lines(
      'Sergey Lavrov: We have just signed a schedule.',
      '*Note:\tthe schedule is attached.',
      '@Germany: We speak for ourselves.',
      'Question: When?',
    ));
    assert.equal(stray.chat, undefined);
    assert.deepEqual(turnsOf(stray).map(([name]) => name), ['Sergey Lavrov', 'Germany', 'Question']);
  });

  it('gives after an edit the model a full parse gives, into, inside and out of CHAT', () => {
    const summary = (model: TranscriptModel) => ({
      chat: model.chat,
      paragraphs: model.paragraphs.map((p) => [p.kind, p.start, p.end, p.contentStart, p.label?.name]),
      turns: model.turns.map((t) => [t.speakerId, t.start, t.end, t.paragraphs]),
      speakers: [...model.speakers.values()],
      language: model.language,
    });
    const service = createLanguageService();
    // Not CHAT: three tiers and two lines of other text. A fourth tier, below the first turn, makes it CHAT.
    const doc = new EditableDocument(lines('MOT: Hi.', '', '*CHI:\ta .', '*MOT:\tb .', '*CHI:\tc .', 'Lavrov: d.'));
    assert.equal(service.getModel(doc).chat, undefined);
    const check = (edited: TranscriptModel) => {
      assert.deepEqual(summary(edited), summary(createLanguageService().getModel(document(doc.getText(), doc.uri))));
      return edited;
    };
    const lavrov = doc.getText().indexOf('Lavrov: d.');
    assert.ok(check(service.getModel(doc.edit(lavrov, lavrov + 7, '*FAT:\t'))).chat);
    const at = doc.getText().indexOf('b .');
    check(service.getModel(doc.edit(at, at + 1, 'another')));
    check(service.getModel(doc.edit(0, 0, '@Participants:\tCHI Ross Target_Child\n')));
    const fat = doc.getText().indexOf('*FAT:\t');
    assert.equal(check(service.getModel(doc.edit(fat, fat + 6, 'Lavrov: '))).chat, undefined);
    // Beyond the lines that tell CHAT, an edit is still read as CHAT (blank lines between tiers: no block reaches the header).
    const long = new EditableDocument(lines('@Begin', ...Array.from({ length: 300 }, (_, i) => `*CHI:\tcookie number ${i} .\n`)));
    service.getModel(long);
    const last = long.getText().lastIndexOf('cookie');
    const edited = service.getModel(long.edit(last, last + 6, 'cake'));
    assert.deepEqual(summary(edited), summary(createLanguageService().getModel(document(long.getText(), long.uri))));
  });
});
