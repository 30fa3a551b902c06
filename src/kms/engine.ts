// The simulated AWS KMS facade: each operation = validate -> resolve key -> authorize -> check key state -> act -> audit.
// Differs: authorization runs before the key-state check (a denied caller learns nothing about the key's state).
import { DEFAULT_SOURCE_IP, DEFAULT_USER_AGENT, EVENT_VERSION, eventIds, eventTimeOf, userIdentityOf, type AuditEvent, type EventHistory } from '../aws/cloudtrail.js';
import { Call } from './call.js';
import { DEFAULT_SETTINGS, EngineCore, type EngineSettings } from './core.js';
import { KMSInternalException } from './errors.js';
import { ServiceException, UnknownOperationException } from '../aws/errors.js';
import { keyMetadata, type KeyView } from './model/key.js';
import { OPERATIONS } from './operations/index.js';
import { throttle } from './operations/throttling.js';
import type { Clock, Random } from '../aws/ports.js';
import { loadState, saveState, type EngineStateDocument, type KeyStorage, type StoredStateDocument } from './state.js';
import type { AccessControl, ConditionContext, Decision } from '../aws/access.js';
import { serviceHostOf, type Caller } from '../aws/caller.js';
import { requestParametersOf } from '../aws/request-parameters.js';
import { parseKeyRef } from './arn.js';
import { recordUsage } from './operations/last-usage.js';

export type { EngineSettings } from './core.js';
export type { EngineStateDocument, KeyStorage, StoredStateDocument } from './state.js';
export type { KeyView } from './model/key.js';

export interface EngineOptions {
  /** Wall clock; simulated time = clock.now() + the state's offset (never goes backwards). */
  clock: Clock;
  random: Random;
  /** The access-control decision (the world binds src/policy to its identities); there is no default. */
  access: AccessControl;
  /** The world's CloudTrail event history every call is recorded into. */
  trail: EventHistory;
  /** A saved state to continue from. */
  state?: EngineStateDocument | StoredStateDocument;
  /** Where the keys of a state that keeps them outside the document are read (the sandbox's key log). */
  keyStorage?: KeyStorage;
}

export class KmsEngine {
  private readonly core: EngineCore;

  constructor(opts: EngineOptions) {
    this.core = new EngineCore(opts.clock, opts.random, opts.access, opts.trail, { ...DEFAULT_SETTINGS });
    if (opts.state !== undefined) loadState(this.core, opts.state, opts.keyStorage);
  }

  /** Runs one KMS API operation by its AWS name with an AWS-shaped request. Every call appends one audit event. */
  execute(operation: string, request: Record<string, unknown>, caller: Caller): Record<string, unknown> {
    const core = this.core;
    core.runDue(core.now());
    const def = OPERATIONS.get(operation);
    const call = new Call(core, operation, caller);
    try {
      if (!def) throw new UnknownOperationException(`The operation ${operation} is not supported by the simulator.`);
      throttle(call, request ?? {});
      const response = def.handler(call, request ?? {});
      if (!def.readOnly) core.changed();
      this.log(call, request, def.readOnly, undefined);
      return response;
    } catch (err) {
      const e = err instanceof ServiceException ? err : new KMSInternalException(`Internal error: ${(err as Error)?.message ?? String(err)}`);
      if (e !== err) (e as Error & { cause?: unknown }).cause = err;
      core.changed();
      this.log(call, request, def?.readOnly ?? false, e);
      throw e;
    }
  }

  /** The authorization decision for `action` on a key as `caller`: no side effects, no audit. */
  simulate(
    action: string,
    keyId: string | undefined,
    caller: Caller,
    extra: { context?: ConditionContext; encryptionContext?: Record<string, string>; grantTokens?: string[] } = {},
  ): Decision {
    let key;
    if (keyId !== undefined) {
      const p = parseKeyRef(keyId);
      const account = p && (p.kind === 'keyArn' || p.kind === 'aliasArn') ? p.accountId : caller.accountId;
      const region = p && (p.kind === 'keyArn' || p.kind === 'aliasArn') ? p.region : caller.region;
      key = this.inspect(keyId, account, region);
      if (!key) {
        return { allowed: false, reason: 'NoResourcePolicyAllows', message: `Key '${keyId}' does not exist`, trace: [{ source: 'rule', id: 'key-lookup', matched: false, detail: `no key ${keyId} in ${account}/${region}` }] };
      }
    }
    const ctx: ConditionContext = { ...extra.context };
    if (keyId && parseKeyRef(keyId)?.kind.startsWith('alias')) ctx['kms:RequestAlias'] = (parseKeyRef(keyId) as { aliasName: string }).aliasName;
    return this.core.decide(action, key, caller, { ...extra, context: ctx });
  }

  /** Simulated epoch ms. */
  now(): number {
    return this.core.now();
  }

