import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { DerivedResults } from '../derivedResults';
import type { Annotation, TopicTag, TranscriptModel, Turn } from '../model';
import type { Glossary, OrganisationEntry } from '../glossary/glossary';
import { paragraphAt, turnAt } from './symbolAt';
import { findOrganisationMentionAt, type Mention } from '../glossary/mentions';
import { definedEntry } from '../glossary/definitions';
import { formedEntry } from '../glossary/formedNames';
import { englishRegionNames } from '../glossary/countries';
import { unknownNameAt } from '../glossary/unknownNames';
import type { OrganisationSpelling } from '../glossary/spelling';
import { misspellingAt } from './diagnostics/misspellings';
import { openingWords, turnWordCount } from '../text/words';
import type { CancellationToken } from '../types';

/** How many questions a topic tag's hover lists. */
const QUESTIONS_SHOWN = 3;

/**
 * What the thing under the cursor is, in Markdown: an organisation (its card, the likeliest
 * sense first), a misspelt acronym (the organisation meant), a speaker label (name, role, turns
 * and words), a topic tag (turns and questions under it) or a timestamp (the offset it names).
 */
export function provideHover(
  results: DerivedResults, model: TranscriptModel, position: Position, glossary: Glossary, spelling: OrganisationSpelling, token: CancellationToken,
): Hover | null {
  const offset = model.lines.offsetAt(position);
  const paragraph = paragraphAt(model, offset);
  if (!paragraph || token.isCancellationRequested) return null;

  // Only a label needs the turns (and so the whole document): hovering the words reads this paragraph alone.
  const label = paragraph.label;
  const turn = label && offset >= label.start && offset <= label.end ? turnAt(model, offset) : undefined;
  if (turn?.label && turn.label.kind === 'speaker' && turn.speakerId) {
    return markdown(model, speakerHover(results, model, turn.speakerId), turn.label.nameStart, turn.label.nameEnd);
  }
  const tag = paragraph.tags.find((t) => offset >= t.start && offset <= t.end);
  if (tag) return markdown(model, tagHover(results, model, tag), tag.start, tag.end);

  const mention = findOrganisationMentionAt(results, model, glossary, offset, token);
  if (token.isCancellationRequested) return null;
  if (mention) return markdown(model, organisationHover(mention, glossary, model), mention.start, mention.end);

  const timestamp = paragraph.annotations.find((a) => a.kind === 'timestamp' && offset >= a.start && offset <= a.end);
  if (timestamp) return markdown(model, timestampHover(timestamp), timestamp.start, timestamp.end);

  // The words the misspelt-organisation rule reports, and only those.
  const misspelling = misspellingAt(results, model, spelling, offset);
  if (misspelling) return markdown(model, misspellingHover(misspelling.word, misspelling.acronym, glossary), misspelling.start, misspelling.end);

  const unknown = unknownNameAt(results, model, glossary, offset);
  if (unknown) return markdown(model, unknownNameHover(unknown.text), unknown.start, unknown.end);
  return null;
}

function markdown(model: TranscriptModel, value: string, start: number, end: number): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: model.lines.range(start, end) };
}

// ——— Organisations ———

/** What a card says an organisation is, when it has no description. */
const KIND_NAMES: Readonly<Record<string, string>> = {
  intergovernmental: 'Intergovernmental organisation', 'un-body': 'United Nations body', 'un-agency': 'United Nations agency',
  'regional-bloc': 'Regional bloc', alliance: 'Alliance', court: 'Court', 'development-bank': 'Development bank', financial: 'Financial institution',
  ngo: 'Non-governmental organisation', foundation: 'Foundation', 'national-agency': 'Government agency', government: 'Government body',
  legislature: 'Legislature',
  party: 'Political party', company: 'Company', university: 'University or college', media: 'Media organisation', 'armed-group': 'Armed group',
  'intelligence-agency': 'Intelligence agency',
  'central-bank': 'Central bank', ministry: 'Ministry', 'sports-body': 'Sports body', 'trade-union': 'Trade union', law: 'Law or treaty, not an organisation',
};

