// CloudWatch metrics: PutMetricData, GetMetricStatistics, ListMetrics, over the stored series and the metric KMS
// publishes. https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html
// Differs: no high-resolution storage classes or retention roll-up; statistics are computed from raw datapoints.
import type { Caller } from '../aws/caller.js';
import { allEvents } from '../aws/cloudtrail.js';
import type { ServiceContext } from '../aws/service.js';
import { InvalidParameterValueException, MissingParameterException } from './errors.js';
import { EXPIRY_METRIC, KMS_NAMESPACE, expiryPoints, expiryWindows } from './kms-metrics.js';
import { sameDimensions, type CloudWatchState, type Dimension } from './state.js';

export interface MetricRef {
  accountId: string;
  region: string;
  namespace: string;
  name: string;
  dimensions: Dimension[];
}

/** The datapoints of one metric in [from, to): stored ones and those KMS publishes. */
export function pointsOf(ctx: ServiceContext, state: CloudWatchState, m: MetricRef, from: number, to: number): [number, number][] {
  if (m.namespace === KMS_NAMESPACE && m.name === EXPIRY_METRIC) {
    const keyId = m.dimensions.length === 1 && m.dimensions[0].Name === 'KeyId' ? m.dimensions[0].Value : undefined;
    return keyId ? expiryPoints(expiryWindows(allEvents(ctx.trail)), m.accountId, m.region, keyId, from, to) : [];
  }
  return state.series
    .filter(
      (s) =>
        s.accountId === m.accountId && s.region === m.region && s.namespace === m.namespace && s.name === m.name && sameDimensions(s.dimensions, m.dimensions),
    )
    .flatMap((s) => s.points.filter(([t]) => t >= from && t < to));
}

export function statistic(values: number[], stat: string): number {
  switch (stat) {
    case 'Sum':
      return values.reduce((a, b) => a + b, 0);
    case 'Minimum':
      return Math.min(...values);
    case 'Maximum':
      return Math.max(...values);
    case 'SampleCount':
      return values.length;
    default:
      return values.reduce((a, b) => a + b, 0) / values.length;
  }
}

const dims = (v: unknown): Dimension[] => ((v as Dimension[] | undefined) ?? []).map((d) => ({ Name: String(d.Name), Value: String(d.Value) }));

export function putMetricData(ctx: ServiceContext, state: CloudWatchState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  const namespace = req.Namespace === undefined ? '' : String(req.Namespace);
  if (namespace === '') throw new MissingParameterException('The parameter Namespace is required.');
  if (namespace.startsWith('AWS/') && caller.principal.type !== 'AWSService')
    throw new InvalidParameterValueException(`The value ${namespace} for parameter Namespace is invalid.`);
  // The AWS CLI's own options --metric-name, --value, --timestamp, --unit and --dimensions make one datum.
  const single: Record<string, unknown>[] =
    req.MetricName !== undefined
      ? [{ MetricName: req.MetricName, Value: req.Value, Timestamp: req.Timestamp, Unit: req.Unit, Dimensions: req.Dimensions }]
      : [];
  const data = [...((req.MetricData as Record<string, unknown>[] | undefined) ?? []), ...single];
  if (data.length === 0) throw new MissingParameterException('The parameter MetricData is required.');
  for (const d of data) {
    const name = String(d.MetricName ?? '');
    if (name === '') throw new MissingParameterException('The parameter MetricData.member.1.MetricName is required.');
    const t = d.Timestamp instanceof Date ? d.Timestamp.getTime() : typeof d.Timestamp === 'number' ? d.Timestamp * 1000 : ctx.now();
    const values = d.Value !== undefined ? [Number(d.Value)] : ((d.Values as number[] | undefined) ?? []).map(Number);
    if (values.length === 0 || values.some((v) => !Number.isFinite(v)))
      throw new InvalidParameterValueException('The value for parameter MetricData.member.1.Value is invalid.');
    const dimensions = dims(d.Dimensions);
    let s = state.series.find(
      (x) =>
        x.accountId === caller.accountId &&
        x.region === caller.region &&
        x.namespace === namespace &&
        x.name === name &&
        sameDimensions(x.dimensions, dimensions),
    );
    if (!s) {
      s = { accountId: caller.accountId, region: caller.region, namespace, name, dimensions, points: [], ...(d.Unit ? { unit: String(d.Unit) } : {}) };
      state.series.push(s);
    }
    for (const v of values) s.points.push([t, v]);
    // Late data: alarms on this metric evaluate again from the period the datapoint falls in.
    for (const a of state.alarms) {
      if (
        a.accountId !== caller.accountId ||
        a.region !== caller.region ||
        a.Namespace !== namespace ||
        a.MetricName !== name ||
        !sameDimensions(a.Dimensions, dimensions)
      )
        continue;
      const p = a.Period * 1000;
      a.evaluatedThrough = Math.min(a.evaluatedThrough, Math.floor(t / p) * p);
    }
  }
  return {};
}

