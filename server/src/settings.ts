import type { ServiceSettings, SeverityLevel } from './service';

const LEVELS: readonly SeverityLevel[] = ['off', 'hint', 'information', 'warning', 'error'];

/**
 * Reads the `transcript` settings section as a client sends it. A value of the wrong type is
 * reported through `problem` and left at its default; unknown keys are ignored.
 */
export function readSettings(value: unknown, problem: (message: string) => void): Partial<ServiceSettings> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    problem('the `transcript` settings must be an object; using the defaults.');
    return {};
  }
  const raw = value as Record<string, unknown>;
  const settings: {
    questionMarkers?: string[]; severity?: Record<string, SeverityLevel>; typingDelay?: number; largeFileThreshold?: number; importPause?: number;
    playLens?: boolean;
  } = {};
  if (raw.largeFileThreshold !== undefined) {
    if (typeof raw.largeFileThreshold === 'number' && raw.largeFileThreshold > 0) settings.largeFileThreshold = raw.largeFileThreshold;
    else problem('`transcript.largeFileThreshold` must be a positive number of millions of characters; using 20.');
  }
  if (raw.typingDelay !== undefined) {
    if (typeof raw.typingDelay === 'number' && Number.isFinite(raw.typingDelay) && raw.typingDelay >= 0) settings.typingDelay = raw.typingDelay;
    else problem('`transcript.typingDelay` must be a number of milliseconds; using 2000.');
  }
  if (raw.importPause !== undefined) {
    if (typeof raw.importPause === 'number' && Number.isFinite(raw.importPause) && raw.importPause >= 0) settings.importPause = raw.importPause;
    else problem('`transcript.importPause` must be a number of seconds; using 2.');
  }
  const codeLens = raw.codeLens as { play?: unknown } | undefined;
  if (codeLens?.play !== undefined) {
    if (typeof codeLens.play === 'boolean') settings.playLens = codeLens.play;
    else problem('`transcript.codeLens.play` must be true or false; using true.');
  }
  if (raw.questionMarkers !== undefined) {
    if (Array.isArray(raw.questionMarkers) && raw.questionMarkers.every((m) => typeof m === 'string')) settings.questionMarkers = raw.questionMarkers;
    else problem('`transcript.questionMarkers` must be a list of words; using the defaults.');
  }
  if (raw.severity !== undefined) {
    if (typeof raw.severity === 'object' && raw.severity !== null && !Array.isArray(raw.severity)) {
      const severity: Record<string, SeverityLevel> = {};
      for (const [code, level] of Object.entries(raw.severity)) {
        if (LEVELS.includes(level as SeverityLevel)) severity[code] = level as SeverityLevel;
        else problem(`\`transcript.severity.${code}\` must be one of ${LEVELS.join(', ')}; keeping its default.`);
      }
      settings.severity = severity;
    } else problem('`transcript.severity` must map diagnostic codes to levels; using the defaults.');
  }
  return settings;
}
