// The sandbox's keys on disk: an append-only file of JSON lines beside the state file (state-keys-<N>.jsonl),
// one serialized key a line; the state file names the file and holds each key's [offset, length], so a command
// reads only the keys it touches. A changed key is appended, never rewritten in place, and the appended bytes are
// synced before the state file that points at them is replaced: a crash leaves at worst unreferenced bytes at the
// end. When superseded records make up more than half of a large file, the next locked open copies the live
// records into the next generation (N+1) and keeps the previous generation one round for readers still on it.
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { KeyRef, KeyStorage } from '../kms/state.js';
import { DataError } from '../errors.js';
import { FILE_MODE, writeAll, writeError, writeFileAtomic } from './atomic.js';

/** Compact when the file is larger than this and less than half of it is live. */
export const COMPACT_MIN_BYTES = 1024 * 1024;
let compactMinBytes = COMPACT_MIN_BYTES;

/** Replaces the size from which a key log is compacted (tests; undefined restores it). */
export function setCompactThreshold(bytes: number | undefined): void {
  compactMinBytes = bytes ?? COMPACT_MIN_BYTES;
}

const NEWLINE = Buffer.from('\n');
const NAME = /^(.+)-keys-(\d+)\.jsonl$/;

/** The key log file of generation `n` for a state file: `state.json` → `state-keys-<n>.jsonl`. */
export function keyLogName(statePath: string, n: number): string {
  return `${basename(statePath).replace(/\.json$/, '')}-keys-${n}.jsonl`;
}

/** A key log name a state file may refer to (a plain name of this form beside it, nothing else). */
export function isKeyLogName(statePath: string, name: unknown): name is string {
  if (typeof name !== 'string') return false;
  const m = NAME.exec(name);
  return m !== null && m[1] === basename(statePath).replace(/\.json$/, '');
}

export function generationOf(name: string): number {
  return Number(NAME.exec(name)?.[2] ?? 0);
}

/** The key log files beside a state file, oldest generation first. */
export function keyLogFiles(statePath: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dirname(statePath));
  } catch {
    return [];
  }
  return names.filter((n) => isKeyLogName(statePath, n)).sort((a, b) => generationOf(a) - generationOf(b));
}

export class KeyLog implements KeyStorage {
  readonly path: string;
  /** Appended by write() and not yet on disk; flush() writes and syncs them. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private size: number | undefined;
  private lost = 0;

  constructor(
    readonly statePath: string,
    readonly name: string,
  ) {
    this.path = join(dirname(statePath), name);
  }

  epoch(): number {
    return this.lost;
  }

  /** The file's size on disk (0 when it does not exist yet). */
  diskSize(): number {
    try {
      return statSync(this.path).size;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw e;
    }
  }

  read(ref: KeyRef): { text: string; value: unknown } {
    const [, , offset, length] = ref;
    let text: string;
    try {
      const fd = openSync(this.path, 'r');
      try {
        const buf = Buffer.alloc(length);
        let got = 0;
        while (got < length) {
          const n = readSync(fd, buf, got, length - got, offset + got);
          if (n === 0) break;
          got += n;
        }
        if (got < length) throw new Error(`it ends before byte ${offset + length}`);
        text = buf.toString('utf8');
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      throw this.damaged(ref, (e as Error).message);
    }
    try {
      return { text, value: JSON.parse(text) as unknown };
    } catch (e) {
      throw this.damaged(ref, `not JSON: ${(e as Error).message}`);
    }
  }

  write(text: string): [number, number] {
    if (this.size === undefined) this.size = this.diskSize();
    const bytes = Buffer.from(`${text}\n`, 'utf8');
    const offset = this.size + this.pendingBytes;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    return [offset, bytes.length - 1];
  }

  /** Appends what write() collected and syncs it; a failure names the file (the state file is then not written). */
  flush(): void {
    if (!this.pending.length) return;
    let fd: number | undefined;
    try {
      fd = openSync(this.path, 'a', FILE_MODE);
      // Another writer cannot have appended (the caller holds the sandbox lock), but a failed earlier flush may
      // have left a partial tail: offsets were computed from the size, so start where they assumed.
      const at = fstatSync(fd).size;
      if (at !== this.size) throw Object.assign(new Error(`the key log is ${at} bytes, ${this.size} were expected`), { code: 'EIO' });
      writeAll(fd, Buffer.concat(this.pending));
      fsyncSync(fd);
      this.size = at + this.pendingBytes;
      this.pending = [];
      this.pendingBytes = 0;
    } catch (e) {
      // The places handed out are void (a new epoch): the caller's save fails and nothing durable refers to them.
      // A partial tail is cut back, so the next flush starts where its places assume.
      if (fd !== undefined && this.size !== undefined) {
        try {
          ftruncateSync(fd, this.size);
        } catch {
          // the next flush sees the size differ and fails again, naming the file
        }
      }
      this.pending = [];
      this.pendingBytes = 0;
      this.lost++;
      throw writeError(this.path, e);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  private damaged(ref: KeyRef, why: string): DataError {
    return new DataError(
      `the sandbox key log ${this.path} is damaged: the record of ${ref[0]} at byte ${ref[2]} cannot be read (${why}); \`kms-study sandbox reset\` starts a new sandbox`,
    );
  }
}

/** Whether a log of which `live` bytes are in use is worth compacting (large, and mostly superseded records). */
export function compactionWorthIt(log: KeyLog, live: number): boolean {
  const size = log.diskSize();
  return size >= compactMinBytes && live * 2 <= size;
}

/**
 * Copies the live records the references point at into the next generation and rewrites the references'
 * offsets in place. Returns the new log, or undefined when compacting is not worth it.
 */
export function compactKeyLog(log: KeyLog, refs: KeyRef[]): KeyLog | undefined {
  if (!compactionWorthIt(log, refs.reduce((n, r) => n + r[3] + 1, 0))) return undefined;
  const next = new KeyLog(log.statePath, keyLogName(log.statePath, generationOf(log.name) + 1));
  const old = readFileSync(log.path);
  const parts: Buffer[] = [];
  let offset = 0;
  const moved: [number, number][] = [];
  for (const r of refs) {
    const [, , at, length] = r;
    if (at + length > old.length) return undefined; // a damaged log is reported when the key is read, not here
    parts.push(old.subarray(at, at + length), NEWLINE);
    moved.push([offset, length]);
    offset += length + 1;
  }
  writeFileAtomic(next.path, Buffer.concat(parts));
  refs.forEach((r, i) => ([r[2], r[3]] = moved[i]));
  return next;
}

/** Removes key log files older than generation `keepFrom` (never throws: they are only disk space). */
export function removeKeyLogsBefore(statePath: string, keepFrom: number): void {
  for (const name of keyLogFiles(statePath)) {
    if (generationOf(name) >= keepFrom) continue;
    try {
      unlinkSync(join(dirname(statePath), name));
    } catch {
      // gone meanwhile
    }
  }
}

/** Moves every key log beside a state file aside with it (`<name>.corrupt-<stamp>`), so nothing refers to them. */
export function moveKeyLogsAside(statePath: string, stamp: string): void {
  for (const name of keyLogFiles(statePath)) {
    const from = join(dirname(statePath), name);
    try {
      renameSync(from, `${from}.corrupt-${stamp}`);
    } catch {
      // gone meanwhile
    }
  }
}
