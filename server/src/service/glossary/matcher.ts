import { characterTable, TABLED } from '../text/characterTable';

/**
 * Recognises glossary terms in text: one trie over tokens, compiled once per glossary. Matching
 * a paragraph costs one map lookup per token (and a few more while a multi-word name goes on),
 * whatever the size of the glossary: no entry is tried at any position.
 *
 * A token is a run of letters, digits and combining marks. Two tokens of a name are joined by a
 * separator, normalised: any run of white space (line breaks included) is one space, and a
 * separator with punctuation keeps the punctuation only (`Co-operation`, `U.S.`, `Co-\noperation`).
 */

/** One way of writing a glossary term, with the entries it names. */
export interface MatcherForm {
  /** As written in the glossary: `NATO`, `U.N.`, `Soros Foundations`, `ОДКБ`. */
  readonly text: string;
  readonly ids: readonly string[];
}

export interface TextMatch {
  /** Offsets into the scanned text; `end` includes a possessive `'s` or a plural `s`. */
  readonly start: number;
  readonly end: number;
  /** The glossary form that matched. */
  readonly form: string;
  readonly ids: readonly string[];
  /** An acronym-like form (no lower-case letter): matched by exact case. */
  readonly acronym: boolean;
}

const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;
const LOWER = /\p{Ll}/u;
const UPPER_ONLY = /^[\p{Lu}\p{N}\p{M}]+$/u;

interface Terminal {
  readonly form: string;
  /** The form's tokens, in their original case, for the case check. */
  readonly tokens: readonly string[];
  readonly ids: readonly string[];
  readonly acronym: boolean;
  /** `.` (optional in text: `U.N.` matches `U.N`) or `+` (required: `OPEC+`), or empty. */
  readonly trailing: string;
  /** An acronym whose plural is its last token plus `s` (`NGOs`, `G7s`). */
  readonly plural: boolean;
}

interface Node {
  readonly next: Map<string, Node>;
  terminals?: Terminal[];
}

/**
 * Acronyms that are also common words. In text written all in capitals (`THE WHO CAN HELP`), they
 * are not taken for organisations; in ordinary text, an all-capital `WHO` is the organisation.
 */
const COMMON_WORDS = new Set([
  'A', 'AN', 'AND', 'ARE', 'AS', 'AT', 'BE', 'BY', 'CAN', 'DO', 'DOE', 'DOT', 'FOR', 'HE', 'ICE', 'IF', 'IN', 'IS', 'IT',
  'ME', 'MID', 'MOD', 'NO', 'OF', 'ON', 'OR', 'PACE', 'RAND', 'SO', 'SWIFT', 'THE', 'TO', 'UP', 'US', 'WE', 'WHO', 'ECO',
  'IDA', 'ISA', 'CAS', 'SEC', 'DOC', 'ARF', 'NAM', 'AID', 'AIDS', 'SIS', 'EEF', 'ESA', 'OIC',
]);

export class GlossaryMatcher {
  private readonly root = new Map<string, Node>();
  /** Forms not yet in the trie, by the key of their first token: put in when a text has that token. */
  private readonly pending = new Map<string, MatcherForm[]>();
  /** asciiKeyHash of each first-token key in ASCII: a token whose hash is not here starts no name. */
  private readonly asciiFirstKeys = new Set<number>();
  /** Every form, by exact text, with the ids it names: for the dictionary and near misses. */
  readonly forms = new Map<string, string[]>();

  constructor(forms: Iterable<MatcherForm>, private readonly prepared: PreparedForms) {
    for (const form of forms) this.register(form);
  }

  /** The number of forms. */
  get size(): number {
    return this.forms.size;
  }

  private register(form: MatcherForm): void {
    const cleaned = cleanForm(form.text);
    TOKEN.lastIndex = 0;
    const first = TOKEN.exec(cleaned)?.[0].toLowerCase();
    if (first === undefined) return;
    const known = this.forms.get(cleaned);
    this.forms.set(cleaned, known ? [...new Set([...known, ...form.ids])] : [...form.ids]);
    if (isAscii(first)) this.asciiFirstKeys.add(asciiKeyHash(first, 0, first.length));
    const waiting = this.pending.get(first);
    if (waiting) waiting.push(form);
    else this.pending.set(first, [form]);
  }

