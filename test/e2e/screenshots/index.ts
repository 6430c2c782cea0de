// `npm run screenshots`: the README's pictures of the workbench, taken by Chromium through
// scripts/vscode-server (lib/e2e-helpers.js's screenshot()) while this suite sets the scene
// with the VS Code API. test/e2e/run.ts copies them into docs/images/.
import { runMochaIn } from '../mochaInHost';

export function run(): Promise<void> {
  return runMochaIn(__dirname, 'screenshots');
}
