// The home screen's data: one command to run next, chosen in a fixed order, and the rows it shows.
import { describe, expect, it } from '@jest/globals';
import { homeOf, renderHome, type HomeInput } from '../../src/quiz/home.js';
import { PLAIN } from '../../src/quiz/ports.js';
import { computeStats } from '../../src/quiz/stats.js';
import type { StudyPlan } from '../../src/quiz/plan.js';
import { smallBank } from './helpers.js';

const bank = smallBank();
const T = Date.UTC(2026, 11, 5, 12);
const wrong = { questionId: 'fx-rotation-period', topic: 'rotation', tips: ['key-rotation'], correct: false, durationMs: 1000, at: T };
const labs = [
  { id: 'create-key', title: 'Create a key' },
  { id: 'key-rotation', title: 'Rotation' },
];
const plan = (newQuestions: number, lab: string[] = []): StudyPlan => ({
  examDate: '2027-01-20',
  daysLeft: 46,
  studyDays: 46,
  totals: { newQuestions: 0, reviews: 0, labs: 0 },
  days: [{ date: '2026-12-05', newQuestions, reviews: 0, labs: lab }],
  warnings: [],
});
const input = (over: Partial<HomeInput> = {}): HomeInput => ({
  stats: computeStats([wrong], [{ mode: 'practice', startedAt: T, questions: 1, answered: 1, correct: 0 }], {}, [], bank, T),
  due: 0,
  sessions: [{ mode: 'practice', startedAt: T, answered: 1, correct: 0 }],
  labs,
  completedLabs: new Set(),
  plan: null,
  ...over,
});

describe('homeOf: the one command to run next', () => {
  it("in order: a first quiz, due reviews, today's new questions, the weakest tip's lab, today's lab, unseen questions, the next lab, an exam", () => {
    expect(homeOf(input({ stats: computeStats([], [], {}, [], bank, T) })).next.command).toBe('kms-study quiz');
    expect(homeOf(input({ due: 3, plan: plan(5) })).next).toEqual({ command: 'kms-study quiz --mode review', why: '3 questions due for review' });
    expect(homeOf(input({ plan: plan(5) })).next.command).toBe('kms-study quiz --count 5');
    expect(homeOf(input({ plan: plan(0) })).next).toEqual({ command: 'kms-study lab key-rotation', why: 'the lab for your weakest exam tip (key-rotation)' });
    const rotationDone = new Set(['key-rotation']);
    expect(homeOf(input({ completedLabs: rotationDone, plan: plan(0, ['create-key']) })).next.command).toBe('kms-study lab create-key');
    expect(homeOf(input({ completedLabs: rotationDone })).next.command).toBe('kms-study quiz'); // 4 of 5 unseen
    const s = input().stats;
    const allSeen = { ...s, totals: { ...s.totals, questionsSeen: s.totals.bankQuestions } };
    expect(homeOf(input({ stats: allSeen, completedLabs: rotationDone })).next).toEqual({
      command: 'kms-study lab create-key',
      why: 'the next lab you have not completed',
    });
    expect(homeOf(input({ stats: allSeen, completedLabs: new Set(['key-rotation', 'create-key']) })).next.command).toBe('kms-study quiz --mode exam');
  });

  it('shows the weakest tip with its lab, the next lab not completed, and the last session', () => {
    const h = homeOf(input({ completedLabs: new Set(['create-key']) }));
    expect(h.weakestTip).toEqual({ tip: 'key-rotation', accuracy: 0, correct: 0, answered: 1, lab: 'key-rotation' });
    expect(h.nextLab).toEqual({ id: 'key-rotation', title: 'Rotation' });
    expect(h.labs).toEqual({ completed: 1, total: 2 });
    expect(h.lastSession).toEqual({ mode: 'practice', at: T, answered: 1, correct: 0 });
    const text = renderHome(h, PLAIN, 60);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    expect(text).toContain('Next lab:');
  });
});
