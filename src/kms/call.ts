// One KMS request in flight: resolve the key (NotFoundException rules), authorize (AccessDeniedException), check
// the key state (the one table). Authorization comes BEFORE the state check so a denied caller learns nothing.
import { aliasArn, keyArn, parseKeyRef } from './arn.js';
import { AccessDeniedException, NotFoundException } from './errors.js';
import type { EngineCore } from './core.js';
import type { KeyRecord } from './model/key.js';
import { assertUsable } from './model/key-states.js';
import type { Caller } from '../aws/caller.js';
import type { ConditionContext } from '../aws/access.js';

export interface KeyOptions {
  /** The IAM action, e.g. 'kms:Encrypt'; default `kms:<operation>`. */
  action?: string;
  /** Whether alias names/ARNs are accepted (crypto ops and DescribeKey); default false (key ID or key ARN only). */
  aliasOk?: boolean;
  /** Whether a key ARN may name another account's key; default false ("Cross-account use: No"). */
  crossAccount?: boolean;
  /** Row of the allowed-states table; default the operation; null = no state check. */
  stateOp?: string | null;
  /** Extra condition keys (kms:EncryptionContext:..., kms:GrantOperations ...). */
  context?: ConditionContext;
  encryptionContext?: Record<string, string>;
  grantTokens?: string[];
}

/** Operations an account may never perform on an AWS managed key: its key policy allows none of them. */
const AWS_MANAGED_FORBIDDEN = new Set([
  'PutKeyPolicy', 'EnableKey', 'DisableKey', 'ScheduleKeyDeletion', 'CancelKeyDeletion', 'EnableKeyRotation',
  'DisableKeyRotation', 'RotateKeyOnDemand', 'UpdateKeyDescription', 'TagResource', 'UntagResource', 'CreateAlias', 'UpdateAlias',
]);

export class Call {
  /** Keys the call touched (CloudTrail `resources`). */
  readonly resources: KeyRecord[] = [];
  responseElements: Record<string, unknown> | null = null;
  additionalEventData?: Record<string, unknown>;

  constructor(
    readonly core: EngineCore,
    readonly operation: string,
    readonly caller: Caller,
  ) {}

  now(): number {
    return this.core.now();
  }

  /** resolve -> authorize -> assertUsable, the fixed order of every key operation. */
  key(ref: string, opts: KeyOptions = {}): KeyRecord {
    return this.use(this.resolve(ref, opts), opts, ref);
  }

  /** authorize -> assertUsable for a key found another way (Decrypt: the key named inside the ciphertext). */
  use(key: KeyRecord, opts: KeyOptions = {}, requestedRef?: string): KeyRecord {
    if (!this.resources.includes(key)) this.resources.push(key);
    this.authorize(opts.action ?? `kms:${this.operation}`, key, opts, requestedRef);
    this.checkManaged(key, opts.action);
    if (opts.stateOp !== null) assertUsable(key, opts.stateOp ?? this.operation);
    return key;
  }

  /** Finds the key a KeyId parameter names, as the caller's account and Region see it. */
  resolve(ref: string, opts: Pick<KeyOptions, 'aliasOk' | 'crossAccount'> = {}): KeyRecord {
    const { caller } = this;
    const parsed = parseKeyRef(ref);
    if (!parsed || (!opts.aliasOk && (parsed.kind === 'aliasName' || parsed.kind === 'aliasArn'))) {
      throw new NotFoundException(`Invalid keyId '${ref}'`);
    }
    let account = caller.accountId;
    const region = caller.region;
    if (parsed.kind === 'keyArn' || parsed.kind === 'aliasArn') {
      // AWS answers a key ARN of another Region with "Invalid arn <region>" (the Region the request was sent to).
      if (parsed.region !== caller.region) throw new NotFoundException(`Invalid arn ${caller.region}`);
      account = parsed.accountId;
    }
    let keyId: string;
    if (parsed.kind === 'aliasName' || parsed.kind === 'aliasArn') {
      const alias = this.core.store.getAlias(account, region, parsed.aliasName)
        ?? (account === caller.accountId ? this.core.awsManagedAlias(account, region, parsed.aliasName) : undefined);
      if (!alias) throw new NotFoundException(`Alias ${aliasArn(region, account, parsed.aliasName)} is not found.`);
      keyId = alias.targetKeyId;
    } else {
      keyId = parsed.keyId;
    }
    const arn = keyArn(region, account, keyId);
    const key = this.core.store.keys.get(arn);
    if (!key) throw new NotFoundException(`Key '${arn}' does not exist`);
    if (key.accountId !== caller.accountId && !opts.crossAccount) {
      // "Cross-account use: No" in the API reference; the exact AWS answer is undocumented (we deny).
      throw new AccessDeniedException(this.core.denyMessage(caller, `kms:${this.operation}`, key.arn));
    }
    if (!this.resources.includes(key)) this.resources.push(key);
    return key;
  }

  /** Asks the access-control decision; throws AccessDeniedException with its message when denied. */
  authorize(action: string, key: KeyRecord | undefined, opts: KeyOptions = {}, requestedRef?: string): void {
    const decision = this.core.decide(action, key, this.caller, {
      context: { ...this.requestAliasContext(requestedRef), ...opts.context },
      encryptionContext: opts.encryptionContext,
      grantTokens: opts.grantTokens,
    });
    if (!decision.allowed) {
      throw new AccessDeniedException(decision.message ?? this.core.denyMessage(this.caller, action, key?.arn ?? '*'));
    }
  }

  private requestAliasContext(ref: string | undefined): ConditionContext {
    if (!ref) return {};
    const p = parseKeyRef(ref);
    if (p?.kind === 'aliasName' || p?.kind === 'aliasArn') return { 'kms:RequestAlias': p.aliasName };
    return {};
  }

  private checkManaged(key: KeyRecord, action?: string): void {
    if (key.keyManager === 'AWS' && AWS_MANAGED_FORBIDDEN.has(this.operation)) {
      throw new AccessDeniedException(this.core.denyMessage(this.caller, action ?? `kms:${this.operation}`, key.arn));
    }
  }
}
