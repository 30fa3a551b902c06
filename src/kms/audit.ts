// CloudTrail-shaped events for every KMS call (allowed or failed) and KMS's own RotateKey/DeleteKey service events,
// plus LookupEvents semantics (one attribute, newest first). Differs: one log for all accounts; no trails/S3 delivery.
import { KmsException } from './errors.js';
import type { Caller } from './types.js';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function uuidAt(b: Uint8Array, o: number): string {
  let h = '';
  for (let i = 0; i < 16; i++) {
    let x = b[o + i];
    if (i === 6) x = (x & 0x0f) | 0x40;
    if (i === 8) x = (x & 0x3f) | 0x80;
    h += HEX[x];
    if (i === 3 || i === 5 || i === 7 || i === 9) h += '-';
  }
  return h;
}

/** requestID and eventID (UUID v4) from one 32-byte draw: one call to the Random port per event. */
export function eventIds(random: { bytes(n: number): Uint8Array }): { requestID: string; eventID: string } {
  const b = random.bytes(32);
  return { requestID: uuidAt(b, 0), eventID: uuidAt(b, 16) };
}

export interface AuditUserIdentity {
  type: string;
  principalId?: string;
  arn?: string;
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  sessionContext?: {
    sessionIssuer: { type: 'Role'; principalId?: string; arn: string; accountId: string; userName: string };
    attributes: { creationDate: string; mfaAuthenticated: 'false' | 'true' };
  };
  invokedBy?: string;
}

export interface AuditEvent {
  eventVersion: string;
  userIdentity: AuditUserIdentity;
  eventTime: string;
  eventSource: string;
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent: string;
  requestParameters: Record<string, unknown> | null;
  responseElements: Record<string, unknown> | null;
  additionalEventData?: Record<string, unknown>;
  errorCode?: string;
  errorMessage?: string;
  requestID: string;
  eventID: string;
  readOnly: boolean;
  resources?: { accountId: string; type: string; ARN: string }[];
  eventType: 'AwsApiCall' | 'AwsServiceEvent';
  managementEvent: boolean;
  recipientAccountId: string;
  eventCategory: 'Management';
  serviceEventDetails?: Record<string, unknown>;
}

export const EVENT_VERSION = '1.11';
export const DEFAULT_SOURCE_IP = '192.0.2.10';
export const DEFAULT_USER_AGENT = 'aws-cli/2.15.0 kms-study';

/** CloudTrail's userIdentity block for a caller. */
export function userIdentityOf(caller: Caller, eventTime: string): AuditUserIdentity {
  const p = caller.principal;
  const id: AuditUserIdentity = { type: p.type, principalId: p.principalId ?? p.accountId, arn: p.arn, accountId: p.accountId };
  if (caller.accessKeyId) id.accessKeyId = caller.accessKeyId;
  if (p.type === 'IAMUser' && p.name) id.userName = p.name;
  if (p.type === 'AssumedRole' && p.roleArn) {
    const roleName = p.roleArn.slice(p.roleArn.lastIndexOf('/') + 1);
    id.sessionContext = {
      sessionIssuer: { type: 'Role', principalId: p.principalId?.split(':')[0], arn: p.roleArn, accountId: p.accountId, userName: roleName },
      attributes: { creationDate: eventTime, mfaAuthenticated: 'false' },
    };
  }
  if (caller.viaService) id.invokedBy = caller.viaService;
  return id;
}

/** CloudTrail's "Username" lookup value for an event. */
export function usernameOf(e: AuditEvent): string | undefined {
  const u = e.userIdentity;
  if (u.userName) return u.userName;
  if (u.type === 'Root') return 'root';
  if (u.type === 'AssumedRole' && u.arn) return u.arn.slice(u.arn.lastIndexOf('/') + 1);
  return undefined;
}

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

/** CloudTrail LookupEvents over an event list: at most one attribute, time window, newest first, paged. */
export function lookupEvents(events: readonly AuditEvent[], opts: LookupOptions = {}): { Events: Record<string, unknown>[]; NextToken?: string } {
  const attrs = opts.attributes ?? [];
  if (attrs.length > 1) throw new KmsException('InvalidLookupAttributesException', 'You cannot specify more than one lookup attribute.');
  const attr = attrs[0];
  if (attr && !KEYS.includes(attr.AttributeKey)) {
    throw new KmsException('InvalidLookupAttributesException', `Invalid attribute key: ${attr.AttributeKey}`);
  }
  const max = opts.MaxResults ?? 50;
  if (!Number.isInteger(max) || max < 1 || max > 50) throw new KmsException('InvalidMaxResultsException', 'MaxResults must be between 1 and 50.');
  const start = opts.StartTime !== undefined ? ms(opts.StartTime) : -Infinity;
  const end = opts.EndTime !== undefined ? ms(opts.EndTime) : Infinity;
  if (start > end) throw new KmsException('InvalidTimeRangeException', 'Start time must be before end time.');
  const selected: AuditEvent[] = [];
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    const t = Date.parse(e.eventTime);
    if (t < start || t > end) continue;
    if (attr && !matches(e, attr)) continue;
    selected.push(e);
  }
  let from = 0;
  if (opts.NextToken !== undefined) {
    from = Number.parseInt(opts.NextToken, 10);
    if (!/^\d+$/.test(opts.NextToken) || from > selected.length) throw new KmsException('InvalidNextTokenException', 'Invalid NextToken.');
  }
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
