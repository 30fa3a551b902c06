// The CloudTrail event model every simulated service records into: the event record, its userIdentity block,
// request/event ids, and the event history (the recorder). Differs: one history for all accounts; no trails/S3 delivery.
import { serviceHostOf, type Caller } from './caller.js';

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
  // An AWS service calling in its own name: CloudTrail shows only the service.
  // https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
  if (p.type === 'AWSService') return { type: 'AWSService', invokedBy: p.arn };
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
  if (caller.viaService) id.invokedBy = serviceHostOf(caller.viaService);
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

/** Where a service records its CloudTrail events (the world owns the one history; services only append). */
export interface EventRecorder {
  record(event: AuditEvent): void;
}

/** CloudTrail keeps 90 days of event history. https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events.html */
export const HISTORY_DAYS = 90;

/**
 * CloudTrail's event history. In memory (labs, tests), `events` holds every recorded event in order; a
 * persistent history (the sandbox's event log) keeps only the events not yet written there and reads the rest
 * from its store in `newestFirst()`.
 */
export class EventHistory implements EventRecorder {
  readonly events: AuditEvent[] = [];
  record(event: AuditEvent): void {
    this.events.push(event);
  }
  /** Every event, newest first (LookupEvents reads only as far as it needs). */
  *newestFirst(): Iterable<AuditEvent> {
    for (let i = this.events.length - 1; i >= 0; i--) yield this.events[i];
  }
  /** True when the events live elsewhere than in `events` (then the world document leaves them out). */
  get persistent(): boolean {
    return false;
  }
}

/** CloudTrail's eventTime: ISO 8601 to the second. */
export function eventTimeOf(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A history that can be read newest first (the world's EventHistory, in memory or backed by the event log). */
export interface EventReader {
  newestFirst(): Iterable<AuditEvent>;
}

/**
 * The events recorded after the event whose id is `afterId`, oldest first, reading the history newest first only
 * that far (every event when `afterId` is undefined or no longer in the history), and the id to continue from.
 * Readers that follow the history (Logs' CloudTrail delivery, EventBridge) keep that id in their state, so they
 * also see events that earlier sandbox commands recorded.
 */
export function eventsAfterId(history: EventReader, afterId: string | undefined): { events: AuditEvent[]; last: string | undefined } {
  const out: AuditEvent[] = [];
  for (const e of history.newestFirst()) {
    if (afterId !== undefined && e.eventID === afterId) break;
    out.push(e);
  }
  out.reverse();
  return { events: out, last: out.length ? out[out.length - 1].eventID : afterId };
}

/** Every event, oldest first. */
export function allEvents(history: EventReader): AuditEvent[] {
  return [...history.newestFirst()].reverse();
}
