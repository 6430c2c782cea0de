#!/usr/bin/env node
// Counts the names transcripts use that have no card (issue 19: decide the list from what real
// transcripts name): all-capital words and capitalised names of two words or more, outside speaker
// labels, in the files given (never the held-out ones), each hovered with the built service.
// Prints `count  files  card?  name`, the most frequent first: names of two files or more without a
// card; `--once`: of one file too; `--all`: with a card too.
//
//   npm run build --silent && node scripts/organisations/count-names.mjs DIR_OR_FILE… [--once] [--all]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { createLanguageService } = createRequire(import.meta.url)(path.join(ROOT, 'dist', 'service.js'));
const ACRONYM = /(?<![\p{L}\p{N}_@/#.])\p{Lu}[\p{Lu}\p{N}&]{1,9}(?![\p{L}\p{N}_])/gu;
const NAME = /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}[\p{L}'’-]*(?:[ ](?:(?:of|for|and|the|on|de|del|la|des|der|für)[ ])*\p{Lu}\p{Ll}[\p{L}'’-]*){1,6}/gu;
// The words that open a sentence before a name, left out as the eval (test/eval/organisations.ts) leaves them: `The United Nations` is hovered on `United`.
const LEADING = /^(?:(?:And|But|So|Or|Then|If|When|Yes|No|The|A|An|In|On|At|Of|For|To|From|With|By|As|Well|Now)[ ]+(?:(?:the|of|for|and)[ ]+)*)+/u;

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = (p) => (statSync(p).isDirectory() ? readdirSync(p).sort().flatMap((f) => files(path.join(p, f))) : /\.(txt|md|cha|srt)$/.test(p) ? [p] : []);
if (args.some((a) => a.includes('held-out'))) throw new Error('the held-out transcripts are never counted');
const service = createLanguageService();
const seen = new Map();
for (const file of args.flatMap(files)) {
  const text = readFileSync(file, 'utf8');
  const document = { uri: `file://${file}`, version: 1, getText: () => text };
  const model = service.getModel(document);
  for (const paragraph of model.paragraphs) {
    const body = text.slice(paragraph.contentStart, paragraph.end);
    for (const pattern of [ACRONYM, NAME]) {
      for (const m of body.matchAll(pattern)) {
        const key = m[0].replace(LEADING, '');
        if (pattern === NAME && !key.includes(' ')) continue;
        let entry = seen.get(key);
        if (!entry) {
          const at = paragraph.contentStart + m.index + m[0].length - key.length;
          const hover = service.provideHover(document, model.lines.positionAt(at + 1));
          const value = hover?.contents?.value ?? '';
          entry = { count: 0, files: new Set(), card: !!value && !/ has no card/.test(value) };
          seen.set(key, entry);
        }
        entry.count++;
        entry.files.add(file);
      }
    }
  }
}
const all = process.argv.includes('--all');
for (const [name, e] of [...seen].filter(([, e]) => all || !e.card).sort((a, b) => b[1].files.size - a[1].files.size || b[1].count - a[1].count)) {
  if (e.files.size < 2 && !all && !process.argv.includes('--once')) continue;
  console.log(`${String(e.count).padStart(5)} ${String(e.files.size).padStart(5)}  ${e.card ? 'card' : '-   '}  ${name}`);
}
