// What `kms-study stats` reports, computed from stored answers, sessions, cards and labs plus the bank:
// totals, per-topic and per-tip accuracy, the score trend, the weakest tips with what to do next, and a
// labelled readiness estimate.
import { recallProbability, type StoredCard } from './schedule.js';
import { scaledScore, PASS_SCORE } from './score.js';
import type { Question } from './types.js';
import { questionTitle } from './title.js';
import { accuracyBy, type Accuracy, type AnswerLike } from './accuracy.js';

export { accuracyBy, type Accuracy } from './accuracy.js';

interface SessionLike {
  mode: string;
  startedAt: number;
  /** Questions the session had (absent in old records: treated as finished). */
  questions?: number;
  answered: number;
  correct: number;
  scaledScore?: number;
}
interface LabLike {
  labId: string;
  completed: boolean;
}

export interface WeakTip extends Accuracy {
  tip: string;
  lab?: string;
  /** Question ids to do next: missed ones first, then unseen ones. */
  questions: string[];
  /** The same questions' readable titles (what the report shows), in the same order. */
  titles: string[];
}

export interface Stats {
  totals: Accuracy & { sessions: number; studyMinutes: number; questionsSeen: number; bankQuestions: number };
  byTopic: Record<string, Accuracy>;
  byTip: Record<string, Accuracy>;
  trend: { at: number; mode: string; accuracy: number; scaledScore?: number }[];
  /** Sessions stopped after 1 or 2 answers (of more questions): kept out of the trend, summed here. */
  shortSessions: { count: number; answered: number; correct: number; rule: string };
  weakestTips: WeakTip[];
  readiness: { estimate: number; recall: number; passLikely: boolean; method: string };
  labs: { completed: string[]; attempted: string[] };
}

export const READINESS_METHOD =
  'Estimate: the average chance of answering an in-scope bank question right today, where a reviewed question counts its FSRS recall probability ' +
  'and an unseen one the chance of a blind guess (1 in 4 for single answer, 1 in 10 for two of five); that average is put on the 100–1000 scale ' +
  'with the same assumed mapping as exam mode. It is not an AWS score.';

/** The chance of a blind guess being right: 1 / (options choose answers). */
export function guessChance(q: Question): number {
  let ways = 1;
  for (let i = 0; i < q.choose; i++) ways = (ways * (q.options.length - i)) / (i + 1);
  return 1 / ways;
}

/** Fewer answers than this in a session that stopped before its last question: too few to be a score. */
export const SHORT_SESSION_ANSWERS = 3;

export const SHORT_SESSION_RULE = `A session stopped after fewer than ${SHORT_SESSION_ANSWERS} answers is left out of the trend (one or two answers say little about a score); its answers still count everywhere else.`;

/** A session that stopped early with only one or two answers (a finished short session, --count 2, is a score). */
export function isShortSession(s: SessionLike): boolean {
  return s.answered > 0 && s.answered < SHORT_SESSION_ANSWERS && s.questions !== undefined && s.answered < s.questions;
}

export function computeStats(answers: AnswerLike[], sessions: SessionLike[], cards: Record<string, StoredCard>, labs: LabLike[], bank: Question[], now: number): Stats {
  const correct = answers.filter((a) => a.correct).length;
  const byTip = accuracyBy(answers, (a) => a.tips);
  const last: Record<string, boolean> = {};
  for (const a of answers) last[a.questionId] = a.correct;
  const weakestTips: WeakTip[] = Object.entries(byTip)
    .filter(([, s]) => s.accuracy < 1)
    .sort((a, b) => a[1].accuracy - b[1].accuracy || b[1].answered - a[1].answered || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([tip, s]) => {
      const qs = bank.filter((q) => (q.tips as string[]).includes(tip));
      const labCount = new Map<string, number>();
      for (const q of qs) if (q.lab) labCount.set(q.lab, (labCount.get(q.lab) ?? 0) + 1);
      const lab = [...labCount.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
      const next = [...qs.filter((q) => last[q.id] === false), ...qs.filter((q) => last[q.id] === undefined)].slice(0, 5);
      return { tip, ...s, lab, questions: next.map((q) => q.id), titles: next.map((q) => questionTitle(q)) };
    });
  const inScope = bank.filter((q) => q.scope === 'in');
  const recall = inScope.length ? inScope.reduce((sum, q) => sum + (cards[q.id] ? recallProbability(cards[q.id], now) : guessChance(q)), 0) / inScope.length : 0;
  const estimate = scaledScore(Math.round(recall * 1000), 1000);
  const short = sessions.filter(isShortSession);
  return {
    totals: {
      answered: answers.length,
      correct,
      accuracy: answers.length ? correct / answers.length : 0,
      sessions: sessions.length,
      studyMinutes: Math.round(answers.reduce((t, a) => t + (a.durationMs ?? 0), 0) / 60000),
      questionsSeen: new Set(answers.map((a) => a.questionId)).size,
      bankQuestions: bank.length,
    },
    byTopic: accuracyBy(answers, (a) => [a.topic]),
    byTip,
    trend: sessions
      .filter((s) => s.answered > 0 && !isShortSession(s))
      .map((s) => ({ at: s.startedAt, mode: s.mode, accuracy: s.correct / s.answered, ...(s.scaledScore !== undefined ? { scaledScore: s.scaledScore } : {}) })),
    shortSessions: {
      count: short.length,
      answered: short.reduce((t, x) => t + x.answered, 0),
      correct: short.reduce((t, x) => t + x.correct, 0),
      rule: SHORT_SESSION_RULE,
    },
    weakestTips,
    readiness: { estimate, recall, passLikely: estimate >= PASS_SCORE, method: READINESS_METHOD },
    labs: {
      completed: [...new Set(labs.filter((l) => l.completed).map((l) => l.labId))].sort(),
      attempted: [...new Set(labs.map((l) => l.labId))].sort(),
    },
  };
}
