// The study plan: new questions and labs spread over the study days, reviews forecast by replaying the FSRS
// cards forward, and the warnings when the plan no longer fits. The clock is injected (noon, so the local
// calendar day is the same in every time zone from UTC-11 to UTC+11).
import { describe, expect, it } from '@jest/globals';
import { buildPlan, isCalendarDate, MAX_QUESTIONS_PER_DAY, spread } from '../../src/quiz/plan.js';
import { Rating, review } from '../../src/quiz/schedule.js';

const NOW = Date.UTC(2026, 11, 5, 12); // 2026-12-05
const DAY = 86_400_000;
const ids = (n: number) => Array.from({ length: n }, (_, i) => `q${i}`);

describe('spread and dates', () => {
  it('spreads evenly, extra ones first', () => {
    expect(spread(10, 3)).toEqual([4, 3, 3]);
    expect(spread(0, 2)).toEqual([0, 0]);
    expect(spread(5, 0)).toEqual([]);
  });
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isCalendarDate('2027-01-20')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    for (const bad of ['2027-02-30', '2027-1-20', '20-01-2027', 'tomorrow', '2027-13-01', '']) expect(isCalendarDate(bad)).toBe(false);
  });
});

describe('buildPlan', () => {
  it('spreads new questions and labs over all but the last study day, which is for reviews', () => {
    const p = buildPlan({ examDate: '2026-12-15', now: NOW, newQuestions: ids(18), cards: {}, labs: ['create-key', 'grants', 'key-rotation'] });
    expect(p.daysLeft).toBe(10);
    expect(p.studyDays).toBe(10);
    expect(p.days.map((d) => d.date)).toEqual(Array.from({ length: 10 }, (_, i) => `2026-12-${String(5 + i).padStart(2, '0')}`));
    expect(p.days.map((d) => d.newQuestions)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 0]);
    expect(p.days.map((d) => d.labs)).toEqual([['create-key'], ['grants'], ['key-rotation'], [], [], [], [], [], [], []]);
    expect(p.totals).toMatchObject({ newQuestions: 18, labs: 3 });
    expect(p.warnings).toEqual([]);
  });

  it('forecasts reviews from the scheduler: a card comes back on its due day, then as FSRS spaces it', () => {
    let card = review(undefined, NOW - 10 * DAY, Rating.Good);
    card = review(card, card.due, Rating.Good); // graduated: due some days later
    const dueDay = Math.round((new Date(card.due).setHours(0, 0, 0, 0) - new Date(NOW).setHours(0, 0, 0, 0)) / DAY);
    const p = buildPlan({ examDate: '2027-03-01', now: NOW, newQuestions: [], cards: { a: card }, labs: [] });
    const reviewDays = p.days.flatMap((d, i) => (d.reviews ? [i] : []));
    expect(reviewDays[0]).toBe(Math.max(0, dueDay));
    expect(reviewDays.length).toBeGreaterThan(1);
    // Intervals grow: each gap is at least as long as the one before.
    const gaps = reviewDays.slice(1).map((d, i) => d - reviewDays[i]);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThanOrEqual(gaps[i - 1]);
    expect(p.totals.reviews).toBe(reviewDays.length);
  });

  it("puts overdue cards on today and counts the same-day step of today's new questions", () => {
    const overdue = { ...review(undefined, NOW - 30 * DAY, Rating.Good), due: NOW - 5 * DAY };
    const p = buildPlan({ examDate: '2026-12-20', now: NOW, newQuestions: ids(1), cards: { a: overdue, b: overdue }, labs: [] });
    expect(p.days[0].reviews).toBeGreaterThanOrEqual(3); // two overdue + the learning step of the new one
  });

  it('warns when the exam date has passed or is today, with no days to plan', () => {
    const past = buildPlan({ examDate: '2026-12-01', now: NOW, newQuestions: ids(3), cards: {}, labs: [] });
    expect(past.daysLeft).toBe(-4);
    expect(past.days).toEqual([]);
    expect(past.warnings).toEqual([
      'The exam date 2026-12-01 has passed: set the next one (kms-study plan --exam-date YYYY-MM-DD) or remove it (kms-study plan --clear).',
    ]);
    const today = buildPlan({ examDate: '2026-12-05', now: NOW, newQuestions: [], cards: {}, labs: [] });
    expect(today.warnings[0]).toMatch(/^The exam is today/);
  });

  it('warns when a day asks for too many questions or labs', () => {
    const p = buildPlan({ examDate: '2026-12-09', now: NOW, newQuestions: ids(120), cards: {}, labs: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] });
    expect(p.days.map((d) => d.newQuestions)).toEqual([40, 40, 40, 0]);
    expect(p.warnings[0]).toMatch(new RegExp(`^The plan no longer fits: \\d+ questions on 2026-12-0\\d \\(more than ${MAX_QUESTIONS_PER_DAY} a day\\)`));
    expect(p.warnings[1]).toBe('The plan asks for up to 3 labs a day (more than 2): start the labs now, or move the exam date.');
    const fits = buildPlan({ examDate: '2027-01-20', now: NOW, newQuestions: ids(120), cards: {}, labs: ['a', 'b'] });
    expect(fits.warnings).toEqual([]);
  });
});
