// Which questions a session asks, and in what order: filters first (saying which one emptied the list),
// then each mode's rule: practice = due cards and weak topics first; review = missed or due only;
// exam = in-scope only, spread over the exam guide's domains by weight (exam-draw.ts); cram = everything, schedule untouched.
import { didYouMean } from '../text/suggest.js';
import type { Random } from '../aws/ports.js';
import type { StoredCard } from './schedule.js';
import { drawByDomain } from './exam-draw.js';
import { shuffled } from './present.js';
import type { QuizMode } from './ports.js';
import type { Question } from './types.js';

export interface Filters {
  topic?: string;
  tip?: string;
  difficulty?: string;
}

/** Apply filters in order; `empty` names the filter that left nothing (or the empty bank). */
/** `usage` when a filter (a command-line value) emptied the list, not the bank. */
export function applyFilters(all: Question[], f: Filters): { questions: Question[]; empty?: string; usage?: boolean } {
  if (all.length === 0) return { questions: [], empty: 'the question bank is empty' };
  let qs = all;
  const steps: [string | undefined, string, (q: Question, v: string) => boolean, (q: Question) => string[]][] = [
    [f.topic, '--topic', (q, v) => q.topic === v, (q) => [q.topic]],
    [f.tip, '--tip', (q, v) => q.tips.includes(v as never), (q) => q.tips],
    [f.difficulty, '--difficulty', (q, v) => q.difficulty === v, (q) => [q.difficulty]],
  ];
  for (const [value, flag, keep, values] of steps) {
    if (value === undefined) continue;
    const next = qs.filter((q) => keep(q, value));
    if (next.length === 0) {
      const known = [...new Set(qs.flatMap(values))].sort();
      return { questions: [], empty: `no questions match ${flag} ${value}${known.length ? ` (available: ${known.join(', ')})` : ''}${didYouMean(value, known)}`, usage: true };
    }
    qs = next;
  }
  return { questions: qs };
}

export interface History {
  cards: Record<string, StoredCard>;
  /** Whether the most recent answer to each question was right. */
  lastCorrect: Record<string, boolean>;
  /** Accuracy per topic (0..1); topics never answered are absent. */
  topicAccuracy: Record<string, number>;
}

export const DEFAULT_COUNT: Record<QuizMode, number> = { practice: 10, review: 20, cram: 20, exam: 65 };

/** Pick and order questions for a mode. `random` undefined = bank order (--no-shuffle). */
export function selectQuestions(mode: QuizMode, qs: Question[], h: History, now: number, count: number | undefined, random: Random | undefined): { questions: Question[]; empty?: string } {
  const n = count ?? DEFAULT_COUNT[mode];
  const base = shuffled(qs, random);
  const acc = (q: Question) => h.topicAccuracy[q.topic] ?? 0.5;
  if (mode === 'exam') {
    const inScope = base.filter((q) => q.scope === 'in');
    if (!inScope.length) return { questions: [], empty: 'no in-scope questions (exam mode leaves out scope: out)' };
    return { questions: drawByDomain(inScope, Math.min(n, 65)) };
  }
  if (mode === 'cram') return { questions: base.slice(0, n) };
  if (mode === 'review') {
    const missed = base.filter((q) => h.lastCorrect[q.id] === false);
    const due = base.filter((q) => h.lastCorrect[q.id] !== false && h.cards[q.id] && h.cards[q.id].due <= now).sort((a, b) => h.cards[a.id].due - h.cards[b.id].due);
    const picked = [...missed, ...due].slice(0, n);
    return picked.length ? { questions: picked } : { questions: [], empty: 'nothing to review: no missed questions and no cards due (try --mode practice)' };
  }
  // practice: due first (most overdue first), then new questions, then the rest by due date; weak topics first within each group
  const rank = (q: Question) => {
    const c = h.cards[q.id];
    if (c && c.due <= now) return 0;
    return c ? 2 : 1;
  };
  const ordered = base
    .map((q, i) => ({ q, i }))
    .sort((a, b) => rank(a.q) - rank(b.q) || (rank(a.q) === 0 ? h.cards[a.q.id].due - h.cards[b.q.id].due : 0) || acc(a.q) - acc(b.q) || a.i - b.i)
    .map((x) => x.q);
  return { questions: ordered.slice(0, n) };
}
