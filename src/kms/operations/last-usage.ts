// GetKeyLastUsage (2026): the last successful cryptographic operation with a key, its time, CloudTrail event ID and
// request ID, with TrackingStartDate and KeyCreationDate. Differs: tracking starts at TRACKING_START (our choice).
// https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyLastUsage.html
import type { Call } from '../call.js';
import type { KeyRecord } from '../model/key.js';
import { reqString, type Req } from '../validate.js';
import { register } from './registry.js';

/** Operations whose success is recorded (the KeyLastUsageTrackingOperation enum of the service model). */
export const TRACKED_OPERATIONS = new Set([
  'Decrypt', 'DeriveSharedSecret', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext',
  'GenerateDataKeyWithoutPlaintext', 'GenerateMac', 'ReEncrypt', 'Sign', 'Verify', 'VerifyMac',
]);

/**
 * When the simulated service began recording key usage. AWS does not publish the date its tracking began; we take
 * 1 January 2026, so keys created earlier in a lab show a TrackingStartDate after their KeyCreationDate.
 */
export const TRACKING_START = Date.UTC(2026, 0, 1);

/** Records a successful tracked call on every key it used (ReEncrypt: source and destination, each on its own). */
export function recordUsage(operation: string, keys: KeyRecord[], at: number, eventId: string, requestId: string): void {
  if (!TRACKED_OPERATIONS.has(operation)) return;
  for (const k of keys) k.lastUsage = { operation, at, eventId, requestId };
}

register('GetKeyLastUsage', true, (c: Call, req: Req) => {
  // Key ID or key ARN only ("Alias names are not supported"); every key state answers (key-states.ts).
  const key = c.key(reqString(req, 'KeyId', { max: 2048 }));
  const out: Record<string, unknown> = { KeyId: key.keyId };
  if (key.lastUsage && key.lastUsage.at >= TRACKING_START) {
    out.KeyLastUsage = {
      Operation: key.lastUsage.operation,
      Timestamp: new Date(key.lastUsage.at),
      CloudTrailEventId: key.lastUsage.eventId,
      KmsRequestId: key.lastUsage.requestId,
    };
  }
  out.TrackingStartDate = new Date(Math.max(TRACKING_START, key.creationDate));
  out.KeyCreationDate = new Date(key.creationDate);
  return out;
});
