// CloudWatch metric alarms: PutMetricAlarm, DescribeAlarms, DescribeAlarmHistory, SetAlarmState, DeleteAlarms, and
// what an alarm does when its state changes: a StateUpdate history item, then its actions (SNS topics, published as
// cloudwatch.amazonaws.com with aws:SourceArn = the alarm ARN) with an Action history item for each.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html
// Differs: only SNS topic actions (no EC2, Auto Scaling or Systems Manager actions); no composite or anomaly alarms.
import type { Caller } from '../aws/caller.js';
import { ServiceException } from '../aws/errors.js';
import type { ServiceContext } from '../aws/service.js';
import { InvalidParameterValueException, MissingParameterException, ResourceNotFoundException } from './errors.js';
import { evaluateAlarm, type Verdict } from './evaluate.js';
import type { Alarm, CloudWatchState, Dimension, HistoryItem } from './state.js';

const OPERATORS = ['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'];
const STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'];
const TREAT = ['breaching', 'notBreaching', 'ignore', 'missing'];
const REGION_NAMES: Record<string, string> = {
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-1': 'US West (N. California)',
  'us-west-2': 'US West (Oregon)',
  'eu-west-1': 'Europe (Ireland)',
  'eu-central-1': 'Europe (Frankfurt)',
};

const mine = (cw: CloudWatchState, c: Caller) => cw.alarms.filter((a) => a.accountId === c.accountId && a.region === c.region);

function history(
  ctx: ServiceContext,
  cw: CloudWatchState,
  a: Alarm,
  type: HistoryItem['HistoryItemType'],
  summary: string,
  data: unknown,
  at = ctx.now(),
): void {
  cw.history.push({
    accountId: a.accountId,
    region: a.region,
    AlarmName: a.AlarmName,
    AlarmType: 'MetricAlarm',
    Timestamp: at,
    HistoryItemType: type,
    HistorySummary: summary,
    HistoryData: JSON.stringify(data),
  });
}

/** The alarm notification CloudWatch publishes to SNS (the JSON message body). */
function notification(a: Alarm, old: string, at: number): string {
  return JSON.stringify({
    AlarmName: a.AlarmName,
    AlarmDescription: a.AlarmDescription ?? null,
    AWSAccountId: a.accountId,
    NewStateValue: a.StateValue,
    NewStateReason: a.StateReason,
    StateChangeTime: new Date(at).toISOString().replace('Z', '+0000'),
    Region: REGION_NAMES[a.region] ?? a.region,
    AlarmArn: a.AlarmArn,
    OldStateValue: old,
    Trigger: {
      MetricName: a.MetricName,
      Namespace: a.Namespace,
      Statistic: a.Statistic.toUpperCase(),
      Dimensions: a.Dimensions.map((d) => ({ value: d.Value, name: d.Name })),
      Period: a.Period,
      EvaluationPeriods: a.EvaluationPeriods,
      ComparisonOperator: a.ComparisonOperator,
      Threshold: a.Threshold,
      TreatMissingData: a.TreatMissingData,
    },
  });
}

/** Moves the alarm to a new state at `at`: history, then the actions of that state. */
export function changeState(ctx: ServiceContext, cw: CloudWatchState, a: Alarm, v: Verdict, at: number): void {
  const old = a.StateValue;
  a.StateValue = v.state;
  a.StateReason = v.reason;
  a.StateUpdatedTimestamp = at;
  history(
    ctx,
    cw,
    a,
    'StateUpdate',
    `Alarm updated from ${old} to ${v.state}`,
    { version: '1.0', oldState: { stateValue: old }, newState: { stateValue: v.state, stateReason: v.reason } },
    at,
  );
  if (!a.ActionsEnabled) return;
  const actions = v.state === 'ALARM' ? a.AlarmActions : v.state === 'OK' ? a.OKActions : a.InsufficientDataActions;
  for (const arn of actions) {
    try {
      ctx.callAsService(
        'sns',
        'Publish',
        { TopicArn: arn, Subject: `${v.state}: "${a.AlarmName}" in ${REGION_NAMES[a.region] ?? a.region}`, Message: notification(a, old, at) },
        { principal: 'cloudwatch.amazonaws.com', accountId: a.accountId, region: a.region, sourceArn: a.AlarmArn },
      );
      history(ctx, cw, a, 'Action', `Successfully executed action ${arn}`, { actionState: 'Succeeded', notificationResource: arn }, at);
    } catch (e) {
      if (!(e instanceof ServiceException)) throw e;
      // The wording of the alarm history for a failed SNS action (re:Post "cloudwatch-receive-sns-for-alarm-trigger").
      history(
        ctx,
        cw,
        a,
        'Action',
        `Failed to execute action ${arn}. Received error: "${e.message}"`,
        { actionState: 'Failed', notificationResource: arn, publishedMessage: null, error: e.message },
        at,
      );
    }
  }
}

