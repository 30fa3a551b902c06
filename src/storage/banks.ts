// Reads question bank files and folders from disk and hands the text to the pure parser; the cross-file
// rules run over everything loaded together.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError } from '../errors.js';
import { lintQuestions, parseBank } from '../quiz/bank.js';
import type { Question } from '../quiz/types.js';

export interface LoadOptions {
  /** YYYY-MM-DD; `verified` dates after it are errors. */
  today?: string;
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
      const r = parseBank(readFileSync(f, 'utf8'), f, { today: options.today });
      questions.push(...r.questions);
      errors.push(...r.errors);
    }
  }
  errors.push(...lintQuestions(questions));
  return { questions, errors };
}
