import { describe, expect, it } from '@jest/globals';
import { nextStep, weakestMissedTip } from '../../src/quiz/next-step.js';
import type { AnswerEvent } from '../../src/quiz/ports.js';
import type { StoredCard } from '../../src/quiz/schedule.js';
import type { SessionResult } from '../../src/quiz/session.js';
import { smallBank } from './helpers.js';

const T0 = Date.UTC(2026, 10, 1, 9);
const HOUR = 3_600_000;
const bank = smallBank();
const q = (id: string) => bank.find((x) => x.id === id)!;
const ev = (id: string, correct: boolean): AnswerEvent => ({ question: q(id), chosen: [], correct, guessed: false, durationMs: 1, at: T0 });
const result = (answers: AnswerEvent[]): SessionResult => ({ mode: 'practice', startedAt: T0, finishedAt: T0, questions: answers.length, answered: answers.length, correct: answers.filter((a) => a.correct).length, ended: 'completed', answers });
const card = (due: number) => ({ due }) as StoredCard;

describe('nextStep', () => {
  it('sends the learner to review what was missed, with the lab of the weakest tip among the misses', () => {
    expect(nextStep(result([ev('fx-rotation-period', false), ev('fx-rotation-keeps', true)]), {}, T0, false)).toBe('Next: review the one you missed: kms-study quiz --mode review; then practise your weakest tip here (key-rotation) hands-on: kms-study lab key-rotation');
    expect(nextStep(result([ev('fx-rotation-keeps', false), ev('fx-deletion-cancel', false)]), {}, T0, false)).toBe('Next: review the 2 you missed: kms-study quiz --mode review');
  });

  it('the weakest tip is the one with the lowest accuracy so far, not the first or most common lab', () => {
    const both = result([ev('fx-deletion-wait', false), ev('fx-rotation-period', false)]);
    expect(nextStep(both, {}, T0, false, { 'deletion-wait-period': { accuracy: 0.8 }, 'key-rotation': { accuracy: 0.2 } })).toMatch(/weakest tip here \(key-rotation\) hands-on: kms-study lab key-rotation$/);
    expect(nextStep(both, {}, T0, false, { 'deletion-wait-period': { accuracy: 0.1 }, 'key-rotation': { accuracy: 0.2 } })).toMatch(/weakest tip here \(deletion-wait-period\) hands-on: kms-study lab key-deletion$/);
    // Without history, this session's answers decide: deletion-wait-period 0 of 2, key-rotation 0 of 1 (tie) -> more misses wins.
    const session = result([ev('fx-deletion-wait', false), ev('fx-deletion-cancel', false), ev('fx-rotation-period', false)]);
    expect(weakestMissedTip(session, {})).toBe('deletion-wait-period');
    expect(weakestMissedTip(result([ev('fx-rotation-keeps', true)]), {})).toBeUndefined();
  });

  it('with nothing missed, counts the cards due by this time tomorrow', () => {
    const cards = { a: card(T0 + 2 * HOUR), b: card(T0 + 24 * HOUR), c: card(T0 + 30 * HOUR) };
    expect(nextStep(result([ev('fx-rotation-keeps', true)]), cards, T0, false)).toBe('Next: 2 cards due for review by this time tomorrow: kms-study quiz --mode review');
    expect(nextStep(result([ev('fx-rotation-keeps', true)]), { c: card(T0 + 30 * HOUR) }, T0, false)).toBe('Next: nothing due by this time tomorrow; learn new questions: kms-study quiz');
  });

  it('generated drills: another set (they have no review cards)', () => {
    expect(nextStep(result([ev('fx-rotation-keeps', false)]), {}, T0, true)).toMatch(/^Next: 1 drill missed; .*kms-study quiz --generated$/);
  });
});
