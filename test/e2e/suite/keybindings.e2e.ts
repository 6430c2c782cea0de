// The keys the extension contributes clash with no default binding of this VS Code, read from its
// own default keybindings (Preferences: Open Default Keyboard Shortcuts (JSON)).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, ROOT } from '../vscodeHelpers';

/** `alt+shift+]` and `shift+alt+]` are the same key: modifiers in one order, lower case, per chord. */
function canonical(key: string): string {
  const order = ['ctrl', 'shift', 'alt', 'meta', 'cmd', 'win'];
  return key.toLowerCase().split(' ').map((chord) => {
    const parts = chord.split('+');
    const base = parts.pop()!;
    return [...parts.sort((a, b) => order.indexOf(a) - order.indexOf(b)), base].join('+');
  }).join(' ');
}

describe('VS Code: keybindings', () => {
  it('binds no key that a default VS Code command already has', async () => {
    await activateExtension();
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString().includes('keybindings'), 'the default keybindings opened');
    const defaults = editor.document.getText();
    // The file lists the keys extensions contribute too: leave out this extension's own.
    const entries = [...defaults.matchAll(/"key":\s*"([^"]+)",\s*"command":\s*"([^"]+)"/g)];
    const defaultKeys = new Set(entries.filter((m) => !m[2].startsWith('transcript.')).map((m) => canonical(m[1])));
    assert.ok(defaultKeys.size > 300, `read ${defaultKeys.size} default keys`);
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    for (const binding of manifest.contributes.keybindings as { key: string; command: string }[]) {
      assert.ok(!defaultKeys.has(canonical(binding.key)), `${binding.key} (${binding.command}) is already a default key`);
    }
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('every contributed command is registered', async () => {
    await activateExtension();
    const registered = new Set(await vscode.commands.getCommands(true));
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    for (const { command } of manifest.contributes.commands as { command: string }[]) assert.ok(registered.has(command), command);
  });
});
