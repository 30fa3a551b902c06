// CloudTrail LookupEvents over the event history: at most one lookup attribute, a time window, newest first, paged.
// Reads newest first and stops once it has the page. Differs: NextToken is a plain offset (AWS's is opaque);
// the 90-day retention is the event store's (the sandbox's event log drops older days as the clock moves).
// https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
import { usernameOf, type AuditEvent } from '../aws/cloudtrail.js';
import { InvalidLookupAttributesException, InvalidMaxResultsException, InvalidNextTokenException, InvalidTimeRangeException } from './errors.js';

export interface LookupAttribute {
  AttributeKey: string;
  AttributeValue: string;
}

export interface LookupOptions {
  attributes?: LookupAttribute[];
  StartTime?: Date | number;
  EndTime?: Date | number;
  MaxResults?: number;
  NextToken?: string;
}

const KEYS = ['EventId', 'EventName', 'ReadOnly', 'Username', 'ResourceType', 'ResourceName', 'EventSource', 'AccessKeyId'];

function matches(e: AuditEvent, a: LookupAttribute): boolean {
  const v = a.AttributeValue;
  switch (a.AttributeKey) {
    case 'EventId': return e.eventID === v;
    case 'EventName': return e.eventName === v;
    case 'ReadOnly': return String(e.readOnly) === v;
    case 'Username': return usernameOf(e) === v;
    case 'ResourceType': return (e.resources ?? []).some((r) => r.type === v);
    case 'ResourceName': return (e.resources ?? []).some((r) => r.ARN === v || r.ARN.endsWith(`/${v}`));
    case 'EventSource': return e.eventSource === v;
    case 'AccessKeyId': return e.userIdentity.accessKeyId === v;
    default: return false;
  }
}

const ms = (t: Date | number) => (typeof t === 'number' ? t : t.getTime());

function* backwards(events: readonly AuditEvent[]): Iterable<AuditEvent> {
  for (let i = events.length - 1; i >= 0; i--) yield events[i];
}

/** CloudTrail LookupEvents over an event list in time order: at most one attribute, time window, newest first, paged. */
export function lookupEvents(events: readonly AuditEvent[], opts: LookupOptions = {}): { Events: Record<string, unknown>[]; NextToken?: string } {
  return lookupEventsNewestFirst(backwards(events), opts);
}

/** LookupEvents over events given newest first (an event log read backwards): stops once the page is full. */
export function lookupEventsNewestFirst(newestFirst: Iterable<AuditEvent>, opts: LookupOptions = {}): { Events: Record<string, unknown>[]; NextToken?: string } {
  const attrs = opts.attributes ?? [];
  if (attrs.length > 1) throw new InvalidLookupAttributesException('You cannot specify more than one lookup attribute.');
  const attr = attrs[0];
  if (attr && !KEYS.includes(attr.AttributeKey)) {
    throw new InvalidLookupAttributesException(`Invalid attribute key: ${attr.AttributeKey}`);
  }
  const max = opts.MaxResults ?? 50;
  if (!Number.isInteger(max) || max < 1 || max > 50) throw new InvalidMaxResultsException('MaxResults must be between 1 and 50.');
  const start = opts.StartTime !== undefined ? ms(opts.StartTime) : -Infinity;
  const end = opts.EndTime !== undefined ? ms(opts.EndTime) : Infinity;
  if (start > end) throw new InvalidTimeRangeException('Start time must be before end time.');
  let from = 0;
  if (opts.NextToken !== undefined) {
    from = Number.parseInt(opts.NextToken, 10);
    if (!/^\d+$/.test(opts.NextToken) || !Number.isSafeInteger(from)) throw new InvalidNextTokenException('Invalid NextToken.');
  }
  // One more than the page needs tells whether there is a next page.
  const enough = from + max + 1;
  const selected: AuditEvent[] = [];
  for (const e of newestFirst) {
    const t = Date.parse(e.eventTime);
    if (t > end) continue;
    if (t < start) continue;
    if (attr && !matches(e, attr)) continue;
    selected.push(e);
    if (selected.length >= enough) break;
  }
  if (from > selected.length) throw new InvalidNextTokenException('Invalid NextToken.');
  const page = selected.slice(from, from + max);
  const out = page.map((e) => {
    const item: Record<string, unknown> = {
      EventId: e.eventID,
      EventName: e.eventName,
      ReadOnly: String(e.readOnly),
      EventTime: new Date(Date.parse(e.eventTime)),
      EventSource: e.eventSource,
      Resources: (e.resources ?? []).map((r) => ({ ResourceType: r.type, ResourceName: r.ARN })),
      CloudTrailEvent: JSON.stringify(e),
    };
    if (e.userIdentity.accessKeyId) item.AccessKeyId = e.userIdentity.accessKeyId;
    const user = usernameOf(e);
    if (user) item.Username = user;
    return item;
  });
  const result: { Events: Record<string, unknown>[]; NextToken?: string } = { Events: out };
  if (from + max < selected.length) result.NextToken = String(from + max);
  return result;
}
