// Preloaded (node -r) into the CLI-throughput children: at exit, reports on stderr how long the
// process ran and how much CPU it used after Node's own start-up, i.e. from this preload (just
// before the main script is loaded) to exit, and its peak memory. One line: BENCH_EXIT {"wallMs":…,"cpuMs":…,"maxRssKb":…}.
'use strict';
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');
const t0 = performance.now();
const c0 = process.cpuUsage();
process.on('exit', () => {
  const c = process.cpuUsage(c0);
  fs.writeSync(2, `\nBENCH_EXIT ${JSON.stringify({ wallMs: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, startupMs: t0, maxRssKb: process.resourceUsage().maxRSS })}\n`);
});
