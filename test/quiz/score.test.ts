import { describe, expect, it } from '@jest/globals';
import { examMinutes, PASS_SCORE, scaledScore, SCALING_EXPLAINED } from '../../src/quiz/score.js';

describe('scaled score (our stated estimate of the 100–1000 scale)', () => {
  it('maps 0% to 100, the assumed 72% cut to 720, and 100% to 1000', () => {
    expect(scaledScore(0, 50)).toBe(100);
    expect(scaledScore(36, 50)).toBe(PASS_SCORE);
    expect(scaledScore(50, 50)).toBe(1000);
    expect(scaledScore(0, 0)).toBe(100);
  });
  it('is linear on each side of the cut and never decreasing', () => {
    expect(scaledScore(18, 50)).toBe(Math.round(100 + 620 * (0.36 / 0.72)));
    expect(scaledScore(43, 50)).toBe(Math.round(720 + 280 * ((0.86 - 0.72) / 0.28)));
    let prev = 0;
    for (let c = 0; c <= 65; c++) {
      const s = scaledScore(c, 65);
      expect(s).toBeGreaterThanOrEqual(prev);
      prev = s;
    }
    expect(scaledScore(46, 65)).toBeLessThan(720);
    expect(scaledScore(47, 65)).toBeGreaterThanOrEqual(720);
  });
  it('says how it is computed', () => {
    expect(SCALING_EXPLAINED).toMatch(/does not publish/);
    expect(SCALING_EXPLAINED).toMatch(/72% -> 720/);
  });
});

describe('exam length', () => {
  it('keeps the real pace of 130 minutes for 65 questions', () => {
    expect(examMinutes(65)).toBe(130);
    expect(examMinutes(20)).toBe(40);
    expect(examMinutes(5)).toBe(10);
  });
});
