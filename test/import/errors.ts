import * as assert from 'node:assert/strict';
import { ImportError, importTranscript, type ImportOptions } from '../../server/src/service/import';

/** The ImportError importing `text` throws: where and what. */
export function importError(text: string, options: ImportOptions): { line: number; column?: number; message: string } {
  try {
    importTranscript(text, options);
  } catch (error) {
    if (error instanceof ImportError) return { line: error.line, column: error.column, message: error.message };
    throw error;
  }
  assert.fail('expected an ImportError');
}
