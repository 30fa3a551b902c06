// CloudWatch Logs log groups, streams and events: CreateLogGroup (--kms-key-id), AssociateKmsKey,
// DisassociateKmsKey, DescribeLogGroups, CreateLogStream, DescribeLogStreams, PutLogEvents, GetLogEvents,
// FilterLogEvents, DeleteLogGroup. https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/
// Differs: no retention, no log classes beyond STANDARD, no paging tokens beyond one page of `limit` events.
import type { Caller } from '../aws/caller.js';
import type { ServiceContext } from '../aws/service.js';
import { InvalidParameterException, ResourceAlreadyExistsException, noGroup, noStream } from './errors.js';
import { compilePattern } from './filter-pattern.js';
import { generateGroupKey, unlockGroup } from './kms-use.js';
import { groupArn, type LogGroup, type LogsState, type LogEvent } from './state.js';

const NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;
const STREAM = /^[^:*]{1,512}$/;

function str(req: Record<string, unknown>, member: string, required = true): string | undefined {
  const v = req[member];
  if (v === undefined || v === null) {
    if (required)
      throw new InvalidParameterException(`1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
    return undefined;
  }
  return String(v);
}

export function findGroup(state: LogsState, caller: Caller, name: string): LogGroup {
  const g = state.groups.find((x) => x.name === name && x.accountId === caller.accountId && x.region === caller.region);
  if (!g) throw noGroup();
  return g;
}

export function createLogGroup(ctx: ServiceContext, state: LogsState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  const name = str(req, 'logGroupName')!;
  if (!NAME.test(name))
    throw new InvalidParameterException(
      `1 validation error detected: Value '${name}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+`,
    );
  if (state.groups.some((x) => x.name === name && x.accountId === caller.accountId && x.region === caller.region))
    throw new ResourceAlreadyExistsException('The specified log group already exists');
  const g: LogGroup = {
    name,
    accountId: caller.accountId,
    region: caller.region,
    arn: groupArn(caller.region, caller.accountId, name),
    creationTime: ctx.now(),
    tags: { ...((req.tags as Record<string, string>) ?? {}) },
    streams: [],
    metricFilters: [],
  };
  const keyId = str(req, 'kmsKeyId', false);
  if (keyId !== undefined) {
    const k = generateGroupKey(ctx, g, keyId);
    g.kmsKeyId = k.keyArn;
    g.dataKey = k.dataKey;
  }
  state.groups.push(g);
  return {};
}

export function associateKmsKey(ctx: ServiceContext, state: LogsState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  const g = findGroup(state, caller, str(req, 'logGroupName')!);
  const k = generateGroupKey(ctx, g, str(req, 'kmsKeyId')!);
  g.kmsKeyId = k.keyArn;
  g.dataKey = k.dataKey;
  return {};
}

export function disassociateKmsKey(state: LogsState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  const g = findGroup(state, caller, str(req, 'logGroupName')!);
  // Events written before stay encrypted under the old key in AWS; the simulator keeps no per-event keys (a difference).
  delete g.kmsKeyId;
  delete g.dataKey;
  return {};
}

export function describeLogGroups(state: LogsState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  const prefix = str(req, 'logGroupNamePrefix', false) ?? '';
  const limit = typeof req.limit === 'number' ? req.limit : 50;
  if (limit < 1 || limit > 50)
    throw new InvalidParameterException(
      `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50`,
    );
  const groups = state.groups
    .filter((g) => g.accountId === caller.accountId && g.region === caller.region && g.name.startsWith(prefix))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .slice(0, limit);
  return {
    logGroups: groups.map((g) => ({
      logGroupName: g.name,
      creationTime: g.creationTime,
      metricFilterCount: g.metricFilters.length,
      arn: `${g.arn}:*`,
      storedBytes: g.streams.reduce((n, s) => n + s.events.reduce((m, e) => m + e.message.length, 0), 0),
      ...(g.kmsKeyId ? { kmsKeyId: g.kmsKeyId } : {}),
      logGroupClass: 'STANDARD',
      logGroupArn: g.arn,
    })),
  };
}

export function deleteLogGroup(state: LogsState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  const g = findGroup(state, caller, str(req, 'logGroupName')!);
  state.groups.splice(state.groups.indexOf(g), 1);
  return {};
}

export function createLogStream(ctx: ServiceContext, state: LogsState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  const g = findGroup(state, caller, str(req, 'logGroupName')!);
  const name = str(req, 'logStreamName')!;
  if (!STREAM.test(name))
    throw new InvalidParameterException(
      `1 validation error detected: Value '${name}' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*`,
    );
  if (g.streams.some((s) => s.name === name)) throw new ResourceAlreadyExistsException('The specified log stream already exists');
  g.streams.push({ name, creationTime: ctx.now(), events: [] });
  return {};
}

export function describeLogStreams(state: LogsState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  const g = findGroup(state, caller, str(req, 'logGroupName')!);
  const prefix = str(req, 'logStreamNamePrefix', false) ?? '';
  return {
    logStreams: g.streams
      .filter((s) => s.name.startsWith(prefix))
      .map((s) => ({
        logStreamName: s.name,
        creationTime: s.creationTime,
        ...(s.events.length
          ? { firstEventTimestamp: s.events[0].timestamp, lastEventTimestamp: s.events.at(-1)!.timestamp, lastIngestionTime: s.events.at(-1)!.ingestionTime }
          : {}),
        arn: `${g.arn}:log-stream:${s.name}`,
        storedBytes: 0,
      })),
  };
}

/** Appends events to a stream (the caller checked KMS); returns the events as stored. */
export function appendEvents(ctx: ServiceContext, g: LogGroup, streamName: string, events: { timestamp: number; message: string }[]): LogEvent[] {
  let s = g.streams.find((x) => x.name === streamName);
  if (!s) {
    s = { name: streamName, creationTime: ctx.now(), events: [] };
    g.streams.push(s);
  }
  const stored = events.map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: ctx.now() }));
  s.events.push(...stored);
  s.events.sort((a, b) => a.timestamp - b.timestamp);
  return stored;
}

