import { SymbolKind, type Range, type SymbolInformation } from 'vscode-languageserver-types';
import type { TranscriptModel } from '../model';
import { openingWords } from '../text/words';
import type { Steps } from '../steps';
import { query, type DerivedResults } from '../derivedResults';
import type { CancellationToken } from '../types';
import { frontMatterSpeakerEntries, speakerLabels } from './symbolAt';

/**
 * What one transcript contributes to the workspace: its questions, speakers and topic tags, each
 * where it first occurs. Small, so that the index keeps one per file, not the file's model.
 */
export interface TranscriptSummary {
  readonly uri: string;
  readonly title?: string;
  readonly questions: readonly { readonly name: string; readonly range: Range }[];
  readonly speakers: readonly { readonly name: string; readonly range: Range; readonly turns: number }[];
  /** By name, lower case, without `#`; `written` is the first occurrence's spelling. */
  readonly tags: readonly { readonly name: string; readonly written: string; readonly range: Range; readonly count: number }[];
}

const MAX_RESULTS = 1000;

/** What workspace symbols know of a version of a transcript: made once per version. */
const SUMMARY = query('transcript summary', [], (results, model: TranscriptModel): TranscriptSummary => summarise(results, model));

export function summariseTranscript(results: DerivedResults, model: TranscriptModel): TranscriptSummary {
  return results.get(SUMMARY, model, undefined);
}

function summarise(results: DerivedResults, model: TranscriptModel): TranscriptSummary {
  const { lines } = model;
  const questions = model.questions.map((q) => {
    const turn = model.turns[q.turn];
    const at = turn.label ? lines.range(turn.label.nameStart, turn.label.nameEnd) : lines.range(turn.start, turn.start);
    return { name: `Q${q.number} · ${openingWords(results, model, turn) || '(no words)'}`, range: at };
  });
  const entries = frontMatterSpeakerEntries(results, model);
  const speakers = [...model.speakers.values()].map((speaker) => {
    const label = speakerLabels(model, speaker)[0];
    const entry = entries.find((e) => e.id === speaker.id);
    const range = label ? lines.range(label.nameStart, label.nameEnd)
      : entry ? lines.range(entry.name.valueStart, entry.name.valueEnd)
        : lines.range(model.turns[speaker.turns[0]]?.start ?? 0, model.turns[speaker.turns[0]]?.start ?? 0);
    return { name: speaker.name, range, turns: speaker.turns.length };
  });
  const tags = new Map<string, { name: string; written: string; range: Range; count: number }>();
  for (const paragraph of model.paragraphs) {
    for (const tag of paragraph.tags) {
      const known = tags.get(tag.name);
      if (known) known.count++;
      else tags.set(tag.name, { name: tag.name, written: model.text.slice(tag.start + 1, tag.end), range: lines.range(tag.start, tag.end), count: 1 });
    }
  }
  const title = model.frontMatter?.title ?? model.header?.lines.find((l) => l.kind === 'title')?.text;
  const summary: TranscriptSummary = { uri: model.uri, ...(title ? { title } : {}), questions, speakers, tags: [...tags.values()] };
  return summary;
}

/**
 * The questions, speakers and topic tags of the transcripts whose name matches `query`: a
 * case-insensitive substring (best at the start of a word), else a subsequence (`lvrv` → Lavrov).
 * The best matches first. A step per transcript and per symbol: `transcripts` is read between steps.
 */
export function* matchWorkspaceSymbols(transcripts: Iterable<TranscriptSummary>, query: string, token: CancellationToken): Steps<SymbolInformation[]> {
  const q = query.trim().toLowerCase();
  const found: { score: number; symbol: SymbolInformation }[] = [];
  for (const transcript of transcripts) {
    yield;
    if (token.isCancellationRequested) return [];
    const containerName = containerOf(transcript);
    const add = (name: string, kind: SymbolKind, range: Range) => {
      const score = matchScore(name.toLowerCase(), q);
      if (score !== undefined) found.push({ score, symbol: { name, kind, location: { uri: transcript.uri, range }, containerName } });
    };
    for (const s of transcript.speakers) {
      yield;
      add(s.name, SymbolKind.Class, s.range);
    }
    for (const t of transcript.tags) {
      yield;
      add(`#${t.written}`, SymbolKind.Key, t.range);
    }
    for (const question of transcript.questions) {
      yield;
      add(question.name, SymbolKind.Event, question.range);
    }
  }
  found.sort((a, b) => b.score - a.score);
  return found.slice(0, MAX_RESULTS).map((f) => f.symbol);
}

function containerOf(transcript: TranscriptSummary): string {
  const file = decodeURIComponent(transcript.uri.split('/').pop() ?? transcript.uri);
  return file;
}

/** Higher is better; undefined when the name does not match. */
export function matchScore(name: string, query: string): number | undefined {
  if (!query) return 0;
  const at = name.indexOf(query);
  if (at >= 0) {
    const wordStart = at === 0 || !/[\p{L}\p{N}]/u.test(name[at - 1]);
    return 3 - (wordStart ? 0 : 1) - Math.min(at, 100) / 1000;
  }
  const wanted = [...query];
  let i = 0;
  for (const c of name) {
    if (c === wanted[i]) i++;
    if (i === wanted.length) return 1 - Math.min(name.length, 100) / 1000;
  }
  return undefined;
}
