// Reads question bank files and folders from disk and hands the text to the pure parser; the cross-file
// rules run over everything loaded together. An optional cache keeps each file's parse result keyed by a
// hash of its text, so a quiz does not re-parse unchanged YAML (the yaml parser dominates load time).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError } from '../errors.js';
import { lintQuestions, parseBank } from '../quiz/bank.js';
import type { Question } from '../quiz/types.js';
import { writeFileAtomic } from './atomic.js';

/** Bump when the parser's output or rules change, so cached results are recomputed. */
const PARSER_VERSION = 2;

export interface LoadOptions {
  /** YYYY-MM-DD; `verified` dates after it are errors. */
  today?: string;
  /** A folder for cached parse results (one entry per bank file); none = always parse. */
  cacheDir?: string;
}

type Parsed = { questions: Question[]; errors: ContentError[] };

function parseCached(file: string, text: string, options: LoadOptions): Parsed {
  const { cacheDir, today } = options;
  if (!cacheDir) return parseBank(text, file, { today });
  const key = createHash('sha256').update(`${PARSER_VERSION}\0${today ?? ''}\0${file}\0${text}`).digest('hex');
  const entry = join(cacheDir, `${createHash('sha256').update(file).digest('hex').slice(0, 32)}.json`);
  try {
    if (existsSync(entry)) {
      const c = JSON.parse(readFileSync(entry, 'utf8')) as { key: string; questions: Question[]; errors: { file: string; line: number; column: number; what: string }[] };
      if (c.key === key) return { questions: c.questions, errors: c.errors.map((e) => new ContentError(e.file, e.line, e.column, e.what)) };
    }
  } catch {
    // an unreadable cache entry is simply recomputed
  }
  const r = parseBank(text, file, { today });
  try {
    writeFileAtomic(entry, JSON.stringify({ key, questions: r.questions, errors: r.errors.map((e) => ({ file: e.file, line: e.line, column: e.column, what: e.what })) }));
  } catch {
    // the cache is an optimisation: a read-only data directory must not stop a quiz
  }
  return r;
}

/** The bank files a path names: the file itself, or every *.yaml / *.yml directly in a folder (sorted). */
export function bankFiles(path: string): string[] {
  const st = statSync(path);
  if (!st.isDirectory()) return [path];
  return readdirSync(path)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => join(path, n));
}

/** Load files or folders. A missing path is an error at 0:0 so the caller can say which one. */
export function loadBanks(paths: string[], options: LoadOptions = {}): { questions: Question[]; errors: ContentError[] } {
  const questions: Question[] = [];
  const errors: ContentError[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    let files: string[];
    try {
      files = bankFiles(p);
    } catch (e) {
      errors.push(new ContentError(p, 0, 0, `cannot read bank path (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); expected a .yaml file or a folder of them`));
      continue;
    }
    for (const f of files) {
      if (seen.has(f)) continue;
      seen.add(f);
      const r = parseCached(f, readFileSync(f, 'utf8'), options);
      questions.push(...r.questions);
      errors.push(...r.errors);
    }
  }
  errors.push(...lintQuestions(questions));
  return { questions, errors };
}