export function evaluateAll(ctx: ServiceContext, cw: CloudWatchState, to: number): void {
  for (const a of cw.alarms) evaluateAlarm(ctx, cw, a, to, (al, v, at) => changeState(ctx, cw, al, v, at));
}

const list = (v: unknown): string[] => ((v as string[] | undefined) ?? []).map(String);

export function putMetricAlarm(ctx: ServiceContext, cw: CloudWatchState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  for (const k of ['AlarmName', 'EvaluationPeriods', 'ComparisonOperator'])
    if (req[k] === undefined) throw new MissingParameterException(`The parameter ${k} is required.`);
  if (req.MetricName === undefined || req.Namespace === undefined) throw new MissingParameterException('The parameter MetricName is required.');
  const op = String(req.ComparisonOperator);
  if (!OPERATORS.includes(op)) throw new InvalidParameterValueException(`The value ${op} for parameter ComparisonOperator is not supported.`);
  const stat = String(req.Statistic ?? '');
  if (!STATISTICS.includes(stat))
    throw new InvalidParameterValueException(
      stat === '' ? 'Exactly one of Statistic and ExtendedStatistic must be specified.' : `The value ${stat} for parameter Statistic is not supported.`,
    );
  const period = Number(req.Period ?? 0);
  if (!(period === 10 || period === 20 || period === 30 || (period >= 60 && period % 60 === 0)))
    throw new InvalidParameterValueException('Period must be 10, 20, 30 or a multiple of 60');
  const treat = String(req.TreatMissingData ?? 'missing');
  if (!TREAT.includes(treat)) throw new InvalidParameterValueException(`The value ${treat} for parameter TreatMissingData is not supported.`);
  const actions = [...list(req.AlarmActions), ...list(req.OKActions), ...list(req.InsufficientDataActions)];
  for (const arn of actions)
    if (!/^arn:aws:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]+$/.test(arn)) throw new InvalidParameterValueException(`Invalid arn syntax: ${arn}`);
  const name = String(req.AlarmName);
  const now = ctx.now();
  const existing = mine(cw, caller).find((a) => a.AlarmName === name);
  const a: Alarm = {
    accountId: caller.accountId,
    region: caller.region,
    AlarmName: name,
    AlarmArn: `arn:aws:cloudwatch:${caller.region}:${caller.accountId}:alarm:${name}`,
    ...(req.AlarmDescription !== undefined ? { AlarmDescription: String(req.AlarmDescription) } : {}),
    ActionsEnabled: req.ActionsEnabled !== false,
    OKActions: list(req.OKActions),
    AlarmActions: list(req.AlarmActions),
    InsufficientDataActions: list(req.InsufficientDataActions),
    Namespace: String(req.Namespace),
    MetricName: String(req.MetricName),
    Dimensions: ((req.Dimensions as Dimension[] | undefined) ?? []).map((d) => ({ Name: String(d.Name), Value: String(d.Value) })),
    Statistic: stat,
    Period: period,
    EvaluationPeriods: Number(req.EvaluationPeriods),
    ...(req.DatapointsToAlarm !== undefined ? { DatapointsToAlarm: Number(req.DatapointsToAlarm) } : {}),
    Threshold: Number(req.Threshold ?? 0),
    ComparisonOperator: op,
    TreatMissingData: treat,
    StateValue: existing?.StateValue ?? 'INSUFFICIENT_DATA',
    StateReason: existing?.StateReason ?? 'Unchecked: Initial alarm creation',
    StateUpdatedTimestamp: existing?.StateUpdatedTimestamp ?? now,
    AlarmConfigurationUpdatedTimestamp: now,
    // A new alarm is evaluated from its first full period on (no evaluation of the past at creation).
    evaluatedThrough: existing?.evaluatedThrough ?? now,
  };
  if (existing) cw.alarms[cw.alarms.indexOf(existing)] = a;
  else cw.alarms.push(a);
  history(ctx, cw, a, 'ConfigurationUpdate', `Alarm "${name}" ${existing ? 'updated' : 'created'}`, { version: '1.0', type: existing ? 'Update' : 'Create' });
  return {};
}

