'use strict';
// Used by install.sh: start the freshly installed server once, fetch the
// workbench page, stop it. Exit 0 when it serves the workbench.
const http = require('http');
const { startServer, rmrf } = require('./vscode-server');

if (process.argv[2]) process.env.VSCODE_SERVER_MAIN = process.argv[2];

function get(url) {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    }).on('error', reject);
  });
}

(async () => {
  const t0 = Date.now();
  let server;
  try {
    server = await startServer({ timeoutMs: 60000 });
    const res = await get(server.origin + '/');
    if (res.status !== 200 || !/workbench/i.test(res.body)) {
      throw new Error(`GET / returned ${res.status}`);
    }
    console.log(`verify-server: VS Code server served the workbench on ${server.origin} (${Date.now() - t0} ms)`);
  } catch (e) {
    console.error('verify-server: FAILED: ' + (e && e.stack || e));
    process.exitCode = 1;
  } finally {
    if (server) {
      await server.stop();
      rmrf(server.dirs.serverDataDir);
    }
  }
})();
