// CreateKey, DescribeKey, ListKeys, UpdateKeyDescription, EnableKey, DisableKey as the KMS API reference defines them.
// Differs: non-symmetric key specs are recorded without key material; custom key store origins are refused.
import type { Call } from '../call.js';
import { CustomKeyStoreNotFoundException, LimitExceededException, MalformedPolicyDocumentException, UnsupportedOperationException, ValidationException, invalidMarker } from '../errors.js';
import { customKeyStoreNotFoundMessage } from './custom-key-stores.js';
import { KEY_SPEC_USAGES, keyMetadata, type KeyUsage, type Origin } from '../model/key.js';
import { CHINA_ONLY_SPECS, CHINA_REGIONS, CUSTOMER_MASTER_KEY_SPECS, KEY_SPECS, KEY_USAGE_TYPES, ORIGIN_TYPES } from '../model/enums.js';
import { page, pageFields } from '../../aws/paging.js';
import { requestParametersOf } from '../../aws/request-parameters.js';
import { optBool, optString, optStringList, paging, reqString, type Req } from '../validate.js';
import { register } from './registry.js';
import { readTags, tagContext } from './tags.js';

export const MAX_POLICY_BYTES = 32_768;

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

// https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html
register('CreateKey', false, (c: Call, req: Req) => {
  const description = optString(req, 'Description', { max: 8192 }) ?? '';
  const usageIn = optString(req, 'KeyUsage', { enum: KEY_USAGE_TYPES }) as KeyUsage | undefined;
  const legacySpec = optString(req, 'CustomerMasterKeySpec', { enum: CUSTOMER_MASTER_KEY_SPECS });
  const specIn = optString(req, 'KeySpec', { enum: KEY_SPECS });
  const origin = (optString(req, 'Origin', { enum: ORIGIN_TYPES }) ?? 'AWS_KMS') as Origin;
  optString(req, 'CustomKeyStoreId', { min: 1, max: 64 });
  optString(req, 'XksKeyId', { min: 1, max: 128, pattern: /^[a-zA-Z0-9-_.]+$/ });
  const policyIn = optString(req, 'Policy', { min: 1, max: 131_072 });
  const bypass = optBool(req, 'BypassPolicyLockoutSafetyCheck') ?? false;
  const multiRegion = optBool(req, 'MultiRegion') ?? false;
  const tags = readTags(req) ?? [];
  if (specIn && legacySpec) throw new ValidationException('You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is deprecated.');
  const keySpec = specIn ?? legacySpec ?? 'SYMMETRIC_DEFAULT';
  // "This parameter is optional when you are creating a symmetric encryption KMS key; otherwise, it is required."
  if (usageIn === undefined && keySpec !== 'SYMMETRIC_DEFAULT') {
    throw new ValidationException('You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.');
  }
  const keyUsage = usageIn ?? 'ENCRYPT_DECRYPT';
  if (!KEY_SPEC_USAGES[keySpec].includes(keyUsage)) throw new ValidationException(`KeyUsage ${keyUsage} is not compatible with KeySpec ${keySpec}`);
  if (CHINA_ONLY_SPECS.has(keySpec) && !CHINA_REGIONS.has(c.caller.region)) {
    throw new UnsupportedOperationException(`KeySpec ${keySpec} is not supported in this Region`);
  }
  if (origin === 'AWS_CLOUDHSM' || origin === 'EXTERNAL_KEY_STORE' || req.CustomKeyStoreId !== undefined) {
    // The account has no custom key store (custom-key-stores.ts): AWS answers a missing store with CustomKeyStoreNotFoundException.
    throw new CustomKeyStoreNotFoundException(customKeyStoreNotFoundMessage(req.CustomKeyStoreId));
  }
  if (multiRegion && origin !== 'AWS_KMS' && origin !== 'EXTERNAL') {
    throw new UnsupportedOperationException('Multi-Region keys are not supported in custom key stores.');
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
  // From the ARNs alone (arn:aws:kms:<region>:<account>:key/<id>): listing reads no key from the sandbox's key log.
  const prefix = `arn:aws:kms:${c.caller.region}:${c.caller.accountId}:key/`;
  const mine = [...c.core.store.keys.arns()].filter((arn) => arn.startsWith(prefix));
  const p = page(mine, limit, marker, invalidMarker);
  return { Keys: p.items.map((arn) => ({ KeyId: arn.slice(prefix.length), KeyArn: arn })), ...pageFields(p) };
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
