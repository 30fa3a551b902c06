// Exam-mode scoring. AWS reports a scaled score from 100 to 1000 with 720 to pass but does not publish the
// mapping from raw results; ours is a stated assumption (below), so the number is an estimate, not AWS's.
import type { Question } from './types.js';

/** SOA-C03: 65 questions in 130 minutes. */
export const EXAM_QUESTIONS = 65;
export const EXAM_MINUTES = 130;
export const PASS_SCORE = 720;
/** Assumed raw share of correct answers that corresponds to the 720 cut score. */
export const ASSUMED_CUT = 0.72;

/** Minutes for an exam of n questions, at the real exam's pace (130/65 = 2 minutes a question). */
export function examMinutes(n: number): number {
  return Math.round((n * EXAM_MINUTES) / EXAM_QUESTIONS);
}

/**
 * Piecewise-linear scaling: 0 correct -> 100, ASSUMED_CUT of the questions -> 720, all -> 1000.
 * Rounded to a whole number.
 */
export function scaledScore(correct: number, total: number): number {
  if (total <= 0) return 100;
  const p = Math.min(1, Math.max(0, correct / total));
  const s = p <= ASSUMED_CUT ? 100 + (620 * p) / ASSUMED_CUT : 720 + (280 * (p - ASSUMED_CUT)) / (1 - ASSUMED_CUT);
  return Math.round(s);
}

export const SCALING_EXPLAINED =
  `How this score is computed: AWS reports 100–1000 (720 passes) but does not publish how raw results map to it. ` +
  `We assume ${Math.round(ASSUMED_CUT * 100)}% correct sits at the 720 cut and scale linearly on each side ` +
  `(0% -> 100, ${Math.round(ASSUMED_CUT * 100)}% -> 720, 100% -> 1000). Unanswered questions count as wrong; multiple response is all-or-nothing. ` +
  `Treat it as an estimate, not a prediction of your AWS score.`;

export interface TopicResult {
  topic: string;
  total: number;
  correct: number;
}

export function breakdown(items: { question: Question; correct: boolean }[]): TopicResult[] {
  const m = new Map<string, TopicResult>();
  for (const { question, correct } of items) {
    const r = m.get(question.topic) ?? { topic: question.topic, total: 0, correct: 0 };
    r.total++;
    if (correct) r.correct++;
    m.set(question.topic, r);
  }
  return [...m.values()].sort((a, b) => a.correct / a.total - b.correct / b.total || a.topic.localeCompare(b.topic));
}
