import { parseSync } from 'subtitle';
import { cueRuns } from './cueText';
import { readSpeakerPrefixes } from './speakerPrefixes';
import { ImportError, lineAndColumn, type Cue, type ImportedSource } from './source';

/**
 * SubRip, read with `subtitle` (a cue number, a `00:00:01,000 --> 00:00:04,500` line, the text).
 * Speakers are the labels that start cues: `Travis: When…`, `- Anna:`, `[SPEAKER_00]: …`. Cue
 * text markup (`<i>`, `<font>`, character references) is read as WebVTT's cue text is.
 */
export function readSrt(text: string): ImportedSource {
  let nodes: ReturnType<typeof parseSync>;
  try {
    nodes = parseSync(text);
  } catch (error) {
    throw srtError(text, (error as Error).message);
  }
  const cues: Cue[] = [];
  const source = text.replace(/\r\n/g, '\n');
  let searchFrom = 0;
  for (const node of nodes) {
    if (node.type !== 'cue') continue;
    const { start, end, text: cueText } = node.data;
    const at = source.indexOf(cueText.split('\n', 1)[0], searchFrom);
    if (at >= 0) searchFrom = at;
    // `subtitle` adds a block without times to the cue before it: a blank line cannot be in a cue's text.
    const blank = cueText.indexOf('\n\n');
    if (blank >= 0) throw blockWithoutTimes(source, searchFrom, cueText.slice(blank + 2));
    for (const run of cueRuns(cueText, start / 1000, end / 1000)) cues.push({ start: run.start, end: end / 1000, text: run.text });
  }
  if (cues.length === 0 && text.trim()) {
    throw new ImportError('No cue found: a SubRip cue is a number, a line `00:00:01,000 --> 00:00:04,500` and its text.', 1, 1);
  }
  return { format: 'srt', cues: readSpeakerPrefixes(cues, 'en') };
}

function blockWithoutTimes(source: string, from: number, block: string): ImportError {
  const [first, second] = block.split('\n');
  const found = /^\d+$/.test(first.trim()) && second !== undefined ? second : first;
  const { line } = lineAndColumn(source, source.indexOf(`\n${found}`, from) + 1);
  return new ImportError(`Expected a cue's times (00:00:01,000 --> 00:00:04,500), found “${found}”.`, line, 1);
}

/** `subtitle` counts rows from the first line with text (a byte order mark aside): its row as the file's line. */
function srtError(text: string, message: string): ImportError {
  const row = /at row (\d+), but received: "(.*)"$/s.exec(message);
  if (!row) return new ImportError(message, 1);
  const leadingBlankLines = /^\uFEFF?(?:[ \t]*\r?\n)*/.exec(text)![0].split('\n').length - 1;
  return new ImportError(`Expected a cue's times (00:00:01,000 --> 00:00:04,500), found “${row[2]}”.`, Number(row[1]) + leadingBlankLines, 1);
}