function show(a: Alarm): Record<string, unknown> {
  const { accountId: _a, region: _r, evaluatedThrough: _e, StateUpdatedTimestamp, AlarmConfigurationUpdatedTimestamp, ...rest } = a;
  return {
    ...rest,
    AlarmConfigurationUpdatedTimestamp: new Date(AlarmConfigurationUpdatedTimestamp),
    StateUpdatedTimestamp: new Date(StateUpdatedTimestamp),
    StateTransitionedTimestamp: new Date(StateUpdatedTimestamp),
  };
}

export function describeAlarms(cw: CloudWatchState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  const names = req.AlarmNames === undefined ? undefined : list(req.AlarmNames);
  const prefix = String(req.AlarmNamePrefix ?? '');
  const alarms = mine(cw, caller)
    .filter(
      (a) => (!names || names.includes(a.AlarmName)) && a.AlarmName.startsWith(prefix) && (req.StateValue === undefined || a.StateValue === req.StateValue),
    )
    .sort((x, y) => (x.AlarmName < y.AlarmName ? -1 : 1));
  return { MetricAlarms: alarms.map(show), CompositeAlarms: [] };
}

export function describeAlarmHistory(cw: CloudWatchState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  const items = cw.history
    .filter((h) => h.accountId === caller.accountId && h.region === caller.region)
    .filter(
      (h) => (req.AlarmName === undefined || h.AlarmName === req.AlarmName) && (req.HistoryItemType === undefined || h.HistoryItemType === req.HistoryItemType),
    )
    .map((h, i) => ({ h, i }))
    .sort((x, y) => (req.ScanBy === 'TimestampAscending' ? x.h.Timestamp - y.h.Timestamp || x.i - y.i : y.h.Timestamp - x.h.Timestamp || y.i - x.i))
    .slice(0, typeof req.MaxRecords === 'number' ? req.MaxRecords : 100);
  return {
    AlarmHistoryItems: items.map(({ h }) => ({
      AlarmName: h.AlarmName,
      AlarmType: h.AlarmType,
      Timestamp: new Date(h.Timestamp),
      HistoryItemType: h.HistoryItemType,
      HistorySummary: h.HistorySummary,
      HistoryData: h.HistoryData,
    })),
  };
}

export function setAlarmState(ctx: ServiceContext, cw: CloudWatchState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  const a = mine(cw, caller).find((x) => x.AlarmName === req.AlarmName);
  if (!a) throw new ResourceNotFoundException(`Alarm ${String(req.AlarmName)} not found`);
  const state = String(req.StateValue);
  if (!['OK', 'ALARM', 'INSUFFICIENT_DATA'].includes(state))
    throw new InvalidParameterValueException(`The value ${state} for parameter StateValue is not supported.`);
  if (req.StateReason === undefined) throw new MissingParameterException('The parameter StateReason is required.');
  if (state !== a.StateValue) changeState(ctx, cw, a, { state: state as Alarm['StateValue'], reason: String(req.StateReason) }, ctx.now());
  return {};
}

export function deleteAlarms(cw: CloudWatchState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  const names = list(req.AlarmNames);
  const missing = names.find((n) => !mine(cw, caller).some((a) => a.AlarmName === n));
  if (missing) throw new ResourceNotFoundException(`The following alarms were not found: [${missing}]`);
  cw.alarms = cw.alarms.filter((a) => !(a.accountId === caller.accountId && a.region === caller.region && names.includes(a.AlarmName)));
  return {};
}
