import { normaliseName } from '../../parser/markers';

/** Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`. */
export function damerauLevenshtein(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The known name nearest to `name`, if it is a near miss: at most 2 edits, and under a third of its length. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const key = normaliseName(name);
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = damerauLevenshtein(key, normaliseName(candidate));
    if (distance > 0 && distance <= 2 && distance * 3 < key.length && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}
