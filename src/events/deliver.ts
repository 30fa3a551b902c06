// EventBridge delivery: each new event goes to the enabled rules whose pattern matches it, and to their targets:
// an SNS topic (published as events.amazonaws.com) or a CloudWatch Logs log group. The AWS/Events metrics
// TriggeredRules, Invocations and FailedInvocations (dimension RuleName) go to CloudWatch.
// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-monitoring.html
// SNS publishes only if the topic's access policy lets events.amazonaws.com in (the default policy does not):
// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sns-permissions
// Differs: no retries or dead-letter queues (a failed invocation is final); no resource policy on the log group is
// needed; the rule's ARN is aws:SourceArn for the topic policy but is not passed on to KMS for an encrypted topic
// (reported unsupported for this path; unverified).
import { ServiceException } from '../aws/errors.js';
import { uuidFrom } from '../aws/ports.js';
import { eventsAfterId } from '../aws/cloudtrail.js';
import type { ServiceContext } from '../aws/service.js';
import { busEventsOf, type BusEvent } from './kms-events.js';
import { matches, parsePattern } from './pattern.js';
import type { EventsState, Rule, Target } from './state.js';

function invoke(ctx: ServiceContext, r: Rule, t: Target, ev: BusEvent): void {
  const as = { principal: 'events.amazonaws.com', accountId: r.accountId, region: r.region };
  const body = t.Input ?? JSON.stringify(ev);
  if (t.Arn.startsWith('arn:aws:sns:')) {
    ctx.callAsService('sns', 'Publish', { TopicArn: t.Arn, Message: body }, { ...as, sourceArn: r.Arn });
    return;
  }
  const m = /^arn:aws:logs:[a-z0-9-]+:\d{12}:log-group:([^:]+)(:\*)?$/.exec(t.Arn);
  if (m) {
    const stream = ev.id;
    ctx.callAsService('logs', 'CreateLogStream', { logGroupName: m[1], logStreamName: stream }, as);
    ctx.callAsService(
      'logs',
      'PutLogEvents',
      { logGroupName: m[1], logStreamName: stream, logEvents: [{ timestamp: Date.parse(ev.time), message: body }] },
      as,
    );
    return;
  }
  throw new ServiceException('events', 'ValidationException', `Target type not simulated: ${t.Arn}`);
}

function metric(ctx: ServiceContext, r: Rule, name: string, value: number, at: number): void {
  try {
    ctx.callAsService(
      'cloudwatch',
      'PutMetricData',
      { Namespace: 'AWS/Events', MetricData: [{ MetricName: name, Value: value, Timestamp: new Date(at), Dimensions: [{ Name: 'RuleName', Value: r.Name }] }] },
      { principal: 'events.amazonaws.com', accountId: r.accountId, region: r.region },
    );
  } catch (e) {
    if (!(e instanceof ServiceException)) throw e;
  }
}

export function route(ctx: ServiceContext, state: EventsState, ev: BusEvent): void {
  let hit = false;
  for (const r of state.rules) {
    if (r.State !== 'ENABLED' || r.accountId !== ev.account || r.region !== ev.region || !r.EventPattern) continue;
    const p = parsePattern(r.EventPattern);
    if (typeof p === 'string' || !matches(p, ev)) continue;
    if (!hit) ev.id = uuidFrom(ctx.random);
    hit = true;
    const at = Date.parse(ev.time);
    metric(ctx, r, 'TriggeredRules', 1, at);
    for (const t of r.targets) {
      try {
        invoke(ctx, r, t, ev);
        state.deliveries.push({ rule: r.Name, target: t.Arn, eventId: ev.id, detailType: ev['detail-type'], ok: true, time: ev.time });
        metric(ctx, r, 'Invocations', 1, at);
      } catch (e) {
        if (!(e instanceof ServiceException)) throw e;
        state.deliveries.push({
          rule: r.Name,
          target: t.Arn,
          eventId: ev.id,
          detailType: ev['detail-type'],
          ok: false,
          error: `${e.code}: ${e.message}`,
          time: ev.time,
        });
        metric(ctx, r, 'FailedInvocations', 1, at);
      }
    }
  }
  if (hit) state.matched.push(ev);
  if (state.matched.length > 200) state.matched.splice(0, state.matched.length - 200);
  if (state.deliveries.length > 200) state.deliveries.splice(0, state.deliveries.length - 200);
}

/** Routes the events CloudTrail recorded since the last look. */
export function pump(ctx: ServiceContext, state: EventsState): void {
  const { events, last } = eventsAfterId(ctx.trail, state.trailCursor);
  state.trailCursor = last;
  if (!state.rules.some((r) => r.State === 'ENABLED')) return;
  for (const e of events) for (const ev of busEventsOf(e)) route(ctx, state, ev);
}
