/**
 * The waveform of a recording as peaks (issue 18), computed in the extension host in chunks: the
 * file is read a piece at a time and each piece decoded and folded into the peaks, so a hearing
 * of hours never sits decoded in memory (3 hours of 44.1 kHz stereo would be 3.8 GB of samples).
 * WAV is read directly; MP3, Ogg Opus, Ogg Vorbis and FLAC go through the streaming WebAssembly
 * decoders of wasm-audio-decoders. Other formats (WebM, MP4/M4A) give `undefined`: the player
 * decodes those itself, whole, when they are short enough.
 *
 * Node only, no `vscode`: bundled apart (dist/waveform.js), loaded when a player first opens.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

/** Peaks per second of recording: a waveform as wide as a screen shows ten minutes at 2 px a second. */
export const PEAKS_PER_SECOND = 50;

export interface WaveformPeaks {
  /** Seconds of audio decoded. */
  readonly duration: number;
  readonly peaksPerSecond: number;
  /** The loudest sample of each 1/peaksPerSecond s, of any channel, as 0–255 for 0–1. */
  readonly peaks: Uint8Array;
}

export interface PeaksOptions {
  readonly signal?: AbortSignal;
  /** Called now and then with the part of the file read, 0–1. */
  readonly onProgress?: (fraction: number) => void;
}

/** Bytes read and decoded at a time: a few seconds of compressed audio, a fraction of a second of decoding. */
const CHUNK_BYTES = 64 * 1024;
/** Raw PCM costs nothing to decode: bigger reads. */
const PCM_CHUNK_BYTES = 1024 * 1024;

/** Folds samples into peaks, one per `samplesPerPeak` frames, as they come. */
class PeakFolder {
  private peaks = new Uint8Array(64 * 1024);
  private count = 0;
  private loudest = 0;
  private inPeak = 0;
  private frames = 0;
  private samplesPerPeak = 0;
  sampleRate = 0;

  start(sampleRate: number): void {
    if (this.sampleRate) return;
    this.sampleRate = sampleRate;
    this.samplesPerPeak = Math.max(1, Math.round(sampleRate / PEAKS_PER_SECOND));
  }

  /** One frame's loudest absolute sample, 0–1. */
  add(level: number): void {
    if (level > this.loudest) this.loudest = level;
    this.frames++;
    if (++this.inPeak === this.samplesPerPeak) this.push();
  }

  /** Decoded samples, a peak's worth at a time: the hot loop of compressed formats, kept tight. */
  addChannels(channels: readonly Float32Array[], samples: number): void {
    for (let i = 0; i < samples; ) {
      const take = Math.min(samples - i, this.samplesPerPeak - this.inPeak);
      let loudest = this.loudest;
      for (const channel of channels) {
        for (let j = i; j < i + take; j++) {
          const sample = channel[j] < 0 ? -channel[j] : channel[j];
          if (sample > loudest) loudest = sample;
        }
      }
      this.loudest = loudest;
      this.inPeak += take;
      this.frames += take;
      i += take;
      if (this.inPeak === this.samplesPerPeak) this.push();
    }
  }

  private push(): void {
    if (this.count === this.peaks.length) {
      const grown = new Uint8Array(this.peaks.length * 2);
      grown.set(this.peaks);
      this.peaks = grown;
    }
    this.peaks[this.count++] = Math.min(255, Math.round(this.loudest * 255));
    this.loudest = 0;
    this.inPeak = 0;
  }

  finish(): WaveformPeaks {
    if (this.inPeak) this.push();
    return { duration: this.sampleRate ? this.frames / this.sampleRate : 0, peaksPerSecond: PEAKS_PER_SECOND, peaks: this.peaks.slice(0, this.count) };
  }
}

/**
 * The peaks of the recording at `file`, read and decoded a chunk at a time; `undefined` for a
 * format read here by no decoder. Throws on a file that cannot be read or decoded, and with the
 * signal's reason when aborted.
 */
export async function computePeaks(file: string, options: PeaksOptions = {}): Promise<WaveformPeaks | undefined> {
  const head = await readHead(file, 4096);
  const wav = wavLayout(head);
  if (wav) return pcmPeaks(file, wav, options);
  const decoder = await decoderFor(head);
  if (!decoder) return undefined;
  const folder = new PeakFolder();
  const take = (decoded: Decoded) => {
    if (!decoded.samplesDecoded) return;
    folder.start(decoded.sampleRate);
    folder.addChannels(decoded.channelData, decoded.samplesDecoded);
  };
  try {
    await decoder.ready;
    await eachChunk(file, 0, undefined, CHUNK_BYTES, options, async (chunk) => take(await decoder.decode(chunk)));
    if (decoder.flush) take(await decoder.flush());
  } finally {
    decoder.free();
  }
  return folder.finish();
}

