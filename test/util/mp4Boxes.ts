// MP4 boxes made by the tests (ISO/IEC 14496-12): a file's sample descriptions without any media,
// for client/src/mp4Codecs.ts (test/client/mp4Codecs.test.ts, test/e2e/suite/media.e2e.ts).

/** A box: its size, its type, its content. */
export function box(type: string, ...content: Uint8Array[]): Buffer {
  const body = Buffer.concat(content);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

const bytes = (...values: number[]) => Buffer.from(values);
export const zeros = (length: number) => Buffer.alloc(length);

/** A track of `handler` (`soun`, `vide`) whose one sample entry is `entry`. */
export function trak(handler: string, entry: Buffer): Buffer {
  const hdlr = box('hdlr', zeros(8), Buffer.from(handler, 'latin1'), zeros(12), bytes(0));
  const stsd = box('stsd', zeros(4), bytes(0, 0, 0, 1), entry);
  return box('trak', box('tkhd', zeros(84)), box('mdia', box('mdhd', zeros(24)), hdlr, box('minf', box('stbl', stsd, box('stts', zeros(8))))));
}

/** An audio sample entry (28 bytes of fields) with an `esds` of the given object type. */
export function mp4a(objectType: number): Buffer {
  const decoderConfig = bytes(0x04, 13, objectType, 0x15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  const esDescriptor = Buffer.concat([bytes(0x03, 0x80, 0x80, 0x80, 3 + decoderConfig.length, 0, 1, 0), decoderConfig]);
  return box('mp4a', zeros(28), box('esds', zeros(4), esDescriptor));
}

/** The file type box of an M4A. */
export const ftyp = box('ftyp', Buffer.from('M4A \0\0\0\0isomM4A ', 'latin1'));

/** An M4A whose one track is audio of the sample entry `entry`, and some media data that is none. */
export function m4a(entry: Buffer): Buffer {
  return Buffer.concat([ftyp, box('moov', box('mvhd', zeros(100)), trak('soun', entry)), box('mdat', Buffer.alloc(4096, 0x55))]);
}
