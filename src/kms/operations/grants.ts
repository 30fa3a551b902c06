// CreateGrant, ListGrants, ListRetirableGrants, RetireGrant, RevokeGrant: storage and validation of grants.
// The allow decision lives in src/policy. Differs: grant tokens are ours; a new grant is effective after settings.grantPropagationMs.
import { rootArn } from '../../aws/arn.js';
import type { Call } from '../call.js';
import { AccessDeniedException, DryRunOperationException, InvalidGrantIdException, InvalidGrantTokenException, LimitExceededException, NotFoundException, ValidationException, invalidMarker } from '../errors.js';
import type { KeyRecord } from '../model/key.js';
import { page, pageFields } from '../../aws/paging.js';
import { hexFrom } from '../../aws/ports.js';
import type { GrantRecord } from '../../aws/access.js';
import { optBool, optString, optStringList, paging, reqString, required, type Req } from '../validate.js';
import { register } from './registry.js';

export const GRANT_OPERATIONS = [
  'Decrypt', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'ReEncryptFrom', 'ReEncryptTo', 'Sign', 'Verify',
  'GetPublicKey', 'CreateGrant', 'RetireGrant', 'DescribeKey', 'GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext',
  'GenerateMac', 'VerifyMac', 'DeriveSharedSecret',
] as const;
export const MAX_GRANTS_PER_KEY = 50_000;
const DRY_RUN = 'The request would have succeeded, but the DryRun option is set.';

type Constraints = NonNullable<GrantRecord['Constraints']>;

function readConstraints(req: Req): Constraints | undefined {
  const v = req.Constraints;
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw new ValidationException('Constraints must be a structure.');
  const out: Constraints = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (k !== 'EncryptionContextEquals' && k !== 'EncryptionContextSubset') throw new ValidationException(`Unknown grant constraint ${k}.`);
    if (!x || typeof x !== 'object' || Object.values(x).some((s) => typeof s !== 'string')) throw new ValidationException(`${k} must be a map of strings.`);
    out[k] = { ...(x as Record<string, string>) };
  }
  return out;
}

/** The grant API view (ListGrants shape) without the simulator's bookkeeping. */
export function grantView(g: GrantRecord): Record<string, unknown> {
  const out: Record<string, unknown> = { KeyId: g.KeyId, GrantId: g.GrantId };
  if (g.Name !== undefined) out.Name = g.Name;
  out.CreationDate = new Date(g.CreationDate);
  out.GranteePrincipal = g.GranteePrincipal;
  if (g.RetiringPrincipal !== undefined) out.RetiringPrincipal = g.RetiringPrincipal;
  out.IssuingAccount = g.IssuingAccount;
  out.Operations = [...g.Operations];
  if (g.Constraints) out.Constraints = JSON.parse(JSON.stringify(g.Constraints));
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

register('CreateGrant', false, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const grantee = reqString(req, 'GranteePrincipal', { max: 256 });
  const retiring = optString(req, 'RetiringPrincipal', { min: 1, max: 256 });
  const operations = required(optStringList(req, 'Operations', { min: 1, itemEnum: GRANT_OPERATIONS }), 'Operations');
  const constraints = readConstraints(req);
  const grantTokens = optStringList(req, 'GrantTokens', { max: 10 });
  const name = optString(req, 'Name', { min: 1, max: 256, pattern: /^[a-zA-Z0-9:/_-]+$/ });
  const dryRun = optBool(req, 'DryRun') ?? false;
  const key = c.key(keyId, {
    crossAccount: true,
    grantTokens,
    context: {
      'kms:GrantOperations': operations,
      'kms:GranteePrincipal': grantee,
      'kms:RetiringPrincipal': retiring,
      'kms:GrantConstraintType': constraints ? Object.keys(constraints)[0] : undefined,
      'kms:GrantIsForAWSResource': c.caller.isForAwsResource ?? false,
    },
  });
  if (dryRun) throw new DryRunOperationException(DRY_RUN);
  const uniqueOps = [...new Set(operations)];
  if (name !== undefined) {
    const twin = key.grants.find((g) => g.Name === name && g.GranteePrincipal === grantee && g.RetiringPrincipal === retiring && same(g.Operations, uniqueOps) && same(g.Constraints, constraints));
    if (twin) return { GrantToken: twin.token, GrantId: twin.GrantId };
  }
  if (key.grants.length >= MAX_GRANTS_PER_KEY) throw new LimitExceededException(`A KMS key can have at most ${MAX_GRANTS_PER_KEY} grants.`);
  const now = c.now();
  const grant: GrantRecord = {
    KeyId: key.arn,
    GrantId: hexFrom(c.core.random, 32),
    CreationDate: now,
    GranteePrincipal: grantee,
    IssuingAccount: rootArn(c.caller.accountId),
    Operations: uniqueOps,
    token: Buffer.from(c.core.random.bytes(96)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
    effectiveAt: now + c.core.settings.grantPropagationMs,
  };
  if (name !== undefined) grant.Name = name;
  if (retiring !== undefined) grant.RetiringPrincipal = retiring;
  if (constraints) grant.Constraints = constraints;
  key.grants.push(grant);
  c.responseElements = { grantId: grant.GrantId, keyId: key.arn };
  return { GrantToken: grant.token, GrantId: grant.GrantId };
});

register('ListGrants', true, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const grantId = optString(req, 'GrantId', { min: 1, max: 128 });
  const grantee = optString(req, 'GranteePrincipal', { min: 1, max: 256 });
  const { limit, marker } = paging(req, 100, 50);
  const key = c.key(keyId, { crossAccount: true, context: { 'kms:GrantIsForAWSResource': c.caller.isForAwsResource ?? false } });
  const grants = key.grants.filter((g) => (grantId === undefined || g.GrantId === grantId) && (grantee === undefined || g.GranteePrincipal === grantee));
  const p = page(grants, limit, marker, invalidMarker);
  return { Grants: p.items.map(grantView), ...pageFields(p) };
});

