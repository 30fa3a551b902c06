import { describe, expect, it } from '@jest/globals';
import { domainQuotas, domainResults, drawByDomain } from '../../src/quiz/exam-draw.js';
import type { Question } from '../../src/quiz/types.js';
import { smallBank } from './helpers.js';

const base = smallBank()[0];
const make = (task: string, i: number): Question => ({ ...base, id: `q-${task}-${i}`, task: task as Question['task'] });
const pool = (counts: Record<string, number>) => Object.entries(counts).flatMap(([task, n]) => Array.from({ length: n }, (_, i) => make(task, i)));

describe('domainQuotas: the exam guide weights 22/22/22/16/18', () => {
  it('gives a 65-question exam 14/14/14/11/12 when every domain has enough questions', () => {
    expect(domainQuotas({ '1': 100, '2': 100, '3': 100, '4': 100, '5': 100 }, 65)).toEqual({ '1': 14, '2': 14, '3': 14, '4': 11, '5': 12 });
  });

  it('hands a short domain\'s shortfall to the others by their weights', () => {
    const q = domainQuotas({ '1': 100, '2': 2, '3': 100, '4': 100, '5': 1 }, 65);
    expect(q['2']).toBe(2);
    expect(q['5']).toBe(1);
    expect(Object.values(q).reduce((a, b) => a! + b!, 0)).toBe(65);
    expect(Math.abs(q['1']! - q['3']!)).toBeLessThanOrEqual(1);
    expect(q['1']!).toBeGreaterThan(q['4']!);
  });

  it('never asks for more than the bank holds, and leaves out domains without questions', () => {
    expect(domainQuotas({ '4': 3, '1': 2 }, 65)).toEqual({ '1': 2, '4': 3 });
    expect(domainQuotas({}, 10)).toEqual({});
  });
});

describe('drawByDomain', () => {
  it('keeps the shuffled order and draws each domain up to its quota', () => {
    const qs = pool({ '4.2.2': 40, '1.1.1': 10, '2.3.1': 10, '3.1.2': 10, '5.1.2': 10 });
    const drawn = drawByDomain(qs, 20);
    expect(drawn).toHaveLength(20);
    const per = (d: string) => drawn.filter((q) => q.task.startsWith(`${d}.`)).length;
    expect([per('1'), per('2'), per('3'), per('4'), per('5')]).toEqual([5, 4, 4, 3, 4]);
    expect(drawn.map((q) => qs.indexOf(q))).toEqual([...drawn.map((q) => qs.indexOf(q))].sort((a, b) => a - b));
  });
});

describe('domainResults', () => {
  it('rates each domain present, in domain order, meets at 72% or more', () => {
    const items = [
      ...pool({ '4.1.1': 4 }).map((question, i) => ({ question, correct: i < 3 })), // 75%
      ...pool({ '1.1.1': 2 }).map((question, i) => ({ question, correct: i < 1 })), // 50%
    ];
    expect(domainResults(items).map((d) => [d.domain, d.correct, d.total, d.rating])).toEqual([
      ['1', 1, 2, 'Needs improvement'],
      ['4', 3, 4, 'Meets competencies'],
    ]);
  });
});
