/**
 * `text` as a string of its own. In V8 a slice of 13 characters or more keeps the whole string
 * it was cut from alive: an analysis kept across versions that held a slice of a label's name
 * would keep that version's full text (20 MB for a 10 MB transcript) for as long as the
 * paragraph stays unedited. Whatever outlives a version is cut from a detached copy.
 */
export function detached(text: string): string {
  // Concatenating makes a rope; slicing the rope copies it into a new flat string first.
  return text.length < 13 ? text : (' ' + text).slice(1);
}
