import { CodeActionKind, type CodeAction, type Diagnostic, type Position, type Range, type TextEdit } from 'vscode-languageserver-types';
import { spanAt } from '../text/spans';
import type { TranscriptModel } from '../model';
import type { CancellationToken } from '../types';
import { rules, SOURCE, type DiagnosticData } from './diagnostics';
import { declareAliasEdit } from './declareAlias';

/** The mark that says "words are missing here"; it silences incomplete-sentence. */
export const TRUNCATION_MARK = '[…]';

/**
 * Quick fixes for the diagnostics the client shows. Each is rebuilt from `current`, the
 * diagnostics of the text as it is now, so an edit never lands on a stale range.
 */
export function provideCodeActions(
  model: TranscriptModel, requested: readonly Diagnostic[], current: readonly Diagnostic[], token: CancellationToken,
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const asked of requested) {
    if (token.isCancellationRequested) return [];
    if (asked.source !== SOURCE) continue;
    const diagnostic = current.find((d) => d.code === asked.code && sameRange(d.range, asked.range));
    if (!diagnostic) continue;
    const data = diagnostic.data as DiagnosticData | undefined;
    const fix = (title: string, edits: TextEdit[], isPreferred = false): CodeAction => ({
      title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes: { [model.uri]: edits } },
    });
    switch (diagnostic.code) {
      case rules.incompleteSentence.code: {
        // At the paragraph's very end, after any closing quote or bracket: there the mark ends the
        // paragraph and silences the diagnostic.
        const at = markPosition(model, model.lines.offsetAt(diagnostic.range.start));
        // After a lone `#`, a space would make the line a heading; `#[…]` stays text.
        const before = model.text.slice(model.lines.lineStarts[at.line], model.lines.offsetAt(at));
        const space = /^[ \t]*#{1,6}$/.test(before) ? '' : ' ';
        actions.push(fix('Mark as truncated', [{ range: { start: at, end: at }, newText: `${space}${TRUNCATION_MARK}` }], true));
        actions.push(fix('Ignore incomplete sentences in this file', [ignoreInFile(model, rules.incompleteSentence.code)]));
        break;
      }
      case rules.unknownSpeaker.code:
      case rules.misspeltOrganisation.code:
        if (data?.replacement) actions.push(fix(`Replace with \`${data.replacement}\``, [{ range: diagnostic.range, newText: data.replacement }], true));
        break;
      case rules.probableSameSpeaker.code: {
        const alias = data?.alias;
        for (const [i, speaker] of (alias?.of ?? []).entries()) {
          const edit = declareAliasEdit(model, alias!.name, speaker);
          if (edit) actions.push(fix(`Declare \`${alias!.name}\` an alias of \`${speaker}\` in the front matter`, [edit], i === 0));
        }
        break;
      }
      case rules.reversedQuotes.code: {
        // The pair's two characters trade places; the words between are not touched.
        const start = model.lines.offsetAt(diagnostic.range.start);
        const end = model.lines.offsetAt(diagnostic.range.end);
        const swapped = (at: number, other: number): TextEdit => ({ range: model.lines.range(at, at + 1), newText: model.text[other] });
        actions.push(fix('Swap the quotation marks', [swapped(start, end - 1), swapped(end - 1, start)], true));
        break;
      }
      case rules.repeatedSentence.code:
        if (data?.remove) {
          const removal = { range: model.lines.range(data.remove.start, data.remove.end), newText: '' };
          actions.push(fix('Remove the repeated sentence', [removal], true));
        }
        break;
    }
  }
  return actions;
}

/** The end of the paragraph that holds `offset`, before trailing white space. */
function markPosition(model: TranscriptModel, offset: number): Position {
  const paragraph = spanAt(model.paragraphs, offset);
  let end = paragraph ? paragraph.end : offset;
  while (end > offset && /[\s\u00a0]/.test(model.text[end - 1])) end--;
  return model.lines.positionAt(end);
}

/** Inserts `<!-- transcript-ignore-file CODE -->` on a line of its own after the front matter. */
function ignoreInFile(model: TranscriptModel, code: string): TextEdit {
  const eol = model.text.includes('\r\n') ? '\r\n' : '\n';
  let offset = model.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let prefix = '';
  if (model.frontMatter) {
    const line = model.lines.lineAt(model.frontMatter.end) + 1;
    if (line < model.lines.lineCount) offset = model.lines.lineStarts[line];
    else {
      offset = model.text.length;
      prefix = eol;
    }
  }
  const position = model.lines.positionAt(offset);
  return { range: { start: position, end: position }, newText: `${prefix}<!-- transcript-ignore-file ${code} -->${eol}` };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
