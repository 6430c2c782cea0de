// The waveform of a long recording (issue 18): the time and the memory of computing its peaks in
// chunks (client/src/waveformPeaks.ts, compiled to out/ by `npx tsc -b`), on a hearing generated here.
//
//   node bench/waveform.mjs                 # 3 hours: WAV, and MP3 / Opus when lame / opusenc are installed
//   node bench/waveform.mjs --hours 1 --rate 44100 --channels 2
//
// Each format runs in a child process of its own, whose peak resident memory (sampled every 50 ms,
// and Linux's VmHWM) is what it needs. Writes bench/tmp/waveform.md (bench/tmp is ignored by git).
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TMP = path.join(ROOT, 'bench', 'tmp');
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};

if (process.argv[2] === '--measure') {
  // The child: one file's peaks.
  const { computePeaks } = await import(path.join(ROOT, 'out', 'client', 'src', 'waveformPeaks.js'));
  let peak = 0;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const peaks = await computePeaks(process.argv[3]);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sample);
  const hwm = /VmHWM:\s+(\d+) kB/.exec(await import('node:fs').then((fs) => fs.readFileSync('/proc/self/status', 'utf8')))?.[1];
  const result = { seconds, duration: peaks?.duration, peaks: peaks?.peaks.length, rss: peak, hwm: hwm ? Number(hwm) * 1024 : undefined };
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
}

const hours = option('hours', 3);
const rate = option('rate', 16000);
const channels = option('channels', 1);
mkdirSync(TMP, { recursive: true });
const wav = path.join(TMP, `hearing-${hours}h-${rate}-${channels}ch.wav`);

/** A WAV of `hours`, streamed to disk a second at a time: speech-like bursts of tones and pauses. */
async function writeWav() {
  const seconds = Math.round(hours * 3600);
  const dataBytes = seconds * rate * channels * 2;
  const out = createWriteStream(wav);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(dataBytes, 40);
  out.write(header);
  for (let s = 0; s < seconds; s++) {
    const second = Buffer.alloc(rate * channels * 2);
    const frequency = 180 + ((s * 37) % 200);
    const pause = s % 7 === 6;
    for (let i = 0; i < rate; i++) {
      const t = s + i / rate;
      const loudness = pause ? 0 : 0.3 + 0.7 * Math.abs(Math.sin(Math.PI * t * 1.3));
      const value = Math.round(10000 * loudness * Math.sin(2 * Math.PI * frequency * t));
      for (let c = 0; c < channels; c++) second.writeInt16LE(value, (i * channels + c) * 2);
    }
    if (!out.write(second)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
}

const has = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
if (!existsSync(wav)) await writeWav();
const files = [wav];
const mp3 = wav.replace(/\.wav$/, '.mp3');
if (has('lame')) {
  if (!existsSync(mp3)) execFileSync('lame', ['--quiet', '-b', '64', wav, mp3]);
  files.push(mp3);
}
const opus = wav.replace(/\.wav$/, '.opus');
if (has('opusenc')) {
  if (!existsSync(opus)) execFileSync('opusenc', ['--quiet', '--bitrate', '32', wav, opus]);
  files.push(opus);
}

const mb = (bytes) => (bytes / 2 ** 20).toFixed(0);
const rows = [];
for (const file of files) {
  const result = JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--measure', file], { encoding: 'utf8' }));
  rows.push(
    `| ${path.basename(file)} | ${mb(statSync(file).size)} MB | ${(result.duration / 3600).toFixed(2)} h | ${result.seconds.toFixed(1)} s | ` +
      `${(result.duration / result.seconds).toFixed(0)}× | ${mb(result.rss)} MB | ${result.hwm ? `${mb(result.hwm)} MB` : '–'} | ${result.peaks} |`,
  );
  process.stdout.write(`${rows[rows.length - 1]}\n`);
}
const table = [
  `Peaks of a generated ${hours} h hearing (${rate} Hz, ${channels} channel${channels > 1 ? 's' : ''}), on ${new Date().toISOString().slice(0, 10)}:`,
  '',
  '| file | size | audio | time | × real time | peak RSS (sampled) | VmHWM | peaks |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows,
  '',
].join('\n');
writeFileSync(path.join(TMP, 'waveform.md'), table);
process.stdout.write(`\n${table}`);
