// Metric alarm evaluation on the simulated clock: at the end of each period the alarm looks at its last
// EvaluationPeriods periods, counts breaching datapoints (DatapointsToAlarm of them make ALARM) and applies
// TreatMissingData. https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarm-evaluation
// Differs: evaluation happens at period ends only (AWS evaluates every minute); late data re-opens the periods it falls in.
import type { ServiceContext } from '../aws/service.js';
import { pointsOf, statistic } from './metrics.js';
import type { Alarm, CloudWatchState } from './state.js';

const CMP: Record<string, (v: number, t: number) => boolean> = {
  GreaterThanOrEqualToThreshold: (v, t) => v >= t,
  GreaterThanThreshold: (v, t) => v > t,
  LessThanThreshold: (v, t) => v < t,
  LessThanOrEqualToThreshold: (v, t) => v <= t,
};
const WORDS: Record<string, string> = {
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  GreaterThanThreshold: 'greater than',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
};

/** dd/mm/yy HH:MM:SS, as alarm state reasons print datapoint times. */
function shortTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCFullYear() % 100)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

const num = (v: number) => (Number.isInteger(v) ? v.toFixed(1) : String(v));

export interface Verdict {
  state: Alarm['StateValue'];
  reason: string;
}

/** The alarm's verdict for the evaluation ending at `end` (undefined: keep the current state). */
export function verdictAt(ctx: ServiceContext, cw: CloudWatchState, a: Alarm, end: number): Verdict | undefined {
  const p = a.Period * 1000;
  const n = a.EvaluationPeriods;
  const m = a.DatapointsToAlarm ?? n;
  const metric = { accountId: a.accountId, region: a.region, namespace: a.Namespace, name: a.MetricName, dimensions: a.Dimensions };
  const all = pointsOf(ctx, cw, metric, end - n * p, end);
  const periods: { start: number; value?: number }[] = [];
  for (let k = n; k >= 1; k--) {
    const start = end - k * p;
    const vs = all.filter(([t]) => t >= start && t < start + p).map(([, v]) => v);
    periods.push({ start, ...(vs.length ? { value: statistic(vs, a.Statistic) } : {}) });
  }
  const present = periods.filter((x) => x.value !== undefined) as { start: number; value: number }[];
  const cmp = CMP[a.ComparisonOperator] ?? CMP.GreaterThanOrEqualToThreshold;
  const treat = a.TreatMissingData;
  if (present.length === 0) {
    if (treat === 'ignore') return undefined;
    if (treat === 'breaching')
      return {
        state: 'ALARM',
        reason: `Threshold Crossed: no datapoints were received for ${n} period${n > 1 ? 's' : ''} and ${n} missing datapoint${n > 1 ? 's were' : ' was'} treated as [Breaching].`,
      };
    if (treat === 'notBreaching')
      return {
        state: 'OK',
        reason: `Threshold Crossed: no datapoints were received for ${n} period${n > 1 ? 's' : ''} and ${n} missing datapoint${n > 1 ? 's were' : ' was'} treated as [NonBreaching].`,
      };
    return { state: 'INSUFFICIENT_DATA', reason: `Insufficient Data: ${n} datapoint${n > 1 ? 's were' : ' was'} unknown.` };
  }
  const breaching = present.filter((x) => cmp(x.value, a.Threshold)).length + (treat === 'breaching' ? n - present.length : 0);
  const shown = present
    .slice(-Math.min(present.length, 5))
    .reverse()
    .map((x) => `${num(x.value)} (${shortTime(x.start)})`)
    .join(', ');
  const word = WORDS[a.ComparisonOperator] ?? WORDS.GreaterThanOrEqualToThreshold;
  if (breaching >= m) {
    return {
      state: 'ALARM',
      reason: `Threshold Crossed: ${breaching} out of the last ${n} datapoints [${shown}] ${breaching > 1 ? 'were' : 'was'} ${word} the threshold (${num(a.Threshold)}) (minimum ${m} datapoint${m > 1 ? 's' : ''} for OK -> ALARM transition).`,
    };
  }
  return {
    state: 'OK',
    reason: `Threshold Crossed: ${present.length} out of the last ${n} datapoints [${shown}] ${present.length > 1 ? 'were' : 'was'} not ${word} the threshold (${num(a.Threshold)}) (minimum ${m} datapoint${m > 1 ? 's' : ''} for ALARM -> OK transition).`,
  };
}

/** Evaluates `a` at every period end after its last evaluation up to `to`, calling `change` on each state change. */
export function evaluateAlarm(ctx: ServiceContext, cw: CloudWatchState, a: Alarm, to: number, change: (a: Alarm, v: Verdict, at: number) => void): void {
  const p = a.Period * 1000;
  const metric = { accountId: a.accountId, region: a.region, namespace: a.Namespace, name: a.MetricName, dimensions: a.Dimensions };
  let end = Math.floor(a.evaluatedThrough / p) * p + p;
  while (end <= to) {
    const v = verdictAt(ctx, cw, a, end);
    if (v && v.state !== a.StateValue) change(a, v, end);
    a.evaluatedThrough = end;
    // An empty window gives the same verdict until the period holding the next datapoint: jump there.
    if (pointsOf(ctx, cw, metric, end - a.EvaluationPeriods * p, end).length === 0) {
      const next = pointsOf(ctx, cw, metric, end, to + 1)[0];
      if (next === undefined) {
        a.evaluatedThrough = Math.floor(to / p) * p;
        return;
      }
      end = Math.max(end + p, Math.floor(next[0] / p) * p + p);
    } else {
      end += p;
    }
  }
}
