import * as assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import { GOALS, familyFiles, families, scoreFile, type Counts, type FileScore } from '../eval/families';

/**
 * Real transcripts of every family (test/eval/families, each with its source and licence), held
 * to what the parser reads in them today: a rule that breaks one family's speakers or questions
 * fails here. Floors sit a little below the measured figures (README, `npm run eval`); where a
 * family meets the goals, the goals are the floor. Raise a floor when a rule improves. A
 * floor lowered when new held-out files were added says so beside it: they measure the rules on
 * text they were not made on.
 */
const FLOORS: Record<string, { turnF1: number; questionF1: number; falseAlarmsPerThousand: number }> = {
  'chat': { turnF1: GOALS.turnF1, questionF1: GOALS.questionF1, falseAlarmsPerThousand: GOALS.falseAlarmsPerThousand },
  'court-argument': { turnF1: GOALS.turnF1, questionF1: 0.975, falseAlarmsPerThousand: GOALS.falseAlarmsPerThousand },
  'debate': { turnF1: GOALS.turnF1, questionF1: GOALS.questionF1, falseAlarmsPerThousand: GOALS.falseAlarmsPerThousand },
  // Lowered from 0.97 by the held-out Hicks testimony (alarms4): its `Q`/`A` lose their period after a reporter's change (0.912).
  // Turns raised to the goal by the court reporter's `A Yes.`, labels after a page's furniture and in capitals (turns6: 0.984).
  'deposition': { turnF1: GOALS.turnF1, questionF1: 0.925, falseAlarmsPerThousand: GOALS.falseAlarmsPerThousand },
  // Questions in a meeting where everyone may ask are judgement calls the rules miss (the W3C minutes' turns are read since turns5).
  // Lowered from 0.79 and 5‰ by the held-out Rust and Ethereum meeting notes (collect6): questions 0.667 and 0.629, and the
  // Ethereum call's unpunctuated notes 11 false alarms in 156 paragraphs.
  // False alarms back to the goal (4.3‰) with the check's quiet on text that does not punctuate and on notes before a list or code (t7).
  'discussion': { turnF1: GOALS.turnF1, questionF1: 0.74, falseAlarmsPerThousand: GOALS.falseAlarmsPerThousand },
  // Lowered from 0.98 and 5‰ by four held-out interviews (collect6): the SIG Node Q&A's `**M/G/S:**` turns (0.694), the OCR'd
  // Hawke interview's labels run into the line before (0.936, 3 false alarms).
  // Its false alarms rose to 5 in 365 paragraphs with the turns the labels in capitals find (turns6) in the OCR'd Hawke interview.
  // Questions lowered from 0.95 by the held-out Macron interview (collect7), bold labels with a French space before the colon:
  // its questions asked by inversion or `Est-ce que` without a question mark, and prompts (`Dites-le nous.`), score 0.784.
  'interview': { turnF1: 0.96, questionF1: 0.92, falseAlarmsPerThousand: 14 },
  // The held-out Turnbull–Ardern press conference joined in issue 13's questions work (the five earlier files score 0.889), and
  // the held-out Rudd G20 press conference (alarms4) scores 0.636 on its own: every journalist's turn is taken for a question.
  'news-conference': { turnF1: GOALS.turnF1, questionF1: 0.89, falseAlarmsPerThousand: GOALS.falseAlarmsPerThousand },
  'parliament-other': { turnF1: GOALS.turnF1, questionF1: 0.89, falseAlarmsPerThousand: GOALS.falseAlarmsPerThousand },
  'parliament-uk': { turnF1: GOALS.turnF1, questionF1: GOALS.questionF1, falseAlarmsPerThousand: GOALS.falseAlarmsPerThousand },
  // Raised from 23‰: six of the ten left are the 3AW talkback's turns without their full stop, in a transcript that marks cut-offs (` -`).
  // Turns raised to the goal by the labels in capitals of OCR'd talkback, in the middle of a line too (turns6: 0.984). Questions
  // lowered from 0.78 by the same change: of the turns it now finds, the held-out Hawke–Laws talkback's are taken for questions
  // 42 times for 20 (0.762 → 0.581); who asks there is the question roles' work, not the labels'. Raised again to 0.8 by the
  // question roles (questions6).
  'phone-in': { turnF1: GOALS.turnF1, questionF1: 0.8, falseAlarmsPerThousand: 12 },
  // Questions raised by an asker's question put without its question mark (q7: court 0.980, deposition 0.930, podcasts 0.903,
  // speech-to-text 0.704).
  'podcast-emphasis': { turnF1: GOALS.turnF1, questionF1: 0.9, falseAlarmsPerThousand: GOALS.falseAlarmsPerThousand },
  // Lowered from 0.74 and 5‰ by two held-out bitcointranscripts files (collect6): an unpunctuated podcast interview whose
  // questions have no question mark (0 found, 11 false alarms) and a meeting of `Speaker N:` labels (0.667).
  // False alarms back to the goal (2.6‰) with the check's quiet on unpunctuated text and on a machine's cut-in voices (t7).
  'speech-to-text': { turnF1: GOALS.turnF1, questionF1: 0.7, falseAlarmsPerThousand: GOALS.falseAlarmsPerThousand },
};

const f1 = (c: Counts) => (c.truth + c.found === 0 ? 1 : (2 * c.hits) / (c.truth + c.found));
const add = (a: Counts, b: Counts): Counts => ({ truth: a.truth + b.truth, found: a.found + b.found, hits: a.hits + b.hits });
const zero: Counts = { truth: 0, found: 0, hits: 0 };

describe('corpus: speakers and questions in every family of real transcripts', () => {
  const service = createLanguageService();

  it('has a floor for every family, and every family of three files or more has a held-out file', () => {
    assert.deepEqual(families(), Object.keys(FLOORS).sort());
    for (const family of families()) {
      const files = familyFiles(family);
      if (files.length >= 3) assert.ok(files.some(({ truth }) => truth.split === 'heldout'), family);
    }
  });

  for (const family of Object.keys(FLOORS)) {
    it(`${family}: turns, questions and false alarms at or above the floor`, () => {
      const scores: FileScore[] = familyFiles(family).map(({ file, truth }) => scoreFile(file, truth, service));
      const turns = scores.reduce((c, s) => add(c, s.turns), zero);
      const questions = scores.reduce((c, s) => add(c, s.questions), zero);
      const paragraphs = scores.reduce((n, s) => n + s.paragraphs, 0);
      const falseAlarms = scores.reduce((n, s) => n + s.falseAlarms, 0);
      const floor = FLOORS[family];
      // Only the dev files' misses: the held-out files' stay unread while rules are written (test/eval/families/README.md).
      const misses = scores.filter((s) => s.split === 'dev').flatMap((s) => s.misses).slice(0, 10).join('\n');
      assert.ok(f1(turns) >= floor.turnF1, `turn F1 ${f1(turns).toFixed(3)} < ${floor.turnF1}\n${misses}`);
      assert.ok(f1(questions) >= floor.questionF1, `question F1 ${f1(questions).toFixed(3)} < ${floor.questionF1}\n${misses}`);
      assert.ok((1000 * falseAlarms) / paragraphs <= floor.falseAlarmsPerThousand, `${falseAlarms} false alarms in ${paragraphs} paragraphs\n${misses}`);
    });
  }
});
