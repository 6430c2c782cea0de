/**
 * What the language service derives from the text, declared once with what it is derived from,
 * and kept by one layer that owns its invalidation (after rust-analyzer's salsa, in miniature: no
 * dependency graph is recorded, because every input here is either immutable or stamped).
 *
 * - A query is keyed by an object the parser makes: a paragraph's analysis (shared by every
 *   version in which the paragraph's text is the same), a version's model, a turn. A value lives
 *   as long as its key, so a closed document or an edited paragraph takes its values with it.
 * - What else the value depends on is its stamp: the revisions of the inputs it reads (the
 *   settings) and the arguments it is asked with (a language, where the words start, the glossary
 *   in force). A value whose stamp differs is computed again on the next ask; nothing is ever
 *   invalidated by hand.
 * - What the computation reads its key through (the model of the version at hand, to read a
 *   paragraph's text) is passed along but is no part of the stamp: any version that shares the
 *   key reads the same thing through it.
 */
import { finish, type Steps } from './steps';

export type Input = 'settings';

export interface Query<K extends object, R, A extends readonly unknown[], V> {
  readonly name: string;
  readonly inputs: readonly Input[];
  readonly compute: (results: DerivedResults, key: K, reader: R, ...args: A) => V;
  /** A document-wide value of a version that is updated from the previous version's along the edit between them: see `carryAlongEdit`. */
  readonly alongEdits?: boolean;
  /** The computation in steps, for a value that may read every paragraph: `getInSteps` runs it with pauses. */
  readonly steps?: (results: DerivedResults, key: K, reader: R, ...args: A) => Steps<V>;
}

/** Declares a derived value: its name, the inputs it reads, and how it is computed from its key, a reader and arguments. */
export function query<K extends object, R, A extends readonly unknown[], V>(
  name: string, inputs: readonly Input[], compute: (results: DerivedResults, key: K, reader: R, ...args: A) => V,
): Query<K, R, A, V> {
  return Object.freeze({ name, inputs, compute });
}

/**
 * Declares a document-wide value keyed by a version's model and read with no reader, whose
 * computation updates the previous version's value along the edit (`editsSince`). Once asked
 * for, it is carried to each new version as it is made. It is computed in steps: where no earlier
 * value is at hand it reads every paragraph, which background work (`getInSteps`) does with pauses.
 */
export function queryAlongEdits<K extends object, A extends readonly unknown[], V>(
  name: string, inputs: readonly Input[], steps: (results: DerivedResults, key: K, reader: undefined, ...args: A) => Steps<V>,
): Query<K, undefined, A, V> {
  const compute = (results: DerivedResults, key: K, reader: undefined, ...args: A): V => finish(steps(results, key, reader, ...args));
  return Object.freeze({ name, inputs, compute, steps, alongEdits: true });
}

/** What a computation returns when its cancellation token was set: handed back, never kept. */
export const CANCELLED: unique symbol = Symbol('cancelled');

const NO_REVISIONS: readonly number[] = Object.freeze([]);

/** What a value is asked with besides its key: at most two arguments. */
type Arguments = readonly [] | readonly [unknown] | readonly [unknown, unknown];

interface Memo {
  readonly revisions: readonly number[];
  readonly first: unknown;
  readonly second: unknown;
  readonly value: unknown;
}

export class DerivedResults {
  private readonly revisions: Record<Input, number> = { settings: 0 };
  private readonly tables = new Map<Query<never, never, never, unknown>, WeakMap<object, Memo>>();
  private readonly computed = new Map<string, number>();

  /** An input changed: every value that reads it is computed again when next asked for. */
  changed(input: Input): void {
    this.revisions[input]++;
  }

  // A value is asked for with at most two arguments, passed as such: asked for hundreds of
  // thousands of times a keystroke, it makes no array of them.
  get<K extends object, R, A extends Arguments, V>(q: Query<K, R, A, V>, key: K, reader: R, ...args: A): V;
  get(q: Query<object, unknown, [unknown?, unknown?], unknown>, key: object, reader: unknown, first?: unknown, second?: unknown): unknown {
    const table = this.tableOf(q);
    const memo = table.get(key);
    if (this.holds(memo, q.inputs, first, second)) return memo.value;
    return this.keep(table, q, key, first, second, q.compute(this, key, reader, first, second));
  }

