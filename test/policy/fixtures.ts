// Shared fixtures for the access-control tests: a key in 111122223333, the study accounts' roles and users,
// and a request builder that computes the kms:* keys the engine would (encryption context keys).
import type { AuthzRequest, ConditionContext, GrantRecord } from '../../src/aws/access.js';
import type { IamState } from '../../src/iam/types.js';
import { defaultIamState, principalFromArn } from '../../src/iam/index.js';
import { identityDirectory } from '../../src/iam/directory.js';
import { awsManagedKeyPolicy, createAccessControl, defaultKeyPolicy, validateKeyPolicy, type AccessControlOptions } from '../../src/policy/index.js';

export const A = '111122223333';
export const B = '444455556666';
export const C = '555566667777';
export const KEY = `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const ALIAS = `arn:aws:kms:us-east-1:${A}:alias/app-data`;
export const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);

export const ALICE = `arn:aws:iam::${A}:user/alice`;
export const ADMIN = `arn:aws:iam::${A}:user/admin`;
export const APP_ROLE = `arn:aws:iam::${A}:role/app`;
export const APP_SESSION = `arn:aws:sts::${A}:assumed-role/app/worker-1`;
export const ETL_ROLE = `arn:aws:iam::${B}:role/etl`;
export const ETL_SESSION = `arn:aws:sts::${B}:assumed-role/etl/nightly`;
export const EXT_SESSION = `arn:aws:sts::${C}:assumed-role/partner/p1`;

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

/** Default state plus user alice (no policies), role app in A, role etl in B, role partner in C. */
export function studyIam(): IamState {
  const iam = defaultIamState();
  iam.users.push({ name: 'alice', arn: ALICE, userId: 'AIDAEXAMPLEALICE0001', accountId: A, createDate: T0, inlinePolicies: {}, attachedPolicies: [] });
  const role = (account: string, name: string, id: string) =>
    iam.roles.push({ name, arn: `arn:aws:iam::${account}:role/${name}`, roleId: id, accountId: account, createDate: T0, assumeRolePolicyDocument: TRUST, inlinePolicies: {}, attachedPolicies: [] });
  role(A, 'app', 'AROAEXAMPLEAPPROLE01');
  role(B, 'etl', 'AROAEXAMPLEETLROLE01');
  role(C, 'partner', 'AROAEXAMPLEPARTNER01');
  return iam;
}

type Json = Record<string, unknown>;

export function policy(...statements: Json[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

export const rootStatement = (account = A): Json => ({ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' });

export function grant(over: Partial<GrantRecord>): GrantRecord {
  return {
    KeyId: KEY,
    GrantId: 'grant-1',
    CreationDate: T0 - 60_000,
    GranteePrincipal: APP_ROLE,
    IssuingAccount: `arn:aws:iam::${A}:root`,
    Operations: ['Decrypt'],
    token: 'token-1',
    effectiveAt: T0 - 1,
    ...over,
  };
}

export interface RequestSpec {
  caller: string;
  action: string;
  keyPolicy?: string;
  resource?: string;
  keyAccount?: string;
  keyManager?: 'AWS' | 'CUSTOMER';
  via?: string;
  sourceIp?: string;
  ec?: Record<string, string>;
  context?: ConditionContext;
  grants?: GrantRecord[];
  grantTokens?: string[];
  now?: number;
}

/** An AuthzRequest as the engine would build it for `spec`. */
export function request(iam: IamState, spec: RequestSpec): AuthzRequest {
  const principal = principalFromArn(iam, spec.caller);
  const context: ConditionContext = {};
  if (spec.ec) {
    for (const [k, v] of Object.entries(spec.ec)) context[`kms:EncryptionContext:${k}`] = v;
    context['kms:EncryptionContextKeys'] = Object.keys(spec.ec);
  }
  Object.assign(context, spec.context);
  const resourceArn = spec.resource ?? KEY;
  return {
    action: spec.action,
    caller: { principal, accountId: principal.accountId, region: 'us-east-1', viaService: spec.via, sourceIp: spec.sourceIp },
    resourceArn,
    keyAccountId: resourceArn === '*' ? undefined : (spec.keyAccount ?? A),
    keyRegion: resourceArn === '*' ? undefined : 'us-east-1',
    keyPolicy: resourceArn === '*' ? undefined : spec.keyPolicy,
    keyManager: spec.keyManager ?? 'CUSTOMER',
    grants: spec.grants ?? [],
    grantTokens: spec.grantTokens,
    encryptionContext: spec.ec,
    context,
    now: spec.now ?? T0,
  };
}

/** Gives the entity behind `arn` (user, or role of a session) an inline policy. */
export function withIdentityPolicy(iam: IamState, arn: string, doc: string, name = 'case-policy'): void {
  const user = iam.users.find((u) => u.arn === arn);
  const roleName = /assumed-role\/([^/]+)\//.exec(arn)?.[1] ?? /:role\/(.+)$/.exec(arn)?.[1];
  const entity = user ?? iam.roles.find((r) => r.name === roleName && arn.includes(r.accountId));
  if (!entity) throw new Error(`no entity for ${arn}`);
  entity.inlinePolicies[name] = doc;
}

/** The simulator's access control bound to a test's IamState per call: `ac.authorize(req, iam)`. */
export function studyAccess(opts: Omit<AccessControlOptions, 'identities'> = {}) {
  const bound = (iam: IamState) => createAccessControl({ ...opts, identities: identityDirectory(iam) });
  return {
    authorize: (req: AuthzRequest, iam: IamState) => bound(iam).authorize(req),
    /** Throws KeyPolicyError with AWS's MalformedPolicyDocumentException message. */
    validateKeyPolicy: (document: string, keyAccountId: string, iam: IamState) => validateKeyPolicy(document, keyAccountId, identityDirectory(iam)),
    defaultKeyPolicy,
    awsManagedKeyPolicy,
  };
}
