import { languages, window, type ExtensionContext, type TextDocument, type TextEditor } from 'vscode';
import { looksLikeTranscript } from './looksLikeTranscript';

/** The workspace's answer, kept in its state: `yes` switches such files at once, `no` never asks again. */
const CHOICE_KEY = 'transcript.txtFilesAsTranscripts';
const YES = 'Yes';
const NOT_HERE = 'Not for this workspace';

/**
 * Offers the Transcript language for a `.txt` file shown in an editor whose first lines read as
 * a transcript: once per workspace, which remembers the answer. Dismissing the message asks
 * again next session only.
 */
export function registerTranscriptLanguageOffer(context: ExtensionContext): void {
  let askedThisSession = false;
  const consider = async (editor: TextEditor | undefined) => {
    const document = editor?.document;
    if (!document || !isPlainTextFile(document) || !looksLikeTranscript(document.getText())) return;
    const choice = context.workspaceState.get<'yes' | 'no'>(CHOICE_KEY);
    if (choice === 'no') return;
    if (choice === 'yes') {
      await languages.setTextDocumentLanguage(document, 'transcript');
      return;
    }
    if (askedThisSession) return;
    askedThisSession = true;
    const answer = await window.showInformationMessage('This looks like a transcript. Open it as Transcript?', YES, NOT_HERE);
    if (answer === YES) {
      await context.workspaceState.update(CHOICE_KEY, 'yes');
      await languages.setTextDocumentLanguage(document, 'transcript');
    } else if (answer === NOT_HERE) {
      await context.workspaceState.update(CHOICE_KEY, 'no');
    }
  };
  context.subscriptions.push(window.onDidChangeActiveTextEditor(consider));
  void consider(window.activeTextEditor);
}

function isPlainTextFile(document: TextDocument): boolean {
  return document.languageId === 'plaintext' && document.uri.path.toLowerCase().endsWith('.txt');
}
