import { Transform, type TransformCallback } from 'node:stream';

/** The blank line that ends a header: `\r\n\r\n`. */
const HEADER_END = [13, 10, 13, 10];
/** A longer header is none: only its start is kept, for the line that reports it. */
const MAX_HEADER_BYTES = 8192;

/**
 * The server's input stream with its framing guarded. vscode-jsonrpc's reader gives up on a
 * header without a Content-Length, or with one that is not a number, until more bytes come, and
 * never reads another message after a negative one. This passes on every message whose header
 * gives a length, under a header of that length alone (the one vscode-jsonrpc reads), and skips
 * any other header with a line to `report`, so that the message after it is read at once. Bodies
 * are passed on as they arrive, not kept.
 */
export class FramingGuard extends Transform {
  /** Bytes of the current body still to pass on; 0 while reading a header. */
  private bodyLeft = 0;
  private header: Buffer[] = [];
  private headerBytes = 0;
  /** How many bytes of HEADER_END the header read so far ends with. */
  private ended = 0;

  constructor(private readonly report: (line: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.bodyLeft > 0) {
        const end = Math.min(chunk.length, at + this.bodyLeft);
        this.push(chunk.subarray(at, end));
        this.bodyLeft -= end - at;
        at = end;
        continue;
      }
      const start = at;
      while (at < chunk.length && this.ended < HEADER_END.length) {
        const byte = chunk[at++];
        this.ended = byte === HEADER_END[this.ended] ? this.ended + 1 : byte === HEADER_END[0] ? 1 : 0;
      }
      this.keepHeader(chunk.subarray(start, at));
      if (this.ended === HEADER_END.length) this.endHeader();
    }
    done();
  }

  private keepHeader(bytes: Buffer): void {
    if (this.headerBytes < MAX_HEADER_BYTES) this.header.push(bytes.subarray(0, MAX_HEADER_BYTES - this.headerBytes));
    this.headerBytes += bytes.length;
  }

  private endHeader(): void {
    const header = Buffer.concat(this.header);
    const length = this.headerBytes <= MAX_HEADER_BYTES ? contentLength(header.toString('ascii')) : undefined;
    this.header = [];
    this.headerBytes = 0;
    this.ended = 0;
    if (length === undefined) {
      this.report(`skipped a message whose header gives no valid Content-Length: ${JSON.stringify(header.toString('ascii', 0, 200))}`);
      return;
    }
    this.push(Buffer.from(`Content-Length: ${length}\r\n\r\n`, 'ascii'));
    this.bodyLeft = length;
  }
}

/** The header's Content-Length, if it has one that is a whole number of bytes. */
function contentLength(header: string): number | undefined {
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0 || line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    return /^\d+$/.test(value) ? Number(value) : undefined;
  }
  return undefined;
}
