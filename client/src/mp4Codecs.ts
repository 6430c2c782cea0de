/**
 * The codecs of an MP4 / M4A / MOV file, read from its sample descriptions (issue 18): VS Code's
 * player (Electron's Chromium, without the patented codecs) plays no AAC and no H.264, and given
 * such a file shows an empty player, or plays the sound of a video without its picture. The
 * player asks its media element whether it plays each codec found here before it loads the file.
 *
 * An MP4 is a tree of boxes (ISO/IEC 14496-12): `moov` › `trak` › `mdia` › (`hdlr`: the track's
 * kind) and `minf` › `stbl` › `stsd`, whose first sample entry names the codec (`mp4a`, `avc1`,
 * `Opus`, `vp09` …). `moov` may come after the media data: the top-level boxes are walked by their
 * headers, read in small ranges, and only `moov` is read whole.
 */

export interface Mp4Track {
  readonly kind: 'audio' | 'video';
  /** The sample entry's four characters: `mp4a`, `avc1`, `Opus`, `vp09`, `hvc1` … */
  readonly format: string;
  /** The codec as a media type's `codecs` parameter takes it, for `canPlayType`: `mp4a.40.2`, `avc1.42E01E`, `opus`. */
  readonly codec: string;
  /** For people: `AAC audio`, `H.264 video`, `Opus audio`. */
  readonly name: string;
}

/** Reads `length` bytes at `offset` (fewer at the end of the file). */
export type ReadRange = (offset: number, length: number) => Promise<Uint8Array>;

/** `moov` larger than this is no file we read (a real one is kilobytes to a few megabytes). */
const MOOV_LIMIT = 64 * 1024 * 1024;

/** The audio and video tracks of an MP4, in order; undefined when it is no MP4 (no `moov` among its top-level boxes). */
export async function readMp4Tracks(read: ReadRange, fileSize: number): Promise<Mp4Track[] | undefined> {
  let offset = 0;
  while (offset + 8 <= fileSize) {
    const head = await read(offset, 16);
    if (head.length < 8) return undefined;
    const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
    const type = fourCc(head, 4);
    if (!/^[\x20-\x7e]{4}$/.test(type)) return undefined;
    let size = view.getUint32(0);
    let header = 8;
    if (size === 1) {
      if (head.length < 16) return undefined;
      size = Number(view.getBigUint64(8));
      header = 16;
    } else if (size === 0) size = fileSize - offset;
    if (size < header) return undefined;
    if (type === 'moov') {
      if (size > MOOV_LIMIT) return undefined;
      const moov = await read(offset + header, size - header);
      return tracksOf(moov);
    }
    offset += size;
  }
  return undefined;
}

function fourCc(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
}

/** The child boxes of a box's content, as [type, content]. */
function* children(content: Uint8Array): Generator<[string, Uint8Array]> {
  const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
  let at = 0;
  while (at + 8 <= content.length) {
    let size = view.getUint32(at);
    let header = 8;
    if (size === 1 && at + 16 <= content.length) {
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) size = content.length - at;
    if (size < header || at + size > content.length) return;
    yield [fourCc(content, at + 4), content.subarray(at + header, at + size)];
    at += size;
  }
}

function child(content: Uint8Array, type: string): Uint8Array | undefined {
  for (const [found, box] of children(content)) if (found === type) return box;
  return undefined;
}

function tracksOf(moov: Uint8Array): Mp4Track[] {
  const tracks: Mp4Track[] = [];
  for (const [type, trak] of children(moov)) {
    if (type !== 'trak') continue;
    const mdia = child(trak, 'mdia');
    const hdlr = mdia && child(mdia, 'hdlr');
    // hdlr: version and flags (4), pre_defined (4), then the handler type.
    const handler = hdlr && hdlr.length >= 12 ? fourCc(hdlr, 8) : '';
    const kind = handler === 'soun' ? 'audio' : handler === 'vide' ? 'video' : undefined;
    const minf = mdia && child(mdia, 'minf');
    const stbl = minf && child(minf, 'stbl');
    const stsd = stbl && child(stbl, 'stsd');
    // stsd: version and flags (4), entry count (4), then the sample entries, boxes themselves.
    if (!kind || !stsd || stsd.length < 16) continue;
    const [format, entry] = children(stsd.subarray(8)).next().value ?? [];
    if (format && entry) tracks.push({ kind, format, ...describe(kind, format, entry) });
  }
  return tracks;
}

/** The codec string and name of a sample entry. */
function describe(kind: 'audio' | 'video', format: string, entry: Uint8Array): { codec: string; name: string } {
  switch (format) {
    case 'mp4a':
      return describeMp4a(entry);
    case 'avc1':
    case 'avc3':
      return { codec: `${format}.42E01E`, name: 'H.264 video' };
    case 'hvc1':
    case 'hev1':
      return { codec: `${format}.1.6.L93.B0`, name: 'H.265 (HEVC) video' };
    case 'Opus':
      return { codec: 'opus', name: 'Opus audio' };
    case 'fLaC':
      return { codec: 'flac', name: 'FLAC audio' };
    case 'vp09':
      return { codec: 'vp09.00.10.08', name: 'VP9 video' };
    case 'av01':
      return { codec: 'av01.0.04M.08', name: 'AV1 video' };
    case 'alac':
      return { codec: 'alac', name: 'Apple Lossless audio' };
    case 'ac-3':
      return { codec: 'ac-3', name: 'AC-3 (Dolby Digital) audio' };
    case 'ec-3':
      return { codec: 'ec-3', name: 'E-AC-3 (Dolby Digital Plus) audio' };
    default:
      return { codec: format.trim(), name: `${format.trim()} ${kind}` };
  }
}

/**
 * `mp4a` holds AAC, or now and then MP3: the `esds` box's decoder configuration says which, by its
 * object type (0x40 MPEG-4 audio, 0x66–0x68 MPEG-2 AAC, 0x69 and 0x6B MPEG audio, that is MP3).
 */
function describeMp4a(entry: Uint8Array): { codec: string; name: string } {
  // An audio sample entry: 28 bytes of fields (version 0), then its boxes; QuickTime's versions 1 and 2 have 16 and 36 more.
  const version = entry.length >= 10 ? (entry[8] << 8) | entry[9] : 0;
  const fields = version === 1 ? 44 : version === 2 ? 64 : 28;
  const esds = child(entry.subarray(Math.min(fields, entry.length)), 'esds');
  const objectType = esds ? decoderObjectType(esds.subarray(4)) : undefined;
  if (objectType === 0x69 || objectType === 0x6b) return { codec: 'mp4a.6B', name: 'MP3 audio' };
  return { codec: 'mp4a.40.2', name: 'AAC audio' };
}

/** The object type of an ES descriptor's DecoderConfigDescriptor (tag 4), after its variable-length sizes. */
function decoderObjectType(descriptor: Uint8Array): number | undefined {
  let at = 0;
  const readLength = () => {
    let length = 0;
    for (let i = 0; i < 4 && at < descriptor.length; i++) {
      const byte = descriptor[at++];
      length = (length << 7) | (byte & 0x7f);
      if (!(byte & 0x80)) break;
    }
    return length;
  };
  if (descriptor[at++] !== 0x03) return undefined; // ES_Descriptor
  readLength();
  at += 2; // ES_ID
  const flags = descriptor[at++];
  if (flags & 0x80) at += 2; // dependsOn_ES_ID
  if (flags & 0x40) at += 1 + descriptor[at]; // URL
  if (flags & 0x20) at += 2; // OCR_ES_Id
  if (descriptor[at++] !== 0x04) return undefined;
  readLength();
  return descriptor[at];
}