function countryName(code: string): string {
  try {
    return englishRegionNames().of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export function organisationHover(mention: Mention, glossary: Glossary, model: TranscriptModel): string {
  const senses = mention.ids.map((id) => glossary.get(id)).filter((e): e is OrganisationEntry => !!e);
  // A name the transcript defines comes first, as the transcript defines it.
  const definition = mention.definition;
  if (definition && !definition.sense) senses.unshift(definedEntry(model, definition));
  if (mention.formed) {
    const name = escape(mention.formed.fullName);
    return `${organisationCard(formedEntry(mention.formed))}\n\n*Quick fix: Add ${name} to the workspace glossary (\`.transcript-glossary.yaml\`).*`;
  }
  const [first, ...others] = senses;
  const parts: string[] = [];
  if (others.length && !definition) parts.push(`*${escape(mention.form)} has ${senses.length} meanings; the likeliest here comes first.*`);
  parts.push(organisationCard(first, mention.form));
  if (definition) {
    const line = model.lines.positionAt(definition.start).line + 1;
    const otherMeanings = others.length ? `; the glossary’s other meanings of **${escape(mention.form)}** follow.` : '';
    parts.push(`*Defined in this transcript: [line ${line}](${model.uri}#L${line})*${otherMeanings}`);
  }
  if (others.length) {
    parts.push('---');
    parts.push(`Other meanings of **${escape(mention.form)}**:\n\n${others.map((e) => `- ${organisationLine(e)}`).join('\n')}`);
  }
  return parts.join('\n\n');
}

/** The full card: name and acronym, description, founded, headquarters, members, link. */
export function organisationCard(entry: OrganisationEntry, form?: string): string {
  const parts = [`${title(entry, form)}`];
  if (entry.description) parts.push(escape(entry.description));
  const about = [
    entry.kind && entry.kind !== 'other' ? KIND_NAMES[entry.kind] ?? entry.kind : undefined,
    entry.country ? countryName(entry.country) : undefined,
  ].filter(Boolean);
  if (about.length && !entry.description) parts.push(about.join(' · '));
  const facts: string[] = [];
  if (entry.founded || entry.dissolved) facts.push(`Founded: ${entry.founded ?? 'unknown'}${entry.dissolved ? ` · dissolved ${entry.dissolved}` : ''}`);
  if (entry.headquarters) facts.push(`Headquarters: ${escape(entry.headquarters)}`);
  if (entry.members !== undefined) facts.push(`Members: ${typeof entry.members === 'number' ? entry.members : entry.members.map(escape).join(', ')}`);
  if (facts.length) parts.push(facts.join('  \n'));
  if (entry.url) parts.push(link(entry.url));
  const source = origin(entry);
  if (source) parts.push(source);
  return parts.join('\n\n');
}

/** `**Full name** (ACRONYM)`; with the form the text uses when it is another (`(CSTO; ОДКБ)`). */
function title(entry: OrganisationEntry, form?: string): string {
  const shown = entry.acronyms.slice(0, 1);
  const isAcronym = form !== undefined && !/\p{Ll}/u.test(form);
  if (form && isAcronym && !entry.acronyms.includes(form) && form !== entry.fullName) shown.push(form);
  const acronyms = shown.filter((a) => a !== entry.fullName);
  return `**${escape(entry.fullName)}**${acronyms.length ? ` (${acronyms.map(escape).join('; ')})` : ''}`;
}

/** One line for a less likely sense. */
function organisationLine(entry: OrganisationEntry): string {
  const years = entry.founded ? ` (${entry.founded.slice(0, 4)}${entry.dissolved ? `–${entry.dissolved.slice(0, 4)}` : ''})` : '';
  const source = origin(entry);
  return `**${escape(entry.fullName)}**${years}${entry.description ? `: ${escape(entry.description)}` : ''}${source ? ` ${source}` : ''}`;
}

function origin(entry: OrganisationEntry): string | undefined {
  if (entry.origin.kind === 'file') return `*From \`${decodeURIComponent(entry.origin.uri.split('/').pop() ?? entry.origin.uri)}\`*`;
  if (entry.origin.kind === 'frontMatter') return '*From this transcript’s front matter*';
  if (entry.origin.kind === 'transcript') return undefined;
  return undefined;
}

function link(url: string): string {
  const shown = url.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return `[${escape(shown)}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}

function unknownNameHover(name: string): string {
  return `**${escape(name)}** has no card: neither the glossary nor this transcript defines it.\n\n`
    + `*Quick fix: Add ${escape(name)} to the workspace glossary (\`.transcript-glossary.yaml\`).*`;
}

function misspellingHover(word: string, meant: string, glossary: Glossary): string {
  const senses = glossary.sensesOf(meant);
  const cards = senses.map((entry) => organisationCard(entry, meant));
  const intro = `**${escape(word)}** is not a known acronym: it probably means **${escape(meant)}**.`;
  return [intro, '---', ...cards.flatMap((card, i) => (i ? ['---', card] : [card]))].join('\n\n');
}

// ——— Speakers, tags, timestamps ———

function speakerHover(results: DerivedResults, model: TranscriptModel, speakerId: string): string {
  const speaker = model.speakers.get(speakerId);
  if (!speaker) return '';
  const words = speaker.turns.reduce((sum, index) => sum + turnWordCount(results, model, model.turns[index]), 0);
  const lines = [`**${escape(speaker.name)}**${speaker.role ? ` — ${escape(speaker.role)}` : ''}`];
  lines.push(`${plural(speaker.turns.length, 'turn')} · ${plural(words, 'word')} in this transcript`);
  const aliases = speaker.aliases.filter((a) => a !== speaker.name);
  if (aliases.length) lines.push(`Also labelled: ${aliases.map(escape).join(', ')}`);
  return lines.join('\n\n');
}

function tagHover(results: DerivedResults, model: TranscriptModel, tag: TopicTag): string {
  const carries = (turn: Turn) => turn.paragraphs.some((p) => model.paragraphByIndex(p).tags.some((t) => t.name === tag.name));
  const tagged = new Set(model.turns.filter(carries).map((t) => t.index));
  const questions = model.questions.filter((q) => tagged.has(q.turn) || q.answerTurns.some((a) => tagged.has(a)));
  const lines = [`**#${escape(tag.name)}**: topic tag on ${plural(tagged.size, 'turn')}`];
  if (questions.length) {
    const shown = questions.slice(0, QUESTIONS_SHOWN)
      .map((q) => `- Q${q.number} · ${escape(openingWords(results, model, model.turns[q.turn]) || '(no words)')}`);
    if (questions.length > QUESTIONS_SHOWN) shown.push(`- and ${plural(questions.length - QUESTIONS_SHOWN, 'more question')}`);
    lines.push(`${questions.length === 1 ? 'The question' : 'Questions'} under it:\n\n${shown.join('\n')}`);
  } else lines.push('No question is tagged with it.');
  return lines.join('\n\n');
}

function timestampHover(annotation: Annotation): string {
  const seconds = annotation.seconds ?? 0;
  const whole = Math.floor(seconds);
  const fraction = seconds - whole;
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60 + fraction;
  const sText = Number.isInteger(s) ? String(s) : s.toFixed(3).replace(/0+$/, '');
  const spoken = [h ? `${h} h` : '', h || m ? `${m} min` : '', `${sText} s`].filter(Boolean).join(' ');
  const clock = `${h}:${String(m).padStart(2, '0')}:${String(Math.floor(s)).padStart(2, '0')}${fraction ? sText.slice(sText.indexOf('.')) : ''}`;
  return `**Timestamp** \`${clock}\` — ${spoken} into the recording (${Number.isInteger(seconds) ? seconds : Number(seconds.toFixed(3))} s from the start)`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (c) => `\\${c}`);
}