  /** The trie's node for a first token, with the forms that start with it put in first. */
  private firstNode(key: string): Node | undefined {
    const waiting = this.pending.get(key);
    if (waiting) {
      this.pending.delete(key);
      for (const form of waiting) this.add(form);
    }
    return this.root.get(key);
  }

  private add(form: MatcherForm): void {
    const prepared = this.prepared.get(form.text);
    if (!prepared) return;
    const { cleaned } = prepared;
    let node: Node | undefined;
    let map = this.root;
    for (const key of prepared.keys) {
      node = map.get(key);
      if (!node) {
        node = { next: new Map() };
        map.set(key, node);
      }
      map = node.next;
    }
    const terminals = (node!.terminals ??= []);
    const same = terminals.findIndex((t) => t.form === cleaned);
    if (same >= 0) {
      terminals[same] = { ...terminals[same], ids: [...new Set([...terminals[same].ids, ...form.ids])] };
      return;
    }
    terminals.push({ ...prepared.terminal, ids: form.ids });
  }

  /**
   * Every glossary term in `text`, leftmost-longest, as whole words: not inside a word, an
   * identifier or a domain name (`osce.org`). Blank out what must not be looked at (URLs).
   */
  match(text: string): TextMatch[] {
    const tokens = new Tokens(text);
    const matches: TextMatch[] = [];
    let i = 0;
    while (i < tokens.length) {
      const start = tokens.starts[i];
      let best: { end: number; nextToken: number; terminals: Terminal[]; plural: boolean } | undefined;
      if (!sticky(text, start - 1, -1) && this.mayStartName(tokens, i)) {
        const lower = tokens.lower(i);
        let node = this.firstNode(lower);
        let pluralNode = lower.endsWith('s') ? this.firstNode(lower.slice(0, -1)) : undefined;
        let j = i;
        while (node || pluralNode) {
          if (pluralNode?.terminals) {
            const found = pluralNode.terminals.filter((t) => t.plural && this.verify(t, tokens, i, j, true));
            if (found.length) best = { end: tokens.ends[j], nextToken: j + 1, terminals: found, plural: true };
          }
          if (node?.terminals) {
            let found = node.terminals.filter((t) => this.verify(t, tokens, i, j, false) && trailingOk(t, text, tokens.ends[j]));
            // `OPEC+` is not `OPEC`: a required `+` that is there decides.
            if (found.some((t) => t.trailing === '+')) found = found.filter((t) => t.trailing === '+');
            if (found.length) {
              const end = tokens.ends[j] + (found[0].trailing && text[tokens.ends[j]] === found[0].trailing ? 1 : 0);
              best = { end, nextToken: j + 1, terminals: found, plural: false };
            }
          }
          if (!node || j + 1 >= tokens.length) break;
          const separator = normaliseSeparator(text.slice(tokens.ends[j], tokens.starts[j + 1]));
          if (separator === undefined) break;
          const next = tokens.lower(j + 1);
          pluralNode = next.endsWith('s') ? node.next.get(edgeKey(separator, next.slice(0, -1))) : undefined;
          node = node.next.get(edgeKey(separator, next));
          j++;
        }
      }
      if (!best || !this.wholeWord(text, best.end) || this.commonWordInCapitals(best.terminals, tokens, i, best.nextToken - 1)) {
        i++;
        continue;
      }
      let end = best.end;
      let nextToken = best.nextToken;
      // Possessives: `NATO's`, `NATO’s`, `NGOs'`.
      const apostrophe = /['’]/.test(text[end] ?? '');
      if (apostrophe && !best.plural && /^s(?![\p{L}\p{N}])/u.test(text.slice(end + 1, end + 3))) {
        end += 2;
        nextToken++;
      } else if (apostrophe && best.plural && !/[\p{L}\p{N}]/u.test(text[end + 1] ?? '')) {
        end += 1;
      }
      const terminal = best.terminals[0];
      const ids = [...new Set(best.terminals.flatMap((t) => t.ids))];
      matches.push({ start, end, form: terminal.form, ids, acronym: terminal.acronym });
      i = nextToken;
    }
    return matches;
  }

  /**
   * Whether a name can start at token `i`: false for a token in ASCII whose lower case (or, for a
   * plural, without its `s`) is no first token of a form, told by a hash of its characters
   * without making its string. Most tokens of a text are such words.
   */
  private mayStartName(tokens: Tokens, i: number): boolean {
    const { source } = tokens;
    const start = tokens.starts[i];
    const end = tokens.ends[i];
    if (!isAsciiRange(source, start, end)) return true;
    if (this.asciiFirstKeys.has(asciiKeyHash(source, start, end))) return true;
    return (source.charCodeAt(end - 1) | 0x20) === 0x73 /* s */ && end - start > 1 && this.asciiFirstKeys.has(asciiKeyHash(source, start, end - 1));
  }

  /** Case rules: an acronym as written; a name as written or all in capitals. */
  private verify(terminal: Terminal, tokens: Tokens, from: number, to: number, plural: boolean): boolean {
    if (to - from + 1 !== terminal.tokens.length) return false;
    for (let k = 0; k < terminal.tokens.length; k++) {
      const expected = terminal.tokens[k];
      const text = tokens.text(from + k);
      const actual = plural && k === terminal.tokens.length - 1 ? text.slice(0, -1) : text;
      if (plural && k === terminal.tokens.length - 1 && !text.endsWith('s')) return false;
      if (actual === expected) continue;
      if (terminal.acronym) return false;
      if (UPPER_ONLY.test(actual) && actual === expected.toUpperCase() && actual.length > 1) continue;
      // The first word of a longer name may change the case of its first letter: `the White House`.
      if (k === 0 && terminal.tokens.length > 1 && actual.slice(1) === expected.slice(1) && actual[0].toLowerCase() === expected[0].toLowerCase()) continue;
      return false;
    }
    return true;
  }

  private wholeWord(text: string, end: number): boolean {
    return !sticky(text, end, 1);
  }

  /** `WHO` in `THE WHO CAN HELP`: a common word, in text written all in capitals. */
  private commonWordInCapitals(terminals: readonly Terminal[], tokens: Tokens, from: number, to: number): boolean {
    if (!terminals.every((t) => t.acronym && COMMON_WORDS.has(t.form))) return false;
    const capitalWord = (k: number) => k >= 0 && k < tokens.length && tokens.text(k).length > 1
      && UPPER_ONLY.test(tokens.text(k)) && /\p{L}/u.test(tokens.text(k));
    return capitalWord(from - 1) || capitalWord(to + 1);
  }
}

/**
 * The tokens of a text (runs of TOKEN), as offsets: a token's string and its lower case are made
 * only for the few a match looks at.
 */
class Tokens {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  private readonly texts: string[] = [];
  private readonly lowers: string[] = [];

