import { open } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
// Pure and import-free: nothing else of the server comes into the client's bundle.
import { conversionAdvice, formatClock, mediaExtension, USUALLY_UNPLAYABLE, VIDEO_EXTENSIONS } from '../../server/src/service/languageFeatures/mediaSource';
import { readMp4Tracks, type Mp4Track } from './mp4Codecs';
import { activeTranscript } from './navigation';
import type { PositionAtResult, TimeAtResult, TurnAtInfo, TurnInfo } from './protocol';
import type { FromPlayer, PlayerConfig, PlayerState, ToPlayer, TurnMark, WaveformSource } from './playerProtocol';
import type { WaveformPeaks } from './waveformPeaks';

/**
 * A transcript with its recording (issue 18): Transcript: Open Media plays it in a webview beside
 * the editor; Play from Here, the transcribing keys, and the editor following the playback.
 */

/** Seconds the skip keys move. */
const SKIP_SECONDS = 2;
const RATE_STEP = 0.25;
/** Above this length the player does not decode a recording whole for its waveform (formats not read in chunks here). */
const WAVEFORM_LIMIT_SECONDS = 2 * 3600;
/** The recording each transcript was given with Choose Media File…, by transcript URI. */
const CHOSEN_KEY = 'transcript.media.chosen';

/** What Open Media did: the player it opened, or the message it showed. */
export interface OpenMediaResult {
  readonly opened: boolean;
  readonly media?: string;
  readonly message?: string;
}

/** The player as the extension's API gives it (the editor tests read it). */
export interface MediaApi {
  /** The media element's state, read from the webview; undefined with no player. */
  state(): Promise<PlayerState | undefined>;
  /** Whether the player's waveform was drawn and from what, once it is or will not be; undefined with no player. */
  waveform(): Promise<{ drawn: boolean; source?: WaveformSource } | undefined>;
  /** The 0-based line of the turn highlighted while playing. */
  followedLine(): number | undefined;
  /** Fires after each time the editor followed the playback (the highlight moved or stayed). */
  readonly onDidFollow: vscode.Event<number | undefined>;
}

const fileName = (uri: vscode.Uri) => decodeURIComponent(uri.path.slice(uri.path.lastIndexOf('/') + 1));

class Player {
  private nextId = 1;
  private readonly waiting = new Map<number, (message: FromPlayer) => void>();
  readonly loaded: Promise<{ duration: number } | { error: string }>;
  private settleLoad!: (result: { duration: number } | { error: string }) => void;
  /** Whether the waveform was drawn; settles once the webview has drawn it, or given up. */
  readonly waveform: Promise<{ drawn: boolean; source?: WaveformSource }>;
  private settleWaveform!: (drawn: { drawn: boolean; source?: WaveformSource }) => void;
  /** Aborted when the player closes: stops computing its waveform. */
  readonly closing = new AbortController();
  last: { currentTime: number; paused: boolean; playbackRate: number } = { currentTime: 0, paused: true, playbackRate: 1 };

  constructor(
    readonly panel: vscode.WebviewPanel, readonly transcript: vscode.Uri, readonly media: vscode.Uri,
    private readonly onMessage: (player: Player, message: FromPlayer) => void,
  ) {
    this.loaded = new Promise((resolve) => (this.settleLoad = resolve));
    this.waveform = new Promise((resolve) => (this.settleWaveform = resolve));
    panel.webview.onDidReceiveMessage((message: FromPlayer) => {
      if (message.type === 'loaded') this.settleLoad({ duration: message.duration });
      if (message.type === 'error' && message.kind !== 'play') this.settleLoad({ error: message.detail });
      if (message.type === 'time') this.last = message;
      if (message.type === 'waveform') this.settleWaveform({ drawn: message.drawn, source: message.source });
      if ((message.type === 'state' || message.type === 'played') && this.waiting.has(message.id)) {
        this.waiting.get(message.id)!(message);
        this.waiting.delete(message.id);
      }
      this.onMessage(this, message);
    });
  }

  post(message: ToPlayer): void {
    void this.panel.webview.postMessage(message);
  }

