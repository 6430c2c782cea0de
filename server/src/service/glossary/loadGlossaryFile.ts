import type { ErrorObject } from 'ajv';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { LineIndex } from '../text/lineIndex';
import { firstJsonSyntaxError } from '../text/jsonSyntax';
import { LayerRank, type GlossaryLayer, type GlossaryOrigin, type LayerEntry } from './glossary';
import { fileKeys, organisationFields } from './generated/validators';

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

/** A validator compiled from `server/data/organisations.schema.json` (scripts/glossary-validators.mjs). */
interface SchemaValidator {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** The schema's validators of a glossary file's top-level keys (but `organisations`), by key. */
const FILE_KEYS = fileKeys as unknown as Readonly<Record<string, SchemaValidator>>;
/** The schema's validators of an organisation's fields, by field. */
const ORGANISATION_FIELDS = organisationFields as unknown as Readonly<Record<string, SchemaValidator>>;
/** What a new entry needs (an override of a known id needs nothing): fewer than the built-in file's `required`. */
const NEW_ENTRY_NEEDS = ['fullName'];

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

  // YAML reads nearly every JSON file, so JSON is checked as JSON first.
  if (/\.json$/i.test(uri.replace(/[?#].*$/, ''))) {
    const syntax = firstJsonSyntaxError(source);
    const error: GlossaryProblem | undefined = syntax && { ...syntax, severity: 'error' };
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
      else if (key !== undefined && Object.hasOwn(FILE_KEYS, key)) {
        const problem = schemaProblem(FILE_KEYS[key], key, plain(pair.value));
        if (problem) problems.push(at(nodeAt(pair.value, problem), problem.message, 'error', source));
      } else {
        const keys = [...Object.keys(FILE_KEYS), 'organisations'].map((k) => `\`${k}\``);
        const message = `Unknown key \`${key}\`: a glossary file has ${keys.slice(0, -1).join(', ')} and ${keys[keys.length - 1]}.`;
        problems.push(at(pair.key, message, 'warning', source));
      }
    }
    if (list === undefined) {
      problems.push({ start: 0, end: firstLineEnd(source), message: 'A glossary file needs `organisations:`, a list of organisations.', severity: 'error' });
      return empty();
    }
  } else {
    problems.push({
      start: 0, end: firstLineEnd(source), message: 'A glossary file must be a mapping with `organisations:`, or a list of organisations.', severity: 'error',
    });
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

/**
 * Reads a YAML list of organisations (a glossary file's, or the front matter's `glossary:`). Each
 * field is checked against its definition in the JSON Schema of the built-in glossary.
 */
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
  const fields = Object.keys(ORGANISATION_FIELDS).map((k) => `\`${k}\``).join(', ');
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
      if (key === undefined || !Object.hasOwn(ORGANISATION_FIELDS, key)) {
        report(pair.key, `Unknown key \`${key}\`; an organisation has ${fields}.`, 'warning');
        continue;
      }
      const validate = ORGANISATION_FIELDS[key];
      const written = plain(pair.value);
      // YAML reads `founded: 1992` as a number: where the schema wants text, its digits are the text.
      const value = typeof written === 'number' && !validate(written) && validate(String(written)) ? String(written) : written;
      const problem = schemaProblem(validate, key, value);
      if (problem) {
        report(nodeAt(pair.value, problem), problem.message);
        continue;
      }
      if (key === 'id') {
        if (seen.has(value as string)) report(pair.value, `The id \`${value}\` is used twice in this list; the later entry wins.`, 'warning');
        seen.add(value as string);
        idNode = pair.key;
      }
      entry[key] = value;
    }
    const overrides = typeof entry.id === 'string' && context.isKnownId?.(entry.id);
    if (!overrides) {
      const missing = NEW_ENTRY_NEEDS.filter((k) => entry[k] === undefined).map((k) => `\`${k}\``);
      if (!(entry.acronyms as string[] | undefined)?.length && !(entry.names as string[] | undefined)?.length) missing.push('`acronyms` or `names`');
      if (missing.length) {
        const where = idNode ?? (item.items[0] as Pair<YamlNode> | undefined)?.key ?? item;
        report(where, `This organisation is left out: it needs ${missing.join(', ')}.`);
        continue;
      }
    }
    const [start, end] = item.range ?? [0, 0];
    entries.push({ ...(entry as Partial<LayerEntry>), origin: context.origin(start + context.base, end + context.base) });
  }
  return entries;
}

/** Where in a value a problem is (a JSON Pointer), what is wrong, and whether it is about a key (`forms: { RU: … }`). */
interface SchemaProblem {
  readonly path: string;
  readonly message: string;
  readonly atKey?: boolean;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text', integer: 'a whole number', number: 'a number', array: 'a list', object: 'a mapping', boolean: 'true or false', null: 'empty',
};

/**
 * What is wrong with `value` for the schema, in words: the key, the value, and the schema's own
 * description of what it expects. Undefined when the value is valid.
 */
function schemaProblem(validate: SchemaValidator, key: string, value: unknown): SchemaProblem | undefined {
  if (validate(value)) return undefined;
  // `oneOf` (members: a number, or a list of names) reports every branch: when a branch has the
  // value's type, its errors say what is wrong.
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf');
  const beyondType = errors.filter((e) => e.keyword !== 'type');
  if (!beyondType.length) {
    const path = errors[0]?.instancePath ?? '';
    const types = [...new Set(errors.map((e) => TYPE_NAMES[e.params.type] ?? String(e.params.type)))];
    return { path, message: `${named(key, path)} must be ${types.join(' or ')}.` };
  }
  const error = beyondType.find((e) => e.keyword === 'propertyNames') ?? beyondType[0];
  const { instancePath: path, params } = error;
  const where = named(key, path);
  const found = valueAt(value, path);
  const expected = (e: ErrorObject) => (e.parentSchema?.description ? `: ${e.parentSchema.description}` : '.');
  switch (error.keyword) {
    case 'propertyNames': {
      const nameError = beyondType.find((e) => e !== error && e.instancePath === path) ?? error;
      return {
        path: `${path}/${escapePointer(params.propertyName)}`,
        atKey: true,
        message: `${where} has the key ${shown(params.propertyName)}, which is not valid${expected(nameError)}`,
      };
    }
    case 'pattern':
      return { path, message: `${where} ${shown(found)} is not valid${expected(error)}` };
    case 'enum':
      return { path, message: `${where} must be one of ${(params.allowedValues as unknown[]).map(shown).join(', ')}.` };
    case 'const':
      return { path, message: `${where} must be ${shown(params.allowedValue)}.` };
    case 'uniqueItems':
      return { path: `${path}/${params.i}`, message: `${where} lists ${shown((found as unknown[])[params.i])} twice.` };
    case 'maxItems':
      return { path, message: `${where} has ${(found as unknown[]).length} items, more than the ${params.limit} allowed${expected(error)}` };
    case 'minItems':
    case 'minLength': {
      const unit = error.keyword === 'minItems' ? 'items' : 'characters';
      return { path, message: params.limit === 1 ? `${where} must not be empty.` : `${where} must have at least ${params.limit} ${unit}.` };
    }
    case 'maxLength':
      return { path, message: `${where} is longer than ${params.limit} characters.` };
    case 'minimum':
      return { path, message: `${where} must be at least ${params.limit}.` };
    default:
      return { path, message: `${where} ${error.message ?? 'is not valid'}${expected(error)}` };
  }
}

/** `acronyms`, `forms.ru`, `item 3 of names`: where in a field a JSON Pointer leads. */
function named(key: string, path: string): string {
  const segments = [key, ...pointerSegments(path)];
  const last = segments[segments.length - 1];
  if (segments.length > 1 && /^\d+$/.test(last)) return `item ${Number(last) + 1} of \`${segments.slice(0, -1).join('.')}\``;
  return `\`${segments.join('.')}\``;
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `\`${text.length > 40 ? `${text.slice(0, 39)}…` : text}\``;
}

function pointerSegments(path: string): string[] {
  return path ? path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : [];
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function valueAt(value: unknown, path: string): unknown {
  let current = value;
  for (const segment of pointerSegments(path)) current = (current as Record<string, unknown> | undefined)?.[segment];
  return current;
}

/** The YAML node a problem points at within `node` (the key, for a problem about a key); `node` itself when the path leads nowhere. */
function nodeAt(node: YamlNode | null | undefined, problem: SchemaProblem): YamlNode | null | undefined {
  let current: YamlNode | null | undefined = node;
  const segments = pointerSegments(problem.path);
  for (const [i, segment] of segments.entries()) {
    if (isSeq(current)) current = current.items[Number(segment)] as YamlNode | undefined;
    else if (isMap(current)) {
      const pair = (current.items as Pair<YamlNode, YamlNode | null>[]).find((p) => keyName(p) === segment);
      current = problem.atKey && i === segments.length - 1 ? pair?.key : pair?.value;
    } else current = undefined;
    if (!current) return node;
  }
  return current;
}

/** A node's value as plain data (what JSON would give), for the schema's validators. */
function plain(node: YamlNode | null | undefined): unknown {
  if (!node) return null;
  return isScalar(node) ? node.value : (node as { toJSON(): unknown }).toJSON();
}

function keyName(pair: Pair<unknown, unknown>): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
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

