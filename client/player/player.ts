// The media player in its webview (issue 18): the audio or video element, a waveform drawn by
// wavesurfer.js with the turns marked, and the messages of client/src/playerProtocol.ts.
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { FromPlayer, PlayerConfig, PlayerState, ToPlayer, TurnMark, WaveformSource } from '../src/playerProtocol';

declare function acquireVsCodeApi(): { postMessage(message: FromPlayer): void };

const vscode = acquireVsCodeApi();
const post = (message: FromPlayer) => vscode.postMessage(message);
const config = JSON.parse(document.getElementById('config')!.textContent!) as PlayerConfig;
const media = document.getElementById('media') as HTMLMediaElement;
const notice = document.getElementById('notice')!;
const rate = document.getElementById('rate')!;

let waveform: WaveSurfer | undefined;
let regions: ReturnType<typeof RegionsPlugin.create> | undefined;
let turns: readonly TurnMark[] = [];
let playStartedAt: number | undefined;

function show(text: string, error = false): void {
  notice.textContent = text;
  notice.className = error ? 'error' : 'note';
  notice.hidden = !text;
}

const ERROR_KINDS = { 1: 'aborted', 2: 'network', 3: 'decode', 4: 'unsupported' } as const;

media.addEventListener('error', () => {
  const code = media.error?.code ?? 4;
  const kind = ERROR_KINDS[code as keyof typeof ERROR_KINDS] ?? 'unsupported';
  post({ type: 'error', kind, detail: media.error?.message || `media error ${code}` });
});

/**
 * An MP4 whose codecs the player does not play (AAC, H.264 in VS Code's Electron) is not loaded:
 * the media element would show an empty player, or a video's sound without its picture.
 */
function load(): void {
  const unplayable = (config.tracks ?? []).filter((track) => !media.canPlayType(`${track.kind}/mp4; codecs="${track.codec}"`));
  if (unplayable.length) post({ type: 'error', kind: 'codec', detail: unplayable.map((track) => track.name).join(' and ') });
  else media.src = config.src;
}

// Playback never waits for the waveform: the extension computes its peaks once the recording has
// loaded, and sends them (or asks the player to decode the recording itself).
media.addEventListener('loadedmetadata', () => post({ type: 'loaded', duration: media.duration }));

media.addEventListener('playing', () => {
  playStartedAt = media.currentTime;
});

// The editor follows the playback: at each time update (about 4 a second while playing), and at pauses and seeks.
const report = () => post({ type: 'time', currentTime: media.currentTime, paused: media.paused, playbackRate: media.playbackRate });
for (const event of ['timeupdate', 'play', 'pause', 'seeked', 'ratechange']) media.addEventListener(event, report);
media.addEventListener('ratechange', () => {
  rate.textContent = `${media.playbackRate.toFixed(2).replace(/\.?0+$/, '')}×`;
});

/** The waveform from the extension's peaks (0–255 each), as wavesurfer.js takes them: -1–1, with the duration. */
function drawPeaks(peaks: readonly number[], peaksPerSecond: number, source: WaveformSource): void {
  const levels = Float32Array.from(peaks, (peak) => peak / 255);
  const duration = Number.isFinite(media.duration) ? media.duration : peaks.length / peaksPerSecond;
  makeWaveform(source, { peaks: [levels], duration });
}

/** The waveform of a recording that the player decodes itself, whole: only when short enough. */
function decodeWaveform(): void {
  if (!(media.duration <= config.waveformLimit)) {
    show(`No waveform for a recording of this format over ${Math.round(config.waveformLimit / 3600)} hours; playback works.`);
    post({ type: 'waveform', drawn: false, detail: 'too long' });
    return;
  }
  makeWaveform('player', { url: config.src });
}

function makeWaveform(source: WaveformSource, data: { peaks: Float32Array[]; duration: number } | { url: string }): void {
  if (waveform || config.video) return;
  regions = RegionsPlugin.create();
  waveform = WaveSurfer.create({
    container: '#waveform',
    media,
    ...data,
    height: 96,
    normalize: true,
    // The canvas takes colours, not CSS variables: the theme's, read from the page.
    waveColor: themeColor('--vscode-descriptionForeground', '#888'),
    progressColor: themeColor('--vscode-textLink-foreground', '#36c'),
    cursorColor: themeColor('--vscode-editorCursor-foreground', '#c33'),
    plugins: [regions],
  });
  waveform.on('error', (error) => {
    show(`The waveform could not be drawn (${String(error)}); playback works.`);
    post({ type: 'waveform', drawn: false, source, detail: String(error) });
  });
  waveform.on('decode', () => {
    if (!notice.classList.contains('error')) show('');
    markTurns();
    post({ type: 'waveform', drawn: true, source });
  });
  // A click on the waveform seeks the media element; the editor follows.
  waveform.on('interaction', (seconds) => post({ type: 'seek', seconds }));
}

function themeColor(variable: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(variable).trim() || fallback;
}

function markTurns(): void {
  if (!regions || !waveform || !waveform.getDuration()) return;
  regions.clearRegions();
  for (const turn of turns) {
    const color = turn.exact ? themeColor('--vscode-textLink-foreground', '#36c') : themeColor('--vscode-disabledForeground', '#999');
    regions.addRegion({ start: turn.seconds, content: turn.label, color, drag: false, resize: false });
  }
}

function state(): PlayerState {
  return {
    currentTime: media.currentTime, paused: media.paused, playbackRate: media.playbackRate, duration: media.duration,
    ...(playStartedAt !== undefined ? { playStartedAt } : {}), waveform: !!waveform && waveform.getDuration() > 0,
  };
}

async function play(id: number, seconds: number): Promise<void> {
  playStartedAt = undefined;
  media.currentTime = Math.max(0, Math.min(seconds, Number.isFinite(media.duration) ? media.duration : seconds));
  try {
    await media.play();
    post({ type: 'played', id });
  } catch (error) {
    post({ type: 'played', id, error: String(error) });
  }
}

window.addEventListener('message', (event: MessageEvent<ToPlayer>) => {
  const message = event.data;
  switch (message.type) {
    case 'play':
      void play(message.id, message.seconds);
      break;
    case 'toggle':
      if (media.paused) media.play().catch((error) => post({ type: 'error', kind: 'play', detail: String(error) }));
      else media.pause();
      break;
    case 'skip':
      media.currentTime = Math.max(0, media.currentTime + message.delta);
      break;
    case 'rate':
      media.playbackRate = Math.min(2, Math.max(0.5, Math.round((media.playbackRate + message.delta) * 100) / 100));
      break;
    case 'turns':
      turns = message.turns;
      markTurns();
      break;
    case 'peaks':
      drawPeaks(message.peaks, message.peaksPerSecond, message.source);
      break;
    case 'waveformProgress':
      if (!waveform && !notice.classList.contains('error')) show(`Drawing the waveform: ${Math.round(message.fraction * 100)} % read…`);
      break;
    case 'decodeWaveform':
      decodeWaveform();
      break;
    case 'notice':
      show(message.text, true);
      break;
    case 'query':
      post({ type: 'state', id: message.id, state: state() });
      break;
  }
});

load();
