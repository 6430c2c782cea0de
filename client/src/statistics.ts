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
    const textDocument = { uri: editor.document.uri.toString() };
    const statistics = await client.sendRequest<TranscriptStatistics | null>('transcript/statistics', { textDocument });
    if (!statistics) return;
    const name = editor.document.uri.path.split('/').pop() ?? 'transcript';
    const panel = vscode.window.createWebviewPanel('transcript.statistics', `Statistics: ${name}`, vscode.ViewColumn.Beside, { enableScripts: false });
    panel.webview.html = statisticsHtml(name, statistics, panel.webview.cspSource);
  }));
}

export function statisticsHtml(name: string, s: TranscriptStatistics, cspSource: string): string {
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const number = (n: number) => n.toLocaleString('en');
  const answerWords = (words: number | null) => (words === null ? '' : number(Math.round(words)));
  const rows = s.speakers.map((p) => `<tr>
    <td>${escape(p.name)}${p.role ? `<br><small>${escape(p.role)}</small>` : ''}</td>
    <td class="n">${number(p.turns)}</td><td class="n">${number(p.words)}</td>
    <td class="n">${(p.share * 100).toFixed(1)} %<div class="bar" style="width:${Math.round(p.share * 100)}%"></div></td>
    <td class="n">${p.questions || ''}</td><td class="n">${answerWords(p.averageAnswerWords)}</td></tr>`).join('\n');
  const t = s.totals;
  const answered = `${t.answeredQuestions} answered${t.unansweredQuestions ? `, ${t.unansweredQuestions} unanswered` : ''}`;
  const perAnswer = t.averageAnswerWords === null ? '' : ` · ${answerWords(t.averageAnswerWords)} words per answer on average`;
  const headings = ['Turns', 'Words', 'Share of words', 'Questions', 'Average answer (words)'].map((h) => `<th class="n">${h}</th>`).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline';">
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1em; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border); text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; } small { opacity: 0.7; }
.bar { height: 3px; background: var(--vscode-charts-blue, #3794ff); margin-top: 2px; margin-left: auto; }
</style></head><body>
<h2>${escape(name)}</h2>
<p>${number(t.turns)} turns · ${number(t.words)} words · ${t.speakers} speakers · ${t.questions} questions (${answered})${perAnswer}</p>
<table><thead><tr><th>Speaker</th>${headings}</tr></thead>
<tbody>${rows}</tbody></table>
</body></html>`;
}