  /**
   * As `get`, in the query's steps where it has them (background work asks so, and pauses between
   * them). A value computed meanwhile by another ask (a request that could not wait) ends them.
   */
  getInSteps<K extends object, R, A extends Arguments, V>(q: Query<K, R, A, V>, key: K, reader: R, ...args: A): Steps<V>;
  *getInSteps(q: Query<object, unknown, [unknown?, unknown?], unknown>, key: object, reader: unknown, first?: unknown, second?: unknown): Steps<unknown> {
    const table = this.tableOf(q);
    const kept = table.get(key);
    if (this.holds(kept, q.inputs, first, second)) return kept.value;
    if (!q.steps) return this.get(q, key, reader, first, second);
    const steps = q.steps(this, key, reader, first, second);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return this.keep(table, q, key, first, second, step.value);
      yield;
      const memo = table.get(key);
      if (this.holds(memo, q.inputs, first, second)) return memo.value;
    }
  }

  private tableOf(q: Query<object, unknown, [unknown?, unknown?], unknown>): WeakMap<object, Memo> {
    const untyped = q as unknown as Query<never, never, never, unknown>;
    let table = this.tables.get(untyped);
    if (!table) this.tables.set(untyped, (table = new WeakMap()));
    return table;
  }

  private keep(table: WeakMap<object, Memo>, q: Query<object, unknown, [unknown?, unknown?], unknown>, key: object, first: unknown, second: unknown, value: unknown): unknown {
    if (value === CANCELLED) return value;
    // Most queries read no input: their memos share one empty list of revisions.
    table.set(key, { revisions: q.inputs.length ? q.inputs.map((input) => this.revisions[input]) : NO_REVISIONS, first, second, value });
    this.computed.set(q.name, (this.computed.get(q.name) ?? 0) + 1);
    return value;
  }

  /**
   * The value kept for `key`, as `get` would return it, or undefined where it would have to be
   * computed: what an update from an earlier version starts from, when that version's value is still here.
   */
  peek<K extends object, R, A extends Arguments, V>(q: Query<K, R, A, V>, key: K, ...args: A): V | undefined;
  peek(q: Query<object, unknown, [unknown?, unknown?], unknown>, key: object, first?: unknown, second?: unknown): unknown {
    const memo = this.tables.get(q as unknown as Query<never, never, never, unknown>)?.get(key);
    return this.holds(memo, q.inputs, first, second) ? memo.value : undefined;
  }

  /**
   * `next` was made by an edit of `previous`: the values kept for `previous` of the queries
   * updated along edits are updated for `next` now, with the same arguments. `next` holds
   * `previous` only weakly; carried forward a version at a time, an update never has to reach
   * back through versions the garbage collector took, and read every paragraph again.
   */
  carryAlongEdit(previous: object, next: object): void {
    for (const [q, table] of this.tables) {
      if (!q.alongEdits) continue;
      const memo = table.get(previous);
      if (memo && this.fresh(memo, q.inputs)) {
        this.get(q as unknown as Query<object, undefined, [unknown, unknown], unknown>, next, undefined, memo.first, memo.second);
      }
    }
  }

  /** How many times each query has been computed: what an edit or a request cost (the tests read it). */
  computations(name: string): number {
    return this.computed.get(name) ?? 0;
  }

  /** Whether a kept value answers an ask with these arguments: the same arguments, and inputs unchanged since. */
  private holds(memo: Memo | undefined, inputs: readonly Input[], first: unknown, second: unknown): memo is Memo {
    return !!memo && memo.first === first && memo.second === second && this.fresh(memo, inputs);
  }

  private fresh(memo: Memo, inputs: readonly Input[]): boolean {
    for (let i = 0; i < inputs.length; i++) if (memo.revisions[i] !== this.revisions[inputs[i]]) return false;
    return true;
  }

}
