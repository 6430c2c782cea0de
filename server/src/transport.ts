import { IPCMessageReader, IPCMessageWriter, StreamMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';
import { FramingGuard } from './framing';

/**
 * The writing end of the connection, counting the messages handed to it and not yet written
 * out. A long job waits for them before each of its slices: an answer of a few megabytes (the
 * outline of a 10 MB transcript) crosses a pipe 64 KB at a time, one turn of the event loop
 * each, and a job that ran between those turns would hold it up for the whole job.
 */
export class TrackedWriter implements MessageWriter {
  private pending = 0;
  /** Who waits for the messages handed over so far to be written: told once, then forgotten. */
  private waiting: (() => void)[] = [];

  constructor(private readonly inner: MessageWriter) {}

  get onError(): MessageWriter['onError'] {
    return this.inner.onError;
  }

  get onClose(): MessageWriter['onClose'] {
    return this.inner.onClose;
  }

  write(message: Message): Promise<void> {
    this.pending++;
    return this.inner.write(message).finally(() => {
      if (--this.pending === 0) for (const resolve of this.waiting.splice(0)) resolve();
    });
  }

  end(): void {
    this.inner.end();
  }

  dispose(): void {
    this.inner.dispose();
  }

  /** Resolves once every message handed over so far has been written. */
  written(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }
}

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket=', '--pipe='];

/** The transport the command line names (the first, as in vscode-languageserver); undefined if none. */
export function namedTransport(argv: readonly string[]): string | undefined {
  return argv.find((arg) => TRANSPORTS.some((transport) => arg.startsWith(transport)));
}

/**
 * The connection's two ends for `--stdio` and `--node-ipc` (what editors use), with the writer
 * tracked and stdin's framing guarded (a broken header is skipped with a line on stderr);
 * undefined for a socket or a named pipe, where vscode-languageserver reads the command line itself.
 */
export function trackedTransport(argv: readonly string[]): { input: NodeJS.ReadableStream | IPCMessageReader; writer: TrackedWriter } | undefined {
  const transport = namedTransport(argv);
  if (transport === '--node-ipc') return { input: new IPCMessageReader(process), writer: new TrackedWriter(new IPCMessageWriter(process)) };
  if (transport === '--stdio') {
    const input = process.stdin.pipe(new FramingGuard((line) => process.stderr.write(`transcript-language-server: ${line}\n`)));
    return { input, writer: new TrackedWriter(new StreamMessageWriter(process.stdout)) };
  }
  return undefined;
}
