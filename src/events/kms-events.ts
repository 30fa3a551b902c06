// The events EventBridge receives, read from what the world's services recorded in CloudTrail:
// - AWS KMS sends "KMS CMK Rotation", "KMS CMK Deletion" and "KMS Imported Key Material Expiration" (source aws.kms)
//   when it rotates, deletes or expires material (the AwsServiceEvent records RotateKey, DeleteKey,
//   DeleteExpiredKeyMaterial, and a successful RotateKeyOnDemand).
//   https://docs.aws.amazon.com/kms/latest/developerguide/kms-events.html ; https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-kms.html
// - CloudTrail sends "AWS API Call via CloudTrail" for every management call that is not read-only.
//   https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event.html
// Differs: events arrive at the next EventBridge call or clock move; no event is duplicated or dropped.
import type { AuditEvent } from '../aws/cloudtrail.js';

export interface BusEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
}

const KMS_DETAIL: Record<string, string> = {
  RotateKey: 'KMS CMK Rotation',
  RotateKeyOnDemand: 'KMS CMK Rotation',
  DeleteKey: 'KMS CMK Deletion',
  DeleteExpiredKeyMaterial: 'KMS Imported Key Material Expiration',
};

/** The EventBridge events one CloudTrail record gives (none, one, or a KMS event and the API call event); ids are
 * drawn by the router only for events a rule matches. */
export function busEventsOf(e: AuditEvent): BusEvent[] {
  const out: BusEvent[] = [];
  const base = { version: '0' as const, account: e.recipientAccountId, time: e.eventTime, region: e.awsRegion };
  const keyArn = e.resources?.[0]?.ARN;
  const isKmsLifecycle =
    e.eventSource === 'kms.amazonaws.com' &&
    !e.errorCode &&
    keyArn !== undefined &&
    KMS_DETAIL[e.eventName] !== undefined &&
    (e.eventType === 'AwsServiceEvent' || e.eventName === 'RotateKeyOnDemand');
  if (isKmsLifecycle) {
    const keyId = keyArn.slice(keyArn.lastIndexOf('/') + 1);
    const extra = (e.additionalEventData ?? {}) as Record<string, unknown>;
    const detail: Record<string, unknown> = { 'key-id': keyId };
    if (KMS_DETAIL[e.eventName] === 'KMS CMK Rotation') {
      detail['rotation-type'] = e.eventName === 'RotateKeyOnDemand' ? 'ON_DEMAND' : 'AUTOMATIC';
      if (typeof extra.keyMaterialId === 'string') detail['current-key-material-id'] = extra.keyMaterialId;
    }
    out.push({ ...base, id: '', 'detail-type': KMS_DETAIL[e.eventName], source: 'aws.kms', resources: [keyArn], detail });
  }
  if (e.eventType === 'AwsApiCall' && e.readOnly === false) {
    out.push({
      ...base,
      id: '',
      'detail-type': 'AWS API Call via CloudTrail',
      source: `aws.${e.eventSource.replace('.amazonaws.com', '')}`,
      resources: [],
      detail: e as unknown as Record<string, unknown>,
    });
  }
  return out;
}
