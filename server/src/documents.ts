import type { TextDocumentsConfiguration } from 'vscode-languageserver/node';
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TranscriptDocument } from './service';
import { LineIndex } from './service/text/lineIndex';
import { ChangeHistory, composeChanges } from './service/text/changeHistory';
import type { TextChange } from './service/parser/parser';

/**
 * The server's copy of an open document. An edit replaces a slice of the text and updates the
 * line index for the lines it touched only, and the document remembers its last changes so the
 * service can reparse just the paragraphs around them: a keystroke in a 10 MB transcript never
 * rescans the whole text.
 */
export class EditorDocument implements TranscriptDocument {
  private readonly history = new ChangeHistory();
  /** Where the last edit was made, and when: for holding back the sentence being typed. */
  lastEdit?: { readonly position: Position; readonly at: number };
  private versionsRepeat = false;

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    private text: string,
    public lineIndex: LineIndex,
  ) {}

  static create(uri: string, languageId: string, version: number, text: string): EditorDocument {
    return new EditorDocument(uri, languageId, version, text, new LineIndex(text));
  }

  getText(): string {
    return this.text;
  }

  get lineCount(): number {
    return this.lineIndex.lineCount;
  }

  positionAt(offset: number): Position {
    return this.lineIndex.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.lineIndex.offsetAt(position);
  }

  apply(changes: readonly TextDocumentContentChangeEvent[], version: number): this {
    const fromVersion = this.version;
    // A version that does not increase (a client's mistake) no longer tells texts apart: from then
    // on no change is handed to the service as made from `fromVersion`, which might name another text.
    if (version <= fromVersion) this.versionsRepeat = true;
    // The changes of one notification, one after the other, as one; undefined after a whole new text.
    let composed: TextChange | undefined;
    let ranges = true;
    for (const change of changes) {
      if ('range' in change) {
        let start = this.offsetAt(change.range.start);
        let end = this.offsetAt(change.range.end);
        // A range given end first is the same range, as LSP's own TextDocument reads it.
        if (end < start) [start, end] = [end, start];
        this.text = this.text.slice(0, start) + change.text + this.text.slice(end);
        this.lineIndex = this.lineIndex.withEdit(this.text, start, end, change.text.length);
        const made = { start, end, length: change.text.length };
        composed = composed ? composeChanges(composed, made) : made;
        this.lastEdit = { position: change.range.start, at: Date.now() };
      } else {
        this.text = change.text;
        this.lineIndex = new LineIndex(this.text);
        ranges = false;
      }
    }
    this.history.record(fromVersion, version, ranges && !this.versionsRepeat ? composed : undefined);
    this.version = version;
    return this;
  }

  changeSince(version: number): TextChange | undefined {
    return this.history.since(version);
  }
}

export const editorDocuments: TextDocumentsConfiguration<EditorDocument> = {
  create: (uri, languageId, version, content) => EditorDocument.create(uri, languageId, version, content),
  update: (document, changes, version) => document.apply(changes, version),
};
