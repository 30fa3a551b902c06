// The one line every quiz session ends with: what to do next. Missed questions first (the exact review
// command, and the lab of the weakest exam tip among them), then the cards due by this time tomorrow, else new
// questions.
import type { SessionResult } from './session.js';
import type { StoredCard } from './schedule.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The "Next:" line after a session (no trailing newline). `cards` is the schedule after the session. */
export function nextStep(result: SessionResult, cards: Record<string, StoredCard>, now: number, generated: boolean, tipAccuracy: Record<string, { accuracy: number }> = {}): string {
  const missed = result.answers.filter((a) => !a.correct);
  if (generated) return missed.length ? `Next: ${missed.length} drill${missed.length === 1 ? '' : 's'} missed; read their explanations above, then try a new set: kms-study quiz --generated` : 'Next: a new set of drills: kms-study quiz --generated';
  if (missed.length) {
    const tip = weakestMissedTip(result, tipAccuracy);
    const lab = labFor(missed.filter((a) => !tip || (a.question.tips as string[]).includes(tip))) ?? labFor(missed);
    const then = lab ? `; then practise ${tip ? `your weakest tip here (${tip})` : 'it'} hands-on: kms-study lab ${lab}` : '';
    return `Next: review the ${missed.length === 1 ? 'one' : missed.length} you missed: kms-study quiz --mode review${then}`;
  }
  const dueTomorrow = Object.values(cards).filter((c) => c.due <= now + DAY_MS).length;
  if (dueTomorrow) return `Next: ${dueTomorrow} card${dueTomorrow === 1 ? '' : 's'} due for review by this time tomorrow: kms-study quiz --mode review`;
  return 'Next: nothing due by this time tomorrow; learn new questions: kms-study quiz';
}

/** The most common lab among these answers' questions (ties: by id). */
function labFor(answers: SessionResult['answers']): string | undefined {
  const labs = new Map<string, number>();
  for (const a of answers) if (a.question.lab) labs.set(a.question.lab, (labs.get(a.question.lab) ?? 0) + 1);
  return [...labs.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0];
}

/**
 * Of the exam tips the missed questions carry, the weakest: lowest accuracy over all answers so far (`tipAccuracy`,
 * falling back to this session's answers), then the most misses in this session, then by id.
 */
export function weakestMissedTip(result: SessionResult, tipAccuracy: Record<string, { accuracy: number }>): string | undefined {
  const misses = new Map<string, number>();
  for (const a of result.answers) if (!a.correct) for (const t of a.question.tips) misses.set(t, (misses.get(t) ?? 0) + 1);
  const local = (t: string) => {
    const on = result.answers.filter((a) => (a.question.tips as string[]).includes(t));
    return on.filter((a) => a.correct).length / on.length;
  };
  const acc = (t: string) => tipAccuracy[t]?.accuracy ?? local(t);
  return [...misses.keys()].sort((x, y) => acc(x) - acc(y) || misses.get(y)! - misses.get(x)! || x.localeCompare(y))[0];
}
