// Cross-file rules over every loaded question: ids are unique across all banks (progress is keyed by
// them) and no two questions share the same stem.
import { ContentError } from '../errors.js';
import type { Question } from './types.js';

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

export function lintQuestions(all: Question[]): ContentError[] {
  const errors: ContentError[] = [];
  const ids = new Map<string, Question>();
  const stems = new Map<string, Question>();
  for (const q of all) {
    const first = ids.get(q.id);
    if (first) errors.push(new ContentError(q.file, q.line, q.column, `duplicate question id "${q.id}"; first used at ${first.file}:${first.line}:${first.column}; expected ids unique across all banks`));
    else ids.set(q.id, q);
    const s = norm(q.stem);
    const same = stems.get(s);
    if (same && !first) errors.push(new ContentError(q.file, q.line, q.column, `question "${q.id}" has the same stem as "${same.id}" (${same.file}:${same.line}:${same.column}); expected each stem once`));
    else if (!same) stems.set(s, q);
  }
  return errors;
}
