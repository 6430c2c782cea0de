import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { LineIndex } from '../text/lineIndex';
import { LayerRank, type GlossaryLayer, type GlossaryOrigin, type LayerEntry } from './glossary';

/** A problem in a glossary file or in front matter; offsets are into that text. */
export interface GlossaryProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export interface LoadedGlossary {
  readonly layer: GlossaryLayer;
  readonly problems: readonly GlossaryProblem[];
}

export interface LoadOptions {
  /** Ids of organisations a layer may override with only the fields it changes (the built-in ones). */
  readonly isKnownId?: (id: string) => boolean;
}

const KINDS = ['intergovernmental', 'un-body', 'un-agency', 'regional-bloc', 'alliance', 'court', 'development-bank', 'financial', 'ngo', 'foundation', 'national-agency', 'legislature', 'party', 'company', 'media', 'other'];
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const YEAR = /^[0-9]{4}(-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))?$/;
const LANGUAGE = /^[a-z]{2}$/;
const TOP_LEVEL_KEYS = ['$schema', 'version', 'organisations'];

/**
 * Reads a workspace glossary file, JSON (`.json`) or YAML: `{ version: 1, organisations: [...] }`,
 * or the list of organisations alone. Every problem comes back at its position in the file; a
 * file that does not parse gives no entries, and an entry with a problem is read without the
 * faulty field (or left out when it cannot stand without it).
 */
