// The next hint follows the first open check: hints are spread evenly over the step's checks.
import { describe, expect, it } from '@jest/globals';
import { nextHintIndex } from '../../src/labs/hints.js';

const r = (...ok: boolean[]) => ok.map((o) => ({ ok: o }));

describe('nextHintIndex', () => {
  it('starts at the hint for the first open check', () => {
    expect(nextHintIndex(3, r(false, false, false), 0)).toBe(0);
    expect(nextHintIndex(3, r(true, false, false), 0)).toBe(1);
    expect(nextHintIndex(3, r(true, true, false), 0)).toBe(2);
    expect(nextHintIndex(2, r(true, false, false), 0)).toBe(0);
    expect(nextHintIndex(4, r(true, false), 0)).toBe(2);
  });
  it('never repeats a shown hint, and ends when they are used up', () => {
    expect(nextHintIndex(3, r(true, false, false), 2)).toBe(2);
    expect(nextHintIndex(2, r(false, false), 2)).toBeUndefined();
    expect(nextHintIndex(0, r(false), 0)).toBeUndefined();
    expect(nextHintIndex(2, [], 0)).toBe(0);
  });
});
