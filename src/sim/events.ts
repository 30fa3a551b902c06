// CloudTrail-shaped events for the non-KMS calls the simulator answers (IAM, STS), so `aws cloudtrail
// lookup-events` shows them next to KMS events. Differs: LookupEvents itself is not recorded.
import { DEFAULT_SOURCE_IP, DEFAULT_USER_AGENT, EVENT_VERSION, userIdentityOf, type AuditEvent } from '../kms/audit.js';
import { requestParametersOf } from '../kms/request-log.js';
import { uuidFrom, type Random } from '../kms/ports.js';
import type { Caller } from '../kms/types.js';

export function serviceEvent(
  source: 'iam' | 'sts',
  operation: string,
  request: Record<string, unknown>,
  caller: Caller,
  now: number,
  random: Random,
  error?: { code: string; message: string },
): AuditEvent {
  const eventTime = new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const event: AuditEvent = {
    eventVersion: EVENT_VERSION,
    userIdentity: userIdentityOf(caller, eventTime),
    eventTime,
    eventSource: `${source}.amazonaws.com`,
    eventName: operation,
    // IAM is a global service: CloudTrail records its calls in us-east-1.
    awsRegion: source === 'iam' ? 'us-east-1' : caller.region,
    sourceIPAddress: caller.sourceIp ?? DEFAULT_SOURCE_IP,
    userAgent: caller.userAgent ?? DEFAULT_USER_AGENT,
    requestParameters: requestParametersOf(request),
    responseElements: null,
    requestID: uuidFrom(random),
    eventID: uuidFrom(random),
    readOnly: /^(Get|List|Simulate)/.test(operation),
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
