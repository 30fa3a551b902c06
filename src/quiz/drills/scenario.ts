// A policy-evaluation drill scenario as plain data, and how it becomes the AuthzRequest + IamState that the
// simulator's own access-control decision (src/policy) evaluates. Only the identities the drills need exist.
import type { IamState } from '../../iam/types.js';
import type { Principal } from '../../aws/caller.js';
import { defaultIamState } from '../../iam/state.js';
import type { AuthzRequest, ConditionContext, GrantRecord } from '../../aws/access.js';

export const KEY_ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666'; // same organization as KEY_ACCOUNT in defaultIamState()
export const ORG_ID = 'o-a1b2c3d4e5';
export const PARTNER_ACCOUNT = '555566667777'; // outside the organization
export const KEY_ARN = `arn:aws:kms:us-east-1:${KEY_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const DRILL_NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const GRANT_TOKEN = 'AQpAM2RhZTk1MGMyNTk2ZmZmMzEyYWVhOWViN2I1MWM4Mzc0MWFiYjc0ZDE1ODkyNGFlNTIzODZhMzgyZjBlNGY3NiKIAgEBAgB4Pa6VDCWW__';

export const USER_ARN = `arn:aws:iam::${KEY_ACCOUNT}:user/alice`;
export const ROLE_ARN = `arn:aws:iam::${KEY_ACCOUNT}:role/app-role`;
export const OTHER_USER_ARN = `arn:aws:iam::${OTHER_ACCOUNT}:user/bob`;
export const PARTNER_USER_ARN = `arn:aws:iam::${PARTNER_ACCOUNT}:user/carol`;

/** Who calls: an IAM user of the key's account, a role session of it, or a user of another account (in or outside the organization). */
export type CallerKind = 'user' | 'role' | 'other-account' | 'partner-account';
export const CALLER_KINDS: readonly CallerKind[] = ['user', 'role', 'other-account', 'partner-account'];
/** Whom the key policy's named Allow statement names. */
export type NamedPrincipal = 'user' | 'role' | 'other-account-root';
export type DrillAction = 'kms:Decrypt' | 'kms:Encrypt' | 'kms:GenerateDataKey' | 'kms:ScheduleKeyDeletion';

/** One condition of a statement; Deny statements use the negated operator ("deny unless ..."). */
export type Cond =
  | { kind: 'encryption-context'; key: string; value: string }
  | { kind: 'via-service'; service: string }
  | { kind: 'source-ip'; cidr: string }
  | { kind: 'org'; orgId: string };

export interface GrantSpec {
  /** Whose identity the grant names as GranteePrincipal (a role session uses a grant made for its role). */
  grantee: CallerKind;
  operations: string[]; // 'Decrypt', 'Encrypt', ...
  constraint?: { type: 'EncryptionContextEquals' | 'EncryptionContextSubset'; context: Record<string, string> };
  /** The grant was created long enough ago to be effective everywhere. */
  propagated: boolean;
  /** The caller passes the grant's token in GrantTokens. */
  tokenPassed: boolean;
}

export interface RequestSpec {
  encryptionContext?: Record<string, string>;
  viaService?: string;
  sourceIp?: string;
}

/** The elements a variant changes one at a time. */
export interface DrillScenario {
  /** The key policy has the "Enable IAM User Permissions" statement for the key's account. */
  delegation: boolean;
  /** The key policy's Allow statement naming a principal directly. */
  named: { principal: NamedPrincipal; actions: DrillAction[]; condition?: Cond };
  /** A Deny statement for Principal "*" in the key policy. */
  keyDeny?: { actions: DrillAction[]; condition?: Cond };
  /** The caller's IAM identity policy (absent: the caller has none). */
  identity?: { allow: DrillAction[]; condition?: Cond; deny?: DrillAction[] };
  grant?: GrantSpec;
  caller: CallerKind;
  action: DrillAction;
  request: RequestSpec;
}

export const SCENARIO_ELEMENTS = ['delegation', 'named', 'keyDeny', 'identity', 'grant', 'caller', 'action', 'request'] as const;
export type ScenarioElement = (typeof SCENARIO_ELEMENTS)[number];

function conditionBlock(c: Cond | undefined, deny: boolean): Record<string, unknown> | undefined {
  if (!c) return undefined;
  switch (c.kind) {
    case 'encryption-context':
      return { [deny ? 'StringNotEquals' : 'StringEquals']: { [`kms:EncryptionContext:${c.key}`]: c.value } };
    case 'via-service':
      return { [deny ? 'StringNotEquals' : 'StringEquals']: { 'kms:ViaService': c.service } };
    case 'source-ip':
      return { [deny ? 'NotIpAddress' : 'IpAddress']: { 'aws:SourceIp': c.cidr } };
    case 'org':
      return { [deny ? 'StringNotEquals' : 'StringEquals']: { 'aws:PrincipalOrgID': c.orgId } };
  }
}

function statement(sid: string, effect: 'Allow' | 'Deny', principal: unknown, actions: string[], cond: Cond | undefined, deny: boolean): Record<string, unknown> {
  const st: Record<string, unknown> = { Sid: sid, Effect: effect };
  if (principal !== undefined) st.Principal = principal;
  st.Action = actions.length === 1 ? actions[0] : actions;
  st.Resource = '*';
  const c = conditionBlock(cond, deny);
  if (c) st.Condition = c;
  return st;
}

const NAMED_ARN: Record<NamedPrincipal, string> = { user: USER_ARN, role: ROLE_ARN, 'other-account-root': `arn:aws:iam::${OTHER_ACCOUNT}:root` };

export function keyPolicyOf(s: DrillScenario): Record<string, unknown> {
  const statements: Record<string, unknown>[] = [];
  if (s.delegation) statements.push(statement('EnableIAMUserPermissions', 'Allow', { AWS: `arn:aws:iam::${KEY_ACCOUNT}:root` }, ['kms:*'], undefined, false));
  statements.push(statement('AllowNamedPrincipal', 'Allow', { AWS: NAMED_ARN[s.named.principal] }, s.named.actions, s.named.condition, false));
  if (s.keyDeny) statements.push(statement('DenyUnlessCondition', 'Deny', '*', s.keyDeny.actions, s.keyDeny.condition, true));
  return { Version: '2012-10-17', Statement: statements };
}

export function identityPolicyOf(s: DrillScenario): Record<string, unknown> | undefined {
  if (!s.identity) return undefined;
  const statements = [statement('AllowKmsUse', 'Allow', undefined, s.identity.allow, s.identity.condition, false)];
  if (s.identity.deny?.length) statements.push(statement('DenyKmsActions', 'Deny', undefined, s.identity.deny, undefined, false));
  return { Version: '2012-10-17', Statement: statements };
}

/** The caller's principal, as STS / IAM would present it. */
export function callerPrincipal(kind: CallerKind): Principal {
  if (kind === 'user') return { type: 'IAMUser', arn: USER_ARN, accountId: KEY_ACCOUNT, name: 'alice', principalId: 'AIDAEXAMPLEALICE0001' };
  if (kind === 'partner-account') return { type: 'IAMUser', arn: PARTNER_USER_ARN, accountId: PARTNER_ACCOUNT, name: 'carol', principalId: 'AIDAEXAMPLECAROL0001' };
  if (kind === 'other-account') return { type: 'IAMUser', arn: OTHER_USER_ARN, accountId: OTHER_ACCOUNT, name: 'bob', principalId: 'AIDAEXAMPLEBOB000001' };
  return { type: 'AssumedRole', arn: `arn:aws:sts::${KEY_ACCOUNT}:assumed-role/app-role/worker`, accountId: KEY_ACCOUNT, name: 'worker', roleArn: ROLE_ARN, principalId: 'AROAEXAMPLEAPPROLE01:worker' };
}

/** The GranteePrincipal ARN for a grantee kind (a role, not a session). */
export function granteeOf(kind: CallerKind): string {
  return { role: ROLE_ARN, user: USER_ARN, 'other-account': OTHER_USER_ARN, 'partner-account': PARTNER_USER_ARN }[kind];
}

/** defaultIamState() plus alice, bob and app-role; the caller's entity carries the identity policy inline. */
export function iamStateOf(s: DrillScenario): IamState {
  const iam = defaultIamState();
  const doc = identityPolicyOf(s);
  const inline = (mine: boolean): Record<string, string> => (mine && doc ? { 'kms-use': JSON.stringify(doc) } : {});
  const base = { createDate: DRILL_NOW, attachedPolicies: [] as string[] };
  iam.users.push({ ...base, name: 'alice', arn: USER_ARN, userId: 'AIDAEXAMPLEALICE0001', accountId: KEY_ACCOUNT, inlinePolicies: inline(s.caller === 'user') });
  iam.users.push({ ...base, name: 'bob', arn: OTHER_USER_ARN, userId: 'AIDAEXAMPLEBOB000001', accountId: OTHER_ACCOUNT, inlinePolicies: inline(s.caller === 'other-account') });
  iam.users.push({ ...base, name: 'carol', arn: PARTNER_USER_ARN, userId: 'AIDAEXAMPLECAROL0001', accountId: PARTNER_ACCOUNT, inlinePolicies: inline(s.caller === 'partner-account') });
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
  iam.roles.push({ ...base, name: 'app-role', arn: ROLE_ARN, roleId: 'AROAEXAMPLEAPPROLE01', accountId: KEY_ACCOUNT, assumeRolePolicyDocument: trust, inlinePolicies: inline(s.caller === 'role') });
  return iam;
}

export function grantRecordOf(s: DrillScenario): GrantRecord | undefined {
  const g = s.grant;
  if (!g) return undefined;
  return {
    KeyId: KEY_ARN,
    GrantId: 'drill-grant-1',
    Name: 'drill-grant',
    CreationDate: g.propagated ? DRILL_NOW - 3_600_000 : DRILL_NOW - 1_000,
    GranteePrincipal: granteeOf(g.grantee),
    IssuingAccount: `arn:aws:iam::${KEY_ACCOUNT}:root`,
    Operations: [...g.operations],
    ...(g.constraint ? { Constraints: { [g.constraint.type]: { ...g.constraint.context } } } : {}),
    token: GRANT_TOKEN,
    // A new grant takes up to about five minutes to be usable everywhere without its token.
    effectiveAt: g.propagated ? DRILL_NOW - 3_000_000 : DRILL_NOW + 60_000,
  };
}

/** Operations that take an encryption context (a ScheduleKeyDeletion request has none). */
const EC_ACTIONS = new Set(['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']);
export function takesEncryptionContext(action: string): boolean {
  return EC_ACTIONS.has(action);
}

/** The request the engine would build for this call (kms:EncryptionContext:* keys as src/kms/core.ts sets them). */
export function authzRequestOf(s: DrillScenario): AuthzRequest {
  const principal = callerPrincipal(s.caller);
  const context: ConditionContext = {};
  const ec = takesEncryptionContext(s.action) ? s.request.encryptionContext : undefined;
  if (ec) {
    const keys = Object.keys(ec);
    for (const k of keys) context[`kms:EncryptionContext:${k}`] = ec[k];
    context['kms:EncryptionContextKeys'] = keys;
  }
  const grant = grantRecordOf(s);
  return {
    action: s.action,
    caller: { principal, accountId: principal.accountId, region: 'us-east-1', ...(s.request.sourceIp ? { sourceIp: s.request.sourceIp } : {}), ...(s.request.viaService ? { viaService: s.request.viaService } : {}) },
    resourceArn: KEY_ARN,
    keyAccountId: KEY_ACCOUNT,
    keyRegion: 'us-east-1',
    keyPolicy: JSON.stringify(keyPolicyOf(s)),
    keyManager: 'CUSTOMER',
    grants: grant ? [grant] : [],
    ...(grant && s.grant?.tokenPassed ? { grantTokens: [grant.token] } : {}),
    ...(ec ? { encryptionContext: { ...ec } } : {}),
    context,
    now: DRILL_NOW,
  };
}
