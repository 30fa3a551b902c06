import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { osRandom } from '../../src/cli/os-random.js';

/** Bytes that repeat: chi-square-free sanity, every byte value shows up over enough draws. */
function distinctValues(b: Uint8Array): number {
  return new Set(b).size;
}

describe('the executable randomness (os-random.ts)', () => {
  it('gives n fresh bytes per call from the pool, and reads large requests directly', () => {
    const random = osRandom();
    const a = random(32);
    const b = random(32);
    expect(a).toHaveLength(32);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    const many = random(100_000);
    expect(many).toHaveLength(100_000);
    expect(distinctValues(many)).toBe(256);
    // Across pool refills: 300 draws of 32 bytes, none repeated.
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) seen.add(Buffer.from(random(32)).toString('hex'));
    expect(seen.size).toBe(300);
  });

  it('reads the device it is given, and falls back to Web Crypto when it cannot be read or runs dry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kms-study-random-'));
    const fake = join(dir, 'fake-device');
    writeFileSync(fake, Buffer.alloc(5000, 7));
    const fromFile = osRandom(fake);
    expect([...fromFile(4)]).toEqual([7, 7, 7, 7]); // it really reads the device (a file of sevens here)
    const missing = osRandom(join(dir, 'no-such-device'));
    const r = missing(64);
    expect(r).toHaveLength(64);
    expect(distinctValues(r)).toBeGreaterThan(20);
    const dry = osRandom(fake);
    expect(dry(10_000)).toHaveLength(10_000); // more than the file holds: Web Crypto
    expect(distinctValues(dry(10_000))).toBeGreaterThan(200);
    const none = osRandom(undefined);
    expect(distinctValues(none(70_000))).toBe(256); // over getRandomValues' 65,536-byte limit
  });
});
