import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import * as path from 'node:path';
import { Script } from 'node:vm';

/**
 * Runs a CommonJS bundle as `require` would, compiled with V8's code cache: the functions that ran
 * in an earlier start are neither parsed nor compiled again. The cache is kept beside the bundle
 * (`.NAME.v8cache`, where only whoever can change the bundle can write it) and written once, some
 * time after start-up, when what start-up compiled is in it. Its header names the bundle's text,
 * the V8 that made it and a hash of its own bytes: a cache that is missing, stale, damaged or
 * rejected by V8 is not used, and one that cannot be written is not written. Returns the exports.
 */
export function runWithCodeCache(file: string, saveAfterMs: number): unknown {
  const source = readFileSync(file, 'utf8');
  const key = createHash('sha256').update(process.versions.v8).update(process.arch).update(source).digest('hex');
  const cacheFile = path.join(path.dirname(file), `.${path.basename(file)}.v8cache`);
  const cachedData = readCache(cacheFile, key);
  const script = new Script(wrap(source), { filename: file, cachedData });
  // V8 rejects a cache made under other flags: one set after start-up would have every start compile afresh.
  if (cachedData && script.cachedDataRejected) process.stderr.write(`V8 rejected the code cache ${cacheFile}: compiling afresh, and writing it again\n`);
  if (!cachedData || script.cachedDataRejected) setTimeout(() => saveCache(cacheFile, key, script), saveAfterMs).unref();
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  return module.exports;
}

// The cache file: `KEY DATA_HASH\n` then the data.
function readCache(cacheFile: string, key: string): Buffer | undefined {
  try {
    const bytes = readFileSync(cacheFile);
    const headerEnd = bytes.indexOf('\n');
    const [cachedKey, dataHash] = bytes.subarray(0, headerEnd).toString('latin1').split(' ');
    const data = bytes.subarray(headerEnd + 1);
    return headerEnd > 0 && cachedKey === key && dataHash === sha256(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

function saveCache(cacheFile: string, key: string, script: Script): void {
  // Written aside, then renamed: a server starting meanwhile never reads half a file.
  const partial = `${cacheFile}.${process.pid}`;
  try {
    const data = script.createCachedData();
    writeFileSync(partial, Buffer.concat([Buffer.from(`${key} ${sha256(data)}\n`, 'latin1'), data]));
    renameSync(partial, cacheFile);
  } catch {
    try {
      rmSync(partial, { force: true });
    } catch { /* nothing more to do: the server runs on without a cache */ }
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
