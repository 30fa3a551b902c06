// Reading files the user names without trusting them: only regular files (never a device, FIFO, socket or
// directory, which could block or never end), and never more than the caller can use.
import type { ContentError } from '../errors.js';
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/** A path that names something other than a readable regular file. The message names the path. */
export class NotAFileError extends Error {
  override readonly name = 'NotAFileError';
  constructor(
    readonly path: string,
    readonly kind: string,
  ) {
    super(`${path} is ${kind}, not a regular file`);
  }
}

/** A file larger than the reader accepts. */
export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError';
  constructor(
    readonly path: string,
    readonly maxBytes: number,
  ) {
    super(`${path} is larger than ${maxBytes} bytes`);
  }
}

/** 'a directory', 'a FIFO (named pipe)' ... for a non-regular file; undefined for a regular one. */
export function fileKind(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/**
 * The first `maxBytes + 1` bytes of a regular file at most (so the caller can tell "too big" without reading
 * all of it). Opens without blocking (a FIFO would otherwise wait for a writer), then checks the opened file.
 * Throws NotAFileError for anything but a regular file; fs errors (ENOENT, EACCES) pass through.
 */
export function readRegularFile(path: string, maxBytes: number, opts: { allowPipe?: boolean } = {}): Uint8Array {
  // With allowPipe (a script given as <(...) or a named pipe) the open waits for a writer, as a shell's would.
  const fd = openSync(path, constants.O_RDONLY | (opts.allowPipe ? 0 : (constants.O_NONBLOCK ?? 0)));
  try {
    const st = fstatSync(fd);
    const kind = fileKind(st);
    if (kind && !(opts.allowPipe && st.isFIFO())) throw new NotAFileError(path, kind);
    const want = Math.max(0, Math.floor(maxBytes)) + 1;
    // The size as stat tells it, plus room for files that report 0 (such as those under /proc).
    const buf = Buffer.alloc(st.isFIFO() ? want : Math.min(want, st.size + 65_536));
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
    }
    return new Uint8Array(buf.buffer, buf.byteOffset, got);
  } finally {
    closeSync(fd);
  }
}

/** Text of a regular file (UTF-8), at most maxBytes; a larger file is an error naming it. */
export function readRegularText(path: string, maxBytes = 16 * 1024 * 1024): string {
  const bytes = readRegularFile(path, maxBytes);
  if (bytes.length > maxBytes) throw new FileTooLargeError(path, maxBytes);
  return Buffer.from(bytes).toString('utf8');
}

/**
 * The *.yaml / *.yml entries of a folder that are regular files (following symlinks), sorted; the others
 * (a dangling symlink, a directory or FIFO named *.yaml) come back in `skipped` with the reason, for a warning.
 */
export function yamlFilesIn(dir: string): { files: string[]; skipped: { path: string; why: string }[]; stats: Map<string, Stats> } {
  const files: string[] = [];
  const stats = new Map<string, Stats>();
  const skipped: { path: string; why: string }[] = [];
  for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const path = join(dir, name);
    let st: Stats;
    try {
      st = statSync(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      let dangling = false;
      try {
        dangling = code === 'ENOENT' && lstatSync(path).isSymbolicLink();
      } catch {
        // gone in between: report the first error
      }
      skipped.push({ path, why: dangling ? 'a symbolic link to nothing' : `cannot be read (${code ?? (e as Error).message})` });
      continue;
    }
    const kind = fileKind(st);
    if (kind) skipped.push({ path, why: `${kind}, not a regular file` });
    else {
      files.push(path);
      stats.set(path, st);
    }
  }
  return { files, skipped, stats };
}

/** The warning line for a skipped entry. */
export function skippedLine(s: { path: string; why: string }): string {
  return `kms-study: skipping ${s.path}: ${s.why}`;
}

/** Reads every regular *.yaml file of a folder and parses it; unreadable and non-regular files become warnings. */
export function parseYamlDir<T>(dir: string, parse: (text: string, file: string) => { item?: T; errors: ContentError[] }): { items: T[]; errors: ContentError[]; warnings: string[] } {
  const items: T[] = [];
  const errors: ContentError[] = [];
  const { files, skipped } = yamlFilesIn(dir);
  const warnings = skipped.map(skippedLine);
  for (const file of files) {
    let text: string;
    try {
      text = readRegularText(file);
    } catch (e) {
      warnings.push(skippedLine({ path: file, why: (e as Error).message }));
      continue;
    }
    const r = parse(text, file);
    if (r.item) items.push(r.item);
    errors.push(...r.errors);
  }
  return { items, errors, warnings };
}
