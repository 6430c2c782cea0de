// The waveform's peaks computed in chunks (issue 18): WAV read directly, MP3 / Opus / Vorbis / FLAC
// decoded a chunk at a time, the silences where the tones are silent, and the cache by path, size
// and modification time.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { computePeaks, PEAKS_PER_SECOND, readCachedPeaks, wavLayout, writeCachedPeaks, type WaveformPeaks } from '../../client/src/waveformPeaks';
import { toneWav } from '../e2e/toneWav';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'media');

/** The loudest peak between two times, 0–255. */
function loudest(peaks: WaveformPeaks, from: number, to: number): number {
  return Math.max(...peaks.peaks.subarray(Math.round(from * peaks.peaksPerSecond), Math.round(to * peaks.peaksPerSecond)));
}

/** The tones are silent from 2.6 s to 3 s and from 5.6 s to 6 s, and loud around them. */
function assertTones(peaks: WaveformPeaks | undefined, tolerance = 0.05): void {
  assert.ok(peaks, 'read');
  assert.ok(Math.abs(peaks.duration - 8) <= tolerance, `duration ${peaks.duration}`);
  assert.equal(peaks.peaksPerSecond, PEAKS_PER_SECOND);
  assert.ok(Math.abs(peaks.peaks.length - 8 * PEAKS_PER_SECOND) <= tolerance * PEAKS_PER_SECOND + 1, `${peaks.peaks.length} peaks`);
  for (const [from, to] of [[2.7, 2.9], [5.7, 5.9]]) assert.ok(loudest(peaks, from, to) < 20, `silent from ${from} s: ${loudest(peaks, from, to)}`);
  for (const [from, to] of [[0.2, 2.4], [3.2, 5.4]]) assert.ok(loudest(peaks, from, to) > 60, `loud from ${from} s: ${loudest(peaks, from, to)}`);
}

describe('waveform peaks in chunks', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'waveform-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a 16-bit WAV directly, its silences silent', async () => {
    const file = path.join(dir, 'tones.wav');
    writeFileSync(file, toneWav(8));
    assertTones(await computePeaks(file), 0.001);
  });

  it('reads a stereo 24-bit WAV with an extra chunk before the samples', async () => {
    const mono = toneWav(8, 44100);
    const frames = (mono.length - 44) / 2;
    const list = Buffer.from('LIST\x04\x00\x00\x00INFO', 'latin1');
    const wav = Buffer.alloc(44 + list.length + frames * 6);
    wav.write('RIFF', 0);
    wav.writeUInt32LE(wav.length - 8, 4);
    wav.write('WAVEfmt ', 8);
    wav.writeUInt32LE(16, 16);
    wav.writeUInt16LE(1, 20);
    wav.writeUInt16LE(2, 22);
    wav.writeUInt32LE(44100, 24);
    wav.writeUInt32LE(44100 * 6, 28);
    wav.writeUInt16LE(6, 32);
    wav.writeUInt16LE(24, 34);
    list.copy(wav, 36);
    wav.write('data', 36 + list.length);
    wav.writeUInt32LE(frames * 6, 40 + list.length);
    for (let i = 0; i < frames; i++) {
      // The tone on the right channel only: the peak is the louder channel's.
      wav.writeIntLE(mono.readInt16LE(44 + i * 2) * 256, 44 + list.length + i * 6 + 3, 3);
    }
    const file = path.join(dir, 'stereo24.wav');
    writeFileSync(file, wav);
    assert.deepEqual(wavLayout(wav.subarray(0, 200)), {
      format: 'int', channels: 2, sampleRate: 44100, bytesPerSample: 3, dataStart: 44 + list.length, dataLength: frames * 6,
    });
    assertTones(await computePeaks(file), 0.001);
  });

  // MP3 frames hold 1152 samples: the last one runs past the end (0.1 s at 16 kHz with LAME's padding).
  for (const [name, tolerance] of [['tones.mp3', 0.12], ['tones.opus', 0.02], ['tones.ogg', 0.02], ['tones.flac', 0.001]] as const) {
    it(`decodes ${name} a chunk at a time`, async () => {
      assertTones(await computePeaks(path.join(FIXTURES, name)), tolerance);
    });
  }

  it('gives undefined for a format it does not read (the player decodes those), whatever the extension says', async () => {
    const file = path.join(dir, 'not-really.mp3');
    writeFileSync(file, Buffer.from('\x1aE\xdf\xa3 a WebM file begins like this'.repeat(100), 'latin1'));
    assert.equal(await computePeaks(file), undefined);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const file = path.join(FIXTURES, 'tones.mp3');
    const computing = computePeaks(file, { signal: controller.signal, onProgress: () => controller.abort(new Error('closed')) });
    await assert.rejects(computing, /closed/);
  });

  it('caches the peaks by path, size and modification time', async () => {
    const file = path.join(dir, 'cached.wav');
    writeFileSync(file, toneWav(8));
    const cache = path.join(dir, 'cache');
    assert.equal(await readCachedPeaks(cache, file), undefined);
    const peaks = (await computePeaks(file))!;
    await writeCachedPeaks(cache, file, peaks);
    assert.deepEqual(await readCachedPeaks(cache, file), peaks);
    // The same file recorded anew: not the old waveform.
    utimesSync(file, new Date(), new Date(Date.now() + 60_000));
    assert.equal(await readCachedPeaks(cache, file), undefined);
  });
});
