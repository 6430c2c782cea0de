import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { LineIndex } from '../text/lineIndex';
import type { ServiceSettings } from '../types';
import type { GlossaryProblem } from './loadGlossaryFile';

/** Problems in a workspace glossary file or in a front matter's `glossary:`. */
export const glossaryRule = {
  code: 'glossary',
  description: 'A glossary file or the front matter’s `glossary:` list is malformed, or an entry in it.',
  defaultLevel: 'error',
} as const;

const SEVERITIES = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
} as const;

/**
 * Glossary problems as diagnostics. Each keeps its own severity (an unknown key is a warning) unless
 * `transcript.severity.glossary` sets one for all.
 */
export function glossaryDiagnostics(problems: readonly GlossaryProblem[], lines: LineIndex, settings: ServiceSettings): Diagnostic[] {
  const level = settings.severity[glossaryRule.code];
  if (level === 'off') return [];
  return problems.map((p) => ({
    range: lines.range(p.start, p.end),
    severity: SEVERITIES[level ?? p.severity],
    code: glossaryRule.code,
    source: 'transcript',
    message: p.message,
  }));
}
