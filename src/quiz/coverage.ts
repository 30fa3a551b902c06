// Bank coverage for authors: questions per exam tip, scenario and topic, the single/multiple mix, and the
// tips and scenarios with fewer than MIN_PER_ITEM questions.
import { EXAM_TIPS, SCENARIOS, TOPICS } from '../content/taxonomy.js';
import type { Question } from './types.js';

export const MIN_PER_ITEM = 5;

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
    thinTips: Object.entries(byTip).filter(([, n]) => n < MIN_PER_ITEM).map(([k]) => k),
    thinScenarios: Object.entries(byScenario).filter(([, n]) => n < MIN_PER_ITEM).map(([k]) => k),
  };
}