  constructor(readonly source: string) {
    const length = source.length;
    let i = 0;
    while (i < length) {
      let size = tokenCharLength(source, i);
      if (size === 0) {
        i++;
        continue;
      }
      const start = i;
      do i += size;
      while (i < length && (size = tokenCharLength(source, i)) > 0);
      this.starts.push(start);
      this.ends.push(i);
    }
  }

  get length(): number {
    return this.starts.length;
  }

  text(i: number): string {
    return (this.texts[i] ??= this.source.slice(this.starts[i], this.ends[i]));
  }

  lower(i: number): string {
    return (this.lowers[i] ??= this.text(i).toLowerCase());
  }
}

const TOKEN_CHAR = /[\p{L}\p{N}\p{M}]/u;
const tokenChars = characterTable((char) => (TOKEN_CHAR.test(char) ? 1 : 0));

/** How many code units of a TOKEN character start at `i`: 1, 2 for a surrogate pair, 0 for none. */
function tokenCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < TABLED) return tokenChars()[c];
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return TOKEN_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  return TOKEN_CHAR.test(text[i]) ? 1 : 0;
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
}

function isAscii(text: string): boolean {
  return isAsciiRange(text, 0, text.length);
}

function isAsciiRange(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** A hash of the ASCII text between `start` and `end` in lower case, as toLowerCase would make it. */
function asciiKeyHash(text: string, start: number, end: number): number {
  let hash = end - start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    hash = Math.imul(hash, 31) + (c >= 0x41 && c <= 0x5a ? c | 0x20 : c) | 0;
  }
  return hash;
}

interface PreparedForm {
  readonly cleaned: string;
  /** The trie's edge keys, one per token. */
  readonly keys: readonly string[];
  readonly terminal: Omit<Terminal, 'ids'>;
}

/**
 * Forms prepared once for a glossary and every glossary that extends it: a user layer reuses the
 * built-in forms, which do not change. It lives as long as the glossaries that share it.
 */
export class PreparedForms {
  private readonly prepared = new Map<string, PreparedForm | null>();

