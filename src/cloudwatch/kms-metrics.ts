// The metric AWS KMS publishes to CloudWatch: AWS/KMS SecondsUntilKeyMaterialExpiration (dimension KeyId), for keys
// whose imported key material expires, one datapoint a minute. Read from what KMS recorded in CloudTrail
// (ImportKeyMaterial with KEY_MATERIAL_EXPIRES, then DeleteExpiredKeyMaterial / DeleteImportedKeyMaterial / DeleteKey).
// https://docs.aws.amazon.com/kms/latest/developerguide/monitoring-cloudwatch.html
// Differs: the publication interval (one a minute) is our choice; AWS does not document it. The other AWS/KMS metrics
// (external key stores, the key-level API usage metrics) are not simulated.
import type { AuditEvent } from '../aws/cloudtrail.js';

export const KMS_NAMESPACE = 'AWS/KMS';
export const EXPIRY_METRIC = 'SecondsUntilKeyMaterialExpiration';
const MINUTE = 60_000;

/** One stretch of time during which a key's material was imported with an expiry. */
export interface ExpiryWindow {
  keyId: string;
  accountId: string;
  region: string;
  from: number;
  to: number;
  validTo: number;
}

const keyIdOf = (e: AuditEvent): string | undefined => {
  const arn = e.resources?.[0]?.ARN;
  return arn ? arn.slice(arn.lastIndexOf('/') + 1) : undefined;
};

let cached: { events: readonly AuditEvent[]; length: number; windows: ExpiryWindow[] } | undefined;

export function expiryWindows(events: readonly AuditEvent[]): ExpiryWindow[] {
  if (cached && cached.events === events && cached.length === events.length) return cached.windows;
  const windows = computeWindows(events);
  cached = { events, length: events.length, windows };
  return windows;
}

function computeWindows(events: readonly AuditEvent[]): ExpiryWindow[] {
  const open = new Map<string, ExpiryWindow>();
  const done: ExpiryWindow[] = [];
  const close = (keyId: string, at: number) => {
    const w = open.get(keyId);
    if (!w) return;
    w.to = Math.min(w.to, at);
    done.push(w);
    open.delete(keyId);
  };
  for (const e of events) {
    if (e.eventSource !== 'kms.amazonaws.com' || e.errorCode) continue;
    const keyId = keyIdOf(e);
    if (!keyId) continue;
    const at = Date.parse(e.eventTime);
    if (e.eventName === 'ImportKeyMaterial') {
      close(keyId, at);
      const p = (e.requestParameters ?? {}) as Record<string, unknown>;
      const validTo = typeof p.validTo === 'string' ? Date.parse(p.validTo) : NaN;
      if (p.expirationModel !== 'KEY_MATERIAL_DOES_NOT_EXPIRE' && Number.isFinite(validTo)) {
        open.set(keyId, { keyId, accountId: e.recipientAccountId, region: e.awsRegion, from: at, to: validTo, validTo });
      }
    } else if (['DeleteExpiredKeyMaterial', 'DeleteImportedKeyMaterial', 'DeleteKey'].includes(e.eventName)) {
      close(keyId, at);
    }
  }
  return [...done, ...open.values()];
}

/** The datapoints KMS published for `keyId` in [from, to): one at each whole minute, the seconds left until ValidTo. */
export function expiryPoints(windows: ExpiryWindow[], accountId: string, region: string, keyId: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  for (const w of windows) {
    if (w.keyId !== keyId || w.accountId !== accountId || w.region !== region) continue;
    const a = Math.max(from, Math.ceil(w.from / MINUTE) * MINUTE);
    const b = Math.min(to, w.to);
    for (let t = a; t < b; t += MINUTE) out.push([t, Math.floor((w.validTo - t) / 1000)]);
  }
  return out;
}
