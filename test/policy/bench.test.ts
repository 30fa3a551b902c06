// The policy benchmark runs and reports both decisions and the key policy alone (the rates depend on the machine, so only the report's shape is checked).
import { describe, expect, it } from '@jest/globals';
import { benchPolicy } from '../../bench/policy.js';

describe('benchPolicy', () => {
  it('reports allowed and denied decisions per second against the 100,000/s target, with met or missed', async () => {
    const report = await benchPolicy();
    expect(report).toMatch(/^policy: authorization decisions\/s, 10-statement key policy with conditions \+ 10-statement IAM policy/);
    expect(report).toMatch(/\n {2}allowed decision +[\d,]+\/s {2}\(target >= 100,000\/s: (met|MISSED)\)/);
    expect(report).toMatch(/\n {2}denied decision +[\d,]+\/s {2}\(target >= 100,000\/s: (met|MISSED)\)/);
    expect(report).toMatch(/\n {2}key policy alone +[\d,]+ evaluations\/s$/);
  });
});