  /** Moves the simulated clock, running every due deletion and rotation in time order. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advance(ms) needs a non-negative number of milliseconds');
    const target = this.core.now() + ms;
    this.core.runDue(target);
    this.core.offsetMs += ms;
    if (this.core.highWaterMs < target) this.core.highWaterMs = target;
  }

  operations(): string[] {
    return [...OPERATIONS.keys()].sort();
  }

  /** The world's event history this engine records into (read-only view; the world owns it). */
  get audit(): readonly AuditEvent[] {
    return this.core.trail.events;
  }

  get settings(): EngineSettings {
    return this.core.settings;
  }
  set settings(value: EngineSettings) {
    this.core.settings = value;
  }

  /** Read-only view of a key by id, ARN, alias name or alias ARN (no audit, no authorization). */
  inspectKey(keyIdOrArnOrAlias: string, account: string, region: string): KeyView | undefined {
    const key = this.inspect(keyIdOrArnOrAlias, account, region);
    return key ? this.view(key) : undefined;
  }

  /** Reads these keys (by ARN) into memory if they are still in their store; unknown ARNs are skipped. */
  readKeys(arns: Iterable<string>): void {
    for (const arn of arns) this.core.store.keys.get(arn);
  }

  /** Every key in every account and Region. */
  listKeyViews(): KeyView[] {
    return [...this.core.store.keys.values()].map((k) => this.view(k));
  }

  toJSON(): EngineStateDocument {
    return saveState(this.core);
  }

  /** The state with every key in `storage` and a reference to it in the document (only changed keys are written). */
  toStoredJSON(storage: KeyStorage): StoredStateDocument {
    return saveState(this.core, storage);
  }

  /** Loads a saved state document; throws a clear Error on a bad or unknown-version document. */
  static fromJSON(doc: unknown, opts: Omit<EngineOptions, 'state'>): KmsEngine {
    return new KmsEngine({ ...opts, state: doc as EngineStateDocument });
  }

  // ---- internals -----------------------------------------------------------------------------------------

  private inspect(ref: string, account: string, region: string) {
    const p = parseKeyRef(ref);
    if (!p) return undefined;
    const acct = p.kind === 'keyArn' || p.kind === 'aliasArn' ? p.accountId : account;
    const reg = p.kind === 'keyArn' || p.kind === 'aliasArn' ? p.region : region;
    let keyId: string | undefined;
    if (p.kind === 'aliasName' || p.kind === 'aliasArn') keyId = this.core.store.getAlias(acct, reg, p.aliasName)?.targetKeyId;
    else keyId = p.keyId;
    return keyId ? this.core.store.keys.get(`arn:aws:kms:${reg}:${acct}:key/${keyId}`) : undefined;
  }

  private view(key: import('./model/key.js').KeyRecord): KeyView {
    const pending = key.state === 'PendingDeletion';
    return {
      KeyMetadata: keyMetadata(key),
      Aliases: this.core.store.aliasesOf(key).map((a) => a.aliasName),
      Policy: key.policy,
      Grants: key.grants.map((g) => JSON.parse(JSON.stringify(g)) as typeof g),
      Tags: key.tags.map((t) => ({ ...t })),
      Rotation: {
        KeyRotationEnabled: key.rotation.enabled && !pending,
        ...(key.rotation.enabled && !pending ? { RotationPeriodInDays: key.rotation.periodDays, NextRotationDate: new Date(key.rotation.nextRotationDate ?? 0) } : {}),
        OnDemandRotations: key.rotation.onDemandCount,
      },
      KeyMaterialIds: key.materials.map((m) => m.id),
    };
  }

  private log(call: Call, request: Record<string, unknown>, readOnly: boolean, error: ServiceException | undefined): void {
    const { caller } = call;
    const eventTime = eventTimeOf(this.core.now());
    const event: AuditEvent = {
      eventVersion: EVENT_VERSION,
      userIdentity: userIdentityOf(caller, eventTime),
      eventTime,
      eventSource: 'kms.amazonaws.com',
      eventName: call.operation,
      awsRegion: caller.region,
      sourceIPAddress: caller.viaService ? serviceHostOf(caller.viaService) : (caller.sourceIp ?? DEFAULT_SOURCE_IP),
      userAgent: caller.viaService ? serviceHostOf(caller.viaService) : (caller.userAgent ?? DEFAULT_USER_AGENT),
      requestParameters: requestParametersOf(request),
      responseElements: error ? null : call.responseElements,
      ...eventIds(this.core.random),
      readOnly,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: caller.accountId,
      eventCategory: 'Management',
    };
    if (error) {
      event.errorCode = error.code === 'AccessDeniedException' ? 'AccessDenied' : error.code;
      event.errorMessage = error.message;
    }
    if (call.additionalEventData && !error) event.additionalEventData = call.additionalEventData;
    if (!error) recordUsage(call.operation, call.resources, this.core.now(), event.eventID, event.requestID);
    if (call.resources.length > 0) {
      event.resources = call.resources.map((k) => ({ accountId: k.accountId, type: 'AWS::KMS::Key', ARN: k.arn }));
    }
    this.core.trail.record(event);
  }
}
