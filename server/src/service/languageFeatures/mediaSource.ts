/**
 * Where a transcript's recording is (issue 18): pure, and importing nothing, so that the VS Code
 * client bundles it without any of the server.
 */

/** The extensions of a recording beside the transcript, in the order they are looked for. */
export const MEDIA_EXTENSIONS = ['.mp3', '.m4a', '.wav', '.ogg', '.opus', '.webm', '.mp4'] as const;

/** Extensions that are usually AAC or H.264, which VS Code's webviews do not play. */
export const USUALLY_UNPLAYABLE = ['.m4a', '.mp4', '.aac', '.mov', '.m4v'] as const;

/** Video containers: shown as a picture, not a waveform. */
export const VIDEO_EXTENSIONS = ['.mp4', '.webm', '.mov', '.m4v', '.mkv'] as const;

/**
 * The URIs to try for the recording of the transcript at `transcriptUri`, in order: the front
 * matter's `media:` (a path relative to the transcript, an absolute path, or an http(s) URL) if
 * given, else a file of the same name beside it with each of MEDIA_EXTENSIONS. Empty for an
 * untitled transcript with no URL.
 */
export function mediaCandidates(transcriptUri: string, declared?: string): string[] {
  const given = declared?.trim();
  if (given) {
    if (/^https?:\/\//i.test(given)) return [given];
    if (/^file:\/\//i.test(given)) return [given];
    if (!transcriptUri.startsWith('file:') && !transcriptUri.startsWith('vscode-remote:')) return [];
    // A Windows drive path (`C:\media\a.mp3`) or a POSIX one (`/media/a.mp3`) is absolute.
    const path = given.replace(/\\/g, '/');
    const absolute = /^[A-Za-z]:\//.test(path) ? `/${path}` : path;
    try {
      return [new URL(encodePath(absolute), transcriptUri).href];
    } catch {
      return [];
    }
  }
  if (!transcriptUri.startsWith('file:') && !transcriptUri.startsWith('vscode-remote:')) return [];
  const slash = transcriptUri.lastIndexOf('/');
  const name = transcriptUri.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return MEDIA_EXTENSIONS.map((extension) => `${transcriptUri.slice(0, slash + 1)}${stem}${extension}`);
}

/** A path as a URL reference: spaces, `#` and `?` are file name characters, not URL syntax. */
function encodePath(path: string): string {
  return path.split('/').map((part) => (/^[A-Za-z]:$/.test(part) ? part : encodeURIComponent(part))).join('/');
}

/** The lower-case extension of a path or URI, with its dot: `.mp3`; '' when it has none. */
export function mediaExtension(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** What to do with a recording the player cannot play: convert it, with the ffmpeg command line. */
export function conversionAdvice(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  const video = (VIDEO_EXTENSIONS as readonly string[]).includes(mediaExtension(fileName));
  return video
    ? `Convert it to WebM (VP9 and Opus), which the player plays: ffmpeg -i "${fileName}" -c:v libvpx-vp9 -c:a libopus "${stem}.webm"`
    : `Convert it to Opus or MP3, which the player plays: ffmpeg -i "${fileName}" -c:a libopus "${stem}.opus" (or -c:a libmp3lame "${stem}.mp3")`;
}

/** `62.5` → `00:01:02.500`; whole seconds without the fraction. */
export function formatClock(seconds: number): string {
  const millis = Math.round(seconds * 1000);
  const whole = Math.floor(millis / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock = `${pad(Math.floor(whole / 3600))}:${pad(Math.floor((whole % 3600) / 60))}:${pad(whole % 60)}`;
  return millis % 1000 ? `${clock}.${String(millis % 1000).padStart(3, '0')}` : clock;
}
