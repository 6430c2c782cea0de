import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { TranscriptModel, Turn, TurnPlace } from '../model';
import { openingWords, turnWordCount } from '../text/words';
import type { Steps } from '../steps';
import { query, type DerivedResults } from '../derivedResults';
import type { CancellationToken } from '../types';

export const OPENING_REMARKS = 'Opening remarks';

/**
 * The outline: the header, sections, and turns. Questions are numbered (`Q3 · How are…`) with
 * their answers nested under them; turns before the first question stay at the top. A step per turn.
 */
export function* provideDocumentSymbols(results: DerivedResults, model: TranscriptModel, token: CancellationToken): Steps<DocumentSymbol[]> {
  const { lines } = model;
  const top: DocumentSymbol[] = [];

  const title = model.frontMatter?.title ?? model.header?.lines.find((l) => l.kind === 'title')?.text;
  const headStart = model.frontMatter?.start ?? model.header?.start;
  const headEnd = model.header?.end ?? model.frontMatter?.end;
  if (headStart !== undefined && headEnd !== undefined) {
    const details = [model.frontMatter?.date, model.frontMatter?.place]
      .concat(model.header?.lines.filter((l) => l.kind !== 'title').map((l) => l.text) ?? [])
      .filter((d): d is string => !!d);
    const titleLine = model.header?.lines.find((l) => l.kind === 'title');
    top.push({
      name: title || 'Header',
      detail: details.join(' · '),
      kind: SymbolKind.File,
      range: lines.range(headStart, headEnd),
      selectionRange: titleLine ? lines.range(titleLine.start, titleLine.end) : lines.range(headStart, headStart),
    });
  }

  // Sections nest by heading level; turns go into the innermost open section.
  const sectionSymbols = model.sections.map((section): DocumentSymbol => {
    const heading = model.paragraphByIndex(section.headingParagraph);
    return {
      name: section.title || '(untitled section)',
      kind: SymbolKind.Namespace,
      range: lines.range(section.start, section.end),
      selectionRange: lines.range(heading.heading!.textStart, heading.end),
      children: [],
    };
  });
  const sectionParent: (number | undefined)[] = [];
  const stack: number[] = [];
  model.sections.forEach((section, i) => {
    while (stack.length && model.sections[stack[stack.length - 1]].level >= section.level) stack.pop();
    sectionParent[i] = stack[stack.length - 1];
    stack.push(i);
  });
  const firstQuestionTurn = model.questions[0]?.turn ?? Infinity;

  const container = (turn: Turn): DocumentSymbol[] => (turn.section === undefined ? top : sectionSymbols[turn.section].children!);
  let question: { readonly turn: Turn; readonly symbol: DocumentSymbol } | undefined;
  let nextSection = 0;
  const placeSectionsUpTo = (offset: number) => {
    while (nextSection < model.sections.length && model.sections[nextSection].start <= offset) {
      const parent = sectionParent[nextSection];
      (parent === undefined ? top : sectionSymbols[parent].children!).push(sectionSymbols[nextSection]);
      nextSection++;
    }
  };

  for (const turn of model.turns) {
    yield;
    if (token.isCancellationRequested) return [];
    placeSectionsUpTo(turn.start);
    const symbol = turnSymbol(results, model, turn, turn.index < firstQuestionTurn);
    if (turn.role === 'question') {
      question = { turn, symbol };
      container(turn).push(symbol);
    } else if (turn.role === 'answer' && question && question.turn.section === turn.section) {
      // A question's range runs to the end of its answers, so that it holds them, as its children must
      // (an editor looks for the symbol at the cursor inside its parent's range: the breadcrumbs).
      question.symbol.children!.push(symbol);
      question.symbol.range = { start: question.symbol.range.start, end: symbol.range.end };
    } else {
      question = undefined;
      container(turn).push(symbol);
    }
  }
  placeSectionsUpTo(Infinity);
  return top;
}

/**
 * Each turn's outline symbol, kept with the turn's place: a turn an edit left as it was, or left in
 * the same place (see `Turn.place`), has the same symbol, so the outline after a keystroke makes
 * only the symbols of the turns the keystroke touched.
 */
const TURN_SYMBOL = query('turn symbol', [], (results, _place: TurnPlace, { model, turn }: TurnReader, beforeQuestions: boolean): DocumentSymbol =>
  makeTurnSymbol(results, model, turn, beforeQuestions));

interface TurnReader {
  readonly model: TranscriptModel;
  readonly turn: Turn;
}

function turnSymbol(results: DerivedResults, model: TranscriptModel, turn: Turn, beforeQuestions: boolean): DocumentSymbol {
  const symbol = results.get(TURN_SYMBOL, turn.place, { model, turn }, beforeQuestions);
  // A question's children are filled in by each outline: it gets an array of its own.
  return symbol.children ? { ...symbol, children: [] } : symbol;
}

function makeTurnSymbol(results: DerivedResults, model: TranscriptModel, turn: Turn, beforeQuestions: boolean): DocumentSymbol {
  const { lines } = model;
  const words = openingWords(results, model, turn);
  const range = lines.range(turn.start, turn.end);
  const selectionRange = turnSelectionRange(model, turn);
  if (turn.role === 'question') {
    const question = model.questions[turn.questionNumber! - 1];
    return {
      name: `Q${turn.questionNumber} · ${words || '(no words)'}`,
      detail: question.questioner ?? turn.label?.name ?? '',
      kind: SymbolKind.Event,
      range,
      selectionRange,
      children: [],
    };
  }
  return {
    name: `${speakerName(model, turn, beforeQuestions)}${words ? ` · ${words}` : ''}`,
    detail: wordsDetail(turnWordCount(results, model, turn)),
    kind: SymbolKind.String,
    range,
    selectionRange,
  };
}

export function speakerName(model: TranscriptModel, turn: Turn, beforeQuestions: boolean): string {
  if (turn.speakerId) return model.speakers.get(turn.speakerId)?.name ?? turn.speakerId;
  if (turn.label) return turn.label.name;
  return beforeQuestions && turn.index === 0 ? OPENING_REMARKS : 'Unattributed';
}

/** What a turn's symbol selects: the name in its label, or else its first line. */
export function turnSelectionRange(model: TranscriptModel, turn: Turn): Range {
  const { lines } = model;
  if (turn.label) return lines.range(turn.label.nameStart, turn.label.nameEnd);
  return lines.range(turn.start, Math.min(turn.end, lines.lineEnd(lines.lineAt(turn.start))));
}

function wordsDetail(count: number): string {
  return count === 1 ? '1 word' : `${count} words`;
}