export function putLogEvents(
  ctx: ServiceContext,
  state: LogsState,
  req: Record<string, unknown>,
  caller: Caller,
): { response: Record<string, unknown>; group: LogGroup; stored: LogEvent[] } {
  const g = findGroup(state, caller, str(req, 'logGroupName')!);
  const streamName = str(req, 'logStreamName')!;
  if (!g.streams.some((s) => s.name === streamName)) throw noStream();
  const events = (req.logEvents as { timestamp?: number; message?: string }[] | undefined) ?? [];
  if (events.length < 1 || events.length > 10000)
    throw new InvalidParameterException(
      "1 validation error detected: Value at 'logEvents' failed to satisfy constraint: Member must have length between 1 and 10000",
    );
  for (let i = 1; i < events.length; i++) {
    if (Number(events[i].timestamp) < Number(events[i - 1].timestamp))
      throw new InvalidParameterException('Log events in a single PutLogEvents request must be in chronological order.');
  }
  unlockGroup(ctx, g);
  // Events older than 14 days or more than 2 hours ahead are rejected (rejectedLogEventsInfo), as AWS does.
  const now = ctx.now();
  const accepted: { timestamp: number; message: string }[] = [];
  const rejected: Record<string, number> = {};
  events.forEach((e, i) => {
    const t = Number(e.timestamp);
    if (t < now - 14 * 86_400_000) rejected.tooOldLogEventEndIndex = i;
    else if (t > now + 2 * 3_600_000) rejected.tooNewLogEventStartIndex ??= i;
    else accepted.push({ timestamp: t, message: String(e.message ?? '') });
  });
  const stored = appendEvents(ctx, g, streamName, accepted);
  return { response: Object.keys(rejected).length ? { rejectedLogEventsInfo: rejected } : {}, group: g, stored };
}

function window(req: Record<string, unknown>): (e: LogEvent) => boolean {
  const from = typeof req.startTime === 'number' ? req.startTime : -Infinity;
  const to = typeof req.endTime === 'number' ? req.endTime : Infinity;
  return (e) => e.timestamp >= from && e.timestamp < to;
}

export function getLogEvents(ctx: ServiceContext, state: LogsState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  const g = findGroup(state, caller, str(req, 'logGroupName')!);
  const s = g.streams.find((x) => x.name === str(req, 'logStreamName'));
  if (!s) throw noStream();
  unlockGroup(ctx, g);
  const limit = typeof req.limit === 'number' ? req.limit : 10000;
  const all = s.events.filter(window(req));
  const events = req.startFromHead === true ? all.slice(0, limit) : all.slice(-limit);
  return { events, nextForwardToken: `f/${all.length}`, nextBackwardToken: 'b/0' };
}

export function filterLogEvents(ctx: ServiceContext, state: LogsState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  const g = findGroup(state, caller, str(req, 'logGroupName')!);
  let match;
  try {
    match = compilePattern(str(req, 'filterPattern', false) ?? '');
  } catch {
    throw new InvalidParameterException('Invalid filter pattern');
  }
  unlockGroup(ctx, g);
  const names = req.logStreamNames as string[] | undefined;
  const limit = typeof req.limit === 'number' ? req.limit : 10000;
  const inWindow = window(req);
  const events = g.streams
    .filter((s) => !names || names.includes(s.name))
    .flatMap((s) =>
      s.events.filter((e) => inWindow(e) && match(e.message)).map((e, i) => ({ logStreamName: s.name, ...e, eventId: `${s.name}-${e.timestamp}-${i}` })),
    )
    .sort((a, b) => a.timestamp - b.timestamp)
    .slice(0, limit);
  return { events, searchedLogStreams: [] };
}
