// The README inside the .vsix, the page VS Code shows for the installed extension: written from
// docs/extension/README.md into out/extension-readme/README.md by `npm run package`, each image
// put inside the page as a data: URL. VS Code shows an extension's README in a webview that loads
// images only from https: and data: URLs, so an image beside the README in the .vsix would not
// show, and this project has no public repository to link images from.
//
//   node scripts/extension-readme.mjs   # prints the path it wrote
//
// A relative link that is not an image would be broken in the .vsix: it is an error.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'docs', 'extension', 'README.md');
const TARGET = path.join(ROOT, 'out', 'extension-readme', 'README.md');
const TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };

const source = readFileSync(SOURCE, 'utf8');
const problems = [];
const readme = source.replace(/(!?)\[([^[\]\n]*)\]\(([^)\s]+)\)/g, (all, bang, text, target) => {
  if (/^(https:\/\/|#|mailto:)/.test(target)) return all;
  if (!bang) {
    problems.push(`the link ${target} would be broken in the .vsix: use an https:// address or none`);
    return all;
  }
  const file = path.resolve(path.dirname(SOURCE), target);
  const type = TYPES[path.extname(file).toLowerCase()];
  if (!type) {
    problems.push(`the image ${target} is not a PNG, JPEG or GIF`);
    return all;
  }
  let data;
  try {
    data = readFileSync(file);
  } catch (error) {
    problems.push(`the image ${target} cannot be read: ${error.message}`);
    return all;
  }
  return `![${text}](data:${type};base64,${data.toString('base64')})`;
});
if (problems.length) {
  process.stderr.write(`extension-readme: ${path.relative(ROOT, SOURCE)}:\n${problems.map((p) => `  ${p}\n`).join('')}`);
  process.exit(1);
}
mkdirSync(path.dirname(TARGET), { recursive: true });
writeFileSync(TARGET, readme);
process.stdout.write(`${path.relative(ROOT, TARGET)}\n`);
