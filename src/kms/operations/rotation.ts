// EnableKeyRotation (90–2560 days, default 365), DisableKeyRotation, GetKeyRotationStatus, RotateKeyOnDemand (25 per key),
// ListKeyRotations. Differs: on-demand rotation completes at once (AWS: asynchronous); a re-enabled overdue key rotates at once.
import type { Call } from '../call.js';
import { DAY_MS } from '../days.js';
import { ConflictException, KMSInvalidStateException, LimitExceededException, UnsupportedOperationException, invalidMarker } from '../errors.js';

const fromHexBytes = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (b) => parseInt(b, 16));
import type { KeyRecord } from '../model/key.js';
import { page, pageFields } from '../../aws/paging.js';
import { optInt, optString, paging, reqString, type Req } from '../validate.js';
import { register } from './registry.js';
import { isReplica } from '../model/multi-region.js';

export const MAX_ON_DEMAND_ROTATIONS = 25;
const CONFLICT_WINDOW_MS = 20 * 60_000;

/** Rotation exists only for symmetric encryption keys with KMS-generated material. */
function assertRotatable(key: KeyRecord): void {
  if (key.keySpec !== 'SYMMETRIC_DEFAULT' || key.keyUsage !== 'ENCRYPT_DECRYPT') {
    throw new UnsupportedOperationException(`${key.arn} key spec is ${key.keySpec} which is not valid for this operation: rotation works only on symmetric encryption keys.`);
  }
  if (key.origin === 'EXTERNAL') {
    throw new UnsupportedOperationException(`${key.arn} origin is EXTERNAL which is not valid for this operation.`);
  }
}

/** Rotation is a shared property of multi-Region keys, changed only on the primary (wording ours). */
function assertNotReplica(key: KeyRecord): void {
  if (isReplica(key)) throw new UnsupportedOperationException(`${key.arn} is a multi-Region replica key; rotation is managed on its primary key.`);
}

register('EnableKeyRotation', false, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const period = optInt(req, 'RotationPeriodInDays', 90, 2560) ?? 365;
  const key = c.key(keyId, { context: { 'kms:RotationPeriodInDays': period } });
  assertRotatable(key);
  assertNotReplica(key);
  const r = key.rotation;
  if (r.enabled && r.nextRotationDate !== undefined && r.periodDays !== undefined) {
    // A new period on a key that already rotates counts from the same anchor (enable time or last rotation).
    r.nextRotationDate = r.nextRotationDate - r.periodDays * DAY_MS + period * DAY_MS;
  } else {
    r.nextRotationDate = c.now() + period * DAY_MS;
  }
  r.enabled = true;
  r.periodDays = period;
  return {};
});

register('DisableKeyRotation', false, (c: Call, req: Req) => {
  const key = c.key(reqString(req, 'KeyId', { max: 2048 }));
  assertRotatable(key);
  assertNotReplica(key);
  key.rotation.enabled = false;
  delete key.rotation.nextRotationDate;
  delete key.rotation.periodDays;
  return {};
});

register('GetKeyRotationStatus', true, (c: Call, req: Req) => {
  const key = c.key(reqString(req, 'KeyId', { max: 2048 }), { crossAccount: true });
  assertRotatable(key);
  // While a key is pending deletion AWS reports rotation as off; it comes back if deletion is cancelled.
  const on = key.rotation.enabled && key.state !== 'PendingDeletion';
  const out: Record<string, unknown> = { KeyId: key.arn, KeyRotationEnabled: on };
  if (on) {
    out.RotationPeriodInDays = key.rotation.periodDays;
    out.NextRotationDate = new Date(key.rotation.nextRotationDate ?? 0);
  }
  return out;
});

register('RotateKeyOnDemand', false, (c: Call, req: Req) => {
  const key = c.key(reqString(req, 'KeyId', { max: 2048 }));
  if (key.keySpec !== 'SYMMETRIC_DEFAULT' || key.keyUsage !== 'ENCRYPT_DECRYPT') throw new UnsupportedOperationException('');
  if (key.origin !== 'EXTERNAL') assertRotatable(key);
  assertNotReplica(key);
  if (key.rotation.onDemandCount >= MAX_ON_DEMAND_ROTATIONS) {
    throw new LimitExceededException(`The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: ${key.arn}`);
  }
  if (key.origin === 'EXTERNAL') {
    // Imported material rotates on demand only to material imported first with ImportType NEW_KEY_MATERIAL.
    const pending = key.imported?.pending;
    if (!pending) throw new KMSInvalidStateException(`No available key material pending rotation for the key: ${key.arn}.`);
    key.materials.push({ id: pending.id, bytes: fromHexBytes(pending.material), createdAt: c.now(), origin: 'EXTERNAL', rotationType: 'ON_DEMAND' });
    key.imported!.expirationModel = pending.expirationModel;
    if (pending.validTo !== undefined) key.imported!.validTo = pending.validTo;
    else delete key.imported!.validTo;
    delete key.imported!.pending;
    key.rotation.onDemandCount += 1;
    c.core.changed();
    c.additionalEventData = { keyMaterialId: pending.id };
    return { KeyId: key.arn };
  }
  const due = key.rotation.enabled ? key.rotation.nextRotationDate : undefined;
  if (due !== undefined && due - c.now() < CONFLICT_WINDOW_MS) {
    // The model's ConflictException: an automatic rotation is due within 20 minutes (wording is ours).
    throw new ConflictException(`An automatic rotation of ${key.arn} is scheduled within the next 20 minutes. Try again later.`);
  }
  key.rotation.onDemandCount += 1;
  const m = c.core.rotate(key, 'ON_DEMAND', c.now());
  c.additionalEventData = { keyMaterialId: m.id };
  return { KeyId: key.arn };
});

register('ListKeyRotations', true, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const include = optString(req, 'IncludeKeyMaterial', { enum: ['ALL_KEY_MATERIAL', 'ROTATIONS_ONLY'] }) ?? 'ROTATIONS_ONLY';
  const { limit, marker } = paging(req);
  const key = c.key(keyId);
  if (key.origin !== 'EXTERNAL') assertRotatable(key);
  const current = key.materials[key.materials.length - 1];
  const entries = key.materials
    .filter((m) => include === 'ALL_KEY_MATERIAL' || m.rotationType !== undefined)
    .map((m) => {
      const e: Record<string, unknown> = { KeyId: key.arn, KeyMaterialId: m.id, KeyMaterialState: m === current ? 'CURRENT' : 'NON_CURRENT' };
      if (m.rotationType) {
        e.RotationDate = new Date(m.createdAt);
        e.RotationType = m.rotationType;
      }
      return e;
    });
  const pending = key.imported?.pending;
  if (pending && include === 'ALL_KEY_MATERIAL') entries.push({ KeyId: key.arn, KeyMaterialId: pending.id, KeyMaterialState: 'PENDING_ROTATION' });
  const p = page(entries, limit, marker, invalidMarker);
  return { Rotations: p.items, ...pageFields(p) };
});
