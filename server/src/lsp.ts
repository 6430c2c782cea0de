// dist/lsp.js: the language server over the transport its command line names, the language
// service loaded from dist/service.js (beside it) through V8's code cache.
import * as path from 'node:path';
import { createConnection, ProposedFeatures, type MessageReader } from 'vscode-languageserver/node';
import { runWithCodeCache } from './codeCache';
import { createServer } from './server';
import { namedTransport, trackedTransport } from './transport';

/** Long enough for a first document's parse, outline and check: their code is then in the cache too. */
const SAVE_SERVICE_CACHE_AFTER_MS = 3000;

if (!namedTransport(process.argv.slice(2))) {
  process.stderr.write('transcript-language-server: the Transcript Markup language server.\n'
    + 'Usage: transcript-language-server --stdio (or --node-ipc, --socket=PORT, --pipe=NAME)\n');
  process.exit(process.argv.includes('--help') ? 0 : 2);
}

const transport = trackedTransport(process.argv.slice(2));
// vscode-languageserver takes stdin as a stream beside a message writer (and then exits when stdin
// ends, as with --stdio); its types want both ends of one kind.
const connection = transport
  ? createConnection(ProposedFeatures.all, transport.input as MessageReader, transport.writer)
  : createConnection(ProposedFeatures.all);
createServer(connection, {
  loadService: () => runWithCodeCache(path.join(__dirname, 'service.js'), SAVE_SERVICE_CACHE_AFTER_MS) as typeof import('./service'),
  written: () => transport?.writer.written() ?? Promise.resolve(),
});
connection.listen();
