// Accuracy per topic or exam tip over stored answers: what the progress store and `stats` share. Kept apart from
// stats.ts so the progress store (and the lab list through it) loads no scheduler.

export interface AnswerLike {
  questionId: string;
  topic: string;
  tips: string[];
  correct: boolean;
  durationMs: number | null;
  at: number;
}

export interface Accuracy {
  answered: number;
  correct: number;
  accuracy: number;
}

/** Answered/correct/accuracy per key (topic, tip...) over answer records. */
export function accuracyBy(rows: AnswerLike[], keys: (a: AnswerLike) => string[]): Record<string, Accuracy> {
  const out: Record<string, Accuracy> = {};
  for (const a of rows)
    for (const k of keys(a)) {
      const s = (out[k] ??= { answered: 0, correct: 0, accuracy: 0 });
      s.answered++;
      if (a.correct) s.correct++;
    }
  for (const s of Object.values(out)) s.accuracy = s.answered ? s.correct / s.answered : 0;
  return out;
}
