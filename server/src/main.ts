// The language server's entry point, dist/server.js. The server itself is dist/lsp.js (server.ts),
// run here through V8's code cache: at every start after the first, initialize is answered
// without parsing or compiling its code again.
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runWithCodeCache } from './codeCache';

// Every edit of a large document makes a new text (10 MB of it makes 20 MB of UTF-16). With V8's
// default growing factor (up to 4× the live heap) several dead versions pile up before a full
// collection frees them; doubling at most keeps the peak near what the server holds (10 MB
// document, ten keystrokes: 395–460 → 300 MB) at no cost the bench could see in the keystroke times.
// Set first: V8 rejects a code cache made under other flags, so a flag set later (when the service
// loads, say) would have every start compile lsp.js afresh (about 12 ms).
setFlagsFromString('--heap-growing-percent=100');

/** Long enough for the initialize answer and the first requests, whose code the cache then holds. */
const SAVE_CACHE_AFTER_MS = 3000;

runWithCodeCache(path.join(__dirname, 'lsp.js'), SAVE_CACHE_AFTER_MS);
