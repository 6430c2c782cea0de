// The VS Code end-to-end suite's entry point (`--extensionTestsPath`): runs every `*.e2e.js`
// next to it inside the extension host. Started by test/e2e/run.ts (`npm run test:vscode`).
import { runMochaIn } from '../mochaInHost';

export function run(): Promise<void> {
  return runMochaIn(__dirname, 'VS Code');
}
