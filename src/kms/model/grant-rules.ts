// What CreateGrant accepts for a key: the grant operations its key type and usage support, and the grant constraints
// (encryption context only for symmetric encryption keys, at most 8 pairs and 384 characters; SourceArn for any key).
// https://docs.aws.amazon.com/kms/latest/developerguide/grants.html#terms-grant-operations , API_GrantConstraints.html
import { ValidationException } from '../errors.js';
import type { GrantRecord } from '../../aws/access.js';
import type { KeyRecord } from './key.js';

const ALWAYS = ['CreateGrant', 'DescribeKey', 'RetireGrant'];

/** The grant operations a key supports ("the operation must be supported on the KMS key"). */
export function grantOperationsFor(key: Pick<KeyRecord, 'keySpec' | 'keyUsage'>): string[] {
  if (key.keySpec === 'SYMMETRIC_DEFAULT') {
    return ['Decrypt', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'GenerateDataKeyPair',
      'GenerateDataKeyPairWithoutPlaintext', 'ReEncryptFrom', 'ReEncryptTo', ...ALWAYS];
  }
  switch (key.keyUsage) {
    case 'ENCRYPT_DECRYPT': return ['Decrypt', 'Encrypt', 'ReEncryptFrom', 'ReEncryptTo', 'GetPublicKey', ...ALWAYS];
    case 'SIGN_VERIFY': return ['Sign', 'Verify', 'GetPublicKey', ...ALWAYS];
    case 'GENERATE_VERIFY_MAC': return ['GenerateMac', 'VerifyMac', ...ALWAYS];
    case 'KEY_AGREEMENT': return ['DeriveSharedSecret', 'GetPublicKey', ...ALWAYS];
  }
}

/** ValidationException for an operation the key does not support (AWS: "KMS returns a ValidationError exception"; wording ours). */
export function checkGrantOperations(key: KeyRecord, operations: string[]): void {
  const allowed = grantOperationsFor(key);
  const bad = operations.filter((o) => !allowed.includes(o));
  if (bad.length > 0) {
    throw new ValidationException(`Grant operations [${bad.join(', ')}] are not supported for a KMS key with KeySpec ${key.keySpec} and KeyUsage ${key.keyUsage}.`);
  }
}

export type Constraints = NonNullable<GrantRecord['Constraints']>;
export const MAX_CONSTRAINT_PAIRS = 8;
export const MAX_CONSTRAINT_CHARS = 384;

function fail(detail: string): never {
  throw new ValidationException(detail);
}

/** Reads the Constraints structure (model shape GrantConstraints) and checks AWS's documented limits. */
export function readConstraints(v: unknown): Constraints | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) fail("1 validation error detected: Value at 'constraints' failed to satisfy constraint: Member must be a structure");
  const out: Constraints = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (k === 'SourceArn') {
      if (typeof x !== 'string' || x.length < 1 || x.length > 2048) fail("1 validation error detected: Value at 'constraints.sourceArn' failed to satisfy constraint: Member must have length between 1 and 2048");
      out.SourceArn = x as string;
      continue;
    }
    if (k !== 'EncryptionContextEquals' && k !== 'EncryptionContextSubset') fail(`Unknown grant constraint ${k}.`);
    if (!x || typeof x !== 'object' || Array.isArray(x) || Object.values(x).some((s) => typeof s !== 'string')) fail(`${k} must be a map of strings.`);
    const pairs = Object.entries(x as Record<string, string>);
    // "Each constraint value can include up to 8 encryption context pairs ... cannot exceed 384 characters." (wording ours)
    if (pairs.length > MAX_CONSTRAINT_PAIRS) fail(`${k} can have at most ${MAX_CONSTRAINT_PAIRS} encryption context pairs.`);
    const chars = pairs.reduce((n, [a, b]) => n + a.length + b.length, 0);
    if (chars > MAX_CONSTRAINT_CHARS) fail(`${k} can have at most ${MAX_CONSTRAINT_CHARS} characters.`);
    out[k as 'EncryptionContextEquals' | 'EncryptionContextSubset'] = { ...(x as Record<string, string>) };
  }
  if (out.EncryptionContextEquals && out.EncryptionContextSubset) fail('Specify either EncryptionContextEquals or EncryptionContextSubset, not both.');
  return out;
}

/** Encryption context constraints are valid only in grants for symmetric encryption keys. */
export function checkConstraintsFit(key: KeyRecord, c: Constraints | undefined): void {
  if (!c) return;
  if ((c.EncryptionContextEquals || c.EncryptionContextSubset) && key.keySpec !== 'SYMMETRIC_DEFAULT') {
    fail(`Encryption context grant constraints are supported only for symmetric encryption KMS keys; ${key.arn} has KeySpec ${key.keySpec}.`);
  }
}
