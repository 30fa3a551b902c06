// Exam mode's draw: questions spread over the SOA-C03 domains by the exam guide's weights (22/22/22/16/18),
// within the domains the bank covers, and a per-domain result in the style of AWS's score report.
import { ASSUMED_CUT } from './score.js';
import { domainOf, EXAM_DOMAINS, type ExamDomainId } from '../content/taxonomy.js';
import type { Question } from './types.js';

/**
 * How many questions each domain gets out of n: the guide's weights renormalised over the domains that have
 * questions, rounded by largest remainder (ties to the lower domain number); a domain short of questions
 * gives its shortfall to the others the same way. Never more than a domain holds; the sum is min(n, total).
 */
export function domainQuotas(available: Partial<Record<ExamDomainId, number>>, n: number): Partial<Record<ExamDomainId, number>> {
  const quota: Partial<Record<ExamDomainId, number>> = {};
  let open = (Object.keys(EXAM_DOMAINS) as ExamDomainId[]).filter((d) => (available[d] ?? 0) > 0);
  let left = Math.min(n, open.reduce((s, d) => s + (available[d] ?? 0), 0));
  for (const d of open) quota[d] = 0;
  while (left > 0 && open.length) {
    const total = open.reduce((s, d) => s + EXAM_DOMAINS[d].weight, 0);
    const exact = open.map((d) => ({ d, x: (left * EXAM_DOMAINS[d].weight) / total }));
    const share = new Map(exact.map(({ d, x }) => [d, Math.floor(x)]));
    let rest = left - [...share.values()].reduce((a, b) => a + b, 0);
    for (const { d } of [...exact].sort((a, b) => b.x - Math.floor(b.x) - (a.x - Math.floor(a.x)) || Number(a.d) - Number(b.d))) {
      if (rest <= 0) break;
      share.set(d, share.get(d)! + 1);
      rest--;
    }
    for (const d of open) {
      const room = (available[d] ?? 0) - quota[d]!;
      const take = Math.min(room, share.get(d)!);
      quota[d]! += take;
      left -= take;
    }
    open = open.filter((d) => quota[d]! < (available[d] ?? 0));
  }
  return quota;
}

/** Draw n questions from an already shuffled list, spread by domainQuotas, keeping the list's order. */
export function drawByDomain(shuffled: Question[], n: number): Question[] {
  const available: Partial<Record<ExamDomainId, number>> = {};
  for (const q of shuffled) available[domainOf(q.task)] = (available[domainOf(q.task)] ?? 0) + 1;
  const quota = domainQuotas(available, n);
  const out: Question[] = [];
  for (const q of shuffled) {
    const d = domainOf(q.task);
    if ((quota[d] ?? 0) > 0) {
      out.push(q);
      quota[d]!--;
    }
  }
  return out;
}

export type DomainRating = 'Meets competencies' | 'Needs improvement';

export interface DomainResult {
  domain: ExamDomainId;
  title: string;
  weight: number;
  total: number;
  correct: number;
  rating: DomainRating;
}

/**
 * Per-domain performance, like the section table of AWS's score report. AWS does not publish how it rates a
 * section; ours says "Meets competencies" at or above the share we assume for the pass mark (ASSUMED_CUT).
 */
export function domainResults(items: { question: Question; correct: boolean }[]): DomainResult[] {
  const out: DomainResult[] = [];
  for (const d of Object.keys(EXAM_DOMAINS) as ExamDomainId[]) {
    const mine = items.filter((i) => domainOf(i.question.task) === d);
    if (!mine.length) continue;
    const correct = mine.filter((i) => i.correct).length;
    out.push({ domain: d, ...EXAM_DOMAINS[d], total: mine.length, correct, rating: correct / mine.length >= ASSUMED_CUT ? 'Meets competencies' : 'Needs improvement' });
  }
  return out;
}
