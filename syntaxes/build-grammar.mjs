// Writes syntaxes/transcript.tmLanguage.json, the TextMate grammar, from the readable regular
// expressions below (Oniguruma syntax). Edit this file, not the JSON, then run:
//   node syntaxes/build-grammar.mjs          writes the JSON
//   node syntaxes/build-grammar.mjs --check  exits 1 if the JSON is not what this file generates
// The question, answer and remark markers are read from the language table,
// server/data/languages.json, as the parser reads them, and so are the words that never name a
// speaker, the particles inside a name and the stage words of an annotation.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const languages = JSON.parse(readFileSync(fileURLToPath(new URL('../server/data/languages.json', import.meta.url)), 'utf8'));

const r = String.raw;

/** A list of every language of the table, each word once, as the parser's `wordsOfAllLanguages`. */
function allLanguages(list) {
  return [...new Set(Object.entries(languages).filter(([key]) => !key.startsWith('$')).flatMap(([, entry]) => entry[list] ?? []))];
}
/** Words as alternatives, longest first, special characters escaped, as the parser's `alternation`. */
function alternation(words) {
  return [...words].sort((a, b) => b.length - a.length).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

const HSPACE = r`[ \t\x{00A0}\x{2000}-\x{200A}\x{202F}\x{3000}]`;
const SP = r`[ \t\x{00A0}]`;
// A word of a name: capitalised (any script with case: `MS.`, `Göring-Eckardt`, `Ra'ad`, initials,
// Roman numerals) or a short word of a caseless script (`発言者`).
const W = r`(?:\p{Lu}[\p{L}\p{M}'’.\-]*|\p{Lo}[\p{Lo}\p{M}'’.\-・·]{0,11})`;
const PARTICLE = r`(?:${alternation(allLanguages('nameParticles'))})`;
const SEP = r`(?:,?${SP}+)`;
const RUN = r`${W}(?:${SEP}(?:${PARTICLE}${SEP})*${W}){0,23}`;
// One lower-case role word is allowed right after a comma: `…, moderator Fyodor Lukyanov`.
const NAME = r`${RUN}(?:,${SP}+\p{Ll}[\p{L}\p{M}'’.\-]*${SP}+${RUN})?`;
const NOT_SPEAKERS = allLanguages('notSpeakers');
const NOT_SPEAKER = r`(?!(?i:${alternation(NOT_SPEAKERS)})\.?(?![\p{L}\p{M}'’\-]))`;
// Leading white space, and in court transcripts the line number in the margin: a label there is
// indented six or more spaces past it, as the parser's court layout requires.
const PREFIX = r`^${SP}*(?:(\d{1,2})[ \t]{6,})?`;
const QUAL = r`((?:${SP}*[(\[][^()\[\]\n]*[)\]])*)`;
// At most two spaces before the colon (`Question :`); a label colon is followed by white space or
// the end of the line (so `10:30` and `https://` are not labels), a full-width colon by anything.
const COLON = r`${SP}{0,2}(:(?=${HSPACE}|$)|：)`;
// `Germany: “This is a matter of…”` quotes a position; it is not a turn.
const NO_QUOTE = r`(?!${HSPACE}*["“„«‘'‹「『])`;

// Markers start with a capital (`frage:` opening a wrapped line is prose). Of the one-letter markers
// only Q and A: the others depend on the document's language, which a grammar cannot see.
/**
 * A marker pattern from the table's lists: words with capitals, case-insensitive and with an
 * optional dot (one-letter ones only where `letter` says so), then words of scripts without
 * capitals, longest first.
 */
function markerPattern(list, letter) {
  const words = [...new Set(Object.entries(languages).filter(([key]) => !key.startsWith('$')).flatMap(([, entry]) => entry[list] ?? []))];
  const cased = words.filter((w) => /[\p{Lu}\p{Ll}]/u.test(w) && (w.length > 1 || w === letter));
  const caseless = words.filter((w) => !/[\p{Lu}\p{Ll}]/u.test(w)).sort((a, b) => b.length - a.length);
  const casedAlternatives = cased.sort((a, b) => (a.length === 1) - (b.length === 1)).map((w) => w.split(' ').join(`${SP}+`)).join('|');
  return r`(?:(?=\p{Lu})(?i:${casedAlternatives})\.?${caseless.map((w) => `|${w}`).join('')})`;
}
const QUESTION = markerPattern('questionMarkers', 'q');
const ANSWER = markerPattern('answerMarkers', 'a');
const REMARK = markerPattern('remarkMarkers');

// A parenthesis is a stage direction when it starts with one of these words.
// `(spoke in Russian)`, `(in Russian)`: the parser's language note.
const STAGE_WORDS = r`(?:(?i:${alternation([...allLanguages('stageWords'), 'spoke in', 'speaks in'])})(?![\p{L}\p{N}_])|in \p{Lu}\p{L}+)`;

const qualifierCapture = {
  name: 'meta.qualifiers.transcript',
  patterns: [{
    match: r`([(\[])([^()\[\]]*)([)\]])`,
    captures: {
      1: { name: 'punctuation.definition.qualifier.begin.transcript' },
      2: { name: 'entity.other.attribute-name.qualifier.transcript' },
      3: { name: 'punctuation.definition.qualifier.end.transcript' },
    },
  }],
};
const lineNumber = { name: 'constant.numeric.line-number.transcript' };
const colon = { name: 'punctuation.separator.label.transcript' };

function marker(kind, words) {
  return {
    name: `meta.label.${kind}.transcript`,
    match: PREFIX + `(${words})` + QUAL + COLON,
    captures: {
      1: lineNumber,
      2: { name: `keyword.control.${kind}.transcript` },
      3: qualifierCapture,
      4: colon,
    },
  };
}

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Transcript',
  scopeName: 'text.transcript',
  patterns: [
    { include: '#frontMatter' },
    { include: '#comment' },
    { include: '#heading' },
    { include: '#separator' },
    { include: '#escape' },
    { include: '#forcedLabel' },
    { include: '#bareQuestion' },
    { include: '#questionLabel' },
    { include: '#answerLabel' },
    { include: '#remarkLabel' },
    { include: '#speakerLabel' },
    { include: '#brokenSpeakerLabel' },
    { include: '#stageDirectionBlock' },
    { include: '#lineNumber' },
    { include: '#inline' },
  ],
  repository: {
    frontMatter: {
      comment: 'YAML between --- fences on the very first line; the inner begin/while rule stops at the closing fence whatever the YAML grammar has open.',
      name: 'meta.frontmatter.transcript',
      begin: r`\A(?=\x{FEFF}?---[ \t]*$)`,
      end: r`^(?:(---)|(\.\.\.))[ \t]*$`,
      endCaptures: {
        1: { name: 'punctuation.definition.frontmatter.end.transcript' },
        2: { name: 'punctuation.definition.frontmatter.end.transcript' },
      },
      applyEndPatternLast: 1,
      patterns: [{
        begin: r`\A\x{FEFF}?(---)[ \t]*$`,
        beginCaptures: { 1: { name: 'punctuation.definition.frontmatter.begin.transcript' } },
        while: r`^(?!(?:---|\.\.\.)[ \t]*$)`,
        contentName: 'meta.embedded.block.frontmatter',
        patterns: [
          { include: 'source.yaml' },
          {
            comment: 'Never matches. vscode-textmate drops a rule whose included grammars are all missing; '
              + 'this keeps the front matter when no YAML grammar is installed.',
            match: '(?!)',
          },
        ],
      }],
    },
    comment: {
      comment: '<!-- … -->, on one line or several; transcript-ignore directives and their codes.',
      name: 'comment.block.transcript',
      begin: '<!--',
      end: '-->',
      beginCaptures: { 0: { name: 'punctuation.definition.comment.begin.transcript' } },
      endCaptures: { 0: { name: 'punctuation.definition.comment.end.transcript' } },
      patterns: [{
        begin: r`\G${HSPACE}*(transcript-ignore(?:-file)?)(?=\s|-->|$)`,
        beginCaptures: { 1: { name: 'keyword.other.directive.transcript' } },
        end: r`(?=-->)`,
        name: 'meta.directive.transcript',
        patterns: [{ match: r`[\p{L}\p{N}][\p{L}\p{N}_\-]*`, name: 'constant.other.diagnostic-code.transcript' }],
      }],
    },
    heading: {
      comment: 'One to six # and a space; tags, annotations and URLs still show inside.',
      name: 'markup.heading.transcript',
      begin: r`^${SP}*(#{1,6})[ \t]+(?=\S)`,
      beginCaptures: { 1: { name: 'punctuation.definition.heading.transcript' } },
      end: '$',
      contentName: 'entity.name.section.transcript',
      patterns: [
        { match: r`(?<=[ \t])#+(?=[ \t]*$)`, name: 'punctuation.definition.heading.transcript' },
        { include: '#inline' },
      ],
    },
    separator: {
      comment: '* * *, ***, ---, ___, === (three or more, spaces allowed) and ----- BEGIN file.md ----- banners.',
      patterns: [
        {
          name: 'meta.separator.banner.transcript',
          match: r`^[ \t]*(-{3,})[ \t]+(.*?)[ \t]+(-{3,})[ \t]*$`,
          captures: {
            1: { name: 'punctuation.definition.separator.transcript' },
            2: { name: 'entity.name.section.banner.transcript' },
            3: { name: 'punctuation.definition.separator.transcript' },
          },
        },
        {
          name: 'meta.separator.transcript',
          match: r`^[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|(?:=[ \t]*){3,})$`,
        },
      ],
    },
    escape: {
      comment: 'A backslash at the start of a paragraph prevents a label.',
      match: r`^${SP}*(\\)`,
      captures: { 1: { name: 'constant.character.escape.transcript' } },
    },
    forcedLabel: {
      comment: '@Name: forces a label; the @ is not part of the name.',
      name: 'meta.label.speaker.transcript',
      match: r`^${SP}*(@)([^:：()\[\]\n]{0,159}[^:：()\[\]\s\x{00A0}])` + QUAL + r`${SP}*([:：])`,
      captures: {
        1: { name: 'punctuation.definition.label.forced.transcript' },
        2: { name: 'entity.name.function.speaker.transcript' },
        3: qualifierCapture,
        4: colon,
      },
    },
    bareQuestion: {
      comment: "The White House's bare Q, then a non-breaking space, two or more spaces, or the end of the line.",
      name: 'meta.label.question.transcript',
      match: PREFIX + r`(Q\.?)(?=\x{00A0}|[ \t]{2,}|${SP}*$)`,
      captures: { 1: lineNumber, 2: { name: 'keyword.control.question.transcript' } },
    },
    questionLabel: marker('question', QUESTION),
    answerLabel: marker('answer', ANSWER),
    remarkLabel: marker('remark', REMARK),
    speakerLabel: {
      comment: 'Capitalised words (particles and one lower-case role word after a comma allowed), qualifiers in brackets, '
        + 'a colon then white space or the end of the line, and no opening quotation mark after it.',
      name: 'meta.label.speaker.transcript',
      match: PREFIX + NOT_SPEAKER + `(${NAME})` + QUAL + COLON + NO_QUOTE,
      captures: {
        1: lineNumber,
        2: { name: 'entity.name.function.speaker.transcript' },
        3: qualifierCapture,
        4: colon,
      },
    },
    brokenSpeakerLabel: {
      comment: 'A label hyphen-broken inside its brackets: `Katrin Göring-Eckardt (BÜNDNIS 90/DIE GRÜ-` / `NEN):`. '
        + 'The rule ends on the next line whether or not it closes the label there.',
      name: 'meta.label.speaker.transcript',
      begin: r`^${SP}*${NOT_SPEAKER}(${NAME})${SP}*([(\[])([^()\[\]\n]*\p{L}-)${SP}*$`,
      beginCaptures: {
        1: { name: 'entity.name.function.speaker.transcript' },
        2: { name: 'punctuation.definition.qualifier.begin.transcript' },
        3: { name: 'entity.other.attribute-name.qualifier.transcript' },
      },
      end: r`^(?:${SP}*([^()\[\]\n:：]{0,60}?)([)\]])${SP}*(:(?=${HSPACE}|$)|：))?`,
      endCaptures: {
        1: { name: 'entity.other.attribute-name.qualifier.transcript' },
        2: { name: 'punctuation.definition.qualifier.end.transcript' },
        3: colon,
      },
    },
    stageDirectionBlock: {
      comment: 'A stage direction that opens a line and goes on over the next lines: (Beifall bei der CDU/CSU und der SPD sowie / … GRÜNEN). '
        + 'It ends at the closing parenthesis or at a blank line.',
      name: 'comment.other.annotation.stage-direction.transcript',
      begin: r`^${SP}*(\()(?=${SP}*${STAGE_WORDS})(?=[^()\n]*$)`,
      beginCaptures: { 1: { name: 'punctuation.definition.annotation.begin.transcript' } },
      end: r`(\))|^(?=${HSPACE}*$)`,
      endCaptures: { 1: { name: 'punctuation.definition.annotation.end.transcript' } },
    },
    lineNumber: {
      comment: 'The line number in the margin of a court transcript.',
      match: r`^[ \t]{0,3}(\d{1,2})(?=[ \t]{2,}|[ \t]*$)`,
      captures: { 1: lineNumber },
    },
    inline: {
      patterns: [
        { include: '#comment' },
        { include: '#url' },
        { include: '#timestamp' },
        { include: '#truncation' },
        { include: '#note' },
        { include: '#stageDirection' },
        { include: '#topicTag' },
      ],
    },
    url: {
      match: r`\b(?:https?://|www\.)[^\s\x{00A0}<>"“”]*[^\s\x{00A0}<>"“”.,;:!?)\]]`,
      name: 'markup.underline.link.transcript',
    },
    timestamp: {
      comment: '[00:12:34], [12:34], [12:34.5]: the offset into the recording; escaped as Markdown exports it (\\[04:22\\]) too.',
      match: r`(\\?\[)${SP}*((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d+)?)${SP}*(\\?\])`,
      name: 'meta.annotation.timestamp.transcript',
      captures: {
        1: { name: 'punctuation.definition.annotation.begin.transcript' },
        2: { name: 'constant.numeric.timestamp.transcript' },
        3: { name: 'punctuation.definition.annotation.end.transcript' },
      },
    },
    truncation: {
      comment: '[…] and [...]: words are missing here.',
      match: r`(\\?\[)${SP}*(…|\.\.\.|\.\s\.\s\.)${SP}*(\\?\])`,
      name: 'comment.other.annotation.truncation.transcript',
      captures: {
        1: { name: 'punctuation.definition.annotation.begin.transcript' },
        3: { name: 'punctuation.definition.annotation.end.transcript' },
      },
    },
    note: {
      comment: '[inaudible], [crosstalk], [sic]: any bracketed note up to 200 characters on one line; escaped as Markdown exports it (\\[laughs\\]) too.',
      match: r`(\\?\[)[^\[\]\n]{1,200}?(\\?\])`,
      name: 'comment.other.annotation.note.transcript',
      captures: {
        1: { name: 'punctuation.definition.annotation.begin.transcript' },
        2: { name: 'punctuation.definition.annotation.end.transcript' },
      },
    },
    stageDirection: {
      comment: 'A parenthesis that starts with a known word: (Laughter.), (As interpreted.), (spoke in Russian), (Beifall …). (in 2022) stays text.',
      match: r`(\()(?=${SP}*${STAGE_WORDS})[^()\n]{1,200}(\))`,
      name: 'comment.other.annotation.stage-direction.transcript',
      captures: {
        1: { name: 'punctuation.definition.annotation.begin.transcript' },
        2: { name: 'punctuation.definition.annotation.end.transcript' },
      },
    },
    topicTag: {
      comment: '#energy, #north-south-corridor, #ОДКБ; not #1, page#section or # Heading.',
      match: r`(?<![\p{L}\p{N}_/&#])(#)(\p{L}[\p{L}\p{N}_]*(?:-[\p{L}\p{N}_]+)*)`,
      name: 'entity.name.tag.topic.transcript',
      captures: { 1: { name: 'punctuation.definition.tag.transcript' } },
    },
  },
};

const target = fileURLToPath(new URL('./transcript.tmLanguage.json', import.meta.url));
const json = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing: reported below
  }
  if (current !== json) {
    console.error(`${target} is not what syntaxes/build-grammar.mjs generates: run node syntaxes/build-grammar.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(target, json);
}
