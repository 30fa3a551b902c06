// KMS request quotas as token buckets on the simulated clock: symmetric cryptographic operations share one bucket per
// account and Region, RSA and ECC operations have their own, and control-plane operations may get per-operation rates.
// Differs: off by default (labs turn it on); no "hot key" throttling; AWS's burst behaviour is undocumented (we allow one second).
import type { Call } from '../call.js';
import type { EngineCore } from '../core.js';
import { ThrottlingException } from '../errors.js';
import { parseKeyRef } from '../arn.js';

/** `settings.throttling` of the engine (requests per second; AWS defaults in the comments). */
export interface ThrottlingSettings {
  enabled: boolean;
  /** Shared by Encrypt, Decrypt, ReEncrypt, GenerateDataKey(WithoutPlaintext), GenerateMac, VerifyMac, GenerateRandom (AWS: 10,000+). */
  symmetricPerSecond?: number;
  /** Cryptographic operations with RSA keys (AWS: 1,000). */
  rsaPerSecond?: number;
  /** Cryptographic operations with ECC keys (AWS: 1,000). */
  eccPerSecond?: number;
  /** Control-plane rates by operation name, e.g. { CreateKey: 5 }. */
  perOperation?: Record<string, number>;
  /** Bucket size in seconds of the rate (default 1: a burst of one second's quota). */
  burstSeconds?: number;
}

export const THROTTLING_MESSAGE = 'You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.';

const SYMMETRIC_OPS = new Set(['Encrypt', 'Decrypt', 'ReEncrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'GenerateMac', 'VerifyMac', 'GenerateRandom']);
const ASYMMETRIC_OPS = new Set(['Sign', 'Verify', 'Encrypt', 'Decrypt', 'ReEncrypt', 'GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext', 'DeriveSharedSecret']);

interface Bucket {
  tokens: number;
  at: number;
}
const BUCKETS = new WeakMap<EngineCore, Map<string, Bucket>>();

/** The quota a request counts against: [bucket name, rate per second], or undefined when unlimited. */
export function quotaOf(core: EngineCore, t: ThrottlingSettings, operation: string, req: Record<string, unknown>, account: string, region: string): [string, number] | undefined {
  const spec = ASYMMETRIC_OPS.has(operation) ? keySpecOf(core, req, account, region) : undefined;
  if (spec?.startsWith('RSA_') && t.rsaPerSecond !== undefined) return ['rsa', t.rsaPerSecond];
  if (spec?.startsWith('ECC_') && t.eccPerSecond !== undefined) return ['ecc', t.eccPerSecond];
  if (SYMMETRIC_OPS.has(operation) && (spec === undefined || spec === 'SYMMETRIC_DEFAULT' || spec.startsWith('HMAC_'))) {
    return t.symmetricPerSecond !== undefined ? ['symmetric', t.symmetricPerSecond] : undefined;
  }
  const rate = t.perOperation?.[operation];
  return rate !== undefined ? [`op:${operation}`, rate] : undefined;
}

/** The spec of the key a request names (KeyId / DestinationKeyId), without authorization; undefined if unknown. */
function keySpecOf(core: EngineCore, req: Record<string, unknown>, account: string, region: string): string | undefined {
  const ref = typeof req.KeyId === 'string' ? req.KeyId : typeof req.DestinationKeyId === 'string' ? req.DestinationKeyId : undefined;
  const p = ref ? parseKeyRef(ref) : undefined;
  if (!p) return undefined;
  const acct = p.kind === 'keyArn' || p.kind === 'aliasArn' ? p.accountId : account;
  const reg = p.kind === 'keyArn' || p.kind === 'aliasArn' ? p.region : region;
  const keyId = p.kind === 'aliasName' || p.kind === 'aliasArn' ? core.store.getAlias(acct, reg, p.aliasName)?.targetKeyId : p.keyId;
  return keyId ? core.store.keys.get(`arn:aws:kms:${reg}:${acct}:key/${keyId}`)?.keySpec : undefined;
}

/** Takes one token from the request's bucket or throws ThrottlingException (the engine logs it like any error). */
export function throttle(call: Call, req: Record<string, unknown>): void {
  const t = call.core.settings.throttling as ThrottlingSettings | undefined;
  if (!t?.enabled) return;
  const { accountId, region } = call.caller;
  const quota = quotaOf(call.core, t, call.operation, req, accountId, region);
  if (!quota || !(quota[1] > 0)) return;
  const [name, rate] = quota;
  const capacity = Math.max(1, rate * (t.burstSeconds ?? 1));
  let buckets = BUCKETS.get(call.core);
  if (!buckets) BUCKETS.set(call.core, (buckets = new Map()));
  const id = `${accountId}|${region}|${name}`;
  const now = call.now();
  const b = buckets.get(id) ?? { tokens: capacity, at: now };
  b.tokens = Math.min(capacity, b.tokens + ((now - b.at) / 1000) * rate);
  b.at = now;
  buckets.set(id, b);
  if (b.tokens < 1) throw new ThrottlingException(THROTTLING_MESSAGE);
  b.tokens -= 1;
}