export function getMetricStatistics(ctx: ServiceContext, state: CloudWatchState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  for (const k of ['Namespace', 'MetricName', 'StartTime', 'EndTime', 'Period'])
    if (req[k] === undefined) throw new MissingParameterException(`The parameter ${k} is required.`);
  const period = Number(req.Period);
  if (!(period >= 1) || (period >= 60 && period % 60 !== 0)) throw new InvalidParameterValueException('The parameter Period must be a multiple of 60.');
  const stats = (req.Statistics as string[] | undefined) ?? [];
  if (stats.length === 0) throw new MissingParameterException('Must specify either Statistics or ExtendedStatistics.');
  const from = (req.StartTime as Date).getTime();
  const to = (req.EndTime as Date).getTime();
  const m: MetricRef = {
    accountId: caller.accountId,
    region: caller.region,
    namespace: String(req.Namespace),
    name: String(req.MetricName),
    dimensions: dims(req.Dimensions),
  };
  const points = pointsOf(ctx, state, m, from, to);
  const p = period * 1000;
  const buckets = new Map<number, number[]>();
  for (const [t, v] of points) {
    const b = Math.floor(t / p) * p;
    buckets.set(b, [...(buckets.get(b) ?? []), v]);
  }
  const unit = state.series.find((s) => s.namespace === m.namespace && s.name === m.name)?.unit ?? (m.namespace === KMS_NAMESPACE ? 'Seconds' : 'None');
  const Datapoints = [...buckets.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([b, vs]) => ({ Timestamp: new Date(b), ...Object.fromEntries(stats.map((s) => [s, statistic(vs, s)])), Unit: unit }));
  return { Label: m.name, Datapoints };
}

export function listMetrics(ctx: ServiceContext, state: CloudWatchState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  const mine = state.series
    .filter((s) => s.accountId === caller.accountId && s.region === caller.region)
    .map((s) => ({ Namespace: s.namespace, MetricName: s.name, Dimensions: s.dimensions }));
  const kms = [
    ...new Set(
      expiryWindows(allEvents(ctx.trail))
        .filter((w) => w.accountId === caller.accountId && w.region === caller.region)
        .map((w) => w.keyId),
    ),
  ].map((keyId) => ({
    Namespace: KMS_NAMESPACE,
    MetricName: EXPIRY_METRIC,
    Dimensions: [{ Name: 'KeyId', Value: keyId }],
  }));
  const wantDims = dims(req.Dimensions);
  const Metrics = [...mine, ...kms].filter(
    (x) =>
      (req.Namespace === undefined || x.Namespace === req.Namespace) &&
      (req.MetricName === undefined || x.MetricName === req.MetricName) &&
      wantDims.every((d) => x.Dimensions.some((e) => e.Name === d.Name && (d.Value === 'undefined' || e.Value === d.Value))),
  );
  return { Metrics };
}
