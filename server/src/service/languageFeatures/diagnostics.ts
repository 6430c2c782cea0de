import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { TranscriptModel } from '../model';
import type { CancellationToken, SeverityLevel, ServiceSettings } from '../types';

/** A diagnostic rule: a stable code, what it is about, and how loud it is by default. */
export interface Rule {
  readonly code: string;
  readonly description: string;
  readonly defaultLevel: SeverityLevel;
}

export const SOURCE = 'transcript';

export const rules = {
  frontMatter: { code: 'front-matter', description: 'The front matter is not valid YAML, or a known key has the wrong type.', defaultLevel: 'error' },
} as const satisfies Record<string, Rule>;

const LEVELS: Record<Exclude<SeverityLevel, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function provideDiagnostics(model: TranscriptModel, settings: ServiceSettings, token: CancellationToken): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (rule: Rule, start: number, end: number, message: string) => {
    const level = settings.severity[rule.code] ?? rule.defaultLevel;
    if (level === 'off') return;
    diagnostics.push({ range: model.lines.range(start, end), severity: LEVELS[level], code: rule.code, source: SOURCE, message });
  };
  for (const problem of model.frontMatter?.problems ?? []) {
    if (token.isCancellationRequested) return [];
    report(rules.frontMatter, problem.start, problem.end, `Front matter: ${problem.message}`);
  }
  return diagnostics;
}
