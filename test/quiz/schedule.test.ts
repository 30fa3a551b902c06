import { describe, expect, it } from '@jest/globals';
import { ManualClock } from '../../src/aws/ports.js';
import { isDue, Rating, ratingFor, recallProbability, review } from '../../src/quiz/schedule.js';

const DAY = 86_400_000;

describe('FSRS scheduling with an injected clock', () => {
  it('maps wrong to Again, right to Good, right but guessed to Hard', () => {
    expect(ratingFor(false, false)).toBe(Rating.Again);
    expect(ratingFor(false, true)).toBe(Rating.Again);
    expect(ratingFor(true, false)).toBe(Rating.Good);
    expect(ratingFor(true, true)).toBe(Rating.Hard);
  });

  it('schedules Good later than Hard later than Again, and is repeatable (no fuzz)', () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 1));
    const t = clock.now();
    const again = review(undefined, t, Rating.Again);
    const hard = review(undefined, t, Rating.Hard);
    const good = review(undefined, t, Rating.Good);
    expect(again.due).toBeLessThan(hard.due);
    expect(hard.due).toBeLessThanOrEqual(good.due);
    expect(review(undefined, t, Rating.Good)).toEqual(good);
    expect(good.reps).toBe(1);
    expect(good.last_review).toBe(t);
  });

  it('grows the interval with repeated right answers and shrinks it after a lapse', () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 1));
    let card = review(undefined, clock.now(), Rating.Good);
    const intervals: number[] = [];
    for (let i = 0; i < 4; i++) {
      clock.set(card.due);
      const next = review(card, clock.now(), Rating.Good);
      intervals.push(next.due - clock.now());
      card = next;
    }
    expect(intervals[3]).toBeGreaterThan(intervals[0]);
    expect(intervals[3]).toBeGreaterThan(7 * DAY);
    clock.set(card.due);
    const lapsed = review(card, clock.now(), Rating.Again);
    expect(lapsed.lapses).toBe(1);
    expect(lapsed.due - clock.now()).toBeLessThan(DAY);
  });

  it('says when a card is due, and recall falls with time', () => {
    const t = Date.UTC(2026, 10, 1);
    const card = review(undefined, t, Rating.Good);
    expect(isDue(card, t)).toBe(false);
    expect(isDue(card, card.due)).toBe(true);
    expect(isDue(undefined, t)).toBe(false);
    expect(recallProbability(undefined, t)).toBe(0);
    expect(recallProbability(card, t + DAY)).toBeGreaterThan(recallProbability(card, t + 30 * DAY));
  });
});