register('ListRetirableGrants', true, (c: Call, req: Req) => {
  const retiring = reqString(req, 'RetiringPrincipal', { max: 256 });
  const { limit, marker } = paging(req, 100, 50);
  c.authorize('kms:ListRetirableGrants', undefined);
  const grants: GrantRecord[] = [];
  for (const k of c.core.store.keys.values()) {
    if (k.region !== c.caller.region) continue;
    for (const g of k.grants) if (g.RetiringPrincipal === retiring) grants.push(g);
  }
  const p = page(grants, limit, marker, invalidMarker);
  return { Grants: p.items.map(grantView), ...pageFields(p) };
});

/** Whether the caller is `principal` (a user/role ARN, an assumed-role session of that role, or the account root). */
function callerIs(c: Call, principal: string | undefined): boolean {
  if (!principal) return false;
  const p = c.caller.principal;
  return p.arn === principal || p.roleArn === principal || (p.type === 'Root' && principal === rootArn(c.caller.accountId));
}

function findByToken(c: Call, token: string): { key: KeyRecord; grant: GrantRecord } {
  for (const key of c.core.store.keys.values()) {
    const grant = key.grants.find((g) => g.token === token);
    if (grant) return { key, grant };
  }
  throw new InvalidGrantTokenException('The grant token is not valid.');
}

register('RetireGrant', false, (c: Call, req: Req) => {
  const token = optString(req, 'GrantToken', { min: 1, max: 8192 });
  const keyId = optString(req, 'KeyId', { min: 1, max: 2048 });
  const grantId = optString(req, 'GrantId', { min: 1, max: 128 });
  const dryRun = optBool(req, 'DryRun') ?? false;
  let key: KeyRecord;
  let grant: GrantRecord | undefined;
  if (token !== undefined) {
    ({ key, grant } = findByToken(c, token));
    c.resources.push(key);
  } else {
    if (keyId === undefined || grantId === undefined) throw new ValidationException('Specify either the GrantToken, or both the KeyId and the GrantId.');
    key = c.resolve(keyId, { crossAccount: true });
    if (!/^[0-9a-f]{64}$/.test(grantId)) throw new InvalidGrantIdException(`Invalid grant ID ${grantId}.`);
    grant = key.grants.find((g) => g.GrantId === grantId);
    if (!grant) throw new NotFoundException(`Grant ID ${grantId} not found.`);
  }
  const g = grant;
  const issuer = g.IssuingAccount.split(':')[4];
  const allowed =
    callerIs(c, g.RetiringPrincipal) ||
    (callerIs(c, g.GranteePrincipal) && g.Operations.includes('RetireGrant')) ||
    (c.caller.accountId === issuer && (c.caller.principal.type === 'Root' || c.core.decide('kms:RetireGrant', key, c.caller).allowed));
  if (!allowed) throw new AccessDeniedException(c.core.denyMessage(c.caller, 'kms:RetireGrant', key.arn));
  if (dryRun) throw new DryRunOperationException(DRY_RUN);
  key.grants = key.grants.filter((x) => x !== g);
  return {};
});

register('RevokeGrant', false, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const grantId = reqString(req, 'GrantId', { max: 128 });
  const dryRun = optBool(req, 'DryRun') ?? false;
  const key = c.key(keyId, { crossAccount: true, context: { 'kms:GrantIsForAWSResource': c.caller.isForAwsResource ?? false } });
  const grant = key.grants.find((g) => g.GrantId === grantId);
  if (!grant) throw new NotFoundException(`Grant ID ${grantId} not found.`);
  if (dryRun) throw new DryRunOperationException(DRY_RUN);
  key.grants = key.grants.filter((g) => g !== grant);
  return {};
});
