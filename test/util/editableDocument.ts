import { LineIndex } from '../../server/src/service/text/lineIndex';
import type { TranscriptDocument } from '../../server/src/service';
import { ChangeHistory } from '../../server/src/service/text/changeHistory';
import type { TextChange } from '../../server/src/service/parser/parser';

/** A document that applies edits the way the server's does: line index kept, changes recorded. */
export class EditableDocument implements TranscriptDocument {
  version = 1;
  lineIndex: LineIndex;
  private readonly history = new ChangeHistory();

  constructor(private text: string, readonly uri = 'file:///edited.transcript') {
    this.lineIndex = new LineIndex(text);
  }

  getText(): string {
    return this.text;
  }

  edit(start: number, end: number, inserted: string): this {
    this.text = this.text.slice(0, start) + inserted + this.text.slice(end);
    this.lineIndex = this.lineIndex.withEdit(this.text, start, end, inserted.length);
    this.history.record(this.version, this.version + 1, { start, end, length: inserted.length });
    this.version++;
    return this;
  }

  changeSince(version: number): TextChange | undefined {
    return this.history.since(version);
  }
}
