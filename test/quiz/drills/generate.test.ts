import { describe, expect, it } from '@jest/globals';
import { generateDrills, SCENARIO_ELEMENTS, stemOf, VARIANTS_PER_BASE, type DrillScenario } from '../../../src/quiz/drills/index.js';
import { TOPICS } from '../../../src/content/taxonomy.js';

const VERIFIED = '2026-11-28';
const differing = (a: DrillScenario, b: DrillScenario) => SCENARIO_ELEMENTS.filter((e) => JSON.stringify(a[e]) !== JSON.stringify(b[e]));

describe('generateDrills', () => {
  it('the same seed gives the same drills; another seed gives others', () => {
    const a = generateDrills({ seed: 'same', count: 12, verified: VERIFIED });
    const b = generateDrills({ seed: 'same', count: 12, verified: VERIFIED });
    expect(JSON.stringify(b.map((d) => [d.question, d.scenario]))).toBe(JSON.stringify(a.map((d) => [d.question, d.scenario])));
    const c = generateDrills({ seed: 'other', count: 12, verified: VERIFIED });
    expect(c.map((d) => d.question.stem)).not.toEqual(a.map((d) => d.question.stem));
  });

  it('a shorter run is a prefix of a longer one with the same seed', () => {
    const long = generateDrills({ seed: '7', count: 9, verified: VERIFIED });
    const short = generateDrills({ seed: '7', count: 3, verified: VERIFIED });
    expect(short.map((d) => d.question)).toEqual(long.slice(0, 3).map((d) => d.question));
  });

  it('variants differ from their base in exactly one element, named by variantOf, and show a different stem', () => {
    let variants = 0;
    let changedOutcome = 0;
    for (let seed = 0; seed < 200; seed++) {
      const drills = generateDrills({ seed: `v${seed}`, count: 8, verified: VERIFIED });
      drills.forEach((d, i) => {
        const groupStart = i - (i % (VARIANTS_PER_BASE + 1));
        if (i === groupStart) {
          expect(d.variantOf).toBeUndefined();
          return;
        }
        variants++;
        const base = drills[groupStart];
        expect(d.variantOf?.index).toBe(groupStart);
        expect(differing(base.scenario, d.scenario)).toEqual([d.variantOf!.element]);
        expect(stemOf(d.scenario)).not.toBe(stemOf(base.scenario));
        if (d.outcome !== base.outcome) changedOutcome++;
      });
    }
    expect(variants).toBe(200 * 6);
    // Variants prefer a change that changes the answer: most of them do.
    expect(changedOutcome / variants).toBeGreaterThan(0.8);
  });

  it('drills are normal Questions: id, topic, tips, sources, verified date, one answer', () => {
    const drills = generateDrills({ seed: 'q', count: 8, verified: VERIFIED });
    drills.forEach((d, i) => {
      const q = d.question;
      expect(q.id).toBe(`drill-q-${i + 1}`);
      expect(['troubleshooting-access', 'key-policies-iam']).toContain(q.topic);
      expect(Object.keys(TOPICS)).toContain(q.topic);
      expect(q.tips).toEqual(['troubleshooting-access', 'key-policy-requirements']);
      expect(q.sources).toEqual([
        'https://docs.aws.amazon.com/kms/latest/developerguide/policy-evaluation.html',
        'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html',
      ]);
      expect(q.verified).toBe(VERIFIED);
      expect(q).toMatchObject({ type: 'single', choose: 1, scope: 'in' });
      expect(q.stem).toMatch(/^Key policy: \{"Version":"2012-10-17"/m);
      expect(q.stem).toMatch(/^Caller's IAM policy: /m);
      expect(q.stem).toMatch(/^Grant on the key: /m);
      expect(q.stem).toMatch(/^Request: arn:aws:(iam|sts)::\d{12}:\S+ calls (Decrypt|Encrypt|GenerateDataKey|ScheduleKeyDeletion) on arn:aws:kms:/m);
      expect(q.takeaway).toContain('Here the simulator decides: ');
    });
    // Variants keep their base's topic, so the topic line gives nothing away.
    expect(new Set(drills.slice(0, 4).map((d) => d.question.topic)).size).toBe(1);
  });

  it('rejects a bad count or verified date', () => {
    expect(() => generateDrills({ seed: 'x', count: 0, verified: VERIFIED })).toThrow(RangeError);
    expect(() => generateDrills({ seed: 'x', count: 1.5, verified: VERIFIED })).toThrow(/whole number/);
    expect(() => generateDrills({ seed: 'x', count: 1, verified: '28/11/2026' })).toThrow(/YYYY-MM-DD/);
  });
});