  /** Sends a message that the webview answers, and waits (2 s at most) for the answer. */
  private ask(make: (id: number) => ToPlayer): Promise<FromPlayer | undefined> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve(undefined);
      }, 2000);
      this.waiting.set(id, (message) => {
        clearTimeout(timer);
        resolve(message);
      });
      this.post(make(id));
    });
  }

  async play(seconds: number): Promise<string | undefined> {
    const answer = await this.ask((id) => ({ type: 'play', id, seconds }));
    return answer?.type === 'played' ? answer.error : 'the player did not answer';
  }

  async state(): Promise<PlayerState | undefined> {
    const answer = await this.ask((id) => ({ type: 'query', id }));
    return answer?.type === 'state' ? answer.state : undefined;
  }
}

export function registerMedia(context: vscode.ExtensionContext, client: LanguageClient): MediaApi {
  let player: Player | undefined;
  const followed = new vscode.EventEmitter<number | undefined>();
  const highlight = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('editor.rangeHighlightBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.rangeHighlightForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Full,
  });
  const status = vscode.window.createStatusBarItem('transcript.media', vscode.StatusBarAlignment.Right, 99);
  status.name = 'Transcript playback';
  status.command = 'transcript.togglePlayback';
  status.tooltip = 'Play or pause the recording';
  context.subscriptions.push(followed, highlight, status, { dispose: () => player?.panel.dispose() });

  const textDocument = (uri: vscode.Uri) => ({ uri: uri.toString() });

  /** The recording of a transcript: the one chosen for it, or the server's candidates that exist. */
  async function findMedia(document: vscode.TextDocument): Promise<{ media?: vscode.Uri; message?: string }> {
    const chosen = context.workspaceState.get<Record<string, string>>(CHOSEN_KEY, {})[document.uri.toString()];
    if (chosen && (await exists(vscode.Uri.parse(chosen)))) return { media: vscode.Uri.parse(chosen) };
    const answer = await client.sendRequest<{ declared?: string; candidates: string[] } | null>(
      'transcript/media',
      { textDocument: textDocument(document.uri) },
    );
    const candidates = (answer?.candidates ?? []).map((c) => vscode.Uri.parse(c));
    for (const candidate of candidates) if (/^https?$/.test(candidate.scheme) || (await exists(candidate))) return { media: candidate };
    const name = fileName(document.uri);
    if (answer?.declared) {
      const where = candidates[0] ? (candidates[0].scheme === 'file' ? candidates[0].fsPath : candidates[0].toString()) : answer.declared;
      return {
        message: `The recording of ${name}, media: ${answer.declared} in its front matter, is not there (${where}). Correct the path, or choose the file.`,
      };
    }
    const names = candidates.map(fileName);
    return {
      message: names.length
        ? `No recording found for ${name}: looked for ${names.join(', ')} beside it. ` +
          'Put the recording there, name it in the front matter (media: path/to/recording.mp3), or choose the file.'
        : `No recording for ${name}: save the transcript, name the recording in its front matter (media: https://…/recording.mp3), or choose the file.`,
    };
  }

  async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
      await vscode.workspace.fs.stat(uri);
      return true;
    } catch {
      return false;
    }
  }

  /** A message naming the file and what to do, with Choose Media File… where that helps. */
  function problem(message: string, transcript?: vscode.Uri): OpenMediaResult {
    void vscode.window.showErrorMessage(message, ...(transcript ? ['Choose Media File…'] : [])).then((choice) => {
      if (choice && transcript) void vscode.commands.executeCommand('transcript.chooseMedia', transcript);
    });
    return { opened: false, message };
  }

  function playError(media: vscode.Uri, kind: string, detail: string): string {
    const name = fileName(media);
    const where = media.scheme === 'file' ? media.fsPath : media.toString();
    if (kind === 'codec') return `Cannot play ${name}: VS Code’s player does not play its ${detail}. ${conversionAdvice(name)}`;
    if (kind === 'network') {
      return `The recording ${where} could not be loaded (${detail}). Check the address and the network, or download it beside the transcript.`;
    }
    const aacOrH264 = (USUALLY_UNPLAYABLE as readonly string[]).includes(mediaExtension(media.path));
    const why = aacOrH264 ? 'VS Code’s player does not play AAC audio or H.264 video' : 'the player cannot play this format';
    return `Cannot play ${name}: ${why} (${detail}). ${conversionAdvice(name)}`;
  }

  async function openMedia(given?: vscode.Uri): Promise<OpenMediaResult> {
    const document = given ? await vscode.workspace.openTextDocument(given) : activeTranscript()?.document;
    if (!document) return problem('Open a transcript first: Open Media plays the recording of the transcript in the active editor.');
    if (player?.transcript.toString() === document.uri.toString()) {
      player.panel.reveal(undefined, true);
      return { opened: true, media: player.media.toString() };
    }
    const found = await findMedia(document);
    if (!found.media) return problem(found.message!, document.uri);
    player?.panel.dispose();
    const opened = makePlayer(document.uri, found.media, await mp4Tracks(found.media));
    player = opened;
    const loaded = await opened.loaded;
    if ('error' in loaded) return { opened: false, media: found.media.toString(), message: lastError ?? loaded.error };
    void client.sendNotification('transcript/mediaInfo', { uri: document.uri.toString(), duration: loaded.duration });
    void markTurns(opened, document);
    void sendWaveform(opened);
    return { opened: true, media: found.media.toString() };
  }

  let lastError: string | undefined;

  /** The tracks of a local MP4 / M4A / MOV (any file whose boxes say so), for the player to check; undefined for others. */
  async function mp4Tracks(media: vscode.Uri): Promise<Mp4Track[] | undefined> {
    if (media.scheme !== 'file') return undefined;
    try {
      const handle = await open(media.fsPath, 'r');
      try {
        const read = async (offset: number, length: number) => {
          const buffer = Buffer.alloc(length);
          const { bytesRead } = await handle.read(buffer, 0, length, offset);
          return new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
        };
        return await readMp4Tracks(read, (await handle.stat()).size);
      } finally {
        await handle.close();
      }
    } catch {
      return undefined; // Unreadable: the player says so when it tries.
    }
  }

  function makePlayer(transcript: vscode.Uri, media: vscode.Uri, tracks: readonly Mp4Track[] | undefined): Player {
    const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
    const local = media.scheme !== 'http' && media.scheme !== 'https';
    const beside = { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true };
    const panel = vscode.window.createWebviewPanel('transcript.media', `▶ ${fileName(media)}`, beside, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [dist, ...(local ? [vscode.Uri.joinPath(media, '..')] : [])],
    });
    const src = local ? panel.webview.asWebviewUri(media).toString() : media.toString();
    const video = (VIDEO_EXTENSIONS as readonly string[]).includes(mediaExtension(media.path));
    const config: PlayerConfig = { src, name: fileName(media), video, waveformLimit: WAVEFORM_LIMIT_SECONDS, ...(tracks ? { tracks } : {}) };
    panel.webview.html = playerHtml(panel.webview, vscode.Uri.joinPath(dist, 'player.js'), config);
    lastError = undefined;
    const made = new Player(panel, transcript, media, onPlayerMessage);
    panel.onDidDispose(() => {
      made.closing.abort();
      if (player !== made) return;
      player = undefined;
      status.hide();
      clearHighlight();
      void client.sendNotification('transcript/mediaInfo', { uri: transcript.toString(), duration: null });
    });
    return made;
  }

  function onPlayerMessage(from: Player, message: FromPlayer): void {
    if (from !== player) return;
    if (message.type === 'error') {
      lastError = message.kind === 'play' ? `The player would not start: ${message.detail}` : playError(from.media, message.kind, message.detail);
      from.post({ type: 'notice', text: lastError });
      void vscode.window.showErrorMessage(lastError);
    }
    if (message.type === 'time') void follow(from, message.currentTime, message.paused, message.playbackRate);
    if (message.type === 'seek') void follow(from, message.seconds, from.last.paused, from.last.playbackRate);
  }

  /**
   * The waveform's peaks, from the cache or computed in chunks here (client/src/waveformPeaks.ts)
   * while the recording already plays; for a format not read here, the player decodes it itself.
   */
  async function sendWaveform(target: Player): Promise<void> {
    if ((VIDEO_EXTENSIONS as readonly string[]).includes(mediaExtension(target.media.path))) return;
    if (target.media.scheme !== 'file') return target.post({ type: 'decodeWaveform' });
    const { computePeaks, readCachedPeaks, writeCachedPeaks } = await import('./waveformPeaks.js');
    const cacheDir = vscode.Uri.joinPath(context.globalStorageUri, 'waveforms').fsPath;
    const file = target.media.fsPath;
    const send = (peaks: WaveformPeaks, source: WaveformSource) =>
      target.post({ type: 'peaks', peaks: Array.from(peaks.peaks), peaksPerSecond: peaks.peaksPerSecond, source });
    try {
      const cached = await readCachedPeaks(cacheDir, file);
      if (cached) return send(cached, 'cache');
      const onProgress = (fraction: number) => target.post({ type: 'waveformProgress', fraction });
      const computed = await computePeaks(file, { signal: target.closing.signal, onProgress });
      if (!computed) return target.post({ type: 'decodeWaveform' });
      send(computed, 'computed');
      // A cache that cannot be written (a full disk) costs only the next computation.
      await writeCachedPeaks(cacheDir, file, computed).catch(() => undefined);
    } catch {
      // Closed, or a file the decoder could not read: the player may still decode it.
      if (!target.closing.signal.aborted) target.post({ type: 'decodeWaveform' });
    }
  }

  /** The turns on the waveform: each turn's time, from the server. */
  async function markTurns(target: Player, document: vscode.TextDocument): Promise<void> {
    const turns = (await client.sendRequest<TurnInfo[] | null>('transcript/turns', { textDocument: textDocument(document.uri) })) ?? [];
    const marks: TurnMark[] = [];
    for (const turn of turns.slice(0, 2000)) {
      const time = await client.sendRequest<TimeAtResult | null>('transcript/timeAt', { textDocument: textDocument(document.uri), position: turn.range.start });
      if (!time) return;
      marks.push({ seconds: time.seconds, exact: time.exact, label: turn.speaker });
    }
    target.post({ type: 'turns', turns: marks });
  }

  // ——— Following: the turn being played is highlighted; the status bar shows the time and the turn ———
  let following = false;
  let followedAt: number | undefined;

  async function follow(from: Player, seconds: number, paused: boolean, rate: number): Promise<void> {
    showStatus(seconds, paused, rate);
    if (following) return; // one request at a time; the next time update asks again
    following = true;
    try {
      const uri = from.transcript.toString();
      const at = await client.sendRequest<PositionAtResult | null>('transcript/positionAt', { textDocument: { uri }, seconds });
      if (!at) {
        followed.fire(undefined);
        return;
      }
      const range = new vscode.Range(at.range.start.line, at.range.start.character, at.range.end.line, at.range.end.character);
      const editors = vscode.window.visibleTextEditors.filter((editor) => editor.document.uri.toString() === uri);
      if (at.range.start.line !== followedAt) {
        followedAt = at.range.start.line;
        const turn = await client.sendRequest<TurnAtInfo | null>('transcript/turnAt', { textDocument: { uri }, position: at.position });
        turnName = turn?.speaker;
        moveWithPlayback(editors, new vscode.Position(at.position.line, at.position.character));
      }
      for (const editor of editors) editor.setDecorations(highlight, [range]);
      showStatus(seconds, paused, rate);
      followed.fire(followedAt);
    } catch {
      // The server is restarting: the next time update follows again.
    } finally {
      following = false;
    }
  }
  let turnName: string | undefined;

  /** When the transcript was last edited: the cursor is not moved under someone typing. */
  let lastEdit = 0;
  const TYPING_PAUSE_MS = 3000;

  /**
   * `transcript.media.follow`: `scroll` keeps the new turn in view; `cursor` also puts the cursor at
   * its start, which the Outline (with Follow Cursor, its default) and the breadcrumbs track: VS Code
   * gives extensions no other way to select an Outline item. Not within 3 s of an edit.
   */
  function moveWithPlayback(editors: readonly vscode.TextEditor[], start: vscode.Position): void {
    const mode = vscode.workspace.getConfiguration('transcript.media').get<string>('follow', 'highlight');
    if (mode === 'highlight') return;
    for (const editor of editors) {
      if (mode === 'cursor' && Date.now() - lastEdit >= TYPING_PAUSE_MS) editor.selection = new vscode.Selection(start, start);
      editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }

  /** `▷ 00:01:02 1.5× · Jane Roe`: the playback time, the speed when not 1, the turn being played. */
  function showStatus(seconds: number, paused: boolean, rate: number): void {
    const icon = paused ? '$(debug-pause)' : '$(play)';
    const speed = rate !== 1 ? ` ${rate}×` : '';
    const turn = turnName ? ` · ${turnName}` : '';
    status.text = `${icon} ${formatClock(Math.floor(seconds))}${speed}${turn}`;
    status.show();
  }

  function clearHighlight(): void {
    followedAt = undefined;
    turnName = undefined;
    for (const editor of vscode.window.visibleTextEditors) editor.setDecorations(highlight, []);
  }

  /** The player of the active transcript, opened if need be; undefined (with a message shown) when there is none. */
  async function playerFor(uri?: vscode.Uri): Promise<Player | undefined> {
    const target = uri ?? activeTranscript()?.document.uri ?? player?.transcript;
    if (!target) {
      void vscode.window.showWarningMessage('Open a transcript and its recording first (Transcript: Open Media).');
      return undefined;
    }
    if (player && player.transcript.toString() === target.toString()) return player;
    const result = await openMedia(target);
    return result.opened ? player : undefined;
  }

  async function playFrom(link?: { uri?: string; seconds?: number }): Promise<void> {
    let uri: vscode.Uri | undefined;
    let seconds: number;
    let exact = true;
    if (link && typeof link.seconds === 'number') {
      uri = link.uri ? vscode.Uri.parse(link.uri) : undefined;
      seconds = link.seconds;
    } else {
      const editor = activeTranscript();
      if (!editor) return void vscode.window.showWarningMessage('Play from Here plays the recording from the cursor of a transcript.');
      uri = editor.document.uri;
      const position = editor.selection.active;
      const time = await client.sendRequest<TimeAtResult | null>(
        'transcript/timeAt',
        { textDocument: textDocument(uri), position: { line: position.line, character: position.character } },
      );
      if (!time) {
        return void vscode.window.showWarningMessage(
          `${fileName(uri)} has no timestamps ([00:01:02]) to play from: add one at a turn, or stamp turns while playing (Insert Timestamp).`,
        );
      }
      ({ seconds, exact } = time);
    }
    const target = await playerFor(uri);
    if (!target) return;
    const error = await target.play(seconds);
    if (error) return void vscode.window.showErrorMessage(`The player would not start at ${formatClock(seconds)}: ${error}`);
    if (!exact) {
      vscode.window.setStatusBarMessage(
        `Playing from about ${formatClock(seconds)}: this turn has no timestamp, its time is interpolated between the nearest ones`,
        5000,
      );
    }
  }

  /** The active transcript's editor and the stamp of its player's time, `[00:01:02]`; undefined without them. */
  async function stampAtPlayback(): Promise<{ editor: vscode.TextEditor; stamp: string } | undefined> {
    const editor = activeTranscript();
    if (!editor) return undefined;
    const state = await (await playerFor(editor.document.uri))?.state();
    return state && { editor, stamp: `[${formatClock(Math.floor(state.currentTime))}]` };
  }

  async function insertTimestamp(): Promise<void> {
    const found = await stampAtPlayback();
    if (!found) return;
    const { editor } = found;
    const stamp = `${found.stamp} `;
    await editor.edit((edit) => {
      for (const selection of editor.selections) edit.replace(selection, stamp);
    });
  }

  /**
   * A new paragraph after the cursor's line: `[hh:mm:ss] Name: ` from the playback time, for the
   * speaker who spoke before the cursor's turn (interviews alternate), the cursor after it.
   */
  async function newTurn(): Promise<void> {
    const found = await stampAtPlayback();
    if (!found) return;
    const { editor, stamp } = found;
    const cursor = editor.selection.active;
    const turns = (await client.sendRequest<TurnInfo[] | null>('transcript/turns', { textDocument: textDocument(editor.document.uri) })) ?? [];
    const before = turns.filter((t) => t.speakerId && new vscode.Position(t.range.start.line, t.range.start.character).isBeforeOrEqual(cursor));
    const current = before[before.length - 1];
    const other = [...before].reverse().find((t) => t.speakerId !== current?.speakerId);
    const name = other?.speaker ?? current?.speaker;
    const line = editor.document.lineAt(cursor.line);
    const opening = `${stamp} ${name ? `${name}: ` : ''}`;
    await editor.edit((edit) => edit.insert(line.range.end, `\n\n${opening}`));
    const end = new vscode.Position(cursor.line + 2, opening.length);
    editor.selection = new vscode.Selection(end, end);
  }

  const send = (message: ToPlayer) => async () => (await playerFor())?.post(message);

  context.subscriptions.push(
    vscode.commands.registerCommand('transcript.openMedia', (uri?: vscode.Uri) => openMedia(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('transcript.chooseMedia', async (uri?: vscode.Uri) => {
      const transcript = uri instanceof vscode.Uri ? uri : activeTranscript()?.document.uri;
      if (!transcript) return;
      const [picked] = (await vscode.window.showOpenDialog({
        title: `The recording of ${fileName(transcript)}`, canSelectMany: false, defaultUri: vscode.Uri.joinPath(transcript, '..'),
        filters: { Recordings: ['mp3', 'm4a', 'wav', 'ogg', 'opus', 'webm', 'mp4', 'flac'] },
      })) ?? [];
      if (!picked) return;
      const chosen = context.workspaceState.get<Record<string, string>>(CHOSEN_KEY, {});
      await context.workspaceState.update(CHOSEN_KEY, { ...chosen, [transcript.toString()]: picked.toString() });
      if (player?.transcript.toString() === transcript.toString()) player.panel.dispose();
      await openMedia(transcript);
    }),
    vscode.commands.registerCommand('transcript.playFrom', playFrom),
    vscode.commands.registerCommand('transcript.togglePlayback', send({ type: 'toggle' })),
    vscode.commands.registerCommand('transcript.skipBack', send({ type: 'skip', delta: -SKIP_SECONDS })),
    vscode.commands.registerCommand('transcript.skipForward', send({ type: 'skip', delta: SKIP_SECONDS })),
    vscode.commands.registerCommand('transcript.playSlower', send({ type: 'rate', delta: -RATE_STEP })),
    vscode.commands.registerCommand('transcript.playFaster', send({ type: 'rate', delta: RATE_STEP })),
    vscode.commands.registerCommand('transcript.insertTimestamp', insertTimestamp),
    vscode.commands.registerCommand('transcript.newTurnAtPlayback', newTurn),
    vscode.workspace.onDidChangeTextDocument((change) => {
      if (change.contentChanges.length && player?.transcript.toString() === change.document.uri.toString()) lastEdit = Date.now();
    }),
    vscode.window.onDidChangeVisibleTextEditors(() => {
      if (followedAt === undefined || !player) return;
      void follow(player, player.last.currentTime, player.last.paused, player.last.playbackRate);
    }),
  );

  return {
    state: async () => player?.state(),
    waveform: async () => player?.waveform,
    followedLine: () => followedAt,
    onDidFollow: followed.event,
  };
}

function playerHtml(webview: vscode.Webview, script: vscode.Uri, config: PlayerConfig): string {
  const nonce = Array.from({ length: 4 }, () => Math.random().toString(36).slice(2)).join('');
  const source = webview.cspSource;
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${source} 'unsafe-inline'`,
    `media-src ${source} https: blob:`,
    `connect-src ${source} https:`,
    `img-src ${source} data:`,
  ].join('; ');
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  const element = config.video ? 'video' : 'audio';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<style>
  body { padding: 8px; color: var(--vscode-foreground); font-family: var(--vscode-font-family); }
  audio, video { width: 100%; }
  video { max-height: 60vh; background: #000; }
  #waveform { margin: 8px 0; }
  #waveform ::part(region-content) {
    margin: 0; padding: 0 3px; font-size: 11px;
    color: var(--vscode-foreground); background: var(--vscode-editor-background); opacity: 0.9;
  }
  #notice.error { color: var(--vscode-errorForeground); white-space: pre-wrap; }
  #notice.note { opacity: 0.8; }
  #rate { opacity: 0.8; }
</style>
</head>
<body>
<div id="notice" hidden></div>
<${element} id="media" controls preload="auto"></${element}>
<div><span id="rate">1×</span></div>
<div id="waveform"></div>
<script type="application/json" id="config">${json}</script>
<script nonce="${nonce}" src="${webview.asWebviewUri(script)}"></script>
</body>
</html>`;
}
