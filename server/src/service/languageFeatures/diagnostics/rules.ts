import type { SeverityLevel } from '../../types';

/** A diagnostic rule: a stable code, what it is about, and how loud it is by default. */
export interface Rule {
  readonly code: string;
  readonly description: string;
  readonly defaultLevel: SeverityLevel;
}

/** Every rule, by code. The codes are stable: settings, front matter and comments name them. */
export const rules = {
  frontMatter: {
    code: 'front-matter',
    description: 'The front matter is not valid YAML, or a known key has the wrong type.',
    defaultLevel: 'error',
  },
  incompleteSentence: {
    code: 'incomplete-sentence',
    description: 'A paragraph ends in a cut-off sentence: no final punctuation, or it stops on a word such as "from" or "the".',
    defaultLevel: 'warning',
  },
  unbalancedDelimiter: {
    code: 'unbalanced-delimiter',
    description: 'A quote, bracket or parenthesis is opened and not closed in its paragraph, or closed and never opened.',
    defaultLevel: 'warning',
  },
  reversedQuotes: {
    code: 'reversed-quotes',
    description: 'A quotation whose quotation marks are the wrong way round: `”…“` for `“…”`.',
    defaultLevel: 'warning',
  },
  emptyTurn: {
    code: 'empty-turn',
    description: 'A speaker label with no words after it in its turn.',
    defaultLevel: 'warning',
  },
  unknownSpeaker: {
    code: 'unknown-speaker',
    description: 'Where the front matter declares the speakers, a label that names none of them.',
    defaultLevel: 'warning',
  },
  misspeltOrganisation: {
    code: 'misspelt-organisation',
    description:
      'An unknown all-caps word that is a known acronym with two neighbouring letters swapped (OCSE for OSCE), or with one letter changed ' +
      'in an acronym of six letters or more (UNISEF for UNICEF).',
    defaultLevel: 'warning',
  },
  unknownOrganisation: {
    code: 'unknown-organisation',
    description:
      'An all-caps name, or a capitalised name with an organisation’s word in it used twice, that neither the glossary nor the transcript ' +
      'defines; its quick fix adds it to the workspace glossary. Off unless a setting turns it on.',
    defaultLevel: 'off',
  },
  repeatedSentence: {
    code: 'repeated-sentence',
    description: 'The same sentence twice in a row, or with one sentence between.',
    defaultLevel: 'hint',
  },
  probableSameSpeaker: {
    code: 'probable-same-speaker',
    description:
      'Two speakers who are probably one person: a given name spelt two ways with one surname (Sergey and Sergei Lavrov), or a bare ' +
      'surname (Mr. Smith) that two speakers share.',
    defaultLevel: 'information',
  },
  noSpeakers: {
    code: 'no-speakers',
    description: 'A document of many paragraphs with no speaker label at all: says how its paragraphs start instead.',
    defaultLevel: 'information',
  },
  timestampPastMediaEnd: {
    code: 'timestamp-past-media-end',
    description: 'A timestamp later than the end of the recording the editor plays beside the transcript.',
    defaultLevel: 'warning',
  },
  unansweredQuestion: {
    code: 'unanswered-question',
    description: 'A question followed by another question or the end, with no answer between.',
    defaultLevel: 'information',
  },
} as const satisfies Record<string, Rule>;

export const allRules: readonly Rule[] = Object.values(rules);

export const SOURCE = 'transcript';
