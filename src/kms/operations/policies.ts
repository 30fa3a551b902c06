// PutKeyPolicy (validation, 32 KB, lockout safety check), GetKeyPolicy, ListKeyPolicies: one policy named "default".
// Differs: the exception for a PolicyName other than "default" is not documented; we answer NotFoundException.
import type { Call } from '../call.js';
import { NotFoundException, invalidMarker } from '../errors.js';
import { page, pageFields } from '../../aws/paging.js';
import { optBool, optString, paging, reqString, type Req } from '../validate.js';
import { checkNewPolicy } from './keys.js';
import { register } from './registry.js';

function policyName(req: Req): string {
  const name = optString(req, 'PolicyName', { min: 1, max: 128, pattern: /^[\w]+$/ }) ?? 'default';
  if (name !== 'default') throw new NotFoundException(`No such policy exists: ${name}. The only key policy name is "default".`);
  return name;
}

register('PutKeyPolicy', false, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const policy = reqString(req, 'Policy', { max: 131_072 });
  policyName(req);
  const bypass = optBool(req, 'BypassPolicyLockoutSafetyCheck') ?? false;
  const key = c.key(keyId, { context: { 'kms:BypassPolicyLockoutSafetyCheck': bypass } });
  checkNewPolicy(c, policy, key, bypass, key.accountId);
  key.policy = policy;
  return {};
});

register('GetKeyPolicy', true, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const name = policyName(req);
  const key = c.key(keyId);
  return { Policy: key.policy, PolicyName: name };
});

register('ListKeyPolicies', true, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const { limit, marker } = paging(req);
  c.key(keyId);
  const p = page(['default'], limit, marker, invalidMarker);
  return { PolicyNames: p.items, ...pageFields(p) };
});
