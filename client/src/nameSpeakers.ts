import * as vscode from 'vscode';
import type { LanguageClient, WorkspaceEdit } from 'vscode-languageclient/node';
import { activeTranscript } from './navigation';
import type { GenericSpeaker } from './protocol';

/**
 * Transcript: Name Speakers: for each generic label (`SPEAKER_00`), its turns and first words,
 * and a box for the name (empty keeps it); then every label and the front matter renamed in one
 * edit, undone at once. The server's code action on a generic label runs it with that speaker
 * first. `names` (label → name) skips the questions, for a keybinding or another extension.
 */
export function registerNameSpeakers(context: vscode.ExtensionContext, client: LanguageClient): void {
  const command = async (uri?: string, firstId?: string, names?: Record<string, string>) => {
    const document = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : activeTranscript()?.document;
    if (!document) {
      void vscode.window.showInformationMessage('Open a transcript to name its speakers.');
      return false;
    }
    const textDocument = { uri: document.uri.toString() };
    const generic = (await client.sendRequest<GenericSpeaker[] | null>('transcript/genericSpeakers', { textDocument })) ?? [];
    if (generic.length === 0) {
      void vscode.window.showInformationMessage('No generic speaker labels (SPEAKER_00, Speaker 1) in this transcript.');
      return false;
    }
    const ordered = [...generic.filter((s) => s.id === firstId), ...generic.filter((s) => s.id !== firstId)];
    const byId: Record<string, string> = {};
    if (names) {
      for (const speaker of ordered) if (names[speaker.name]) byId[speaker.id] = names[speaker.name];
    } else {
      for (const [i, speaker] of ordered.entries()) {
        const name = await vscode.window.showInputBox(namePrompt(speaker, i, ordered.length));
        if (name === undefined) return false; // Escape: nothing renamed
        if (name.trim()) byId[speaker.id] = name.trim();
      }
    }
    if (Object.keys(byId).length === 0) return false;
    try {
      const edit = await client.sendRequest<WorkspaceEdit | null>('transcript/nameSpeakers', { textDocument, names: byId });
      const converted = await client.protocol2CodeConverter.asWorkspaceEdit(edit);
      // One edit: one undo puts every label and the front matter back.
      return converted ? await vscode.workspace.applyEdit(converted) : false;
    } catch (error) {
      void vscode.window.showErrorMessage(`Cannot name the speakers: ${(error as Error).message}`);
      return false;
    }
  };
  context.subscriptions.push(vscode.commands.registerCommand('transcript.nameSpeakers', command));
}

/** The box that asks for one speaker's name: who they are by their turns and first words. */
export function namePrompt(speaker: GenericSpeaker, index: number, count: number): vscode.InputBoxOptions {
  const turns = `${speaker.turns} turn${speaker.turns === 1 ? '' : 's'}`;
  return {
    title: `Name Speakers (${index + 1}/${count}): ${speaker.name}, ${turns}`,
    prompt: speaker.firstLines.filter(Boolean).map((line) => `“${line}”`).join('  ·  '),
    placeHolder: `A name for ${speaker.name} (empty keeps ${speaker.name})`,
    ignoreFocusOut: true,
  };
}
