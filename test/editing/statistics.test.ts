import * as assert from 'node:assert/strict';
import { DerivedResults } from '../../server/src/service/derivedResults';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { computeStatistics, type TranscriptStatistics } from '../../server/src/service';
import { corpusFile, lines, parse, ROOT } from '../util/fixtures';
import { LspClient } from '../util/lspClient';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const SEED = path.join(ROOT, 'test', 'fixtures', 'corpus', 'seed_lavrov_2023-04-11.txt');

/** `[name, kind, turns, words, questions, answers, words per answer]` per row. */
const rows = (s: TranscriptStatistics) => s.speakers.map((r) => [r.name, r.kind, r.turns, r.words, r.questions, r.answers, r.averageAnswerWords]);

describe('statistics', () => {
  it('counts per speaker: turns, words, share, questions asked and answered, words per answer (the seed)', () => {
    const statistics = computeStatistics(new DerivedResults(), parse(corpusFile('seed_lavrov_2023-04-11.txt')));
    assert.deepEqual(rows(statistics), [
      ['Sergey Lavrov', 'speaker', 4, 978, 0, 4, 245],
      ['Opening remarks', 'unattributed', 1, 410, 0, 0, null],
      ['Question', 'questioner', 4, 171, 4, 0, null],
    ]);
    assert.deepEqual(statistics.totals, { turns: 9, words: 1559, speakers: 1, questions: 4, answers: 4, answeredQuestions: 4, unansweredQuestions: 0, averageAnswerWords: 245 });
    // Words per answer: (241 + 258 + 270 + 209) / 4, the code lens's counts, rounded.
    assert.equal(statistics.speakers[0].share, 978 / 1559);
  });

  it('gives a questioner named in the label a row of its own, keeps remarks apart, and lists declared speakers who never spoke', () => {
    const statistics = computeStatistics(new DerivedResults(), parse(lines(
      '---',
      'speakers: [Sergey Lavrov, Murat Nurtleu]',
      '---',
      'Question (Reuters): Why now?',
      '',
      'Sergey Lavrov: Because the time has come.',
      '',
      'Remark: Thank you.',
      '',
      'Question: And the SCO?',
      '',
      'Question: Anyone?',
    )));
    assert.deepEqual(rows(statistics), [
      ['Sergey Lavrov', 'speaker', 1, 5, 0, 1, 5],
      ['Question', 'questioner', 2, 4, 2, 0, null],
      ['Question (Reuters)', 'questioner', 1, 2, 1, 0, null],
      ['Remark', 'remark', 1, 2, 0, 0, null],
      ['Murat Nurtleu', 'speaker', 0, 0, 0, 0, null],
    ]);
    assert.equal(statistics.speakers[0].declared, true);
    assert.deepEqual(statistics.totals, { turns: 5, words: 13, speakers: 2, questions: 3, answers: 1, answeredQuestions: 1, unansweredQuestions: 2, averageAnswerWords: 5 });
  });

  it('counts an answer per answerer per question: the total is the rows summed, with their words per answer', () => {
    const statistics = computeStatistics(new DerivedResults(), parse(lines(
      'Question: Why?',
      '',
      'Anna Smith: One two three.',
      '',
      'Boris Jones: Four five.',
      '',
      'Question: When?',
      '',
      'Anna Smith: Now.',
    )));
    assert.deepEqual(rows(statistics), [
      ['Anna Smith', 'speaker', 2, 4, 0, 2, 2],
      ['Question', 'questioner', 2, 2, 2, 0, null],
      ['Boris Jones', 'speaker', 1, 2, 0, 1, 2],
    ]);
    assert.deepEqual(statistics.totals, { turns: 5, words: 8, speakers: 2, questions: 2, answers: 3, answeredQuestions: 2, unansweredQuestions: 0, averageAnswerWords: 2 });
  });

  it('sums the answers of several answerers in the total, whose words per answer lies among theirs (a joint news conference)', () => {
    const { speakers, totals } = computeStatistics(new DerivedResults(), parse(corpusFile('kremlin_russia_turkey_iran_presser_2018-04-04.txt')));
    const answerers = speakers.filter((s) => s.answers > 0);
    assert.deepEqual(answerers.map((s) => [s.name, s.answers]), [['Recep Tayyip Erdogan', 4], ['Hassan Rouhani', 3], ['Vladimir Putin', 4]]);
    assert.equal(totals.answers, 11);
    assert.equal(totals.answeredQuestions, 7, 'every question is answered, most of them by more than one president');
    const perAnswer = answerers.map((s) => s.averageAnswerWords!);
    assert.ok(totals.averageAnswerWords! >= Math.min(...perAnswer) && totals.averageAnswerWords! <= Math.max(...perAnswer),
      `${totals.averageAnswerWords} words per answer in total, ${perAnswer.join(', ')} in the rows`);
  });

  it('is served as the custom request transcript/statistics', async () => {
    const client = new LspClient();
    try {
      await client.initialize();
      const uri = 'file:///statistics.transcript';
      await client.open(uri, corpusFile('kremlin_russia_turkey_iran_presser_2018-04-04.txt'));
      const statistics = await client.request<TranscriptStatistics>('transcript/statistics', { textDocument: { uri } });
      assert.deepEqual(rows(statistics), [
        ['Recep Tayyip Erdogan', 'speaker', 7, 1933, 0, 4, 186],
        ['Hassan Rouhani', 'speaker', 4, 1333, 0, 3, 164],
        ['Vladimir Putin', 'speaker', 6, 1254, 0, 4, 117],
        ['Question', 'questioner', 7, 397, 7, 0, null],
        ['Remark', 'remark', 1, 1, 0, 0, null],
      ]);
      assert.equal(statistics.speakers[0].role, 'President of the Republic of Turkey');
      assert.equal(await client.request('transcript/statistics', { textDocument: { uri: 'file:///never-opened.transcript' } }), null);
      assert.equal(await client.shutdown(), 0);
    } finally {
      if (client.process.exitCode === null) client.kill();
    }
  });

  describe('cli: transcript stats', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

    it('prints a table: one row per speaker, then the totals', () => {
      const { status, stdout } = run('stats', SEED);
      assert.equal(status, 0);
      assert.equal(stdout, [
        'speaker          turns  words  share  questions  answers  words/answer',
        'Sergey Lavrov        4    978  62.7%          -        4           245',
        'Opening remarks      1    410  26.3%          -        -             -',
        'Question             4    171  11.0%          4        -             -',
        '---------------  -----  -----  -----  ---------  -------  ------------',
        'total                9   1559   100%          4        4           245',
        '',
      ].join('\n'));
    });

    it('prints in the total row the answers of all the rows, and their words per answer (several answerers)', () => {
      const { status, stdout } = run('stats', path.join(ROOT, 'test', 'fixtures', 'corpus', 'kremlin_russia_turkey_iran_presser_2018-04-04.txt'));
      assert.equal(status, 0);
      const cells = (name: string) => stdout.split('\n').find((line) => line.startsWith(name))!.trim().split(/ {2,}/).slice(-2);
      assert.deepEqual(cells('total'), ['11', '155'], stdout);
    });

    it('prints the statistics as JSON with --format json, per file when there are several', () => {
      const single = run('stats', '--format', 'json', SEED);
      assert.equal(single.status, 0);
      assert.deepEqual(JSON.parse(single.stdout), computeStatistics(new DerivedResults(), parse(corpusFile('seed_lavrov_2023-04-11.txt'))));
      const both = JSON.parse(run('stats', '--format=json', SEED, SEED).stdout);
      assert.deepEqual(both.map((s: { file: string; totals: { words: number } }) => [s.file, s.totals.words]), [[SEED, 1559], [SEED, 1559]]);
    });

    it('says when questions went unanswered, and exits 2 on a missing file', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'transcript-stats-'));
      const file = path.join(dir, 'open.transcript');
      writeFileSync(file, lines('Question: Why?', '', 'Sergey Lavrov: Because.', '', 'Question: And?', '', 'Question: Anyone?', ''));
      const open = run('stats', file);
      rmSync(dir, { recursive: true, force: true });
      assert.equal(open.status, 0);
      assert.equal(open.stdout, [
        'speaker        turns  words  share  questions  answers  words/answer',
        'Question           3      3  75.0%          3        -             -',
        'Sergey Lavrov      1      1  25.0%          -        1             1',
        '-------------  -----  -----  -----  ---------  -------  ------------',
        'total              4      4   100%          3        1             1',
        '',
        '2 of 3 questions unanswered',
        '',
      ].join('\n'));
      const missing = run('stats', path.join(ROOT, 'no-such.transcript'));
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /no such file/);
      assert.match(run('--help').stdout, /stats FILE\.\.\. {5}per speaker: turns, words, share of words/);
    });
  });
});
