// Entry point of the suite that checks the packaged extension: the driver (test/e2e/run.ts)
// installs the .vsix with `--install-extension` and runs this from an empty host extension
// (test/e2e/vsix-host), so the extension under test is the installed copy.
import { runMochaIn } from '../mochaInHost';

export function run(): Promise<void> {
  return runMochaIn(__dirname, 'VS Code (.vsix)');
}
