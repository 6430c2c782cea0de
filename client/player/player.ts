// The media player in its webview (issue 18): the audio or video element, a waveform drawn by
// wavesurfer.js with the turns marked, and the messages of client/src/playerProtocol.ts.
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { FromPlayer, PlayerConfig, PlayerState, ToPlayer, TurnMark } from '../src/playerProtocol';

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

media.addEventListener('loadedmetadata', () => {
  post({ type: 'loaded', duration: media.duration });
  if (!config.video) drawWaveform();
});

media.addEventListener('playing', () => {
  playStartedAt = media.currentTime;
});

// The editor follows the playback: at each time update (about 4 a second while playing), and at pauses and seeks.
const report = () => post({ type: 'time', currentTime: media.currentTime, paused: media.paused, playbackRate: media.playbackRate });
for (const event of ['timeupdate', 'play', 'pause', 'seeked', 'ratechange']) media.addEventListener(event, report);
media.addEventListener('ratechange', () => {
  rate.textContent = `${media.playbackRate.toFixed(2).replace(/\.?0+$/, '')}×`;
});

/** The waveform, for a recording short enough to decode whole; playback does not wait for it. */
function drawWaveform(): void {
  if (waveform) return;
  if (!(media.duration <= config.waveformLimit)) {
    show(`No waveform for a recording over ${Math.round(config.waveformLimit / 3600)} hours; playback works.`);
    post({ type: 'waveform', drawn: false, detail: 'too long' });
    return;
  }
  regions = RegionsPlugin.create();
  waveform = WaveSurfer.create({
    container: '#waveform',
    media,
    url: config.src,
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
    post({ type: 'waveform', drawn: false, detail: String(error) });
  });
  waveform.on('decode', () => {
    markTurns();
    post({ type: 'waveform', drawn: true });
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
    case 'notice':
      show(message.text, true);
      break;
    case 'query':
      post({ type: 'state', id: message.id, state: state() });
      break;
  }
});
