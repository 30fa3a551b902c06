// The lock file: exclusive while its holder lives; a lock of a dead process or an old one is broken.
import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock, tryLock, withLock } from '../../src/storage/lock.js';

const temp = () => mkdtempSync(join(tmpdir(), 'kms-lock-'));

describe('lock', () => {
  it('is exclusive and released after use', () => {
    const path = join(temp(), 'x.lock');
    const lock = acquireLock(path);
    expect(readFileSync(path, 'utf8')).toMatch(new RegExp(`^${process.pid} \\d+\\n$`));
    expect(tryLock(path)).toBeUndefined();
    lock.release();
    expect(existsSync(path)).toBe(false);
    expect(withLock(path, () => 42)).toBe(42);
    expect(existsSync(path)).toBe(false);
  });

  it('breaks the lock of a process that is gone', () => {
    const path = join(temp(), 'x.lock');
    writeFileSync(path, `999999999 ${Date.now()}\n`);
    const lock = tryLock(path);
    expect(lock).toBeDefined();
    expect(readFileSync(path, 'utf8')).toMatch(new RegExp(`^${process.pid} `));
    lock!.release();
  });

  it('leaves a live holder alone until its lock is older than staleMs', () => {
    const path = join(temp(), 'x.lock');
    writeFileSync(path, `${process.ppid} ${Date.now()}\n`);
    expect(tryLock(path)).toBeUndefined();
    // An empty lock file is one being written: not stale while young.
    writeFileSync(path, '');
    expect(tryLock(path)).toBeUndefined();
    utimesSync(path, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const lock = tryLock(path, { staleMs: 30_000 });
    expect(lock).toBeDefined();
    lock!.release();
  });

  it('gives up with a line naming the holder and the lock file', () => {
    const path = join(temp(), 'x.lock');
    writeFileSync(path, `${process.ppid} ${Date.now()}\n`);
    expect(() => acquireLock(path, { timeoutMs: 50, what: 'the sandbox S' })).toThrow(`the sandbox S is locked by process ${process.ppid} (lock file ${path})`);
  });
});
