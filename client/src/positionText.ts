import type { TurnAtInfo } from './protocol';

/**
 * The status bar's text for where the cursor is (`Q3/4 · Sergey Lavrov`), from `turnAt` (the
 * server's `transcript/turnAt`). Undefined when the request fails (the server is restarting, say),
 * after telling `log`: the item then shows nothing rather than where the cursor was.
 */
export async function positionText(turnAt: () => Promise<TurnAtInfo | null>, log: (error: unknown) => void): Promise<string | undefined> {
  let at: TurnAtInfo | null;
  try {
    at = await turnAt();
  } catch (error) {
    log(error);
    return undefined;
  }
  return statusText(at);
}

export function statusText(at: TurnAtInfo | null): string {
  if (!at) return '$(comment-discussion) Transcript';
  const question = at.questionNumber ? `Q${at.questionNumber}/${at.questionCount}` : at.questionCount ? `–/${at.questionCount}` : '';
  return `$(comment-discussion) ${[question, at.speaker].filter(Boolean).join(' · ') || 'Transcript'}`;
}
