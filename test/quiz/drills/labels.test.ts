// Drill explanations speak the learner's language, not the evaluator's internal labels.
import { describe, expect, it } from '@jest/globals';
import { generateDrills } from '../../../src/quiz/drills/index.js';

describe('generated drill explanations', () => {
  it('never show internal decision labels', () => {
    const text = [1, 2, 3, 4, 5, 6, 7, 8]
      .flatMap((seed) => generateDrills({ seed: String(seed), count: 8, verified: '2026-11-28' }))
      .flatMap((d) => Object.values(d.question.options).map((o) => (o as { why: string }).why))
      .join('\n');
    expect(text).not.toMatch(/key-policy\+iam|\((key-policy|grant|identity)\)|NoResourcePolicyAllows|NoIdentityPolicyAllows|ExplicitDenyIn/);
    expect(text).toMatch(/the key policy allows the account and an IAM policy allows the principal|no identity-based \(IAM\) policy allows it/);
  });
});
