import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../server/src/service';
import { ROOT } from '../util/fixtures';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const source = (dir: string) => readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(path.join(ROOT, dir, f), 'utf8')).join('\n');

describe('client: the manifest and the code agree', () => {
  it('registers a handler for every contributed command, and contributes every registered one', () => {
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    const registered = [...source('client/src').matchAll(/registerCommand\(\s*'([^']+)'|command\(\s*'([^']+)'/g)].map((m) => m[1] ?? m[2]).sort();
    assert.deepEqual(registered, contributed);
  });

  it('binds keys only to contributed commands, only in transcript editors, on every platform', () => {
    const contributed = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    for (const binding of manifest.contributes.keybindings) {
      assert.ok(contributed.has(binding.command), binding.command);
      assert.match(binding.when, /editorLangId == transcript/);
      assert.ok(binding.key && binding.mac, `${binding.command} has a key for Linux/Windows and for macOS`);
    }
    const keys = manifest.contributes.keybindings.map((b: { key: string }) => b.key);
    assert.equal(new Set(keys).size, keys.length, 'no key is bound twice');
  });

  it('reads every setting it contributes', () => {
    const settings = source('server/src');
    const client = source('client/src');
    for (const key of Object.keys(manifest.contributes.configuration.properties)) {
      const name = key.replace(/^transcript\./, '');
      if (name === 'trace.server') continue; // read by vscode-languageclient itself
      // The export command's settings are the client's: it passes them with each request.
      if (name.startsWith('export.')) {
        assert.match(client, new RegExp(`getConfiguration\\('transcript\\.export'\\)[\\s\\S]*\\.get<number>\\('${name.slice(7)}'`), `${key} is read in client/src/export.ts`);
        continue;
      }
      // How the player follows the playback is the client's.
      if (name.startsWith('media.')) {
        assert.match(client, new RegExp(`getConfiguration\\('transcript\\.media'\\)\\.get<\\w+>\\('${name.slice(6)}'`), `${key} is read in client/src/media.ts`);
        continue;
      }
      // A setting in a group (`codeLens.play`): the group read, and the setting on the same line.
      const [group, member] = name.split('.');
      const read = member ? `raw\\.${group}\\b[^\\n]*\\b${member}\\b` : `raw\\.${name}\\b`;
      assert.match(settings, new RegExp(read), `${key} is read in server/src/settings.ts`);
    }
  });

  it('offers a severity setting for every diagnostic code, with its default, and lists each in docs/FORMAT.md', () => {
    const severity = manifest.contributes.configuration.properties['transcript.severity'].properties;
    const format = readFileSync(path.join(ROOT, 'docs', 'FORMAT.md'), 'utf8');
    for (const rule of allRules) {
      assert.equal(severity[rule.code]?.default, rule.defaultLevel, `transcript.severity.${rule.code}`);
      assert.match(format, new RegExp(`^\\| \`${rule.code}\` \\| ${rule.defaultLevel} \\|`, 'm'), `${rule.code} in the diagnostics table`);
    }
  });

  it('opens .transcript files, and TalkBank’s CHAT files (.cha), as transcripts', () => {
    const transcript = manifest.contributes.languages.find((l: { id: string }) => l.id === 'transcript');
    assert.deepEqual(transcript.extensions, ['.transcript', '.cha']);
  });

  it('contributes no global `type` command, which breaks Vim users', () => {
    assert.ok(!manifest.contributes.keybindings.some((b: { command: string }) => b.command === 'type'));
    assert.doesNotMatch(source('client/src'), /registerCommand\(\s*'type'/);
  });
});
