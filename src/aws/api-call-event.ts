// The CloudTrail record of one API call (AwsApiCall) for the services whose records need nothing of their own
// (IAM, STS, and services registered later). Differs: LookupEvents itself is not recorded.
import { DEFAULT_SOURCE_IP, DEFAULT_USER_AGENT, EVENT_VERSION, eventTimeOf, userIdentityOf, type AuditEvent, type EventRecorder } from './cloudtrail.js';
import { ServiceException } from './errors.js';
import { requestParametersOf } from './request-parameters.js';
import { uuidFrom, type Random } from './ports.js';
import { serviceHostOf, type Caller } from './caller.js';

/** Services CloudTrail records in us-east-1 whatever Region the caller names (global services). */
const GLOBAL_SERVICES = new Set(['iam']);

export function apiCallEvent(
  service: string,
  operation: string,
  request: Record<string, unknown>,
  caller: Caller,
  now: number,
  random: Random,
  error?: { code: string; message: string },
): AuditEvent {
  const eventTime = eventTimeOf(now);
  const event: AuditEvent = {
    eventVersion: EVENT_VERSION,
    userIdentity: userIdentityOf(caller, eventTime),
    eventTime,
    eventSource: `${service}.amazonaws.com`,
    eventName: operation,
    // IAM is a global service: CloudTrail records its calls in us-east-1.
    awsRegion: GLOBAL_SERVICES.has(service) ? 'us-east-1' : caller.region,
    sourceIPAddress: caller.viaService ? serviceHostOf(caller.viaService) : (caller.sourceIp ?? DEFAULT_SOURCE_IP),
    userAgent: caller.viaService ? serviceHostOf(caller.viaService) : (caller.userAgent ?? DEFAULT_USER_AGENT),
    requestParameters: requestParametersOf(request),
    responseElements: null,
    requestID: uuidFrom(random),
    eventID: uuidFrom(random),
    readOnly: /^(Get|List|Simulate|Describe|Lookup)/.test(operation),
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: caller.accountId,
    eventCategory: 'Management',
  };
  if (error) {
    event.errorCode = error.code;
    event.errorMessage = error.message;
  }
  return event;
}

/** What `recordedCall` needs of a service's context: simulated time, randomness and the event history. */
export interface CallRecording {
  now(): number;
  random: Random;
  trail: EventRecorder;
}

/**
 * Runs one operation and records its CloudTrail event: the answer's, or the AWS error's (then rethrown). Errors
 * that are not AWS errors are rethrown unrecorded. With `record` false (data events, calls by a service
 * principal) the operation only runs.
 */
export function recordedCall<T>(ctx: CallRecording, service: string, operation: string, request: Record<string, unknown>, caller: Caller, run: () => T, record = true): T {
  try {
    const out = run();
    if (record) ctx.trail.record(apiCallEvent(service, operation, request, caller, ctx.now(), ctx.random));
    return out;
  } catch (e) {
    if (record && e instanceof ServiceException) ctx.trail.record(apiCallEvent(service, operation, request, caller, ctx.now(), ctx.random, { code: e.code, message: e.message }));
    throw e;
  }
}
