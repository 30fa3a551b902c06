import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle } from '../../src/cli/standalone.js';

/** A small CommonJS bundle: it uses require, __filename and module.exports as a real one does. */
function bundleIn(dir: string, answer: number): string {
  const file = join(dir, 'b.cjs');
  writeFileSync(file, `const { basename } = require('node:path');\nmodule.exports = { answer: () => ${answer}, name: basename(__filename) };\n`);
  return file;
}

describe('loading a standalone bundle with V8 code cache (standalone.ts)', () => {
  it('compiles and saves the cache on the first load, uses it on the next, and recompiles after a rebuild', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kms-study-cc-'));
    const file = bundleIn(dir, 41);
    const cacheFile = join(dir, 'cache', 'code', 'b.bin');
    const first = loadBundle<{ answer(): number; name: string }>(file, cacheFile);
    expect(first.exports.answer()).toBe(41);
    expect(first.exports.name).toBe('b.cjs');
    expect(first.cache).toBe('miss');
    await first.save();
    expect(statSync(cacheFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(cacheFile).subarray(0, 22).toString()).toBe('kms-study-code-cache-2');

    const second = loadBundle<{ answer(): number }>(file, cacheFile);
    expect(second.cache).toBe('hit');
    expect(second.exports.answer()).toBe(41);
    const before = statSync(cacheFile).mtimeMs;
    await second.save(); // a hit writes nothing
    expect(statSync(cacheFile).mtimeMs).toBe(before);

    // A rebuild of the same length (V8 alone would take the old data for it): the new code runs, the cache is renewed.
    bundleIn(dir, 42);
    utimesSync(file, new Date(Date.now() + 5000), new Date(Date.now() + 5000));
    const rebuilt = loadBundle<{ answer(): number }>(file, cacheFile);
    expect(rebuilt.cache).toBe('rejected');
    expect(rebuilt.exports.answer()).toBe(42);
    await rebuilt.save();
    expect(loadBundle<{ answer(): number }>(file, cacheFile).cache).toBe('hit');
  });

  it('ignores a corrupt cache and a cache folder it cannot write; without a cache file it is a plain require', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kms-study-cc-'));
    const file = bundleIn(dir, 7);
    const cacheFile = join(dir, 'b.bin');
    writeFileSync(cacheFile, 'garbage');
    const r = loadBundle<{ answer(): number }>(file, cacheFile);
    expect(r.cache).toBe('rejected');
    expect(r.exports.answer()).toBe(7);
    // A cache cut short (the length in its header no longer matches): not handed to V8.
    await r.save();
    const whole = readFileSync(cacheFile);
    writeFileSync(cacheFile, whole.subarray(0, whole.length - 100));
    expect(loadBundle<{ answer(): number }>(file, cacheFile).cache).toBe('rejected');
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, 'x');
    const unwritable = loadBundle<{ answer(): number }>(file, join(blocked, 'cache.bin'));
    await expect(unwritable.save()).resolves.toBeUndefined();
    expect(existsSync(join(blocked, 'cache.bin'))).toBe(false);
    const plain = loadBundle<{ answer(): number }>(file, undefined);
    expect(plain.cache).toBe('off');
    expect(plain.exports.answer()).toBe(7);
  });
});
