import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import * as path from 'node:path';
import { Script } from 'node:vm';

/**
 * Runs a CommonJS bundle as `require` would, compiled with V8's code cache: the functions that ran
 * in an earlier start are neither parsed nor compiled again. The cache is kept beside the bundle
 * (`.NAME.FLAGS.v8cache`, where only whoever can change the bundle can write it), one per set of
 * flags Node runs under: V8 rejects a cache made under other flags, so starts with and without
 * `--nolazy` (a debug session) or `--max-old-space-size` would otherwise reject and rewrite each
 * other's. It is written once, some time after start-up, when what start-up compiled is in it.
 * Its header names the bundle's text, the V8 that made it and a hash of its own bytes: a cache
 * that is missing, stale, damaged or rejected by V8 is not used, and one that cannot be written is
 * not written. Returns the exports.
 */
export function runWithCodeCache(file: string, saveAfterMs: number): unknown {
  const source = readFileSync(file, 'utf8');
  const key = createHash('sha256').update(process.versions.v8).update(process.arch).update(source).digest('hex');
  const cacheFile = codeCacheFile(file);
  const cachedData = readCache(cacheFile, key);
  const script = new Script(wrap(source), { filename: file, cachedData });
  // V8 rejects a cache made under flags the file's name does not tell (one set at run time).
  if (cachedData && script.cachedDataRejected) process.stderr.write(`V8 rejected the code cache ${cacheFile}: compiling afresh, and writing it again\n`);
  const save = !cachedData || script.cachedDataRejected;
  setTimeout(() => {
    removeStalePartials(file);
    if (save) saveCache(cacheFile, key, script);
  }, saveAfterMs).unref();
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  return module.exports;
}

/** The cache of `file` for the flags this process runs under. */
export function codeCacheFile(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${flagsHash()}.v8cache`);
}

/**
 * A short hash of what V8 compiles under: Node's version and its flags, from the command line and
 * NODE_OPTIONS, but those that load code or open the inspector, whose paths and ports may vary
 * from run to run (a cache each would pile up) and which do not change how V8 compiles.
 */
function flagsHash(): string {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean)];
  const compiling = flags.filter((flag, i) => !LOADS_CODE.test(flag) && !(i > 0 && TAKES_NEXT_WORD.test(flags[i - 1])));
  return createHash('sha256').update(JSON.stringify([process.version, compiling])).digest('hex').slice(0, 12);
}

/** `--require FILE`, `-r FILE`, `--import=FILE`, `--loader …`, `--inspect=PORT`… */
const LOADS_CODE = /^(?:--require|-r|--import|--loader|--experimental-loader|--inspect[\w-]*|--debug-port)(?:=|$)/;
/** Those of them that take their value as the next word. */
const TAKES_NEXT_WORD = /^(?:--require|-r|--import|--loader|--experimental-loader|--inspect-port|--debug-port)$/;

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

/** A partial cache older than this is no save in progress: writing one takes milliseconds. */
const PARTIAL_CACHE_MAX_AGE_MS = 5 * 60_000;

/**
 * Removes the partial caches (`.NAME….v8cache.PID`) of `file` that a server killed while saving
 * left behind: its process is gone, or it is too old to be a save in progress.
 */
function removeStalePartials(file: string): void {
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(path.dirname(file));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(prefix) ? /\.v8cache\.(\d+)$/.exec(name)?.[1] : undefined;
    if (!pid) continue;
    const partial = path.join(path.dirname(file), name);
    try {
      if (!isRunning(Number(pid)) || Date.now() - statSync(partial).mtimeMs > PARTIAL_CACHE_MAX_AGE_MS) rmSync(partial, { force: true });
    } catch { /* gone meanwhile, or in a folder this user cannot write: left as it is */ }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
