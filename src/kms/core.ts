// The engine's shared machinery: simulated time, key/material creation, the authorization request, AWS managed
// keys on first use, and KMS's own timed events (DeleteKey, RotateKey). Differs: events run exactly at their due time.
import { keyArn } from './arn.js';
import { DAY_MS } from './days.js';
import { EVENT_VERSION, eventIds, eventTimeOf, type AuditEvent, type EventHistory } from '../aws/cloudtrail.js';
import { toHex } from './crypto/blob.js';
import { generateKeyMaterial } from './crypto/keygen.js';
import { expireImported, importExpiry } from './operations/import.js';
import { onKeyDeleted, shareMaterial } from './operations/multi-region.js';
import type { KeyMaterial, RotationType } from './model/key-material.js';
import type { KeyRecord } from './model/key.js';
import { uuidFrom, hexFrom, type Clock, type Random } from '../aws/ports.js';
import { Store, type AliasRecord } from './store.js';
import type { DueKind, KeyDue, KeyRef } from './key-table.js';
import type { AccessControl, ConditionContext, Decision } from '../aws/access.js';
import type { Caller } from '../aws/caller.js';

export interface EngineSettings {
  /** How long a new grant takes to become effective without its grant token (AWS: eventual consistency). */
  grantPropagationMs: number;
  /** Room for later settings (throttling ...). */
  [name: string]: unknown;
}

export const DEFAULT_SETTINGS: EngineSettings = { grantPropagationMs: 60_000 };

/** Services whose alias/aws/<service> AWS creates on first use (a subset of AWS's predefined aliases). */
export const AWS_MANAGED_SERVICES = [
  'acm', 'backup', 'codecommit', 'dynamodb', 'ebs', 'elasticfilesystem', 'es', 'fsx', 'glue', 'kinesis', 'kinesisvideo',
  'lambda', 'lightsail', 'rds', 'redshift', 's3', 'secretsmanager', 'sns', 'sqs', 'ssm', 'xray',
];

export class EngineCore {
  readonly store = new Store();
  offsetMs = 0;
  highWaterMs = -Infinity;
  private nextDue: number | undefined | null = null; // null = recompute

  constructor(
    readonly clock: Clock,
    public random: Random,
    readonly access: AccessControl,
    /** The world's CloudTrail event history, which KMS records into. */
    readonly trail: EventHistory,
    public settings: EngineSettings,
  ) {}

  /** Simulated epoch ms: the wall clock plus the offset, never going backwards. */
  now(): number {
    const t = this.clock.now() + this.offsetMs;
    if (t > this.highWaterMs) this.highWaterMs = t;
    return this.highWaterMs;
  }

  // ---- authorization -------------------------------------------------------------------------------------

  conditionBase(caller: Caller, key: KeyRecord | undefined): ConditionContext {
    const ctx: ConditionContext = { 'kms:CallerAccount': caller.accountId };
    if (caller.viaService) ctx['kms:ViaService'] = caller.viaService;
    if (caller.sourceArn) ctx['aws:SourceArn'] = caller.sourceArn;
    if (key) {
      ctx['kms:KeyOrigin'] = key.origin;
      ctx['kms:KeySpec'] = key.keySpec;
      ctx['kms:KeyUsage'] = key.keyUsage;
      ctx['kms:KeyManager'] = key.keyManager;
      ctx['kms:MultiRegion'] = key.multiRegion;
      ctx['kms:ResourceAliases'] = this.store.aliasesOf(key).map((a) => a.aliasName);
    }
    return ctx;
  }

  decide(
    action: string,
    key: KeyRecord | undefined,
    caller: Caller,
    extra: { context?: ConditionContext; encryptionContext?: Record<string, string>; grantTokens?: string[]; policyOverride?: string; resourceArn?: string } = {},
  ): Decision {
    const context = { ...this.conditionBase(caller, key), ...extra.context };
    if (extra.encryptionContext) {
      const keys = Object.keys(extra.encryptionContext);
      for (const k of keys) context[`kms:EncryptionContext:${k}`] = extra.encryptionContext[k];
      context['kms:EncryptionContextKeys'] = keys;
    }
    return this.access.authorize(
      {
        action,
        caller,
        resourceArn: extra.resourceArn ?? key?.arn ?? '*',
        keyAccountId: key?.accountId,
        keyRegion: key?.region,
        keyPolicy: extra.policyOverride ?? key?.policy,
        keyManager: key?.keyManager,
        grants: extra.policyOverride !== undefined ? [] : (key?.grants ?? []),
        grantTokens: extra.grantTokens,
        encryptionContext: extra.encryptionContext,
        context,
        now: this.now(),
      },
    );
  }

