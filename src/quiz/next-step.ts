// The one line every quiz session ends with: what to do next. Missed questions first (the exact review
// command, and the lab most of them point to), then the cards due by this time tomorrow, else new questions.
import type { SessionResult } from './session.js';
import type { StoredCard } from './schedule.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The "Next:" line after a session (no trailing newline). `cards` is the schedule after the session. */
export function nextStep(result: SessionResult, cards: Record<string, StoredCard>, now: number, generated: boolean): string {
  const missed = result.answers.filter((a) => !a.correct);
  if (generated) return missed.length ? `Next: ${missed.length} drill${missed.length === 1 ? '' : 's'} missed; read their explanations above, then try a new set: kms-study quiz --generated` : 'Next: a new set of drills: kms-study quiz --generated';
  if (missed.length) {
    const labs = new Map<string, number>();
    for (const a of missed) if (a.question.lab) labs.set(a.question.lab, (labs.get(a.question.lab) ?? 0) + 1);
    const lab = [...labs.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0];
    return `Next: review the ${missed.length === 1 ? 'one' : missed.length} you missed: kms-study quiz --mode review${lab ? `; then practise it hands-on: kms-study lab ${lab}` : ''}`;
  }
  const dueTomorrow = Object.values(cards).filter((c) => c.due <= now + DAY_MS).length;
  if (dueTomorrow) return `Next: ${dueTomorrow} card${dueTomorrow === 1 ? '' : 's'} due for review by this time tomorrow: kms-study quiz --mode review`;
  return 'Next: nothing due by this time tomorrow; learn new questions: kms-study quiz';
}