export function loadGlossaryFile(uri: string, text: string, options: LoadOptions = {}): LoadedGlossary {
  const problems: GlossaryProblem[] = [];
  const source = text.replace(/^\uFEFF/, ' ');
  const empty = (): LoadedGlossary => ({ layer: { rank: LayerRank.File, entries: [] }, problems });
  if (!source.trim()) return empty();

  if (/\.json$/i.test(uri.replace(/[?#].*$/, ''))) {
    const error = jsonSyntaxError(source);
    if (error) {
      problems.push(error);
      return empty();
    }
  }
  const document = parseDocument(source, { prettyErrors: false });
  for (const error of document.errors) {
    const from = Math.min(error.pos[0], Math.max(0, source.length - 1));
    problems.push({ start: from, end: Math.min(Math.max(error.pos[1], from + 1), source.length), message: error.message.split('\n')[0], severity: 'error' });
  }
  if (document.errors.length) return empty();

  const contents = document.contents as YamlNode | null;
  let list: YamlNode | null | undefined;
  if (isSeq(contents)) list = contents;
  else if (isMap(contents)) {
    for (const pair of contents.items as Pair<YamlNode, YamlNode | null>[]) {
      const key = keyName(pair);
      if (key === 'organisations') list = pair.value;
      else if (key === 'version') {
        if (!isScalar(pair.value) || pair.value.value !== 1) problems.push(at(pair.value ?? pair.key, '`version` must be 1.', 'error', source));
      } else if (!TOP_LEVEL_KEYS.includes(key ?? '')) {
        problems.push(at(pair.key, `Unknown key \`${key}\`: a glossary file has \`version\` and \`organisations\`.`, 'warning', source));
      }
    }
    if (list === undefined) {
      problems.push({ start: 0, end: firstLineEnd(source), message: 'A glossary file needs `organisations:`, a list of organisations.', severity: 'error' });
      return empty();
    }
  } else {
    problems.push({ start: 0, end: firstLineEnd(source), message: 'A glossary file must be a mapping with `organisations:`, or a list of organisations.', severity: 'error' });
    return empty();
  }
  const lines = new LineIndex(source);
  const origin = (start: number, end: number): GlossaryOrigin => ({ kind: 'file', uri, start, end, range: lines.range(start, end) });
  const entries = readGlossaryEntries(list, { source, base: 0, origin, problems, isKnownId: options.isKnownId });
  return { layer: { rank: LayerRank.File, entries }, problems };
}

export interface ReadContext {
  /** The text the nodes' ranges refer to. */
  readonly source: string;
  /** Added to every offset reported: where `source` starts in the file or document. */
  readonly base: number;
  readonly origin: (start: number, end: number) => GlossaryOrigin;
  readonly problems: GlossaryProblem[];
  readonly isKnownId?: (id: string) => boolean;
}

/** Reads a YAML list of organisations (a glossary file's, or the front matter's `glossary:`). */
export function readGlossaryEntries(list: YamlNode | null | undefined, context: ReadContext): LayerEntry[] {
  const { problems } = context;
  const report = (node: YamlNode | null | undefined, message: string, severity: 'error' | 'warning' = 'error') => {
    const problem = at(node, message, severity, context.source);
    problems.push({ ...problem, start: problem.start + context.base, end: problem.end + context.base });
  };
  if (list === null || list === undefined || (isScalar(list) && list.value === null)) return [];
  if (!isSeq(list)) {
    report(list, 'The organisations must be a list, one `- fullName: …` entry per organisation.');
    return [];
  }
  const entries: LayerEntry[] = [];
  const seen = new Set<string>();
  for (const item of list.items as (YamlNode | null)[]) {
    if (!isMap(item)) {
      report(item, 'An organisation must be a mapping with `fullName`, `description` and `acronyms` or `names`.');
      continue;
    }
    const entry: Record<string, unknown> = {};
    let idNode: YamlNode | null = null;
    for (const pair of item.items as Pair<YamlNode, YamlNode | null>[]) {
      const key = keyName(pair);
      const node = pair.value;
      const value: unknown = isScalar(node) ? node.value : node && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : null;
      switch (key) {
        case 'id':
          if (typeof value === 'string' && ID.test(value)) {
            if (seen.has(value)) report(node, `The id \`${value}\` is used twice in this list; the later entry wins.`, 'warning');
            seen.add(value);
            entry.id = value;
            idNode = pair.key;
          } else report(node, '`id` must be lower-case letters and digits joined by hyphens, such as `osce` or `eec-eurasian`.');
          break;
        case 'acronyms':
        case 'names':
        case 'related':
        case 'languages':
        case 'cues': {
          const strings = stringList(value);
          if (!strings) report(node, `\`${key}\` must be a list of strings.`);
          else if (key === 'related' && strings.some((s) => !ID.test(s))) report(node, '`related` must list ids, such as `osce`.');
          else if (key === 'languages' && strings.some((s) => !LANGUAGE.test(s))) report(node, '`languages` must list two-letter language codes, such as `en` or `ru`.');
          else entry[key] = strings;
          break;
        }
        case 'forms': {
          const forms = value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value as Record<string, unknown>) : undefined;
          if (!forms || forms.some(([lang, list]) => !LANGUAGE.test(lang) || !stringList(list))) report(node, '`forms` must map two-letter language codes to lists of names, such as `ru: [ОБСЕ]`.');
          else entry.forms = Object.fromEntries(forms);
          break;
        }
        case 'fullName':
        case 'description':
        case 'headquarters':
        case 'url':
          if (typeof value === 'string' && value.trim()) entry[key] = value.trim();
          else report(node, `\`${key}\` must be a non-empty string.`);
          break;
        case 'kind':
          if (typeof value === 'string' && KINDS.includes(value)) entry.kind = value;
          else report(node, `\`kind\` must be one of ${KINDS.join(', ')}.`, 'warning');
          break;
        case 'founded':
        case 'dissolved': {
          const year = typeof value === 'number' ? String(value) : value;
          if (typeof year === 'string' && YEAR.test(year)) entry[key] = year;
          else report(node, `\`${key}\` must be a year (\`1992\`) or a date (\`1992-05-15\`).`);
          break;
        }
        case 'members':
          if ((typeof value === 'number' && Number.isInteger(value) && value >= 1) || stringList(value)?.length) entry.members = value;
          else report(node, '`members` must be a number of members or a list of their names.');
          break;
        default:
          report(pair.key, `Unknown key \`${key}\`; an organisation has ${['id', 'acronyms', 'names', 'fullName', 'description', 'kind', 'founded', 'dissolved', 'headquarters', 'members', 'url', 'forms', 'languages', 'related', 'cues'].map((k) => `\`${k}\``).join(', ')}.`, 'warning');
      }
    }
    const overrides = typeof entry.id === 'string' && context.isKnownId?.(entry.id);
    if (!overrides) {
      const missing = ['fullName', 'description'].filter((k) => entry[k] === undefined);
      if (!(entry.acronyms as string[] | undefined)?.length && !(entry.names as string[] | undefined)?.length) missing.push('`acronyms` or `names`');
      if (missing.length) {
        const where = idNode ?? (item.items[0] as Pair<YamlNode> | undefined)?.key ?? item;
        report(where, `This organisation is left out: it needs ${missing.map((m) => (m.startsWith('`') ? m : `\`${m}\``)).join(', ')}.`);
        continue;
      }
    }
    const [start, end] = item.range ?? [0, 0];
    entries.push({ ...(entry as Partial<LayerEntry>), origin: context.origin(start + context.base, end + context.base) });
  }
  return entries;
}

function keyName(pair: Pair<unknown, unknown>): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim())) return undefined;
  return value.map((v: string) => v.trim());
}

function at(node: unknown, message: string, severity: 'error' | 'warning', source: string): GlossaryProblem {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  if (!range) return { start: 0, end: firstLineEnd(source), message, severity };
  return { start: range[0], end: Math.max(range[1], range[0]), message, severity };
}

function firstLineEnd(source: string): number {
  const end = source.search(/\r?\n|\r/);
  return end < 0 ? source.length : end;
}

/**
 * The first JSON syntax error, at its position: a small scanner, since `JSON.parse` does not say
 * where every error is.
 */
export function jsonSyntaxError(source: string): GlossaryProblem | undefined {
  let at = 0;
  const fail = (message: string, length = 1): never => {
    throw { start: Math.min(at, Math.max(0, source.length - 1)), end: Math.min(at + length, source.length), message: `Not valid JSON: ${message}.`, severity: 'error' } satisfies GlossaryProblem;
  };
  const space = () => {
    while (at < source.length && /[ \t\r\n]/.test(source[at])) at++;
  };
  const literal = (word: string) => {
    if (source.startsWith(word, at)) at += word.length;
    else fail('expected a value (an object, a list, a string, a number, true, false or null)');
  };
  const string = () => {
    at++;
    while (at < source.length && source[at] !== '"') {
      const c = source[at];
      if (c === '\\') {
        const escape = /^\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.exec(source.slice(at, at + 6));
        if (!escape) fail('invalid escape in a string', 2);
        at += escape![0].length;
      } else if (c < ' ') fail('a line break or control character inside a string');
      else at++;
    }
    if (at >= source.length) fail('unterminated string');
    at++;
  };
  const value = (): void => {
    space();
    const c = source[at];
    if (c === '{') {
      at++;
      space();
      if (source[at] === '}') {
        at++;
        return;
      }
      for (;;) {
        space();
        if (source[at] !== '"') fail('expected a property name in double quotes');
        string();
        space();
        if (source[at] !== ':') fail('expected `:` after the property name');
        at++;
        value();
        space();
        if (source[at] === ',') at++;
        else if (source[at] === '}') {
          at++;
          return;
        } else fail('expected `,` or `}`');
      }
    } else if (c === '[') {
      at++;
      space();
      if (source[at] === ']') {
        at++;
        return;
      }
      for (;;) {
        value();
        space();
        if (source[at] === ',') at++;
        else if (source[at] === ']') {
          at++;
          return;
        } else fail('expected `,` or `]`');
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else {
      const number = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(source.slice(at, at + 64));
      if (!number) fail(at >= source.length ? 'unexpected end of the file' : 'expected a value (an object, a list, a string, a number, true, false or null)');
      at += number![0].length;
    }
  };
  try {
    value();
    space();
    if (at < source.length) fail('unexpected text after the end of the JSON value');
    return undefined;
  } catch (error) {
    return error as GlossaryProblem;
  }
}
