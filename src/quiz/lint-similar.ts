// Near-duplicate questions: two questions whose stems are alike AND whose lessons (the correct options'
// text plus the takeaway) are alike teach the same thing twice. Measure and limits: docs/bank-format.md.
import { ContentError } from '../errors.js';
import { jaccard, words } from './similarity.js';
import type { Question } from './types.js';

/** Jaccard similarity of the stems' word sets at or above which two stems count as alike. */
export const STEM_LIMIT = 0.25;
/** Jaccard similarity of the lessons' word sets (correct options + takeaway) at or above which they count as alike. */
export const LESSON_LIMIT = 0.4;

export interface Similarity {
  stem: number;
  lesson: number;
}

const bag = (t: string) => new Set(words(t));
const lessonText = (q: Question) => [...q.options.filter((o) => q.answer.includes(o.letter)).map((o) => o.text), q.takeaway].join(' ');

/** How alike two questions are: stems, and lessons (correct options and takeaway). */
export function similarity(a: Question, b: Question): Similarity {
  return { stem: jaccard(bag(a.stem), bag(b.stem)), lesson: jaccard(bag(lessonText(a)), bag(lessonText(b))) };
}

export const isNearDuplicate = (s: Similarity) => s.stem >= STEM_LIMIT && s.lesson >= LESSON_LIMIT;

const same = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** One error per near-duplicate pair, placed at the second question (bank order) and naming the first. */
export function nearDuplicates(all: Question[]): ContentError[] {
  const prepared = all.map((q) => ({ q, stem: bag(q.stem), lesson: bag(lessonText(q)) }));
  const out: ContentError[] = [];
  for (let j = 1; j < prepared.length; j++)
    for (let i = 0; i < j; i++) {
      const a = prepared[i];
      const b = prepared[j];
      if (a.q.id === b.q.id || same(a.q.stem) === same(b.q.stem)) continue; // duplicate ids and identical stems: lintQuestions reports them
      const s = { stem: jaccard(a.stem, b.stem), lesson: jaccard(a.lesson, b.lesson) };
      if (!isNearDuplicate(s)) continue;
      out.push(
        new ContentError(
          b.q.file,
          b.q.line,
          b.q.column,
          `question "${b.q.id}" is a near-duplicate of "${a.q.id}" (${a.q.file}:${a.q.line}:${a.q.column}): stems ${pct(s.stem)} alike, ` +
            `correct answers and takeaways ${pct(s.lesson)} alike (limits ${pct(STEM_LIMIT)} and ${pct(LESSON_LIMIT)}); expected a merge or a question that tests something else`,
        ),
      );
    }
  return out;
}