  denyMessage(caller: Caller, action: string, resource: string): string {
    return `User: ${caller.principal.arn} is not authorized to perform: ${action} on resource: ${resource} because no resource-based policy allows the ${action} action`;
  }

  // ---- keys and material ---------------------------------------------------------------------------------

  newMaterial(at: number, rotationType?: RotationType): KeyMaterial {
    const m: KeyMaterial = { id: hexFrom(this.random, 32), bytes: this.random.bytes(32), createdAt: at };
    if (rotationType) m.rotationType = rotationType;
    return m;
  }

  newKey(p: Pick<KeyRecord, 'accountId' | 'region' | 'description' | 'keyUsage' | 'keySpec' | 'origin' | 'keyManager' | 'multiRegion' | 'policy'> & { tags?: KeyRecord['tags']; keyId?: string }): KeyRecord {
    const at = this.now();
    const keyId = p.keyId ?? (p.multiRegion ? `mrk-${hexFrom(this.random, 16)}` : uuidFrom(this.random));
    const withMaterial = p.keySpec === 'SYMMETRIC_DEFAULT' && p.origin === 'AWS_KMS';
    const other = !withMaterial && p.origin === 'AWS_KMS' ? generateKeyMaterial(p.keySpec, this.random) : undefined;
    return {
      keyId,
      arn: keyArn(p.region, p.accountId, keyId),
      accountId: p.accountId,
      region: p.region,
      handle: toHex(this.random.bytes(16)),
      creationDate: at,
      description: p.description,
      keyUsage: p.keyUsage,
      keySpec: p.keySpec,
      origin: p.origin,
      keyManager: p.keyManager,
      multiRegion: p.multiRegion,
      state: p.origin === 'EXTERNAL' ? 'PendingImport' : 'Enabled',
      policy: p.policy,
      tags: p.tags ?? [],
      grants: [],
      materials: withMaterial ? [this.newMaterial(at)] : other ? [{ id: hexFrom(this.random, 32), bytes: other, createdAt: at }] : [],
      rotation: { enabled: false, onDemandCount: 0 },
    };
  }

  /** The AWS managed key behind alias/aws/<service>, created on first use in the caller's account and Region. */
  awsManagedAlias(accountId: string, region: string, aliasName: string): AliasRecord | undefined {
    const m = /^alias\/aws\/([a-z0-9-]+)$/.exec(aliasName);
    if (!m || !AWS_MANAGED_SERVICES.includes(m[1])) return undefined;
    const service = m[1];
    const key = this.newKey({
      accountId, region, keyUsage: 'ENCRYPT_DECRYPT', keySpec: 'SYMMETRIC_DEFAULT', origin: 'AWS_KMS', keyManager: 'AWS', multiRegion: false,
      description: `Default key that protects my ${service} data when no other key is defined`,
      policy: this.access.awsManagedKeyPolicy(accountId, service, region),
    });
    key.awsService = service;
    key.rotation = { enabled: true, periodDays: 365, nextRotationDate: key.creationDate + 365 * DAY_MS, onDemandCount: 0 };
    this.store.addKey(key);
    const alias: AliasRecord = { aliasName, accountId, region, targetKeyId: key.keyId, creationDate: key.creationDate, lastUpdatedDate: key.creationDate };
    this.store.putAlias(alias);
    this.changed();
    return alias;
  }

  rotate(key: KeyRecord, type: RotationType, at: number): KeyMaterial {
    const m = this.newMaterial(at, type);
    key.materials.push(m);
    shareMaterial(this.store, key, m);
    return m;
  }

  // ---- timed events --------------------------------------------------------------------------------------

  /** Call after any change that may move a deletion or rotation date. */
  changed(): void {
    this.nextDue = null;
  }

