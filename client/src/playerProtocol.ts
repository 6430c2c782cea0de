/**
 * The messages between the extension (client/src/media.ts) and the media player's webview
 * (client/player/player.ts). Types only: both sides import it.
 */

/** What the webview is given when it is made, in its page. */
export interface PlayerConfig {
  /** The recording's URL in the webview (a webview resource URI, or an https URL). */
  readonly src: string;
  /** The file name, for messages. */
  readonly name: string;
  readonly video: boolean;
  /**
   * Above this duration (seconds) the player draws no waveform of a recording that it decodes itself
   * (one the extension cannot read in chunks: WebM, MP4/M4A, a URL): decoding holds all of it in memory.
   */
  readonly waveformLimit: number;
  /** The tracks of an MP4 / M4A (client/src/mp4Codecs.ts): the player checks that it plays each before it loads the file. */
  readonly tracks?: readonly { readonly kind: 'audio' | 'video'; readonly codec: string; readonly name: string }[];
}

/** A turn to mark on the waveform. */
export interface TurnMark {
  readonly seconds: number;
  readonly label: string;
  readonly exact: boolean;
}

export type ToPlayer =
  | { readonly type: 'play'; readonly id: number; readonly seconds: number }
  | { readonly type: 'toggle' }
  | { readonly type: 'skip'; readonly delta: number }
  | { readonly type: 'rate'; readonly delta: number }
  | { readonly type: 'turns'; readonly turns: readonly TurnMark[] }
  | { readonly type: 'query'; readonly id: number }
  /** The waveform's peaks, computed by the extension: one per 1/peaksPerSecond s, 0–255 for silence to full scale. */
  | { readonly type: 'peaks'; readonly peaks: readonly number[]; readonly peaksPerSecond: number; readonly source: WaveformSource }
  /** The part of the recording read for its waveform so far, 0–1. */
  | { readonly type: 'waveformProgress'; readonly fraction: number }
  /** The extension cannot read this recording in chunks: the player decodes it itself, when it is short enough. */
  | { readonly type: 'decodeWaveform' }
  /** A problem to show in the player, in place of an empty one. */
  | { readonly type: 'notice'; readonly text: string };

/** Where a waveform's peaks came from: computed in chunks now, the cache of an earlier time, or the player's own decoding. */
export type WaveformSource = 'computed' | 'cache' | 'player';

/** What the media element says, read when asked. */
export interface PlayerState {
  readonly currentTime: number;
  readonly paused: boolean;
  readonly playbackRate: number;
  readonly duration: number;
  /** Where the last playback started (media time at its `playing` event), to check a seek. */
  readonly playStartedAt?: number;
  /** Whether the waveform is drawn. */
  readonly waveform: boolean;
}

export type FromPlayer =
  | { readonly type: 'loaded'; readonly duration: number }
  /** `codec`: a track the player does not play, found before loading; `detail` names them (`AAC audio`). */
  | { readonly type: 'error'; readonly kind: 'unsupported' | 'network' | 'decode' | 'aborted' | 'play' | 'codec'; readonly detail: string }
  | { readonly type: 'time'; readonly currentTime: number; readonly paused: boolean; readonly playbackRate: number }
  | { readonly type: 'played'; readonly id: number; readonly error?: string }
  | { readonly type: 'state'; readonly id: number; readonly state: PlayerState }
  | { readonly type: 'seek'; readonly seconds: number }
  /** The waveform is drawn, or will not be (too long, or the library could not decode the file). */
  | { readonly type: 'waveform'; readonly drawn: boolean; readonly source?: WaveformSource; readonly detail?: string };
