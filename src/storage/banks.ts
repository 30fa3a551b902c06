// Reads question bank files and folders from disk and hands the text to the pure parser; the cross-file
// rules run over everything loaded together. An optional cache keeps each file's parse result keyed by a
// hash of its text, so a quiz does not re-parse unchanged YAML (the yaml parser dominates load time).
// A cache entry also keeps the file's signature (size, modification and change times, inode): a file whose
// signature still matches is not even read. The change time counts because an installer or a copy can set the
// modification time (npm's tarballs carry 1985-10-26 for every file), while no one can set the change time. The
// signature is only recorded for a file last changed at least RACY_MS before it was read, so a change made after
// that read always moves it (file times can be coarse).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { ContentError } from '../errors.js';
import { lintQuestions, parseBank } from '../quiz/bank.js';
import type { Question } from '../quiz/types.js';
import { writeFileAtomic } from './atomic.js';
import { fileKind, FileTooLargeError, NotAFileError, readRegularText, skippedLine, yamlFilesIn } from './regular-file.js';

/** Bump when the parser's output or rules change, so cached results are recomputed. */
const PARSER_VERSION = 2;

/** How long before a read a file must have been modified for its signature to be trusted later. */
export const RACY_MS = 2000;

export interface LoadOptions {
  /** YYYY-MM-DD; `verified` dates after it are errors. */
  today?: string;
  /** A folder for cached parse results (one entry per bank file); none = always parse. */
  cacheDir?: string;
  /** Run the cross-file rules (default true); callers that use only the questions skip them. */
  lint?: boolean;
  /** The wall clock compared with file modification times (tests set it). */
  wallNow?: () => number;
}

type Parsed = { questions: Question[]; errors: ContentError[] };

interface CacheEntry {
  key: string;
  file?: string;
  sig?: string;
  questions: Question[];
  errors: { file: string; line: number; column: number; what: string }[];
}

/** A short name for a path's cache entry (FNV-1a, 52 bits): no crypto module on the cached path; the entry names its file. */
function entryName(file: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < file.length; i++) h = BigInt.asUintN(64, (h ^ BigInt(file.charCodeAt(i))) * 0x100000001b3n);
  return `${h.toString(16).padStart(16, '0')}.json`;
}

const signature = (st: Stats, file: string, today: string | undefined) => [PARSER_VERSION, today ?? '', file, st.size, st.mtimeMs, st.ctimeMs, st.ino, st.dev].join('\0');

const fromEntry = (c: CacheEntry): Parsed => ({ questions: c.questions, errors: c.errors.map((e) => new ContentError(e.file, e.line, e.column, e.what)) });

function readEntry(path: string): CacheEntry | undefined {
  try {
    if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as CacheEntry;
  } catch {
    // an unreadable cache entry is simply recomputed
  }
  return undefined;
}

function writeEntry(path: string, entry: CacheEntry): void {
  try {
    writeFileAtomic(path, JSON.stringify(entry));
  } catch {
    // the cache is an optimisation: a read-only data directory must not stop a quiz
  }
}

/** One bank file, from the cache when it has the file unchanged; throws what reading the file throws. */
function loadFile(file: string, options: LoadOptions): Parsed {
  const { cacheDir, today } = options;
  if (!cacheDir) return parseBank(readRegularText(file), file, { today });
  const entryPath = join(cacheDir, entryName(file));
  const cached = readEntry(entryPath);
  let st: Stats | undefined;
  try {
    st = statSync(file);
  } catch {
    // reading the file below reports the problem
  }
  const sig = st?.isFile() ? signature(st, file, today) : undefined;
  if (cached && sig && cached.sig === sig && cached.file === file) return fromEntry(cached);
  const text = readRegularText(file);
  const safeSig = sig && Math.max(st!.mtimeMs, st!.ctimeMs) <= (options.wallNow ?? Date.now)() - RACY_MS ? sig : undefined;
  const key = createHash('sha256').update(`${PARSER_VERSION}\0${today ?? ''}\0${file}\0${text}`).digest('hex');
  if (cached && cached.key === key && cached.file === file) {
    if (safeSig && cached.sig !== safeSig) writeEntry(entryPath, { ...cached, sig: safeSig });
    return fromEntry(cached);
  }
  const r = parseBank(text, file, { today });
  writeEntry(entryPath, { key, file, ...(safeSig ? { sig: safeSig } : {}), questions: r.questions, errors: r.errors.map((e) => ({ file: e.file, line: e.line, column: e.column, what: e.what })) });
  return r;
}

/**
 * The bank files a path names: the file itself, or every *.yaml / *.yml directly in a folder (sorted). Entries
 * that are not regular files (a dangling symlink, a directory or FIFO named *.yaml) are skipped with a warning.
 */
export function bankFiles(path: string, warnings: string[] = []): string[] {
  const st = statSync(path);
  if (!st.isDirectory()) {
    const kind = fileKind(st);
    if (kind) throw new NotAFileError(path, kind);
    return [path];
  }
  const { files, skipped } = yamlFilesIn(path);
  warnings.push(...skipped.map(skippedLine));
  return files;
}

/** Load files or folders. A missing path is an error at 0:0 so the caller can say which one. */
export function loadBanks(paths: string[], options: LoadOptions = {}): { questions: Question[]; errors: ContentError[]; warnings: string[] } {
  const questions: Question[] = [];
  const errors: ContentError[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  const cannot = (p: string, e: unknown) => {
    const why = e instanceof NotAFileError ? e.kind : e instanceof FileTooLargeError ? `larger than ${e.maxBytes} bytes` : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
    return new ContentError(p, 0, 0, `cannot read bank path (${why}); expected a .yaml file or a folder of them`);
  };
  for (const p of paths) {
    let files: string[];
    try {
      files = bankFiles(p, warnings);
    } catch (e) {
      errors.push(cannot(p, e));
      continue;
    }
    for (const f of files) {
      if (seen.has(f)) continue;
      seen.add(f);
      let r: Parsed;
      try {
        r = loadFile(f, options);
      } catch (e) {
        errors.push(cannot(f, e));
        continue;
      }
      questions.push(...r.questions);
      errors.push(...r.errors);
    }
  }
  if (options.lint !== false) errors.push(...lintQuestions(questions));
  return { questions, errors, warnings };
}
