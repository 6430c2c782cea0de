import fc from 'fast-check';

/**
 * Adversarial inputs for one regular expression, to run it on in isolation: a prefix that
 * starts a match, then a long run of one unit the expression matches, then a character that
 * ends the run without completing the match (or nothing). Backtracking that is quadratic or
 * worse shows on such inputs.
 *
 * Prefixes and units come from strings the expression matches, generated with fast-check's
 * `stringMatching` (on a simplified copy where it cannot read the original: case-insensitive,
 * lookarounds, back-references), and from a fixed set of characters transcripts are made of.
 */
export interface AdversarialInput {
  readonly prefix: string;
  readonly unit: string;
  readonly suffix: string;
}

const UNIVERSAL = [' ', '\t', '\u00a0', '\n', 'a', 'A', 'Ж', '中', '1', '.', ':', '-', '#', '(', '[', '\u0301', '😀'];
const SUFFIXES = ['', '\u0000'];

/** Removes lookarounds and back-references, which `stringMatching` cannot generate. */
export function simplified(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && /[1-9]/.test(next)) {
        i++;
        continue;
      }
      out += c + next;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      continue;
    }
    if (c === '(' && /^\(\?(?:=|!|<=|<!)/.test(source.slice(i))) {
      // Skip the balanced group.
      let depth = 0;
      let cls = false;
      for (; i < source.length; i++) {
        const d = source[i];
        if (d === '\\') {
          i++;
          continue;
        }
        if (cls) {
          if (d === ']') cls = false;
          continue;
        }
        if (d === '[') cls = true;
        else if (d === '(') depth++;
        else if (d === ')' && --depth === 0) break;
      }
      continue;
    }
    out += c;
  }
  return out;
}

/** Strings the expression (or its simplified copy) matches; empty if none can be generated. */
function samples(source: string, flags: string, seed: number): string[] {
  for (const candidate of [source, simplified(source)]) {
    try {
      const regex = new RegExp(candidate, flags.replace(/[gyi]/g, ''));
      return fc.sample(fc.stringMatching(regex, { size: 'small' }), { seed, numRuns: 8 });
    } catch {
      // Not generatable: try the simplified copy, then give up.
    }
  }
  return [];
}

/** The characters written literally in the source, escapes resolved where simple. */
function literalChars(source: string): string[] {
  const chars = new Set<string>();
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      const unicode = /^u([0-9a-fA-F]{4})/.exec(source.slice(i + 1));
      if (unicode) chars.add(String.fromCharCode(parseInt(unicode[1], 16)));
      else if (next === 't') chars.add('\t');
      else if (next === 'n') chars.add('\n');
      else if (next === 'r') chars.add('\r');
      else if (/[^a-zA-Z0-9]/.test(next)) chars.add(next);
      i++;
    } else if (!'^$|?*+{}()[]'.includes(c)) chars.add(c);
  }
  return [...chars];
}

export function adversarialInputs(source: string, flags: string, seed: number): { inputs: AdversarialInput[]; generated: number } {
  const matches = samples(source, flags, seed);
  const atoms = new Set<string>(UNIVERSAL);
  // Characters of the matches (by code point), then those written in the source; long
  // alternations (month names) would bring too many letters, so a few of each.
  for (const c of [...new Set(matches.flatMap((m) => [...m]))].slice(0, 16)) atoms.add(c);
  for (const c of literalChars(source).slice(0, 12)) atoms.add(c);
  const units = new Set<string>(atoms);
  for (const m of matches.filter((m) => m.length > 1 && m.length <= 12).slice(0, 3)) units.add(m);
  const seen = new Set<string>();
  const inputs: AdversarialInput[] = [];
  const add = (prefix: string, unit: string) => {
    for (const suffix of SUFFIXES) {
      const key = JSON.stringify([prefix, unit, suffix]);
      if (!seen.has(key)) {
        seen.add(key);
        inputs.push({ prefix, unit, suffix });
      }
    }
  };
  // Runs of anything it matches, from the start.
  for (const unit of units) add('', unit);
  // A match begun, then a run of the character that comes next in it (or of spaces): where the
  // expression loops, and backtracks if the run does not end as it wants.
  for (const m of matches) {
    const chars = [...m];
    for (let cut = 1; cut < Math.min(chars.length, 24); cut++) {
      const prefix = chars.slice(0, cut).join('');
      add(prefix, chars[cut]);
      add(prefix, ' ');
    }
  }
  return { inputs, generated: matches.length };
}
