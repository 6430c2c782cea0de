/**
 * A WAV made by the tests (issue 18's media suites): mono, 16-bit, a different tone each second
 * (220 Hz, 330 Hz …), its loudness rising and falling like speech, with a pause every 3 seconds.
 */
export function toneWav(seconds: number, rate = 8000): Buffer {
  const samples = seconds * rate;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    const t = i / rate;
    const frequency = 220 + 110 * Math.floor(t);
    const pause = t % 3 > 2.6;
    const loudness = pause ? 0 : 0.25 + 0.75 * Math.abs(Math.sin(Math.PI * t * 1.7));
    wav.writeInt16LE(Math.round(12000 * loudness * Math.sin(2 * Math.PI * frequency * t)), 44 + i * 2);
  }
  return wav;
}
