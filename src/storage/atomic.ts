// Atomic file writes (write a temp file in the same directory, fsync, rename) and careful reads that
// move a corrupt file aside instead of silently replacing it.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeFileAtomic(path: string, data: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

export type JsonRead<T> =
  | { status: 'missing' }
  | { status: 'ok'; value: T }
  | { status: 'corrupt'; movedTo: string; problem: string };

/**
 * Read a JSON file. A file that does not parse (or fails `validate`) is renamed to
 * `<name>.corrupt-<timestamp>` and reported; the caller starts fresh and tells the user where the old file went.
 */
export function readJsonFile<T>(path: string, validate: (v: unknown) => string | undefined, now: number): JsonRead<T> {
  if (!existsSync(path)) return { status: 'missing' };
  const text = readFileSync(path, 'utf8');
  let problem: string | undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
    problem = validate(value);
  } catch (e) {
    problem = `not valid JSON (${(e as Error).message})`;
  }
  if (problem === undefined) return { status: 'ok', value: value as T };
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const movedTo = `${path}.corrupt-${stamp}`;
  renameSync(path, movedTo);
  return { status: 'corrupt', movedTo, problem };
}
