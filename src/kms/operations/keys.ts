// CreateKey, DescribeKey, ListKeys, UpdateKeyDescription, EnableKey, DisableKey as the KMS API reference defines them.
// Differs: non-symmetric key specs are recorded without key material; custom key store origins are refused.
import type { Call } from '../call.js';
import { LimitExceededException, MalformedPolicyDocumentException, UnsupportedOperationException, ValidationException, invalidMarker } from '../errors.js';
import { KEY_SPEC_USAGES, keyMetadata, type KeyUsage, type Origin } from '../model/key.js';
import { page, pageFields } from '../../aws/paging.js';
import { requestParametersOf } from '../../aws/request-parameters.js';
import { optBool, optString, optStringList, paging, reqString, type Req } from '../validate.js';
import { register } from './registry.js';
import { readTags, tagContext } from './tags.js';

export const MAX_POLICY_BYTES = 32_768;
const KEY_USAGES = ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT'] as const;
const ORIGINS = ['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'] as const;

/** The policy checks shared by CreateKey and PutKeyPolicy: size, syntax (the decision's validator), lockout safety. */
export function checkNewPolicy(c: Call, policy: string, key: Parameters<Call['core']['decide']>[1], bypass: boolean, accountId: string): void {
  if (new TextEncoder().encode(policy).length > MAX_POLICY_BYTES) {
    throw new LimitExceededException(`The key policy exceeds the maximum size of ${MAX_POLICY_BYTES} bytes.`);
  }
  const problem = c.core.access.keyPolicyProblem(policy, accountId);
  if (problem !== undefined) throw new MalformedPolicyDocumentException(problem);
  if (!bypass) {
    const d = c.core.decide('kms:PutKeyPolicy', key, c.caller, { policyOverride: policy });
    if (!d.allowed) throw new MalformedPolicyDocumentException('The new key policy will not allow you to update the key policy in the future.');
  }
}

register('CreateKey', false, (c: Call, req: Req) => {
  const description = optString(req, 'Description', { max: 8192 }) ?? '';
  const usageIn = optString(req, 'KeyUsage', { enum: KEY_USAGES }) as KeyUsage | undefined;
  const specIn = optString(req, 'KeySpec', { enum: Object.keys(KEY_SPEC_USAGES) });
  const legacySpec = optString(req, 'CustomerMasterKeySpec', { enum: Object.keys(KEY_SPEC_USAGES) });
  if (specIn && legacySpec) throw new ValidationException('You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is deprecated.');
  const keySpec = specIn ?? legacySpec ?? 'SYMMETRIC_DEFAULT';
  const origin = (optString(req, 'Origin', { enum: ORIGINS }) ?? 'AWS_KMS') as Origin;
  const policyIn = optString(req, 'Policy', { min: 1, max: 131_072 });
  const bypass = optBool(req, 'BypassPolicyLockoutSafetyCheck') ?? false;
  const multiRegion = optBool(req, 'MultiRegion') ?? false;
  const tags = readTags(req) ?? [];
  const allowed = KEY_SPEC_USAGES[keySpec];
  const keyUsage = usageIn ?? allowed[0];
  if (!allowed.includes(keyUsage)) {
    throw new ValidationException(`You cannot create a KMS key with a KeyUsage of ${keyUsage} and a KeySpec of ${keySpec}.`);
  }
  if (origin === 'AWS_CLOUDHSM' || origin === 'EXTERNAL_KEY_STORE' || req.CustomKeyStoreId !== undefined) {
    throw new UnsupportedOperationException('Custom key stores are not available in this simulator.');
  }
  const accountId = c.caller.accountId;
  c.authorize('kms:CreateKey', undefined, {
    context: {
      'kms:KeySpec': keySpec, 'kms:KeyUsage': keyUsage, 'kms:KeyOrigin': origin, 'kms:MultiRegion': multiRegion,
      'kms:BypassPolicyLockoutSafetyCheck': bypass, ...(multiRegion ? { 'kms:MultiRegionKeyType': 'PRIMARY' } : {}), ...tagContext(tags),
    },
  });
  // CreateKey with Tags also needs kms:TagResource (IAM policy), as the API reference says.
  if (tags.length > 0) c.authorize('kms:TagResource', undefined, { context: tagContext(tags) });
  const key = c.core.newKey({
    accountId, region: c.caller.region, description, keyUsage, keySpec, origin, keyManager: 'CUSTOMER', multiRegion,
    policy: policyIn ?? c.core.access.defaultKeyPolicy(accountId), tags,
  });
  if (policyIn !== undefined) checkNewPolicy(c, policyIn, key, bypass, accountId);
  c.core.store.addKey(key);
  c.resources.push(key);
  const response = { KeyMetadata: keyMetadata(key) };
  c.responseElements = requestParametersOf(response);
  return response;
});

register('DescribeKey', true, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const grantTokens = optStringList(req, 'GrantTokens', { max: 10 });
  const key = c.key(keyId, { aliasOk: true, crossAccount: true, grantTokens });
  return { KeyMetadata: keyMetadata(key) };
});

register('ListKeys', true, (c: Call, req: Req) => {
  const { limit, marker } = paging(req);
  c.authorize('kms:ListKeys', undefined);
  const mine = [...c.core.store.keys.values()].filter((k) => k.accountId === c.caller.accountId && k.region === c.caller.region);
  const p = page(mine, limit, marker, invalidMarker);
  return { Keys: p.items.map((k) => ({ KeyId: k.keyId, KeyArn: k.arn })), ...pageFields(p) };
});

register('UpdateKeyDescription', false, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const description = optString(req, 'Description', { max: 8192 });
  if (description === undefined) throw new ValidationException("1 validation error detected: Value null at 'description' failed to satisfy constraint: Member must not be null");
  const key = c.key(keyId);
  key.description = description;
  return {};
});

register('EnableKey', false, (c: Call, req: Req) => {
  const key = c.key(reqString(req, 'KeyId', { max: 2048 }));
  if (key.state === 'Disabled') key.state = 'Enabled';
  return {};
});

register('DisableKey', false, (c: Call, req: Req) => {
  const key = c.key(reqString(req, 'KeyId', { max: 2048 }));
  if (key.state === 'Enabled') key.state = 'Disabled';
  return {};
});
