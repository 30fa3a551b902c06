// Bank coverage for authors: questions per exam tip, scenario and topic, per exam-guide domain, task
// statement and skill (from each question's `task` id), the single/multiple mix, the tips and scenarios
// with fewer than MIN_PER_ITEM questions, and the skills holding more than MAX_SKILL_SHARE of the bank.
import { domainOf, EXAM_DOMAINS, EXAM_TIPS, SCENARIOS, taskStatementOf, TOPICS } from '../content/taxonomy.js';
import type { Question } from './types.js';

export const MIN_PER_ITEM = 5;
/** No single exam-guide skill may hold more than this share of the bank (the content test enforces it). */
export const MAX_SKILL_SHARE = 0.35;

export interface Coverage {
  total: number;
  single: number;
  multiple: number;
  /** multiple / total (0 when empty). */
  multipleRatio: number;
  outOfScope: number;
  byTip: Record<string, number>;
  byScenario: Record<string, number>;
  byTopic: Record<string, number>;
  /** Questions per exam-guide domain ("1".."5"), task statement ("4.2") and skill or task id ("4.2.2"). */
  byDomain: Record<string, number>;
  byTaskStatement: Record<string, number>;
  bySkill: Record<string, number>;
  /** Skills over MAX_SKILL_SHARE of the in-scope and out-of-scope questions together. */
  overweightSkills: string[];
  /** Tips and scenarios under MIN_PER_ITEM questions. */
  thinTips: string[];
  thinScenarios: string[];
}

export function coverage(qs: Question[]): Coverage {
  const count = (keys: string[], pick: (q: Question) => string[]) => {
    const out: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
    for (const q of qs) for (const k of pick(q)) out[k] = (out[k] ?? 0) + 1;
    return out;
  };
  const byTip = count(Object.keys(EXAM_TIPS), (q) => q.tips);
  const byScenario = count(Object.keys(SCENARIOS), (q) => q.scenarios);
  const byTopic = count(Object.keys(TOPICS), (q) => [q.topic]);
  const bySkill = count([], (q) => [q.task]);
  const byDomain = count(Object.keys(EXAM_DOMAINS), (q) => [domainOf(q.task)]);
  const byTaskStatement = count([], (q) => [taskStatementOf(q.task)]);
  const sorted = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })));
  const multiple = qs.filter((q) => q.type === 'multiple').length;
  return {
    total: qs.length,
    single: qs.length - multiple,
    multiple,
    multipleRatio: qs.length ? multiple / qs.length : 0,
    outOfScope: qs.filter((q) => q.scope === 'out').length,
    byTip,
    byScenario,
    byTopic,
    byDomain,
    byTaskStatement: sorted(byTaskStatement),
    bySkill: sorted(bySkill),
    overweightSkills: Object.entries(bySkill).filter(([, n]) => qs.length > 0 && n / qs.length > MAX_SKILL_SHARE).map(([k]) => k),
    thinTips: Object.entries(byTip).filter(([, n]) => n < MIN_PER_ITEM).map(([k]) => k),
    thinScenarios: Object.entries(byScenario).filter(([, n]) => n < MIN_PER_ITEM).map(([k]) => k),
  };
}
