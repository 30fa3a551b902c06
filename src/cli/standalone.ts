// Loading a standalone bundle (dist/cli/<name>.cjs, scripts/bundle-lib.mjs builds them) with V8's code cache.
// Node compiles every start's JavaScript anew (Node 22 can cache ES modules, Node 20 cannot); for the commands
// people run most, the simulator's few hundred kilobytes of code are most of a start. So the bundle is compiled
// here with vm.Script, and V8's cached data for it — taken after the command ran, so it holds the functions the
// command compiled too — is kept in the data directory's cache folder (one file per bundle and Node version).
// V8 checks the data against its own version and flags, but of the source only its length, and it does not check
// the data itself in release builds (damaged data can end the process). So the cache file starts with the bundle's
// signature (size, modification and change times, inode: an installer or a copy can set the modification time,
// no one can set the change time) and the data's length: data made for another build of the bundle, or
// cut short, is never handed to V8. It is written atomically (temp file, fsync, rename), so a crash leaves the old
// file or the new one. Data that does not match is not used: the bundle compiles as usual and the cache is written
// again. The cache is an optimisation: any failure to read or write it is ignored. (Not defended: the file being
// altered in place on disk; deleting cache/code/ is always safe.)
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { constants, Script } from 'node:vm';

const CACHE_MAGIC = 'kms-study-code-cache-2';

/** What became of the cache on this load: used, missing, rejected (another build, or by V8), or not asked for. */
export type CacheOutcome = 'hit' | 'miss' | 'rejected' | 'off';

export interface LoadedBundle<T> {
  exports: T;
  cache: CacheOutcome;
  /** Writes the cache when it was missing or rejected (call it once the command has run); never throws. */
  save(): Promise<void>;
}

/**
 * Runs the CommonJS bundle `file` and returns its exports. `cacheFile` undefined: plain require() (Node's own
 * source-map support then maps stack traces, which --debug wants).
 */
export function loadBundle<T>(file: string, cacheFile: string | undefined): LoadedBundle<T> {
  const require = createRequire(file);
  if (!cacheFile) return { exports: require(file) as T, cache: 'off', save: async () => undefined };
  const st = statSync(file);
  const signature = `${CACHE_MAGIC} ${st.size} ${st.mtimeMs} ${st.ctimeMs} ${st.ino}`;
  let cached: Buffer | undefined;
  let stale = false;
  try {
    // `<signature> <data length>\n<data>`
    const data = readFileSync(cacheFile);
    const end = data.indexOf(10);
    const space = end < 0 ? -1 : data.lastIndexOf(32, end);
    const ok = space > 0 && data.toString('latin1', 0, space) === signature && Number(data.toString('latin1', space + 1, end)) === data.length - end - 1;
    if (ok) cached = data.subarray(end + 1);
    else stale = true;
  } catch {
    // no cache yet
  }
  // The wrapper Node's own CommonJS loader puts around a module.
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const script = new Script(source, { filename: file, cachedData: cached, importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
  const module = { exports: {} as T };
  (script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: unknown, f: string, d: string) => void)(
    module.exports,
    require,
    module,
    file,
    dirname(file),
  );
  const cache: CacheOutcome = stale || script.cachedDataRejected ? 'rejected' : !cached ? 'miss' : 'hit';
  return {
    exports: module.exports,
    cache,
    async save() {
      if (cache === 'hit') return;
      try {
        const { writeFileAtomic } = await import('../storage/atomic.js');
        const data = script.createCachedData();
        writeFileAtomic(cacheFile, Buffer.concat([Buffer.from(`${signature} ${data.length}\n`), data]));
      } catch {
        // a read-only or full data directory: the next start compiles again
      }
    },
  };
}