  get(text: string): PreparedForm | null {
    let prepared = this.prepared.get(text);
    if (prepared === undefined) this.prepared.set(text, (prepared = prepareForm(text)));
    return prepared;
  }
}

/** A form's cleaned text, tokens and trie keys; null for a form with no word in it. */
function prepareForm(text: string): PreparedForm | null {
  let prepared: PreparedForm | null;
  const cleaned = cleanForm(text);
  const parts = tokenize(cleaned);
  if (parts.length === 0) prepared = null;
  else {
    const separatorBefore = (i: number) => normaliseSeparator(cleaned.slice(parts[i - 1].end, parts[i].start));
    const keys = parts.map((part, i) => (i === 0 ? part.text.toLowerCase() : edgeKey(separatorBefore(i), part.text)));
    const last = parts[parts.length - 1];
    const tail = cleaned.slice(last.end);
    const trailing = tail === '.' || tail === '+' ? tail : '';
    const acronym = !LOWER.test(cleaned);
    prepared = {
      cleaned,
      keys,
      terminal: { form: cleaned, tokens: parts.map((p) => p.text), acronym, trailing, plural: acronym && trailing === '' && /[\p{Lu}\p{N}]$/u.test(last.text) },
    };
  }
  return prepared;
}

/** `NATO's` → `NATO's`, `NATO`; `NGOs` → `NGOs`, `NGO`. */
export function wordVariants(word: string): string[] {
  const variants = [word];
  const bare = word.replace(/['’]s?$/u, '');
  if (bare !== word) variants.push(bare);
  if (/[\p{Lu}\p{N}]s$/u.test(bare)) variants.push(bare.slice(0, -1));
  return variants;
}

function trailingOk(terminal: Terminal, text: string, end: number): boolean {
  return terminal.trailing !== '+' || text[end] === '+';
}

/** A character next to a word that makes it part of something else: a URL, a domain, an identifier. */
function sticky(text: string, at: number, direction: 1 | -1): boolean {
  if (at < 0 || at >= text.length) return false;
  const code = text.charCodeAt(at);
  // `CSTO_2024`, `@NATO`, `/osce`, `\EU`, `#nato`; read by code, as this is asked of every word of a text.
  if (code === 0x5f || code === 0x40 || code === 0x2f || code === 0x5c || code === 0x23) return true;
  if (code === 0x2e) {
    // `osce.org`, `www.nato.int`: a dot with a letter on the far side, lower case after the word.
    const beyond = text[at + direction] ?? '';
    return direction === 1 ? /\p{Ll}/u.test(beyond) : /[\p{L}\p{N}]/u.test(beyond);
  }
  return false;
}

function edgeKey(separator: string | undefined, token: string): string {
  return `${separator}\u0000${token.toLowerCase()}`;
}

/** Space for white space, the punctuation alone otherwise; undefined for what cannot join a name. */
function normaliseSeparator(raw: string): string | undefined {
  // Nearly every separator, in a glossary's names and in a text, is one space.
  if (raw === ' ') return ' ';
  if (raw.length > 40) return undefined;
  const unified = raw.replace(/[’‘ʼ`]/g, "'").replace(/[\u2010\u2011]/g, '-');
  if (/^[\s\u00a0]+$/u.test(unified)) return ' ';
  const punctuation = unified.replace(/[\s\u00a0]+/gu, '');
  // A sentence or a clause ends here; no name goes on across it.
  if (/[!?;:()[\]{}"“”«»]/.test(punctuation)) return undefined;
  return punctuation;
}

/** Quotes and brackets around a form are not part of it: `«Газпром»` → `Газпром`; `OPEC+` and `U.N.` keep their end. */
function cleanForm(text: string): string {
  // Most forms start and end with an ASCII letter or digit: nothing to clean.
  if (isAsciiAlphanumeric(text.charCodeAt(0)) && isAsciiAlphanumeric(text.charCodeAt(text.length - 1))) return text;
  const trimmed = text.trim().replace(/^[^\p{L}\p{N}]+/u, '');
  let end = trimmed.length;
  while (end > 0 && !/[\p{L}\p{N}\p{M}]/u.test(trimmed[end - 1])) end--;
  if (end === 0) return '';
  const after = trimmed[end];
  return trimmed.slice(0, end) + (after === '.' || after === '+' ? after : '');
}

export function tokenize(text: string): { start: number; end: number; text: string }[] {
  const tokens: { start: number; end: number; text: string }[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) tokens.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return tokens;
}
