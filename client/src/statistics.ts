import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { activeTranscript } from './navigation';
import type { TranscriptStatistics } from './protocol';

/** The Statistics command: per speaker turns, words, share, questions and answer length, in a webview. */
export function registerStatistics(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(vscode.commands.registerCommand('transcript.showStatistics', async () => {
    const editor = activeTranscript();
    if (!editor) {
      void vscode.window.showInformationMessage('Open a transcript to see its statistics.');
      return;
    }
    const statistics = await client.sendRequest<TranscriptStatistics | null>('transcript/statistics', { textDocument: { uri: editor.document.uri.toString() } });
    if (!statistics) return;
    const name = editor.document.uri.path.split('/').pop() ?? 'transcript';
    const panel = vscode.window.createWebviewPanel('transcript.statistics', `Statistics: ${name}`, vscode.ViewColumn.Beside, { enableScripts: false });
    panel.webview.html = statisticsHtml(name, statistics, panel.webview.cspSource);
  }));
}

export function statisticsHtml(name: string, s: TranscriptStatistics, cspSource: string): string {
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const number = (n: number) => n.toLocaleString('en');
  const rows = s.speakers.map((p) => `<tr>
    <td>${escape(p.name)}${p.role ? `<br><small>${escape(p.role)}</small>` : ''}</td>
    <td class="n">${number(p.turns)}</td><td class="n">${number(p.words)}</td>
    <td class="n">${(p.share * 100).toFixed(1)} %<div class="bar" style="width:${Math.round(p.share * 100)}%"></div></td>
    <td class="n">${p.questions || ''}</td><td class="n">${p.averageAnswerWords === null ? '' : number(Math.round(p.averageAnswerWords))}</td></tr>`).join('\n');
  const t = s.totals;
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline';">
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1em; }
table { border-collapse: collapse; width: 100%; } th, td { padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border); text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; } small { opacity: 0.7; }
.bar { height: 3px; background: var(--vscode-charts-blue, #3794ff); margin-top: 2px; margin-left: auto; }
</style></head><body>
<h2>${escape(name)}</h2>
<p>${number(t.turns)} turns · ${number(t.words)} words · ${t.speakers} speakers · ${t.questions} questions (${t.answeredQuestions} answered${t.unansweredQuestions ? `, ${t.unansweredQuestions} unanswered` : ''})${t.averageAnswerWords === null ? '' : ` · ${number(Math.round(t.averageAnswerWords))} words per answer on average`}</p>
<table><thead><tr><th>Speaker</th><th class="n">Turns</th><th class="n">Words</th><th class="n">Share of words</th><th class="n">Questions</th><th class="n">Average answer (words)</th></tr></thead>
<tbody>${rows}</tbody></table>
</body></html>`;
}
