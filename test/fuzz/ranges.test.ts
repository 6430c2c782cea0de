import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { DocumentSymbol, Position, Range, SelectionRange } from 'vscode-languageserver-types';
import { createLanguageService, RenameError, type TranscriptDocument } from '../../server/src/service';
import { checkProperty, recordCases, runsFor, timeoutFor } from './support/fuzz';
import { plainDocument, show } from './support/features';
import { corpusSlice, mixLineBreaks, piece, pieces } from './support/generators';

/**
 * Every range the service returns lies inside the document and on UTF-16 boundaries (issue 8,
 * property 3): never past a line's end, never past the last line, never between the two halves
 * of a surrogate pair; a symbol's selectionRange and its children lie inside its range.
 */

/** The document's lines as LSP counts them (LF, CRLF, CR), with where each starts. */
function lineTable(text: string): { starts: number[]; lengths: number[] } {
  const starts = [0];
  const lengths: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lengths.push(i - starts[starts.length - 1]);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  lengths.push(text.length - starts[starts.length - 1]);
  return { starts, lengths };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

class RangeChecker {
  private readonly table: { starts: number[]; lengths: number[] };

  constructor(private readonly text: string) {
    this.table = lineTable(text);
  }

  offset(p: Position, what: string): number {
    const { starts, lengths } = this.table;
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: ${JSON.stringify(p)} is not integral`);
    assert.ok(p.line >= 0 && p.line < starts.length, `${what}: line ${p.line} is outside the document's ${starts.length} lines`);
    assert.ok(p.character >= 0 && p.character <= lengths[p.line], `${what}: character ${p.character} is past the end of line ${p.line} (${lengths[p.line]} characters)`);
    const at = starts[p.line] + p.character;
    assert.ok(!(isHigh(this.text.charCodeAt(at - 1)) && isLow(this.text.charCodeAt(at))), `${what}: ${JSON.stringify(p)} falls between the halves of a surrogate pair`);
    return at;
  }

  range(r: Range, what: string): [number, number] {
    const start = this.offset(r.start, `${what}.start`);
    const end = this.offset(r.end, `${what}.end`);
    assert.ok(start <= end, `${what}: ${JSON.stringify(r)} ends before it starts`);
    return [start, end];
  }

  contains(outer: Range, inner: Range, what: string): void {
    const [os, oe] = this.range(outer, `${what} (outer)`);
    const [is, ie] = this.range(inner, `${what} (inner)`);
    assert.ok(os <= is && ie <= oe, `${what}: ${JSON.stringify(inner)} is not inside ${JSON.stringify(outer)}`);
  }

  line(line: number, what: string): void {
    assert.ok(Number.isInteger(line) && line >= 0 && line < this.table.starts.length, `${what}: line ${line} is outside the document's ${this.table.starts.length} lines`);
  }

  /**
   * A random position of the document, as a client sends one: in a line or past its end, never
   * between the halves of a surrogate pair (an answer that echoes the position would be there too).
   */
  position(where: number): Position {
    let at = Math.floor(where * (this.text.length + 1));
    if (isHigh(this.text.charCodeAt(at - 1)) && isLow(this.text.charCodeAt(at))) at--;
    let line = 0;
    while (line + 1 < this.table.starts.length && this.table.starts[line + 1] <= at) line++;
    return { line, character: Math.min(at - this.table.starts[line], this.table.lengths[line]) };
  }
}

function checkSymbols(check: RangeChecker, symbols: readonly DocumentSymbol[], path: string): void {
  symbols.forEach((symbol, i) => {
    const what = `${path}[${i}] ${JSON.stringify(symbol.name.slice(0, 40))}`;
    check.contains(symbol.range, symbol.selectionRange, `${what}: selectionRange in range`);
    for (const child of symbol.children ?? []) check.contains(symbol.range, child.range, `${what}: child ${JSON.stringify(child.name.slice(0, 40))} in range`);
    if (symbol.children) checkSymbols(check, symbol.children, `${what}.children`);
  });
}

function checkSelectionRange(check: RangeChecker, selection: SelectionRange, what: string): void {
  for (let s: SelectionRange | undefined = selection, depth = 0; s; s = s.parent, depth++) {
    check.range(s.range, `${what} depth ${depth}`);
    if (s.parent) check.contains(s.parent.range, s.range, `${what} depth ${depth} in its parent`);
  }
}

/** Checks every range of every answer of the service for `text`, at the given random positions. */
function checkAllRanges(text: string, where: readonly number[]): void {
  const service = createLanguageService();
  const document: TranscriptDocument = plainDocument(text);
  const check = new RangeChecker(text);
  try {
    checkSymbols(check, service.provideDocumentSymbols(document), 'symbols');
    for (const [i, f] of service.provideFoldingRanges(document).entries()) {
      check.line(f.startLine, `folding[${i}].startLine`);
      check.line(f.endLine, `folding[${i}].endLine`);
      assert.ok(f.startLine < f.endLine, `folding[${i}]: ${f.startLine}–${f.endLine} folds nothing`);
    }
    for (const [i, d] of service.provideDiagnostics(document).entries()) {
      check.range(d.range, `diagnostics[${i}] ${String(d.code)}`);
      const remove = (d.data as { remove?: { start: number; end: number } } | undefined)?.remove;
      if (remove) assert.ok(remove.start >= 0 && remove.start <= remove.end && remove.end <= text.length, `diagnostics[${i}].data.remove ${JSON.stringify(remove)} is outside the text`);
    }
    for (const [i, lens] of service.provideCodeLenses(document).entries()) check.range(lens.range, `codeLens[${i}]`);
    // Semantic tokens: relative line and character, length; each inside its line.
    const data = service.provideSemanticTokens(document).data;
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      check.range({ start: { line, character }, end: { line, character: character + data[i + 2] } }, `semanticTokens[${i / 5}]`);
    }
    const positions = where.map((w) => check.position(w));
    for (const [i, selection] of service.provideSelectionRanges(document, positions).entries()) checkSelectionRange(check, selection, `selectionRanges[${i}] at ${JSON.stringify(positions[i])}`);
    for (const position of positions) {
      const at = JSON.stringify(position);
      const hover = service.provideHover(document, position);
      if (hover?.range) check.range(hover.range, `hover at ${at}`);
      for (const [i, location] of (service.provideReferences(document, position, { includeDeclaration: true }) ?? []).entries()) {
        if (location.uri === document.uri) check.range(location.range, `references[${i}] at ${at}`);
      }
      try {
        const rename = service.prepareRename(document, position);
        if (rename) check.range(rename.range, `prepareRename at ${at}`);
      } catch (error) {
        if (!(error instanceof RenameError)) throw error;
      }
      const completion = service.provideCompletion(document, position);
      for (const [i, item] of completion.items.entries()) {
        const edit = item.textEdit;
        if (edit && 'range' in edit) check.range(edit.range, `completion[${i}].textEdit at ${at}`);
        if (edit && 'insert' in edit) {
          check.range(edit.insert, `completion[${i}].textEdit.insert at ${at}`);
          check.range(edit.replace, `completion[${i}].textEdit.replace at ${at}`);
        }
      }
      const turn = service.provideTurnAt(document, position);
      if (turn) assert.ok(typeof turn === 'object', `turnAt at ${at}`);
    }
  } catch (error) {
    if (error instanceof assert.AssertionError) error.message = `${error.message}\n  in ${show(text)}`;
    throw error;
  }
}

