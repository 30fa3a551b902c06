// The stats use case behind its progress port, and its text report.
import { describe, expect, it } from '@jest/globals';
import { PLAIN } from '../../src/quiz/ports.js';
import { renderStats, statsOf, type StatsProgress } from '../../src/quiz/stats-report.js';
import { smallBank } from './helpers.js';

const T0 = Date.UTC(2026, 10, 1, 9);

function progress(answers: { questionId: string; topic: string; tips: string[]; correct: boolean }[]): StatsProgress {
  return {
    answers: () => answers.map((a, i) => ({ ...a, durationMs: 10_000, at: T0 + i })),
    sessions: () => [{ mode: 'practice', startedAt: T0, answered: answers.length, correct: answers.filter((a) => a.correct).length }],
    storedCards: () => ({}),
    labResults: () => [{ labId: 'key-rotation', completed: true }],
  };
}

describe('stats report', () => {
  it('says where to start when nothing is recorded', () => {
    const empty: StatsProgress = { answers: () => [], sessions: () => [], storedCards: () => ({}), labResults: () => [] };
    expect(renderStats(statsOf(empty, smallBank(), T0), PLAIN, undefined)).toBe('No answers recorded yet. Start with: kms-study quiz\n');
  });

  it('reports totals, topics, the trend, weakest tips, readiness and labs from the progress port', () => {
    const s = statsOf(
      progress([
        { questionId: 'fx-rotation-period', topic: 'rotation', tips: ['rotation-facts'], correct: true },
        { questionId: 'fx-deletion-wait', topic: 'deletion', tips: ['deletion-waiting-period'], correct: false },
      ]),
      smallBank(),
      T0 + 1000,
    );
    expect(s.totals).toMatchObject({ answered: 2, correct: 1, bankQuestions: smallBank().length });
    const text = renderStats(s, PLAIN, undefined);
    expect(text).toMatch(/^Answered 2 \(2 of \d+ bank questions seen\), 1 correct \(50%\), 1 session,/);
    for (const heading of ['Accuracy by topic', 'Scores over time', 'Readiness (estimate):', 'Labs: 1 completed (key-rotation); 1 attempted'])
      expect(text).toContain(heading);
    expect(text.indexOf('deletion')).toBeLessThan(text.indexOf('rotation ')); // weakest topic first
  });

  it('wraps long lines to the width it is given', () => {
    const s = statsOf(progress([{ questionId: 'fx-deletion-wait', topic: 'deletion', tips: ['deletion-waiting-period'], correct: false }]), smallBank(), T0);
    const wide = renderStats(s, PLAIN, undefined);
    const narrow = renderStats(s, PLAIN, 50);
    expect(Math.max(...wide.split('\n').map((l) => l.length))).toBeGreaterThan(50);
    expect(narrow.split('\n').length).toBeGreaterThan(wide.split('\n').length);
    expect(narrow.split('\n')[0].length).toBeLessThanOrEqual(50); // the totals line
    expect(narrow.replace(/\s+/g, ' ')).toBe(wide.replace(/\s+/g, ' ')); // same words, other line breaks
  });
});
