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
  /** Above this duration (seconds) no waveform is drawn: decoding would hold the whole recording in memory. */
  readonly waveformLimit: number;
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
  /** A problem to show in the player, in place of an empty one. */
  | { readonly type: 'notice'; readonly text: string };

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
  | { readonly type: 'error'; readonly kind: 'unsupported' | 'network' | 'decode' | 'aborted' | 'play'; readonly detail: string }
  | { readonly type: 'time'; readonly currentTime: number; readonly paused: boolean; readonly playbackRate: number }
  | { readonly type: 'played'; readonly id: number; readonly error?: string }
  | { readonly type: 'state'; readonly id: number; readonly state: PlayerState }
  | { readonly type: 'seek'; readonly seconds: number }
  /** The waveform is drawn, or will not be (too long, or the library could not decode the file). */
  | { readonly type: 'waveform'; readonly drawn: boolean; readonly detail?: string };