async function readHead(file: string, length: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Reads `file` from `start` (to `end`, inclusive, or its end) in chunks, yielding to the event loop between them. */
async function eachChunk(
  file: string, start: number, end: number | undefined, size: number, options: PeaksOptions, take: (chunk: Uint8Array) => void | Promise<void>,
): Promise<void> {
  const total = end ?? (await stat(file)).size - 1;
  const stream = createReadStream(file, { start, end, highWaterMark: size });
  let read = 0;
  let told = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      options.signal?.throwIfAborted();
      await take(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      read += chunk.byteLength;
      const fraction = read / Math.max(1, total - start + 1);
      if (fraction - told >= 0.02) options.onProgress?.((told = fraction));
      // Decoding is synchronous work on the extension host's thread: let the others run between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
    options.signal?.throwIfAborted();
  } finally {
    stream.destroy();
  }
}

// ——— WAV: PCM samples read directly ———

interface WavLayout {
  readonly format: 'int' | 'float';
  readonly channels: number;
  readonly sampleRate: number;
  readonly bytesPerSample: number;
  readonly dataStart: number;
  /** The data chunk's length; 0 or past the file's end for a WAV still being written: then to the end. */
  readonly dataLength: number;
}

/** The layout of a RIFF/WAVE file of integer or float PCM, from its first bytes; undefined for anything else. */
export function wavLayout(head: Uint8Array): WavLayout | undefined {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const tag = (at: number) => String.fromCharCode(...head.subarray(at, at + 4));
  if (head.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return undefined;
  let at = 12;
  let fmt: Omit<WavLayout, 'dataStart' | 'dataLength'> | undefined;
  while (at + 8 <= head.length) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ' && at + 24 <= head.length) {
      let code = view.getUint16(at + 8, true);
      // WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the sub-format GUID.
      if (code === 0xfffe && at + 34 <= head.length) code = view.getUint16(at + 32, true);
      const bits = view.getUint16(at + 22, true);
      const format = code === 1 ? 'int' : code === 3 ? 'float' : undefined;
      if (!format || ![8, 16, 24, 32].includes(bits) || (format === 'float' && bits !== 32)) return undefined;
      fmt = { format, channels: view.getUint16(at + 10, true), sampleRate: view.getUint32(at + 12, true), bytesPerSample: bits / 8 };
    }
    if (id === 'data') return fmt && fmt.channels > 0 && fmt.sampleRate > 0 ? { ...fmt, dataStart: at + 8, dataLength: size } : undefined;
    at += 8 + size + (size % 2);
  }
  return undefined;
}

