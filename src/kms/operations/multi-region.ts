// ReplicateKey and UpdatePrimaryRegion for multi-Region keys (mrk-...): replicas share the key id and key material,
// but policy, grants, aliases, tags, description and state are their own. Differs: a new replica is Creating (as ReplicateKey
// returns it) and Updating lasts for the call only: both settle at the next request; only kms:ReplicateKey on the primary is authorized.
import { keyArn } from '../arn.js';
import type { Call } from '../call.js';
import type { EngineCore } from '../core.js';
import { DAY_MS } from '../days.js';
import { AlreadyExistsException, NotFoundException, UnsupportedOperationException, ValidationException } from '../errors.js';
import type { KeyMaterial } from '../model/key-material.js';
import { keyMetadata, type KeyRecord } from '../model/key.js';
import { isReplica } from '../model/multi-region.js';
import { requestParametersOf } from '../../aws/request-parameters.js';
import type { Store } from '../store.js';
import { toHex } from '../crypto/blob.js';
import { optBool, optString, reqString, type Req } from '../validate.js';
import { checkNewPolicy } from './keys.js';
import { register } from './registry.js';
import { readTags, tagContext } from './tags.js';

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

/** Every key of the same multi-Region key (this one included), in any Region of the account. */
export function relatedKeys(store: Store, key: KeyRecord): KeyRecord[] {
  if (!key.multiRegion || !key.mrk) return [key];
  const regions = [key.mrk.primaryRegion, ...key.mrk.replicaRegions];
  return regions.map((r) => store.keys.get(keyArn(r, key.accountId, key.keyId))).filter((k): k is KeyRecord => k !== undefined);
}

/** The related key in `region`, for decrypting there what another Region encrypted. */
export function relatedIn(store: Store, key: KeyRecord, region: string): KeyRecord | undefined {
  if (!key.multiRegion) return undefined;
  const k = store.keys.get(keyArn(region, key.accountId, key.keyId));
  return k && k.multiRegion ? k : undefined;
}

/** Carries a new material generation of a primary to its replicas (rotation is a shared property). */
export function shareMaterial(store: Store, key: KeyRecord, m: KeyMaterial): void {
  for (const r of relatedKeys(store, key)) if (r !== key && !r.materials.some((x) => x.id === m.id)) r.materials.push({ ...m });
}

function setLinks(store: Store, keys: KeyRecord[], primaryRegion: string, replicaRegions: string[]): void {
  void store;
  for (const k of keys) k.mrk = { primaryRegion, replicaRegions: [...replicaRegions] };
}

/** After a related key is deleted: drop it from the configuration; a primary waiting in PendingReplicaDeletion starts its window. */
export function onKeyDeleted(core: EngineCore, key: KeyRecord, at: number): void {
  if (!key.multiRegion || !key.mrk) return;
  const others = [key.mrk.primaryRegion, ...key.mrk.replicaRegions]
    .filter((r) => r !== key.region)
    .map((r) => core.store.keys.get(keyArn(r, key.accountId, key.keyId)))
    .filter((k): k is KeyRecord => k !== undefined);
  const replicas = key.mrk.replicaRegions.filter((r) => r !== key.region);
  setLinks(core.store, others, key.mrk.primaryRegion, replicas);
  const primary = others.find((k) => k.region === key.mrk?.primaryRegion);
  if (primary && primary.state === 'PendingReplicaDeletion' && replicas.length === 0) {
    primary.state = 'PendingDeletion';
    primary.deletionDate = at + (primary.pendingWindowInDays ?? 30) * DAY_MS;
    core.changed();
  }
}

/** ScheduleKeyDeletion on a primary that still has replicas waits in PendingReplicaDeletion. */
export function waitForReplicas(key: KeyRecord): boolean {
  if (!key.multiRegion || !key.mrk || isReplica(key) || key.mrk.replicaRegions.length === 0) return false;
  key.state = 'PendingReplicaDeletion';
  delete key.deletionDate;
  return true;
}

