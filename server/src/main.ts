// The language server's entry point, dist/server.js. The server itself is dist/lsp.js (server.ts),
// run here through V8's code cache: at every start after the first, initialize is answered
// without parsing or compiling its code again.
import * as path from 'node:path';
import { runWithCodeCache } from './codeCache';

/** Long enough for the initialize answer and the first requests, whose code the cache then holds. */
const SAVE_CACHE_AFTER_MS = 3000;

runWithCodeCache(path.join(__dirname, 'lsp.js'), SAVE_CACHE_AFTER_MS);
