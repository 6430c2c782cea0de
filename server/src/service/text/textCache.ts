/**
 * Values computed from a piece of text, kept while that text is still in the document. Each
 * pass over a document starts with `begin()` and ends with `end()`: entries not asked for in
 * between are dropped, so the cache never holds more than one version's worth.
 */
export class TextCache<T> {
  private entries = new Map<string, T>();
  private used = new Map<string, T>();
  private key = '';

  /** A different key (a new language, new markers) empties the cache. */
  begin(key = ''): void {
    if (key !== this.key) {
      this.entries.clear();
      this.key = key;
    }
    this.used = new Map();
  }

  get(text: string, compute: () => T): T {
    let value = this.used.get(text) ?? this.entries.get(text);
    if (value === undefined) value = compute();
    this.used.set(text, value);
    return value;
  }

  end(): void {
    this.entries = this.used;
  }
}