register('ReplicateKey', false, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const region = reqString(req, 'ReplicaRegion', { max: 32, pattern: REGION });
  const policyIn = optString(req, 'Policy', { min: 1, max: 131_072 });
  const bypass = optBool(req, 'BypassPolicyLockoutSafetyCheck') ?? false;
  const description = optString(req, 'Description', { max: 8192 }) ?? '';
  const tags = readTags(req) ?? [];
  const primary = c.key(keyId, { context: { 'kms:ReplicaRegion': region, ...tagContext(tags) } });
  if (!primary.multiRegion) throw new UnsupportedOperationException(`${primary.arn} is not a multi-region key.`);
  if (isReplica(primary)) throw new UnsupportedOperationException(`${primary.arn} is not a multi-region primary key.`);
  if (region === primary.region) throw new ValidationException(`The replica Region ${region} must differ from the primary key's Region.`);
  const arn = keyArn(region, primary.accountId, primary.keyId);
  if (c.core.store.keys.has(arn)) throw new AlreadyExistsException(`${arn} already exists`);
  const at = c.now();
  const replica: KeyRecord = {
    ...primary,
    arn, region, description, tags, grants: [],
    handle: toHex(c.core.random.bytes(16)),
    creationDate: at,
    state: primary.state === 'Disabled' ? 'Disabled' : primary.state === 'PendingImport' ? 'PendingImport' : 'Enabled',
    policy: policyIn ?? c.core.access.defaultKeyPolicy(primary.accountId),
    materials: primary.materials.map((m) => ({ ...m })),
    // Rotation is a shared property: the primary rotates and carries new material here; the replica has no schedule of its own.
    rotation: { enabled: false, onDemandCount: primary.rotation.onDemandCount },
    imported: primary.imported ? JSON.parse(JSON.stringify({ ...primary.imported, parameters: undefined })) : undefined,
  };
  delete replica.deletionDate;
  delete replica.pendingWindowInDays;
  delete replica.lastUsage;
  // AWS returns the new replica in the Creating state; it leaves it when KMS has finished (here: at the next request).
  replica.settle = { at, state: replica.state };
  replica.state = 'Creating';
  if (policyIn !== undefined) checkNewPolicy(c, policyIn, replica, bypass, primary.accountId);
  c.core.store.addKey(replica);
  const all = relatedKeys(c.core.store, primary);
  const regions = [...(primary.mrk?.replicaRegions ?? []), region];
  setLinks(c.core.store, [...all, replica], primary.mrk?.primaryRegion ?? primary.region, regions);
  const response = { ReplicaKeyMetadata: keyMetadata(replica), ReplicaPolicy: replica.policy, ReplicaTags: tags.map((t) => ({ ...t })) };
  c.responseElements = requestParametersOf({ ReplicaKeyMetadata: response.ReplicaKeyMetadata });
  return response;
});

register('UpdatePrimaryRegion', false, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const region = reqString(req, 'PrimaryRegion', { max: 32, pattern: REGION });
  const key = c.key(keyId, { context: { 'kms:PrimaryRegion': region } });
  if (!key.multiRegion) throw new UnsupportedOperationException(`${key.arn} is not a multi-region key.`);
  if (isReplica(key)) throw new UnsupportedOperationException(`${key.arn} is not a multi-region primary key.`);
  const target = relatedIn(c.core.store, key, region);
  if (!target || region === key.region) throw new NotFoundException(`Key '${keyArn(region, key.accountId, key.keyId)}' does not exist`);
  const all = relatedKeys(c.core.store, key);
  const replicas = [key.region, ...(key.mrk?.replicaRegions ?? []).filter((r) => r !== region)];
  setLinks(c.core.store, all, region, replicas);
  // The rotation schedule moves with the primary role.
  target.rotation = { ...key.rotation };
  key.rotation = { enabled: false, onDemandCount: key.rotation.onDemandCount };
  // Both keys are Updating while the primary role moves (AWS: a few seconds; here until the next request).
  const at = c.now();
  for (const k of [key, target]) {
    k.settle = { at, state: k.state };
    k.state = 'Updating';
  }
  c.core.changed();
  return {};
});
