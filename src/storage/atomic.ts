// Checked atomic file writes (a temp file in the same directory, every byte written and counted, fsync,
// rename) and careful reads that move a corrupt file aside instead of silently replacing it. A short or failed
// write never replaces the good file: the temp file is removed and the error names the file and the cause.
// Everything written is 0600 and every directory created 0700 (the data directory holds the learner's keys).
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DataError } from '../errors.js';
import { EXIT } from '../exit-codes.js';

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/** `writeSync` as the writer uses it; tests inject one that fails (ENOSPC, EIO) or writes short. */
export type WriteFn = (fd: number, buf: Uint8Array, offset: number, length: number) => number;

const realWrite: WriteFn = (fd, buf, offset, length) => writeSync(fd, buf, offset, length);
let writeFn: WriteFn = realWrite;

/** Replaces the low-level write for tests (undefined restores the real one). */
export function setWriteFunction(fn: WriteFn | undefined): void {
  writeFn = fn ?? realWrite;
}

const CAUSES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENOENT: 'no such file or directory',
  EFBIG: 'the file is too large',
  EMFILE: 'too many open files',
  SHORT: 'the disk accepted only part of the data',
};

/** The environment error (exit 74) for a failed write of `path`: one line, the file and the cause. */
export function writeError(path: string, e: unknown): DataError {
  if (e instanceof DataError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
  const cause = CAUSES[code] ?? (e as Error).message ?? 'write failed';
  const err = new DataError(`cannot write ${path}: ${cause} (${code}); the previous file was kept`, EXIT.ENVIRONMENT);
  (err as DataError & { code?: string }).code = code;
  return err;
}

/** Writes all of `data` at the fd's position, counting bytes; a write of 0 bytes is a full disk. */
export function writeAll(fd: number, data: Uint8Array): void {
  let done = 0;
  while (done < data.length) {
    const n = writeFn(fd, data, done, data.length - done);
    if (!Number.isInteger(n) || n <= 0) throw Object.assign(new Error('short write'), { code: n === 0 ? 'ENOSPC' : 'SHORT' });
    done += n;
  }
}

export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
}

const TMP = /^\.(.+)\.(\d+)\.[0-9a-f]+\.tmp$/;

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  try {
    ensureDir(dirname(path));
  } catch (e) {
    throw writeError(path, e);
  }
  const tmp = tempPathFor(path);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', FILE_MODE);
    writeAll(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing: report the first error
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      // never created, or gone
    }
    throw writeError(path, e);
  }
}

/** True when a process with this id runs (EPERM: it runs as another user). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temp files of earlier writes in `dir` whose writer is gone (a killed or crashed process), or that are
 * older than `maxAgeMs` whatever their writer. Returns how many went. Never throws (a read-only directory).
 */
export function cleanStaleTemps(dir: string, maxAgeMs = 10 * 60_000, now = Date.now()): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const m = TMP.exec(name);
    if (!m) continue;
    const pid = Number(m[2]);
    const full = join(dir, name);
    try {
      if (pid !== process.pid && (!pidAlive(pid) || now - statSync(full).mtimeMs > maxAgeMs)) {
        unlinkSync(full);
        removed++;
      }
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
  return removed;
}

export type JsonRead<T> =
  | { status: 'missing' }
  | { status: 'ok'; value: T; text: string }
  | { status: 'corrupt'; movedTo: string; problem: string };

/** `<path>.corrupt-<timestamp>`: where a file that cannot be used is kept. */
export function moveAside(path: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  let movedTo = `${path}.corrupt-${stamp}`;
  if (existsSync(movedTo)) movedTo = `${movedTo}-${randomBytes(2).toString('hex')}`;
  renameSync(path, movedTo);
  return movedTo;
}

/**
 * Read a JSON file once. A file that does not parse (or fails `validate`) is renamed to
 * `<name>.corrupt-<timestamp>` and reported; the caller starts fresh and tells the user where the old file went.
 */
export function readJsonFile<T>(path: string, validate: (v: unknown) => string | undefined, now: number): JsonRead<T> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    throw e;
  }
  let problem: string | undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
    problem = validate(value);
  } catch (e) {
    problem = `not valid JSON (${(e as Error).message})`;
  }
  if (problem === undefined) return { status: 'ok', value: value as T, text };
  return { status: 'corrupt', movedTo: moveAside(path, now), problem };
}
