// CloudWatch Logs metric filters: PutMetricFilter, DescribeMetricFilters, DeleteMetricFilter, TestMetricFilter,
// and the publication of matching events to CloudWatch metrics (as logs.amazonaws.com, through the world).
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/MonitoringLogData.html
// Differs: one datapoint per matching event (AWS aggregates per minute); no default value for quiet minutes.
import type { Caller } from '../aws/caller.js';
import { ServiceException } from '../aws/errors.js';
import type { ServiceContext } from '../aws/service.js';
import { InvalidParameterException, ResourceNotFoundException } from './errors.js';
import { compilePattern, metricValueOf } from './filter-pattern.js';
import { findGroup } from './groups.js';
import type { LogEvent, LogGroup, LogsState, MetricTransformation } from './state.js';

function pattern(text: string) {
  try {
    return compilePattern(text);
  } catch {
    throw new InvalidParameterException('Invalid metric filter pattern');
  }
}

export function putMetricFilter(ctx: ServiceContext, state: LogsState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  const g = findGroup(state, caller, String(req.logGroupName));
  const filterName = String(req.filterName ?? '');
  const filterPattern = String(req.filterPattern ?? '');
  pattern(filterPattern);
  const mts = (req.metricTransformations as Record<string, unknown>[] | undefined) ?? [];
  if (mts.length !== 1)
    throw new InvalidParameterException(
      "1 validation error detected: Value at 'metricTransformations' failed to satisfy constraint: Member must have length less than or equal to 1",
    );
  const metricTransformations: MetricTransformation[] = mts.map((m) => {
    const value = String(m.metricValue ?? '');
    if (!value.startsWith('$.') && !Number.isFinite(Number(value))) throw new InvalidParameterException('Invalid metric value');
    return {
      metricName: String(m.metricName),
      metricNamespace: String(m.metricNamespace),
      metricValue: value,
      ...(typeof m.defaultValue === 'number' ? { defaultValue: m.defaultValue } : {}),
      ...(m.unit ? { unit: String(m.unit) } : {}),
      ...(m.dimensions ? { dimensions: m.dimensions as Record<string, string> } : {}),
    };
  });
  const existing = g.metricFilters.find((f) => f.filterName === filterName);
  if (existing) Object.assign(existing, { filterPattern, metricTransformations });
  else {
    if (g.metricFilters.length >= 100) throw new ServiceException('logs', 'LimitExceededException', 'Resource limit exceeded.');
    g.metricFilters.push({ filterName, filterPattern, metricTransformations, creationTime: ctx.now() });
  }
  return {};
}

export function describeMetricFilters(state: LogsState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  const groups =
    req.logGroupName !== undefined
      ? [findGroup(state, caller, String(req.logGroupName))]
      : state.groups.filter((g) => g.accountId === caller.accountId && g.region === caller.region);
  const prefix = String(req.filterNamePrefix ?? '');
  const metricFilters = groups.flatMap((g) =>
    g.metricFilters
      .filter((f) => f.filterName.startsWith(prefix))
      .filter(
        (f) =>
          req.metricName === undefined ||
          f.metricTransformations.some(
            (m) => m.metricName === req.metricName && (req.metricNamespace === undefined || m.metricNamespace === req.metricNamespace),
          ),
      )
      .map((f) => ({ ...f, logGroupName: g.name })),
  );
  return { metricFilters };
}

export function deleteMetricFilter(state: LogsState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  const g = findGroup(state, caller, String(req.logGroupName));
  const i = g.metricFilters.findIndex((f) => f.filterName === req.filterName);
  if (i < 0) throw new ResourceNotFoundException('The specified metric filter does not exist.');
  g.metricFilters.splice(i, 1);
  return {};
}

export function testMetricFilter(req: Record<string, unknown>): Record<string, unknown> {
  const match = pattern(String(req.filterPattern ?? ''));
  const messages = (req.logEventMessages as string[] | undefined) ?? [];
  return {
    matches: messages.flatMap((m, i) => (match(m) ? [{ eventNumber: i + 1, eventMessage: m, extractedValues: {} }] : [])),
  };
}

/** Publishes the datapoints of `events` that the group's metric filters match, to CloudWatch (if it is simulated). */
export function publishMatches(ctx: ServiceContext, g: LogGroup, events: LogEvent[]): void {
  for (const f of g.metricFilters) {
    const match = compilePattern(f.filterPattern);
    for (const t of f.metricTransformations) {
      const data = events.flatMap((e) => {
        if (!match(e.message)) return [];
        const value = metricValueOf(t.metricValue, e.message);
        if (value === undefined) return [];
        const dims = Object.entries(t.dimensions ?? {}).map(([Name, spec]) => ({
          Name,
          Value: spec.startsWith('$.') ? String(metricValueOf(spec, e.message) ?? '') : spec,
        }));
        return [
          {
            MetricName: t.metricName,
            Value: value,
            Timestamp: new Date(e.timestamp),
            ...(dims.length ? { Dimensions: dims } : {}),
            ...(t.unit ? { Unit: t.unit } : {}),
          },
        ];
      });
      if (data.length === 0) continue;
      try {
        ctx.callAsService(
          'cloudwatch',
          'PutMetricData',
          { Namespace: t.metricNamespace, MetricData: data },
          { principal: 'logs.amazonaws.com', accountId: g.accountId, region: g.region, sourceArn: g.arn },
        );
      } catch (e) {
        if (!(e instanceof ServiceException)) throw e; // no CloudWatch in this world: the datapoints are dropped
      }
    }
  }
}
