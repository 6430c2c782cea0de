import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { firstJsonSyntaxError } from '../text/jsonSyntax';
import { ImportError, lineAndColumn } from './source';

/** The file's JSON value; a syntax error as an ImportError at its place. */
export function parseJsonSource(text: string): unknown {
  const source = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(source);
  } catch (error) {
    // Only a broken file is read twice: jsonc-parser says where, JSON.parse is the fast path.
    const syntax = firstJsonSyntaxError(source);
    const { line, column } = lineAndColumn(source, syntax?.start ?? 0);
    throw new ImportError(syntax?.message ?? `Not valid JSON: ${(error as Error).message}`, line, column);
  }
}

/** A value of the wrong shape, reported at the place of `path` in the file (or of its nearest parent there). */
export function shapeError(text: string, path: readonly (string | number)[], message: string): ImportError {
  const source = text.replace(/^\uFEFF/, '');
  const root = parseTree(source);
  let offset = 0;
  for (let depth = path.length; root && depth >= 0; depth--) {
    const node = findNodeAtLocation(root, path.slice(0, depth) as (string | number)[]);
    if (node) {
      offset = node.parent?.type === 'property' ? node.parent.offset : node.offset;
      break;
    }
  }
  const { line, column } = lineAndColumn(source, offset);
  return new ImportError(message, line, column);
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
