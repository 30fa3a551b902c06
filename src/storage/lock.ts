// An inter-process lock file (O_EXCL create) serialising read-modify-write of one store between processes.
// The file holds the holder's pid and start time; a lock whose holder is gone, or older than `staleMs`, is
// broken (renamed away atomically, so two breakers cannot both take it). Released on release() and at exit.
import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { ensureDir, FILE_MODE, pidAlive, writeAll } from './atomic.js';

export interface LockOptions {
  /** Give up after this long (default 60 s: a queue of parallel commands on a loaded machine). */
  timeoutMs?: number;
  /** A lock held longer than this is taken to be stale whatever its holder (default 5 min: a reused pid). */
  staleMs?: number;
  /** What the lock protects, for the message when it cannot be taken. */
  what?: string;
  /** Free text kept in the lock file after the pid and time (serve puts its URL there). */
  note?: string;
}

export interface Lock {
  readonly path: string;
  release(): void;
}

/** Environment errors that mean "nothing may be written here" (a read-only data directory). */
export const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM']);

const held = new Set<string>();
let exitHook = false;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Who holds the lock at `path` (pid, since when, the note), if anyone. */
export function holderOf(path: string): { pid: number; at: number; note: string; raw: string } | undefined {
  try {
    const raw = readFileSync(path, 'utf8');
    const [pid, at, ...note] = raw.trim().split(/\s+/);
    return { pid: pid ? Number(pid) : Number.NaN, at: Number(at), note: note.join(' '), raw };
  } catch {
    return undefined;
  }
}

/** Tries once; true when taken. Throws fs errors other than EEXIST (EROFS, EACCES...). */
function tryTake(path: string, note = ''): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', FILE_MODE);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeAll(fd, Buffer.from(`${process.pid} ${Date.now()}${note ? ` ${note}` : ''}\n`));
  } catch {
    // A full disk: the lock is held all the same (an empty lock file counts as taken until it is old);
    // the write that follows reports the disk.
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Breaks the lock when its holder is gone or it is older than staleMs; true when it was broken. */
function breakIfStale(path: string, staleMs: number): boolean {
  const h = holderOf(path);
  if (!h) return false; // released meanwhile: try again
  let age: number;
  try {
    age = Date.now() - statSync(path).mtimeMs;
  } catch {
    return false;
  }
  // A lock file still empty is being written by its taker: only its age can make it stale.
  const dead = Number.isInteger(h.pid) && h.pid > 0 && !pidAlive(h.pid);
  const old = age > staleMs;
  if (!dead && !old) return false;
  if (Number.isFinite(h.pid) && h.pid === process.pid && held.has(path)) return false;
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return false; // someone else broke or released it first
  }
  // Between our read and the rename another process may have taken a fresh lock: put it back if so.
  const moved = holderOf(aside);
  if (moved && moved.raw !== h.raw) {
    try {
      renameSync(aside, path);
    } catch {
      // keep it aside: its holder will fail to release it harmlessly
    }
    return false;
  }
  try {
    unlinkSync(aside);
  } catch {
    // gone
  }
  return true;
}

/** Takes the lock at `path`, waiting (with back-off) while another live process holds it. */
export function acquireLock(path: string, opts: LockOptions = {}): Lock {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const staleMs = opts.staleMs ?? 5 * 60_000;
  ensureDir(dirname(path));
  const start = Date.now();
  let wait = 1;
  for (;;) {
    if (tryTake(path, opts.note)) break;
    if (breakIfStale(path, staleMs)) continue;
    if (Date.now() - start >= timeoutMs) {
      const h = holderOf(path);
      throw new DataError(
        `${opts.what ?? path} is locked by process ${h?.pid ?? '?'} (lock file ${path}); waited ${Math.round(timeoutMs / 1000)} s. If no kms-study runs, remove the lock file.`,
        EXIT.ENVIRONMENT,
      );
    }
    sleep(wait + Math.floor(Math.random() * wait));
    wait = Math.min(wait * 2, 50);
  }
  held.add(path);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const p of held) releasePath(p);
    });
  }
  return { path, release: () => releasePath(path) };
}

function releasePath(path: string): void {
  if (!held.delete(path)) return;
  const h = holderOf(path);
  // Broken as stale and taken by another: not ours any more. (Empty: ours, its pid could not be written.)
  if (h && Number.isInteger(h.pid) && h.pid !== process.pid) return;
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** Takes the lock if it is free (or stale) right now; undefined when another live process holds it. */
export function tryLock(path: string, opts: LockOptions = {}): Lock | undefined {
  try {
    return acquireLock(path, { ...opts, timeoutMs: 0 });
  } catch (e) {
    if (e instanceof DataError) return undefined;
    throw e;
  }
}

/** Runs `fn` holding the lock. */
export function withLock<T>(path: string, fn: () => T, opts?: LockOptions): T {
  const lock = acquireLock(path, opts);
  try {
    return fn();
  } finally {
    lock.release();
  }
}
