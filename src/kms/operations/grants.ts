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
import { checkConstraintsFit, checkGrantOperations, readConstraints } from '../model/grant-rules.js';

export const GRANT_OPERATIONS = [
  'Decrypt', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'ReEncryptFrom', 'ReEncryptTo', 'Sign', 'Verify',
  'GetPublicKey', 'CreateGrant', 'RetireGrant', 'DescribeKey', 'GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext',
  'GenerateMac', 'VerifyMac', 'DeriveSharedSecret',
] as const;
export const MAX_GRANTS_PER_KEY = 50_000;
const DRY_RUN = 'The request would have succeeded, but the DryRun option is set.';

/** The grant API view (ListGrants shape) without the simulator's bookkeeping. */
export function grantView(g: GrantRecord): Record<string, unknown> {
  const out: Record<string, unknown> = { KeyId: g.KeyId, GrantId: g.GrantId };
  if (g.Name !== undefined) out.Name = g.Name;
  out.CreationDate = new Date(g.CreationDate);
  if (g.GranteePrincipal) out.GranteePrincipal = g.GranteePrincipal;
  if (g.GranteeServicePrincipal !== undefined) out.GranteeServicePrincipal = g.GranteeServicePrincipal;
  if (g.RetiringPrincipal !== undefined) out.RetiringPrincipal = g.RetiringPrincipal;
  if (g.RetiringServicePrincipal !== undefined) out.RetiringServicePrincipal = g.RetiringServicePrincipal;
  out.IssuingAccount = g.IssuingAccount;
  out.Operations = [...g.Operations];
  if (g.Constraints) out.Constraints = JSON.parse(JSON.stringify(g.Constraints));
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** An AWS service principal such as dynamodb.amazonaws.com (pattern ours; the model bounds it to 1–256 characters). */
const SERVICE_PRINCIPAL = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/;

function newToken(c: Call): string {
  return Buffer.from(c.core.random.bytes(96)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateGrant.html ; service principals and SourceArn since
// 6 March 2026 (https://docs.aws.amazon.com/kms/latest/developerguide/create-grant-overview.html).
register('CreateGrant', false, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const grantee = optString(req, 'GranteePrincipal', { min: 1, max: 256 });
  const granteeService = optString(req, 'GranteeServicePrincipal', { min: 1, max: 256, pattern: SERVICE_PRINCIPAL });
  const retiring = optString(req, 'RetiringPrincipal', { min: 1, max: 256 });
  const retiringService = optString(req, 'RetiringServicePrincipal', { min: 1, max: 256, pattern: SERVICE_PRINCIPAL });
  const operations = required(optStringList(req, 'Operations', { min: 1, itemEnum: GRANT_OPERATIONS }), 'Operations');
  const constraints = readConstraints(req.Constraints);
  const grantTokens = optStringList(req, 'GrantTokens', { max: 10 });
  const name = optString(req, 'Name', { min: 1, max: 256, pattern: /^[a-zA-Z0-9:/_-]+$/ });
  const dryRun = optBool(req, 'DryRun') ?? false;
  // Wording ours for these rules (documented, but AWS's messages are not).
  if ((grantee === undefined) === (granteeService === undefined)) throw new ValidationException('Specify either GranteePrincipal or GranteeServicePrincipal, but not both.');
  if (retiring !== undefined && retiringService !== undefined) throw new ValidationException('Specify either RetiringPrincipal or RetiringServicePrincipal, but not both.');
  if (granteeService !== undefined) {
    if (!constraints?.SourceArn) throw new ValidationException('A grant for a GranteeServicePrincipal requires a SourceArn grant constraint.');
    if (retiring === undefined && retiringService === undefined) throw new ValidationException('A grant for a GranteeServicePrincipal requires a RetiringPrincipal or a RetiringServicePrincipal.');
  }
  const constraintType = constraints ? Object.keys(constraints).filter((k) => k !== 'SourceArn')[0] : undefined;
  const key = c.key(keyId, {
    crossAccount: true,
    grantTokens,
    context: {
      'kms:GrantOperations': operations,
      'kms:GranteePrincipal': grantee,
      'kms:GranteeServicePrincipal': granteeService,
      'kms:RetiringPrincipal': retiring,
      'kms:RetiringServicePrincipal': retiringService,
      'kms:GrantConstraintType': constraintType,
      'kms:GrantConstraintSourceArn': constraints?.SourceArn,
      'kms:GrantIsForAWSResource': c.caller.isForAwsResource ?? false,
    },
  });
  const uniqueOps = [...new Set(operations)];
  checkGrantOperations(key, uniqueOps);
  checkConstraintsFit(key, constraints);
  if (dryRun) throw new DryRunOperationException(DRY_RUN);
  if (name !== undefined) {
    // A retry (same Name and properties) returns the same grant ID with a new grant token; both tokens stay valid.
    const twin = key.grants.find(
      (g) => g.Name === name && g.GranteePrincipal === (grantee ?? '') && g.GranteeServicePrincipal === granteeService &&
        g.RetiringPrincipal === retiring && g.RetiringServicePrincipal === retiringService && same(g.Operations, uniqueOps) && same(g.Constraints, constraints),
    );
    if (twin) {
      const token = newToken(c);
      twin.retryTokens = [...(twin.retryTokens ?? []), token];
      c.responseElements = { grantId: twin.GrantId, keyId: key.arn };
      return { GrantToken: token, GrantId: twin.GrantId };
    }
  }
  if (key.grants.length >= MAX_GRANTS_PER_KEY) throw new LimitExceededException(`A KMS key can have at most ${MAX_GRANTS_PER_KEY} grants.`);
  const now = c.now();
  const grant: GrantRecord = {
    KeyId: key.arn,
    GrantId: hexFrom(c.core.random, 32),
    CreationDate: now,
    GranteePrincipal: grantee ?? '',
    IssuingAccount: rootArn(c.caller.accountId),
    Operations: uniqueOps,
    token: newToken(c),
    effectiveAt: now + c.core.settings.grantPropagationMs,
  };
  if (name !== undefined) grant.Name = name;
  if (granteeService !== undefined) grant.GranteeServicePrincipal = granteeService;
  if (retiring !== undefined) grant.RetiringPrincipal = retiring;
  if (retiringService !== undefined) grant.RetiringServicePrincipal = retiringService;
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
  // RetiringPrincipal or (since March 2026) RetiringServicePrincipal, not both (wording ours).
  const retiring = optString(req, 'RetiringPrincipal', { min: 1, max: 256 });
  const retiringService = optString(req, 'RetiringServicePrincipal', { min: 1, max: 256, pattern: SERVICE_PRINCIPAL });
  if ((retiring === undefined) === (retiringService === undefined)) throw new ValidationException('Specify either RetiringPrincipal or RetiringServicePrincipal, but not both.');
  const { limit, marker } = paging(req, 100, 50);
  c.authorize('kms:ListRetirableGrants', undefined);
  const grants: GrantRecord[] = [];
  for (const k of c.core.store.keys.values()) {
    if (k.region !== c.caller.region) continue;
    for (const g of k.grants) if (retiring !== undefined ? g.RetiringPrincipal === retiring : g.RetiringServicePrincipal === retiringService) grants.push(g);
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
    const grant = key.grants.find((g) => g.token === token || (g.retryTokens ?? []).includes(token));
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
