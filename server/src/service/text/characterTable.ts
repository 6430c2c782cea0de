/** Below this code (Latin, Greek, Cyrillic, Arabic, Hebrew, Indic scripts and punctuation), characters are classified by a table. */
export const TABLED = 0x3000;

/**
 * A table of what each character below TABLED is, made on first use by `classify` (a regular
 * expression per character, once, instead of one per character read). Characters at or above
 * TABLED (CJK, surrogate pairs) are left to the caller.
 */
export function characterTable(classify: (char: string) => number): () => Uint8Array {
  let table: Uint8Array | undefined;
  return () => {
    if (!table) {
      table = new Uint8Array(TABLED);
      for (let c = 0; c < TABLED; c++) table[c] = classify(String.fromCharCode(c));
    }
    return table;
  };
}

/**
 * What the UTF-16 unit at `i` is by `classify`: read from a characterTable below TABLED, by
 * `classify` itself (on that unit alone) above it.
 */
export function unitClassifier(classify: (char: string) => number): (text: string, i: number) => number {
  const table = characterTable(classify);
  return (text, i) => {
    const c = text.charCodeAt(i);
    return c < TABLED ? table()[c] : classify(text[i]);
  };
}
