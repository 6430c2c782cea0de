import { LineIndex } from '../../server/src/service/text/lineIndex';
import type { TranscriptDocument } from '../../server/src/service';

/** A document that applies edits the way the server's does: line index kept, last change recorded. */
export class EditableDocument implements TranscriptDocument {
  version = 1;
  lineIndex: LineIndex;
  lastChange?: TranscriptDocument['lastChange'];

  constructor(private text: string, readonly uri = 'file:///edited.transcript') {
    this.lineIndex = new LineIndex(text);
  }

  getText(): string {
    return this.text;
  }

  edit(start: number, end: number, inserted: string): this {
    this.text = this.text.slice(0, start) + inserted + this.text.slice(end);
    this.lineIndex = this.lineIndex.withEdit(this.text, start, end, inserted.length);
    this.lastChange = { fromVersion: this.version, start, end, length: inserted.length };
    this.version++;
    return this;
  }
}