  /** The earliest timed event, when the caller knows it (a loaded state's saved due dates): saves a scan of every key. */
  knownNextDue(at: number | undefined): void {
    this.nextDue = at;
  }

  private earliest(): { key: KeyRecord; at: number; kind: DueKind } | undefined {
    let best: { key: KeyRecord | KeyRef; at: number; kind: DueKind } | undefined;
    // A key still in the key log is scheduled by the due date saved with it; it is read only when it is due.
    for (const k of this.store.keys.all()) {
      const d = Array.isArray(k) ? (k[4] === undefined ? undefined : { at: k[4], kind: k[5]! }) : keyDue(k);
      if (d && (!best || d.at < best.at)) best = { key: k, ...d };
    }
    if (!best) return undefined;
    if (!Array.isArray(best.key)) return { key: best.key, at: best.at, kind: best.kind };
    // Read it, then look again: its record, not the saved date, is the truth.
    this.store.keys.get(best.key[0]);
    return this.earliest();
  }

  /** Runs every deletion and rotation due at or before `upTo`, in time order (ties: key creation order). */
  runDue(upTo: number): void {
    if (this.nextDue === null) this.nextDue = this.earliest()?.at;
    if (this.nextDue === undefined || this.nextDue > upTo) return;
    for (;;) {
      const e = this.earliest();
      if (!e || e.at > upTo) {
        this.nextDue = e?.at;
        return;
      }
      if (e.kind === 'settle') {
        // Creating / Updating end: the key takes the state it was heading for.
        e.key.state = e.key.settle!.state;
        delete e.key.settle;
      } else if (e.kind === 'expire') {
        expireImported(this, e.key, e.at);
      } else if (e.kind === 'delete') {
        this.store.removeKey(e.key);
        this.serviceEvent('DeleteKey', e.key, e.at);
        onKeyDeleted(this, e.key, e.at);
      } else {
        const m = this.rotate(e.key, 'AUTOMATIC', e.at);
        e.key.rotation.nextRotationDate = e.at + (e.key.rotation.periodDays ?? 365) * DAY_MS;
        this.serviceEvent('RotateKey', e.key, e.at, { keyMaterialId: m.id, rotationType: 'AUTOMATIC' });
      }
    }
  }

  serviceEvent(name: 'DeleteKey' | 'RotateKey' | 'DeleteExpiredKeyMaterial', key: KeyRecord, at: number, additional?: Record<string, unknown>): void {
    const time = eventTimeOf(at);
    const e: AuditEvent = {
      eventVersion: EVENT_VERSION,
      userIdentity: { type: 'AWSService', accountId: key.accountId, invokedBy: 'AWS Internal' },
      eventTime: time,
      eventSource: 'kms.amazonaws.com',
      eventName: name,
      awsRegion: key.region,
      sourceIPAddress: 'AWS Internal',
      userAgent: 'AWS Internal',
      requestParameters: null,
      responseElements: null,
      ...eventIds(this.random),
      readOnly: false,
      resources: [{ accountId: key.accountId, type: 'AWS::KMS::Key', ARN: key.arn }],
      eventType: 'AwsServiceEvent',
      managementEvent: true,
      recipientAccountId: key.accountId,
      eventCategory: 'Management',
    };
    if (additional) e.additionalEventData = additional;
    this.trail.record(e);
  }
}

/** When something next happens to a key on its own (deletion, rotation, expiry of imported material, a transient state settling). */
export function keyDue(key: KeyRecord): KeyDue | undefined {
  if (key.settle) return { at: key.settle.at, kind: 'settle' };
  const exp = importExpiry(key);
  if (exp !== undefined && !(key.state === 'PendingDeletion' && (key.deletionDate ?? Infinity) <= exp)) return { at: exp, kind: 'expire' };
  if (key.state === 'PendingDeletion' && key.deletionDate !== undefined) return { at: key.deletionDate, kind: 'delete' };
  if (key.state === 'Enabled' && key.rotation.enabled && key.rotation.nextRotationDate !== undefined) {
    return { at: key.rotation.nextRotationDate, kind: 'rotate' };
  }
  return undefined;
}
