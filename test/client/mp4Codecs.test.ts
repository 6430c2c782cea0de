// The codecs of an MP4 read from its sample descriptions (issue 18): AAC and H.264, which VS Code's
// player does not play, told from Opus, VP9 and MP3-in-MP4; `moov` after the media data; no MP4.
import * as assert from 'node:assert/strict';
import { readMp4Tracks, type ReadRange } from '../../client/src/mp4Codecs';
import { box, ftyp, mp4a, trak, zeros } from '../util/mp4Boxes';

function tracksOf(file: Buffer) {
  const read: ReadRange = async (offset, length) => new Uint8Array(file.subarray(offset, offset + length));
  return readMp4Tracks(read, file.length);
}

describe('MP4 codecs from the sample descriptions', () => {
  it('finds AAC in an M4A whose moov comes after a large mdat, reading only box headers before it', async () => {
    const file = Buffer.concat([ftyp, box('free', zeros(16)), box('mdat', zeros(100_000)), box('moov', box('mvhd', zeros(100)), trak('soun', mp4a(0x40)))]);
    const reads: number[] = [];
    const read: ReadRange = async (offset, length) => {
      reads.push(length);
      return new Uint8Array(file.subarray(offset, offset + length));
    };
    assert.deepEqual(await readMp4Tracks(read, file.length), [{ kind: 'audio', format: 'mp4a', codec: 'mp4a.40.2', name: 'AAC audio' }]);
    assert.ok(Math.max(...reads) < 1000, `read ${reads.join(', ')} bytes`);
  });

  it('tells H.264 video with AAC audio, and MP3 in an mp4a entry', async () => {
    const avc1 = box('avc1', zeros(78), box('avcC', zeros(8)));
    const file = Buffer.concat([ftyp, box('moov', trak('vide', avc1), trak('soun', mp4a(0x6b)), trak('text', box('tx3g', zeros(8))))]);
    assert.deepEqual((await tracksOf(file))?.map((t) => [t.kind, t.codec, t.name]), [
      ['video', 'avc1.42E01E', 'H.264 video'],
      ['audio', 'mp4a.6B', 'MP3 audio'],
    ]);
  });

  it('names Opus and VP9, which the player plays', async () => {
    const file = Buffer.concat([ftyp, box('moov', trak('vide', box('vp09', zeros(78))), trak('soun', box('Opus', zeros(28), box('dOps', zeros(11)))))]);
    assert.deepEqual((await tracksOf(file))?.map((t) => t.codec), ['vp09.00.10.08', 'opus']);
  });

  it('gives undefined for what is no MP4, and for a truncated one', async () => {
    assert.equal(await tracksOf(Buffer.from('ID3\x04\0\0\0\0\0\0 an MP3 file', 'latin1')), undefined);
    assert.equal(await tracksOf(Buffer.concat([ftyp, box('mdat', zeros(100))]).subarray(0, 60)), undefined);
  });
});
