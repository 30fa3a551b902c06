// The policy benchmark runs and reports both rates (the rate itself depends on the machine, so only its shape is checked).
import { describe, expect, it } from '@jest/globals';
import { benchPolicy } from '../../bench/policy.js';

describe('benchPolicy', () => {
  it('reports decisions per second against the 100,000/s target', async () => {
    const line = await benchPolicy();
    expect(line).toMatch(/^policy: [\d,]+ authorization decisions\/s .* (meets|BELOW) target 100,000\/s; key policy alone: [\d,]+ evaluations\/s$/);
  });
});
