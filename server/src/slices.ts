import type { CancellationToken, Steps } from './service';

/**
 * Runs long work in slices of a few milliseconds with a turn of the event loop between them, so
 * that messages are read meanwhile (a `$/cancelRequest` above all: vscode-jsonrpc reads one only
 * then) and answers are written. Requests go first: background work (the diagnostics check)
 * waits while one is running.
 */
export class Slices {
  private running = 0;
  /** Background work waiting for the running requests to end: told once, then forgotten. */
  private waiting: (() => void)[] = [];

  constructor(
    private readonly sliceMs: number,
    /** Resolves once every answer handed to the connection so far has been written. */
    private readonly written: () => Promise<void>,
  ) {}

  /** The steps' answer; undefined if `token` was cancelled while they ran (it is read between slices). */
  async request<T>(steps: Steps<T>, token: CancellationToken): Promise<{ readonly answer: T } | undefined> {
    this.running++;
    try {
      let deadline = performance.now() + this.sliceMs;
      let step = steps.next();
      while (!step.done) {
        if (performance.now() >= deadline) {
          await messagesRead();
          await this.written();
          if (token.isCancellationRequested) return undefined;
          deadline = performance.now() + this.sliceMs;
        }
        step = steps.next();
      }
      return { answer: step.value };
    } finally {
      if (--this.running === 0) for (const resolve of this.waiting.splice(0)) resolve();
    }
  }

  /**
   * Runs background work (the diagnostics check) in slices, each after a `backgroundTurn`: the
   * steps' answer, or undefined once `wanted` says, before a slice, that it is no longer wanted.
   */
  async background<T>(steps: Steps<T>, wanted: () => boolean): Promise<{ readonly answer: T } | undefined> {
    for (;;) {
      await this.backgroundTurn();
      if (!wanted()) return undefined;
      const deadline = performance.now() + this.sliceMs;
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) return { answer: step.value };
        if (performance.now() >= deadline) break;
      }
    }
  }

  /**
   * A turn of the event loop for background work, before its next slice: resolves once no request
   * is running and the answers are written. Woken by a request that ended, it takes another turn
   * first: the request's answer is handed to the connection only after the request ends, and a
   * slice that ran before would hold it up.
   */
  async backgroundTurn(): Promise<void> {
    for (;;) {
      await messagesRead();
      await this.written();
      if (this.running === 0) return;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }
}

/**
 * Two turns of the event loop, after which a message that came in during a slice has been handled:
 * vscode-jsonrpc handles what it reads in an immediate of its own, queued behind one a slice queued
 * on its way out; with one turn, the next slice would run first and the message wait two slices.
 */
async function messagesRead(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
}
