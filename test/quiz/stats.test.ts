import { describe, expect, it } from '@jest/globals';
import { Rating, review } from '../../src/quiz/schedule.js';
import { computeStats, guessChance, isShortSession } from '../../src/quiz/stats.js';
import { byId, smallBank } from './helpers.js';

const bank = smallBank();
const T = Date.UTC(2026, 10, 1);
const ans = (questionId: string, topic: string, tips: string[], correct: boolean, at = T) => ({ questionId, topic, tips, correct, durationMs: 30_000, at });

describe('computeStats', () => {
  it('totals, per-topic and per-tip accuracy, and the trend from sessions', () => {
    const answers = [
      ans('fx-deletion-wait', 'deletion', ['deletion-wait-period'], false),
      ans('fx-deletion-cancel', 'deletion', ['deletion-wait-period'], true),
      ans('fx-rotation-period', 'rotation', ['key-rotation'], true),
    ];
    const s = computeStats(answers, [{ mode: 'practice', startedAt: T, answered: 2, correct: 1 }, { mode: 'exam', startedAt: T + 1, answered: 1, correct: 1, scaledScore: 1000 }, { mode: 'cram', startedAt: T + 2, answered: 0, correct: 0 }], {}, [], bank, T);
    expect(s.totals).toMatchObject({ answered: 3, correct: 2, sessions: 3, studyMinutes: 2, questionsSeen: 3, bankQuestions: 5 });
    expect(s.byTopic.deletion).toEqual({ answered: 2, correct: 1, accuracy: 0.5 });
    expect(s.byTip['key-rotation']).toEqual({ answered: 1, correct: 1, accuracy: 1 });
    expect(s.trend).toEqual([{ at: T, mode: 'practice', accuracy: 0.5 }, { at: T + 1, mode: 'exam', accuracy: 1, scaledScore: 1000 }]);
  });

  it('keeps sessions stopped after one or two answers out of the trend and sums them apart', () => {
    const sessions = [
      { mode: 'practice', startedAt: T, questions: 10, answered: 1, correct: 0 }, // stopped early: short
      { mode: 'practice', startedAt: T + 1, questions: 2, answered: 2, correct: 2 }, // finished --count 2: a score
      { mode: 'review', startedAt: T + 2, questions: 20, answered: 2, correct: 1 }, // stopped early: short
      { mode: 'practice', startedAt: T + 3, questions: 10, answered: 3, correct: 0 }, // stopped, but 3 answers
    ];
    const s = computeStats([], sessions, {}, [], bank, T);
    expect(s.trend.map((x) => x.at)).toEqual([T + 1, T + 3]);
    expect(s.shortSessions).toMatchObject({ count: 2, answered: 3, correct: 1 });
    expect(s.shortSessions.rule).toMatch(/fewer than 3 answers is left out of the trend/);
    expect(isShortSession({ mode: 'practice', startedAt: T, answered: 1, correct: 1 })).toBe(false); // old record without questions
  });

  it('names the weakest tips with the most-linked lab and missed-then-unseen questions', () => {
    const s = computeStats([ans('fx-deletion-cancel', 'deletion', ['deletion-wait-period'], false)], [], {}, [], bank, T);
    expect(s.weakestTips).toEqual([{ tip: 'deletion-wait-period', answered: 1, correct: 0, accuracy: 0, lab: 'key-deletion', questions: ['fx-deletion-cancel', 'fx-deletion-wait'], titles: ['Fixture question four: what state does a key…', 'Fixture question three: what is the default…'] }]);
  });

  it('leaves perfect tips out of the weakest list', () => {
    expect(computeStats([ans('fx-rotation-period', 'rotation', ['key-rotation'], true)], [], {}, [], bank, T).weakestTips).toEqual([]);
  });

  it('readiness: blind-guess chance for unseen questions, FSRS recall for reviewed ones, out-of-scope left out', () => {
    const inScope = bank.filter((q) => q.scope === 'in');
    const guess = inScope.reduce((t, q) => t + guessChance(q), 0) / inScope.length;
    const fresh = computeStats([], [], {}, [], bank, T).readiness;
    expect(fresh.recall).toBeCloseTo(guess, 10);
    expect(fresh.passLikely).toBe(false);
    expect(fresh.method).toMatch(/^Estimate:.*not an AWS score\.$/);
    const cards = Object.fromEntries(inScope.map((q) => [q.id, review(undefined, T, Rating.Good)]));
    const studied = computeStats([], [], cards, [], bank, T + 60_000).readiness;
    expect(studied.recall).toBeGreaterThan(0.95);
    expect(studied.estimate).toBeGreaterThan(900);
    expect(studied.passLikely).toBe(true);
  });

  it('guess chance: 1/4 for single, 1/10 for two of five', () => {
    const [single, multi] = byId(bank, 'fx-rotation-period', 'fx-rotation-keeps');
    expect(guessChance(single)).toBe(0.25);
    expect(guessChance(multi)).toBeCloseTo(0.1, 10);
  });

  it('lab completions: completed ids once each, attempted ids', () => {
    const s = computeStats([], [], {}, [{ labId: 'grants', completed: false }, { labId: 'grants', completed: true }, { labId: 'key-deletion', completed: false }], bank, T);
    expect(s.labs).toEqual({ completed: ['grants'], attempted: ['grants', 'key-deletion'] });
  });
});