async function pcmPeaks(file: string, wav: WavLayout, options: PeaksOptions): Promise<WaveformPeaks> {
  const folder = new PeakFolder();
  folder.start(wav.sampleRate);
  const frameBytes = wav.channels * wav.bytesPerSample;
  const sample = sampleReader(wav);
  let carry = new Uint8Array(0);
  const size = (await stat(file)).size;
  const end = wav.dataLength > 0 && wav.dataStart + wav.dataLength <= size ? wav.dataStart + wav.dataLength - 1 : undefined;
  const chunkBytes = PCM_CHUNK_BYTES - (PCM_CHUNK_BYTES % frameBytes);
  await eachChunk(file, wav.dataStart, end, chunkBytes, options, (chunk) => {
    // A frame cut by the chunk's end waits for the next chunk.
    let bytes = chunk;
    if (carry.length) {
      bytes = new Uint8Array(carry.length + chunk.length);
      bytes.set(carry);
      bytes.set(chunk, carry.length);
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const whole = bytes.length - (bytes.length % frameBytes);
    for (let frame = 0; frame < whole; frame += frameBytes) {
      let level = 0;
      for (let at = frame; at < frame + frameBytes; at += wav.bytesPerSample) {
        const value = Math.abs(sample(view, at));
        if (value > level) level = value;
      }
      folder.add(level);
    }
    carry = bytes.slice(whole);
  });
  return folder.finish();
}

/** Reads one sample as -1–1. */
function sampleReader(wav: WavLayout): (view: DataView, at: number) => number {
  if (wav.format === 'float') return (view, at) => view.getFloat32(at, true);
  switch (wav.bytesPerSample) {
    case 1:
      return (view, at) => (view.getUint8(at) - 128) / 128;
    case 2:
      return (view, at) => view.getInt16(at, true) / 32768;
    case 3:
      return (view, at) => ((view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) / 8388608);
    default:
      return (view, at) => view.getInt32(at, true) / 2147483648;
  }
}

// ——— Compressed formats: streaming WebAssembly decoders ———

interface Decoded {
  readonly channelData: Float32Array[];
  readonly samplesDecoded: number;
  readonly sampleRate: number;
}

interface StreamingDecoder {
  readonly ready: Promise<void>;
  decode(chunk: Uint8Array): Decoded | Promise<Decoded>;
  flush?(): Promise<Decoded>;
  free(): void;
}

/** The decoder for a file by its first bytes (its extension may lie); undefined when none reads it. */
async function decoderFor(head: Uint8Array): Promise<StreamingDecoder | undefined> {
  const text = Buffer.from(head).toString('latin1');
  if (text.startsWith('OggS')) {
    if (text.includes('OpusHead')) return new (await import('ogg-opus-decoder')).OggOpusDecoder();
    if (text.includes('\x01vorbis')) return new (await import('@wasm-audio-decoders/ogg-vorbis')).OggVorbisDecoder();
    return undefined;
  }
  if (text.startsWith('fLaC')) return new (await import('@wasm-audio-decoders/flac')).FLACDecoder();
  // An ID3 tag, or an MPEG audio frame's sync word (11 bits set) with a valid layer.
  if (text.startsWith('ID3') || (head[0] === 0xff && (head[1] & 0xe0) === 0xe0 && (head[1] & 0x06) !== 0)) {
    return new (await import('mpg123-decoder')).MPEGDecoder();
  }
  return undefined;
}

// ——— The cache: one file of peaks per recording, by path, size and modification time ———

const CACHE_MAGIC = 'TMPK1';
/** Kept: the waveforms of this many recordings, the last written. */
const CACHE_KEEP = 100;

/** The cache file of a recording's peaks: changes with the recording's path, size and modification time. */
async function cacheFile(cacheDir: string, media: string): Promise<string> {
  const { size, mtimeMs } = await stat(media);
  const key = createHash('sha1').update(`${path.resolve(media)}\0${size}\0${mtimeMs}`).digest('hex');
  return path.join(cacheDir, `${key}.peaks`);
}

/** The cached peaks of a recording, when they are there and whole. */
export async function readCachedPeaks(cacheDir: string, media: string): Promise<WaveformPeaks | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(await cacheFile(cacheDir, media));
  } catch {
    return undefined;
  }
  const header = CACHE_MAGIC.length + 12;
  if (bytes.length < header || bytes.toString('latin1', 0, CACHE_MAGIC.length) !== CACHE_MAGIC) return undefined;
  const duration = bytes.readDoubleLE(CACHE_MAGIC.length);
  const peaksPerSecond = bytes.readUInt32LE(CACHE_MAGIC.length + 8);
  return { duration, peaksPerSecond, peaks: new Uint8Array(bytes.subarray(header)) };
}

/** Writes a recording's peaks to the cache (whole or not at all), and drops the oldest beyond CACHE_KEEP. */
export async function writeCachedPeaks(cacheDir: string, media: string, peaks: WaveformPeaks): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const target = await cacheFile(cacheDir, media);
  const header = Buffer.alloc(CACHE_MAGIC.length + 12);
  header.write(CACHE_MAGIC, 0, 'latin1');
  header.writeDoubleLE(peaks.duration, CACHE_MAGIC.length);
  header.writeUInt32LE(peaks.peaksPerSecond, CACHE_MAGIC.length + 8);
  const partial = `${target}.${process.pid}.part`;
  await writeFile(partial, Buffer.concat([header, peaks.peaks]));
  await rename(partial, target);
  const files = (await readdir(cacheDir)).filter((name) => name.endsWith('.peaks'));
  if (files.length <= CACHE_KEEP) return;
  const dated = await Promise.all(files.map(async (name) => ({ name, used: (await stat(path.join(cacheDir, name))).mtimeMs })));
  dated.sort((a, b) => b.used - a.used);
  await Promise.all(dated.slice(CACHE_KEEP).map(({ name }) => unlink(path.join(cacheDir, name)).catch(() => undefined)));
}
