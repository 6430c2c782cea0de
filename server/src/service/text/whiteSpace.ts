/** What `\s` matches in a regular expression (it includes the no-break space). */
export function isWhiteSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The first character between `start` and `end` that is neither white space nor a zero-width space; -1 if none. */
export function firstNonBlank(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isWhiteSpace(c) && c !== 0x200b) return i;
  }
  return -1;
}

/** Where the text between `start` and `end` ends without its trailing white space, as `trimEnd` would leave it. */
export function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  return end;
}
