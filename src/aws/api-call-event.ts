// The CloudTrail record of one API call (AwsApiCall) for the services whose records need nothing of their own
// (IAM, STS, and services registered later). Differs: LookupEvents itself is not recorded.
import { DEFAULT_SOURCE_IP, DEFAULT_USER_AGENT, EVENT_VERSION, eventTimeOf, userIdentityOf, type AuditEvent } from './cloudtrail.js';
import { requestParametersOf } from './request-parameters.js';
import { uuidFrom, type Random } from './ports.js';
import type { Caller } from './caller.js';

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
    sourceIPAddress: caller.viaService ?? caller.sourceIp ?? DEFAULT_SOURCE_IP,
    userAgent: caller.viaService ?? caller.userAgent ?? DEFAULT_USER_AGENT,
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
