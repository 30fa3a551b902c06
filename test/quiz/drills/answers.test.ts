import { describe, expect, it } from '@jest/globals';
import { createAccessControl } from '../../../src/policy/index.js';
import { identityDirectory } from '../../../src/iam/directory.js';
import { authzRequestOf, decisionLabel, generateDrills, iamStateOf, OUTCOMES, outcomeOf, type OutcomeId } from '../../../src/quiz/drills/index.js';
import type { Decision } from '../../../src/aws/access.js';

const VERIFIED = '2026-11-28';
const TEXT_TO_OUTCOME = new Map(Object.entries(OUTCOMES).map(([id, text]) => [text as string, id as OutcomeId]));

describe('generated drills: the stated answer is the evaluator decision', () => {
  it('holds for every drill of 1,000 seeds; four distinct outcomes with the answer exactly once', () => {
    const seen = new Set<OutcomeId>();
    for (let seed = 0; seed < 1000; seed++) {
      for (const d of generateDrills({ seed: String(seed), count: 4, verified: VERIFIED })) {
        const q = d.question;
        // Decide again, independently of the generator, from the scenario alone.
        const decision = createAccessControl({ identities: identityDirectory(iamStateOf(d.scenario)) }).authorize(authzRequestOf(d.scenario));
        const expected = outcomeOf(decision);
        seen.add(expected);
        expect(q.answer).toHaveLength(1);
        const stated = q.options.find((o) => o.letter === q.answer[0]);
        expect(TEXT_TO_OUTCOME.get(stated!.text)).toBe(expected);
        const outcomes = q.options.map((o) => TEXT_TO_OUTCOME.get(o.text));
        expect(q.options).toHaveLength(4);
        expect(outcomes.every((o) => o !== undefined)).toBe(true);
        expect(new Set(outcomes).size).toBe(4);
        expect(outcomes.filter((o) => o === expected)).toHaveLength(1);
        expect(q.options.map((o) => o.letter)).toEqual(['A', 'B', 'C', 'D']);
      }
    }
    // Every outcome occurs somewhere, so no option is a dead distractor.
    expect([...seen].sort()).toEqual(Object.keys(OUTCOMES).sort());
  });

  it("each option's why comes from the decision: right one says Correct with the verdict, the others say Not this", () => {
    for (const d of generateDrills({ seed: 'why', count: 12, verified: VERIFIED })) {
      for (const o of d.question.options) {
        const right = o.letter === d.question.answer[0];
        expect(o.why.startsWith(right ? 'Correct: KMS decides ' : 'Not this: KMS decides ')).toBe(true);
        expect(o.why).toContain(decisionLabel(d.decision));
        expect(o.why).toContain('Evidence: ');
        expect(o.why).not.toMatch(/resource arn:aws:kms:\S+ matched/); // Resource "*" lines are left out as noise
      }
      if (!d.decision.allowed) {
        const right = d.question.options.find((o) => o.letter === d.question.answer[0])!;
        expect(right.why).toContain(d.decision.message!);
      }
    }
  });

  it('maps every decision kind to its outcome and rejects an identity-only allow', () => {
    const base = { trace: [] } as unknown as Decision;
    expect(outcomeOf({ ...base, allowed: true, reason: 'Allowed', allowedBy: 'key-policy' })).toBe('allow-direct');
    expect(outcomeOf({ ...base, allowed: true, reason: 'Allowed', allowedBy: 'key-policy+iam' })).toBe('allow-delegated');
    expect(outcomeOf({ ...base, allowed: true, reason: 'Allowed', allowedBy: 'grant' })).toBe('allow-grant');
    expect(outcomeOf({ ...base, allowed: false, reason: 'NoResourcePolicyAllows' })).toBe('deny-no-resource');
    expect(outcomeOf({ ...base, allowed: false, reason: 'NoIdentityPolicyAllows' })).toBe('deny-no-identity');
    expect(outcomeOf({ ...base, allowed: false, reason: 'ExplicitDenyInResourcePolicy' })).toBe('deny-explicit-resource');
    expect(outcomeOf({ ...base, allowed: false, reason: 'ExplicitDenyInIdentityPolicy' })).toBe('deny-explicit-identity');
    expect(() => outcomeOf({ ...base, allowed: true, reason: 'Allowed', allowedBy: 'identity' })).toThrow(/identity/);
  });
});
