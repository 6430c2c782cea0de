// The codecs of an MP4 read from its sample descriptions (issue 18): AAC and H.264, which VS Code's
// player does not play, told from Opus, VP9 and MP3-in-MP4; `moov` after the media data; no MP4.
import * as assert from 'node:assert/strict';
import { readMp4Tracks, type ReadRange } from '../../client/src/mp4Codecs';

/** A box: its size, its type, its content. */
function box(type: string, ...content: Uint8Array[]): Buffer {
  const body = Buffer.concat(content);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

const bytes = (...values: number[]) => Buffer.from(values);
const zeros = (length: number) => Buffer.alloc(length);

/** A track of `handler` (`soun`, `vide`) whose one sample entry is `entry`. */
function trak(handler: string, entry: Buffer): Buffer {
  const hdlr = box('hdlr', zeros(8), Buffer.from(handler, 'latin1'), zeros(12), bytes(0));
  const stsd = box('stsd', zeros(4), bytes(0, 0, 0, 1), entry);
  return box('trak', box('tkhd', zeros(84)), box('mdia', box('mdhd', zeros(24)), hdlr, box('minf', box('stbl', stsd, box('stts', zeros(8))))));
}

/** An audio sample entry (28 bytes of fields) with an `esds` of the given object type. */
function mp4a(objectType: number): Buffer {
  const decoderConfig = bytes(0x04, 13, objectType, 0x15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  const esDescriptor = Buffer.concat([bytes(0x03, 0x80, 0x80, 0x80, 3 + decoderConfig.length, 0, 1, 0), decoderConfig]);
  return box('mp4a', zeros(28), box('esds', zeros(4), esDescriptor));
}

function tracksOf(file: Buffer) {
  const read: ReadRange = async (offset, length) => new Uint8Array(file.subarray(offset, offset + length));
  return readMp4Tracks(read, file.length);
}

const ftyp = box('ftyp', Buffer.from('M4A \0\0\0\0isomM4A ', 'latin1'));

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