const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧', '🇷🇺', '𝔸', '😀😀', '\ud83d', '\ude00'];

/** Transcript pieces with emoji everywhere, a BOM or not, and line breaks of every kind mixed. */
const emojiHeavy: fc.Arbitrary<string> = fc.tuple(
  fc.array(fc.oneof({ weight: 3, arbitrary: piece }, { weight: 2, arbitrary: fc.constantFrom(...EMOJI) }), { maxLength: 80, size: 'max' }),
  fc.array(fc.nat(2), { minLength: 1, maxLength: 6 }),
  fc.boolean(),
).map(([parts, breaks, bom]) => (bom ? '\ufeff' : '') + mixLineBreaks(parts.join(''), breaks));

/** A corpus slice with emoji put after random words, CRLF line breaks, and perhaps a BOM. */
const corpusWithEmoji: fc.Arbitrary<string> = fc.tuple(corpusSlice(3000), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...EMOJI)), { maxLength: 20, size: 'max' }), fc.boolean(), fc.array(fc.nat(2), { minLength: 1, maxLength: 3 }))
  .map(([text, inserts, bom, breaks]) => {
    let out = text;
    for (const [where, emoji] of inserts) {
      const at = Math.floor(where * (out.length + 1));
      out = out.slice(0, at) + emoji + out.slice(at);
    }
    return (bom ? '\ufeff' : '') + mixLineBreaks(out, breaks);
  });

const positions = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 });

describe('fuzz: every range is inside the document and on UTF-16 boundaries', function () {
  it('emoji-heavy generated text with CRLF, CR, LF and a BOM (property)', function () {
    const weight = 2;
    this.timeout(timeoutFor(runsFor(weight), 10));
    recordCases(checkProperty('ranges (generated)', fc.property(emojiHeavy, positions, checkAllRanges), weight));
  });

  it('corpus slices with emoji and CRLF (property)', function () {
    const weight = 0.5;
    this.timeout(timeoutFor(runsFor(weight), 30));
    recordCases(checkProperty('ranges (corpus)', fc.property(corpusWithEmoji, positions, checkAllRanges), weight));
  });

  it('any text at all (property)', function () {
    const weight = 1;
    this.timeout(timeoutFor(runsFor(weight), 10));
    recordCases(checkProperty('ranges (pieces)', fc.property(pieces(80), positions, checkAllRanges), weight));
  });

  describe('regressions: the bugs these properties found, as plain cases', function () {
    it('a front matter error at an emoji ends after the emoji, not between its halves (frontMatter.ts)', function () {
      checkAllRanges('---\nQuestion: \ud800\udc00Question: ---\ntitle: T\nspeakers: [Sergey Lavrov]\n---\n', [0]);
      checkAllRanges('---\n\ud83d\ude00: [\n---\n', [0]);
    });

    it('completion after `[` before an emoji (the case that found the position generator sending mid-pair positions)', function () {
      checkAllRanges('[\ud800\udc00Mr. Churkin (Russian Federation) (spoke in Russian): x', [0.0087]);
    });
  });
});
