// Authorization cases taken from the AWS KMS and IAM documentation (URL per case). Each asserts the
// decision, how an allow was reached, and the reason phrase of the AccessDeniedException message.
import { describe, expect, it } from '@jest/globals';
import type { DecisionReason, GrantRecord } from '../../src/aws/access.js';
import { A, ADMIN, ALIAS, ALICE, APP_ROLE, APP_SESSION, B, ETL_ROLE, ETL_SESSION, EXT_SESSION, KEY, T0, grant, policy, request, rootStatement, studyIam, withIdentityPolicy, type RequestSpec, studyAccess } from './fixtures.js';

const DOC = {
  keyDefault: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html',
  keyPolicies: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html',
  evaluation: 'https://docs.aws.amazon.com/kms/latest/developerguide/policy-evaluation.html',
  iamPolicies: 'https://docs.aws.amazon.com/kms/latest/developerguide/iam-policies.html',
  aliasAuthz: 'https://docs.aws.amazon.com/kms/latest/developerguide/alias-authorization.html',
  condKms: 'https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html',
  condAws: 'https://docs.aws.amazon.com/kms/latest/developerguide/conditions-aws.html',
  operators: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html',
  multiValued: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html',
  grants: 'https://docs.aws.amazon.com/kms/latest/developerguide/grants.html',
  grantToken: 'https://docs.aws.amazon.com/kms/latest/developerguide/using-grant-token.html',
  crossAccount: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html',
  awsManaged: 'https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-key',
  denied: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html',
  putKeyPolicy: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html',
};

type Json = Record<string, unknown>;
const allowKms = (principal: unknown, action: string | string[], extra: Json = {}): Json => ({ Effect: 'Allow', Principal: principal, Action: action, Resource: '*', ...extra });
const iamAllow = (action: string | string[], resource: string | string[] = KEY, extra: Json = {}) => policy({ Effect: 'Allow', Action: action, Resource: resource, ...extra });
const iamDeny = (action: string | string[], extra: Json = {}) => policy({ Effect: 'Deny', Action: action, Resource: '*', ...extra });
const DEFAULT = policy(rootStatement());
const ANY = { AWS: '*' };

interface Case extends Omit<RequestSpec, 'keyPolicy'> {
  name: string;
  doc: string;
  keyPolicy?: string;
  identity?: string;
  expect: DecisionReason;
  allowedBy?: 'key-policy' | 'key-policy+iam' | 'grant' | 'identity';
}

const PHRASE: Record<DecisionReason, string | undefined> = {
  Allowed: undefined,
  NoResourcePolicyAllows: 'because no resource-based policy allows the',
  NoIdentityPolicyAllows: 'because no identity-based policy allows the',
  ExplicitDenyInResourcePolicy: 'with an explicit deny in a resource-based policy',
  ExplicitDenyInIdentityPolicy: 'with an explicit deny in an identity-based policy',
};

const ecDeptIT = { Department: 'IT' };
const future = (g: Partial<GrantRecord>): GrantRecord => grant({ effectiveAt: T0 + 120_000, ...g });
const managedS3 = studyAccess().awsManagedKeyPolicy(A, 's3', 'us-east-1');

const CASES: Case[] = [
  // --- key policy and IAM policy layers
  { name: 'default key policy + AdministratorAccess allows Encrypt', doc: DOC.keyDefault, caller: ADMIN, action: 'kms:Encrypt', keyPolicy: DEFAULT, expect: 'Allowed', allowedBy: 'key-policy+iam' },
  { name: 'default key policy, user without IAM policy', doc: DOC.keyDefault, caller: ALICE, action: 'kms:Decrypt', keyPolicy: DEFAULT, expect: 'NoIdentityPolicyAllows' },
  { name: 'account statement + IAM allow on the key ARN', doc: DOC.iamPolicies, caller: ALICE, action: 'kms:Decrypt', keyPolicy: DEFAULT, identity: iamAllow('kms:Decrypt'), expect: 'Allowed', allowedBy: 'key-policy+iam' },
  { name: 'account statement + IAM allow on Resource "*"', doc: DOC.iamPolicies, caller: ALICE, action: 'kms:Decrypt', keyPolicy: DEFAULT, identity: iamAllow('kms:Decrypt', '*'), expect: 'Allowed' },
  { name: 'IAM allow with wildcard action kms:Gen*', doc: DOC.iamPolicies, caller: ALICE, action: 'kms:GenerateDataKey', keyPolicy: DEFAULT, identity: iamAllow('kms:Gen*'), expect: 'Allowed' },
  { name: 'IAM allow naming an alias ARN does not authorize the key', doc: DOC.aliasAuthz, caller: ALICE, action: 'kms:Decrypt', keyPolicy: DEFAULT, identity: iamAllow('kms:Decrypt', ALIAS), expect: 'NoIdentityPolicyAllows' },
  { name: 'key policy alone names the user', doc: DOC.keyPolicies, caller: ALICE, action: 'kms:Decrypt', keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:Decrypt')), expect: 'Allowed', allowedBy: 'key-policy' },
  { name: 'IAM allow without the account statement in the key policy', doc: DOC.keyDefault, caller: ALICE, action: 'kms:Decrypt', keyPolicy: policy(allowKms({ AWS: APP_ROLE }, 'kms:*')), identity: iamAllow('kms:*'), expect: 'NoResourcePolicyAllows' },
  { name: 'key policy names the user for another action only', doc: DOC.keyPolicies, caller: ALICE, action: 'kms:Encrypt', keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:Decrypt')), expect: 'NoResourcePolicyAllows' },
  { name: 'key policy role principal matches its assumed-role session', doc: DOC.keyPolicies, caller: APP_SESSION, action: 'kms:Decrypt', keyPolicy: policy(allowKms({ AWS: APP_ROLE }, 'kms:Decrypt')), expect: 'Allowed', allowedBy: 'key-policy' },
  { name: 'assumed-role session ARN principal does not match another session', doc: DOC.keyPolicies, caller: `arn:aws:sts::${A}:assumed-role/app/other`, action: 'kms:Decrypt', keyPolicy: policy(allowKms({ AWS: APP_SESSION }, 'kms:Decrypt')), expect: 'NoResourcePolicyAllows' },
  { name: 'account root user with the default key policy needs no IAM policy', doc: DOC.keyDefault, caller: `arn:aws:iam::${A}:root`, action: 'kms:ScheduleKeyDeletion', keyPolicy: DEFAULT, expect: 'Allowed', allowedBy: 'key-policy' },
  { name: 'bare account id principal delegates to IAM like the root ARN', doc: DOC.keyDefault, caller: ALICE, action: 'kms:Decrypt', keyPolicy: policy(allowKms({ AWS: A }, 'kms:*')), identity: iamAllow('kms:Decrypt'), expect: 'Allowed', allowedBy: 'key-policy+iam' },
  // --- explicit denies
  { name: 'explicit deny in the key policy beats an account statement and IAM allow', doc: DOC.evaluation, caller: ALICE, action: 'kms:Decrypt', keyPolicy: policy(rootStatement(), { Effect: 'Deny', Principal: { AWS: ALICE }, Action: 'kms:Decrypt', Resource: '*' }), identity: iamAllow('kms:Decrypt'), expect: 'ExplicitDenyInResourcePolicy' },
  { name: 'explicit deny in an IAM policy beats a key policy naming the user', doc: DOC.evaluation, caller: ALICE, action: 'kms:Decrypt', keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:*')), identity: iamDeny('kms:Decrypt'), expect: 'ExplicitDenyInIdentityPolicy' },
  { name: 'IAM Deny with NotAction blocks everything but the listed crypto actions', doc: DOC.iamPolicies, caller: ADMIN, action: 'kms:ScheduleKeyDeletion', keyPolicy: DEFAULT, identity: policy({ Effect: 'Deny', NotAction: ['kms:Encrypt', 'kms:Decrypt'], Resource: '*' }), expect: 'ExplicitDenyInIdentityPolicy' },
  // --- actions with no key resource
  { name: 'CreateKey with no IAM policy', doc: DOC.iamPolicies, caller: ALICE, action: 'kms:CreateKey', resource: '*', expect: 'NoIdentityPolicyAllows' },
  { name: 'CreateKey allowed by an identity policy only', doc: DOC.iamPolicies, caller: ALICE, action: 'kms:CreateKey', resource: '*', identity: iamAllow('kms:CreateKey', '*'), expect: 'Allowed', allowedBy: 'identity' },
  { name: 'ListAliases: an IAM allow scoped to a key ARN does not cover "*"', doc: DOC.iamPolicies, caller: ALICE, action: 'kms:ListAliases', resource: '*', identity: iamAllow('kms:ListAliases', KEY), expect: 'NoIdentityPolicyAllows' },
  // --- String operators
  { name: 'StringEquals kms:ViaService: direct call is denied', doc: DOC.condKms, caller: APP_SESSION, action: 'kms:Decrypt', keyPolicy: policy(allowKms({ AWS: APP_ROLE }, 'kms:Decrypt', { Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } } })), expect: 'NoResourcePolicyAllows' },
  { name: 'StringEquals kms:ViaService: call through S3 is allowed', doc: DOC.condKms, caller: APP_SESSION, action: 'kms:Decrypt', via: 's3.us-east-1.amazonaws.com', keyPolicy: policy(allowKms({ AWS: APP_ROLE }, 'kms:Decrypt', { Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } } })), expect: 'Allowed' },
  { name: 'StringEquals kms:CallerAccount with Principal "*": own account', doc: DOC.condKms, caller: ALICE, action: 'kms:Encrypt', keyPolicy: policy(allowKms(ANY, 'kms:Encrypt', { Condition: { StringEquals: { 'kms:CallerAccount': A } } })), expect: 'Allowed', allowedBy: 'key-policy' },
  { name: 'StringEquals kms:CallerAccount with Principal "*": other account', doc: DOC.condKms, caller: EXT_SESSION, action: 'kms:Encrypt', keyPolicy: policy(allowKms(ANY, 'kms:Encrypt', { Condition: { StringEquals: { 'kms:CallerAccount': A } } })), identity: iamAllow('kms:Encrypt'), expect: 'NoResourcePolicyAllows' },
  { name: 'StringEquals kms:EncryptionContext:Department matches', doc: DOC.condKms, caller: ALICE, action: 'kms:Decrypt', ec: ecDeptIT, keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:Decrypt', { Condition: { StringEquals: { 'kms:EncryptionContext:Department': 'IT' } } })), expect: 'Allowed' },
  { name: 'condition key names are case-insensitive (kms:encryptioncontext:department)', doc: DOC.condKms, caller: ALICE, action: 'kms:Decrypt', ec: ecDeptIT, keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:Decrypt', { Condition: { StringEquals: { 'kms:encryptioncontext:department': 'IT' } } })), expect: 'Allowed' },
  { name: 'StringEquals kms:EncryptionContext value is case-sensitive', doc: DOC.condKms, caller: ALICE, action: 'kms:Decrypt', ec: { Department: 'it' }, keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:Decrypt', { Condition: { StringEquals: { 'kms:EncryptionContext:Department': 'IT' } } })), expect: 'NoResourcePolicyAllows' },
  { name: 'StringEqualsIgnoreCase kms:EncryptionContext value', doc: DOC.operators, caller: ALICE, action: 'kms:Decrypt', ec: { Department: 'it' }, keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:Decrypt', { Condition: { StringEqualsIgnoreCase: { 'kms:EncryptionContext:Department': 'IT' } } })), expect: 'Allowed' },
  { name: 'StringLike kms:RequestAlias alias/app-*: matching alias', doc: DOC.aliasAuthz, caller: ALICE, action: 'kms:Encrypt', context: { 'kms:RequestAlias': 'alias/app-data' }, keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:Encrypt', { Condition: { StringLike: { 'kms:RequestAlias': 'alias/app-*' } } })), expect: 'Allowed' },
  { name: 'StringLike kms:RequestAlias: called by key id (no alias in the request)', doc: DOC.aliasAuthz, caller: ALICE, action: 'kms:Encrypt', keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:Encrypt', { Condition: { StringLike: { 'kms:RequestAlias': 'alias/app-*' } } })), expect: 'NoResourcePolicyAllows' },
  { name: 'Deny StringNotEquals kms:ViaService blocks direct calls', doc: DOC.condKms, caller: ADMIN, action: 'kms:Decrypt', keyPolicy: policy(rootStatement(), { Effect: 'Deny', Principal: ANY, Action: 'kms:Decrypt', Resource: '*', Condition: { StringNotEquals: { 'kms:ViaService': 'rds.us-east-1.amazonaws.com' } } }), expect: 'ExplicitDenyInResourcePolicy' },
  // --- Null, IfExists
  { name: 'Deny with Null kms:EncryptionContext:Department true when the context lacks it', doc: DOC.condKms, caller: ADMIN, action: 'kms:Encrypt', ec: { Project: 'x' }, keyPolicy: policy(rootStatement(), { Effect: 'Deny', Principal: ANY, Action: 'kms:Encrypt', Resource: '*', Condition: { Null: { 'kms:EncryptionContext:Department': 'true' } } }), expect: 'ExplicitDenyInResourcePolicy' },
  { name: 'Deny with Null true does not apply when the context has the key', doc: DOC.condKms, caller: ADMIN, action: 'kms:Encrypt', ec: ecDeptIT, keyPolicy: policy(rootStatement(), { Effect: 'Deny', Principal: ANY, Action: 'kms:Encrypt', Resource: '*', Condition: { Null: { 'kms:EncryptionContext:Department': 'true' } } }), expect: 'Allowed' },
  { name: 'StringEqualsIfExists: absent key passes', doc: DOC.operators, caller: ALICE, action: 'kms:Encrypt', keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:Encrypt', { Condition: { StringEqualsIfExists: { 'kms:EncryptionContext:Department': 'IT' } } })), expect: 'Allowed' },
  { name: 'StringEqualsIfExists: present wrong value fails', doc: DOC.operators, caller: ALICE, action: 'kms:Encrypt', ec: { Department: 'HR' }, keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:Encrypt', { Condition: { StringEqualsIfExists: { 'kms:EncryptionContext:Department': 'IT' } } })), expect: 'NoResourcePolicyAllows' },
  // --- set operators
  { name: 'ForAnyValue:StringEquals kms:EncryptionContextKeys with one listed key', doc: DOC.multiValued, caller: ALICE, action: 'kms:Encrypt', ec: { Department: 'IT', Project: 'x' }, keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:Encrypt', { Condition: { 'ForAnyValue:StringEquals': { 'kms:EncryptionContextKeys': 'Department' } } })), expect: 'Allowed' },
  { name: 'ForAnyValue with no encryption context is false', doc: DOC.multiValued, caller: ALICE, action: 'kms:Encrypt', keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:Encrypt', { Condition: { 'ForAnyValue:StringEquals': { 'kms:EncryptionContextKeys': 'Department' } } })), expect: 'NoResourcePolicyAllows' },
  { name: 'ForAllValues:StringEquals forbids an unlisted context key', doc: DOC.multiValued, caller: ALICE, action: 'kms:Encrypt', ec: { Department: 'IT', Project: 'x' }, keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:Encrypt', { Condition: { 'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': 'Department' } } })), expect: 'NoResourcePolicyAllows' },
  { name: 'ForAllValues with no encryption context is true (the empty-set trap)', doc: DOC.condKms, caller: ALICE, action: 'kms:Encrypt', keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:Encrypt', { Condition: { 'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': 'Department' } } })), expect: 'Allowed' },
  { name: 'ForAnyValue:StringLike kms:ResourceAliases', doc: DOC.aliasAuthz, caller: ALICE, action: 'kms:Decrypt', context: { 'kms:ResourceAliases': ['alias/other', 'alias/finance-key'] }, keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:Decrypt', { Condition: { 'ForAnyValue:StringLike': { 'kms:ResourceAliases': 'alias/finance-*' } } })), expect: 'Allowed' },
  { name: 'ForAnyValue:StringLike kms:ResourceAliases without a matching alias', doc: DOC.aliasAuthz, caller: ALICE, action: 'kms:Decrypt', context: { 'kms:ResourceAliases': ['alias/other'] }, keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:Decrypt', { Condition: { 'ForAnyValue:StringLike': { 'kms:ResourceAliases': 'alias/finance-*' } } })), expect: 'NoResourcePolicyAllows' },
  // --- Bool
  { name: 'Bool kms:GrantIsForAWSResource true: CreateGrant by an integrated service', doc: DOC.condKms, caller: APP_SESSION, action: 'kms:CreateGrant', via: 'ec2.us-east-1.amazonaws.com', context: { 'kms:GrantIsForAWSResource': true }, keyPolicy: policy(allowKms({ AWS: APP_ROLE }, ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'], { Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } } })), expect: 'Allowed' },
  { name: 'Bool kms:GrantIsForAWSResource: direct CreateGrant is denied', doc: DOC.condKms, caller: APP_SESSION, action: 'kms:CreateGrant', context: { 'kms:GrantIsForAWSResource': false }, keyPolicy: policy(allowKms({ AWS: APP_ROLE }, ['kms:CreateGrant'], { Condition: { Bool: { 'kms:GrantIsForAWSResource': true } } })), expect: 'NoResourcePolicyAllows' },
  // --- Arn and aws:Principal* keys
  { name: 'ArnLike aws:PrincipalArn role/app* with Principal "*" (session maps to its role)', doc: DOC.condAws, caller: APP_SESSION, action: 'kms:Decrypt', keyPolicy: policy(allowKms(ANY, 'kms:Decrypt', { Condition: { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${A}:role/app*` } } })), expect: 'Allowed' },
  { name: 'ArnLike aws:PrincipalArn does not match a user', doc: DOC.condAws, caller: ALICE, action: 'kms:Decrypt', keyPolicy: policy(allowKms(ANY, 'kms:Decrypt', { Condition: { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${A}:role/app*` } } })), expect: 'NoResourcePolicyAllows' },
  { name: 'Deny ArnNotEquals aws:PrincipalArn keeps everyone but the role out', doc: DOC.condAws, caller: ADMIN, action: 'kms:Decrypt', keyPolicy: policy(rootStatement(), { Effect: 'Deny', Principal: ANY, Action: 'kms:Decrypt', Resource: '*', Condition: { ArnNotEquals: { 'aws:PrincipalArn': APP_ROLE } } }), expect: 'ExplicitDenyInResourcePolicy' },
  { name: 'StringEquals aws:PrincipalAccount', doc: DOC.condAws, caller: ALICE, action: 'kms:Decrypt', keyPolicy: policy(allowKms(ANY, 'kms:Decrypt', { Condition: { StringEquals: { 'aws:PrincipalAccount': A } } })), expect: 'Allowed' },
  { name: 'aws:PrincipalOrgID: account in the organization (with its IAM allow)', doc: DOC.condAws, caller: ETL_SESSION, action: 'kms:Decrypt', keyPolicy: policy(allowKms(ANY, 'kms:Decrypt', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })), identity: iamAllow('kms:Decrypt'), expect: 'Allowed', allowedBy: 'key-policy+iam' },
  { name: 'aws:PrincipalOrgID: account outside the organization', doc: DOC.condAws, caller: EXT_SESSION, action: 'kms:Decrypt', keyPolicy: policy(allowKms(ANY, 'kms:Decrypt', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })), identity: iamAllow('kms:Decrypt'), expect: 'NoResourcePolicyAllows' },
  // --- IpAddress
  { name: 'IAM Deny NotIpAddress aws:SourceIp: call from outside the range', doc: DOC.condAws, caller: ADMIN, action: 'kms:Decrypt', sourceIp: '198.51.100.7', keyPolicy: DEFAULT, identity: iamDeny('kms:*', { Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }), expect: 'ExplicitDenyInIdentityPolicy' },
  { name: 'IAM Deny NotIpAddress aws:SourceIp: call from inside the range', doc: DOC.condAws, caller: ADMIN, action: 'kms:Decrypt', sourceIp: '203.0.113.99', keyPolicy: DEFAULT, identity: iamDeny('kms:*', { Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }), expect: 'Allowed' },
  { name: 'aws:SourceIp deny breaks a call S3 makes on the user\'s behalf', doc: DOC.condAws, caller: ADMIN, action: 'kms:Decrypt', via: 's3.us-east-1.amazonaws.com', keyPolicy: DEFAULT, identity: iamDeny('kms:*', { Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }), expect: 'ExplicitDenyInIdentityPolicy' },
  { name: 'IpAddress with an IPv6 CIDR', doc: DOC.operators, caller: ALICE, action: 'kms:Decrypt', sourceIp: '2001:db8:85a3::8a2e:370:7334', keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:Decrypt', { Condition: { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '2001:db8::/32'] } } })), expect: 'Allowed' },
  // --- Date and Numeric
  { name: 'DateLessThan aws:CurrentTime before the cut-off', doc: DOC.operators, caller: ALICE, action: 'kms:Decrypt', keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:Decrypt', { Condition: { DateLessThan: { 'aws:CurrentTime': '2026-06-30T00:00:00Z' } } })), expect: 'Allowed' },
  { name: 'DateLessThan aws:CurrentTime after the cut-off', doc: DOC.operators, caller: ALICE, action: 'kms:Decrypt', now: Date.UTC(2026, 6, 1), keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:Decrypt', { Condition: { DateLessThan: { 'aws:CurrentTime': '2026-06-30T00:00:00Z' } } })), expect: 'NoResourcePolicyAllows' },
  { name: 'NumericLessThanEquals kms:RotationPeriodInDays 180 with 365', doc: DOC.condKms, caller: ALICE, action: 'kms:EnableKeyRotation', context: { 'kms:RotationPeriodInDays': 365 }, keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:EnableKeyRotation', { Condition: { NumericLessThanEquals: { 'kms:RotationPeriodInDays': '180' } } })), expect: 'NoResourcePolicyAllows' },
  { name: 'NumericLessThanEquals kms:RotationPeriodInDays 180 with 90', doc: DOC.condKms, caller: ALICE, action: 'kms:EnableKeyRotation', context: { 'kms:RotationPeriodInDays': 90 }, keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:EnableKeyRotation', { Condition: { NumericLessThanEquals: { 'kms:RotationPeriodInDays': '180' } } })), expect: 'Allowed' },
  // --- grants
  { name: 'grant not yet effective, no token', doc: DOC.grantToken, caller: APP_SESSION, action: 'kms:Decrypt', keyPolicy: DEFAULT, grants: [future({})], expect: 'NoIdentityPolicyAllows' },
  { name: 'grant not yet effective, used with its grant token', doc: DOC.grantToken, caller: APP_SESSION, action: 'kms:Decrypt', keyPolicy: DEFAULT, grants: [future({})], grantTokens: ['token-1'], expect: 'Allowed', allowedBy: 'grant' },
  { name: 'grant effective after the consistency delay, no token needed', doc: DOC.grants, caller: APP_SESSION, action: 'kms:Decrypt', keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:*')), grants: [grant({})], expect: 'Allowed', allowedBy: 'grant' },
  { name: 'grant does not list the operation', doc: DOC.grants, caller: APP_SESSION, action: 'kms:Encrypt', keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:*')), grants: [grant({})], expect: 'NoResourcePolicyAllows' },
  { name: 'grant EncryptionContextEquals: exact context', doc: DOC.grants, caller: APP_SESSION, action: 'kms:Decrypt', ec: ecDeptIT, keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:*')), grants: [grant({ Constraints: { EncryptionContextEquals: ecDeptIT } })], expect: 'Allowed', allowedBy: 'grant' },
  { name: 'grant EncryptionContextEquals: an extra pair fails', doc: DOC.grants, caller: APP_SESSION, action: 'kms:Decrypt', ec: { Department: 'IT', Project: 'x' }, keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:*')), grants: [grant({ Constraints: { EncryptionContextEquals: ecDeptIT } })], expect: 'NoResourcePolicyAllows' },
  { name: 'grant EncryptionContextSubset: extra pairs allowed', doc: DOC.grants, caller: APP_SESSION, action: 'kms:Decrypt', ec: { Department: 'IT', Project: 'x' }, keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:*')), grants: [grant({ Constraints: { EncryptionContextSubset: ecDeptIT } })], expect: 'Allowed', allowedBy: 'grant' },
  { name: 'grant EncryptionContextSubset: missing pair fails', doc: DOC.grants, caller: APP_SESSION, action: 'kms:Decrypt', ec: { Project: 'x' }, keyPolicy: policy(allowKms({ AWS: ALICE }, 'kms:*')), grants: [grant({ Constraints: { EncryptionContextSubset: ecDeptIT } })], expect: 'NoResourcePolicyAllows' },
  { name: 'grant for another grantee does not apply', doc: DOC.grants, caller: ALICE, action: 'kms:Decrypt', keyPolicy: policy(allowKms({ AWS: APP_ROLE }, 'kms:*')), grants: [grant({})], expect: 'NoResourcePolicyAllows' },
  { name: 'an explicit deny in the key policy blocks a grantee', doc: DOC.grants, caller: APP_SESSION, action: 'kms:Decrypt', keyPolicy: policy(rootStatement(), { Effect: 'Deny', Principal: { AWS: APP_ROLE }, Action: 'kms:*', Resource: '*' }), grants: [grant({})], expect: 'ExplicitDenyInResourcePolicy' },
  // --- cross-account
  { name: 'cross-account: key policy allows account B, B has no IAM allow', doc: DOC.crossAccount, caller: ETL_SESSION, action: 'kms:Decrypt', keyPolicy: policy(rootStatement(), allowKms({ AWS: `arn:aws:iam::${B}:root` }, ['kms:Decrypt', 'kms:DescribeKey'])), expect: 'NoIdentityPolicyAllows' },
  { name: 'cross-account: key policy allows account B and B\'s IAM policy allows', doc: DOC.crossAccount, caller: ETL_SESSION, action: 'kms:Decrypt', keyPolicy: policy(rootStatement(), allowKms({ AWS: `arn:aws:iam::${B}:root` }, ['kms:Decrypt'])), identity: iamAllow('kms:Decrypt'), expect: 'Allowed', allowedBy: 'key-policy+iam' },
  { name: 'cross-account: key policy names the external role directly, still needs its IAM allow', doc: DOC.crossAccount, caller: ETL_SESSION, action: 'kms:Decrypt', keyPolicy: policy(rootStatement(), allowKms({ AWS: ETL_ROLE }, ['kms:Decrypt'])), expect: 'NoIdentityPolicyAllows' },
  { name: 'cross-account: IAM allow in B but the key policy does not mention B', doc: DOC.crossAccount, caller: ETL_SESSION, action: 'kms:Decrypt', keyPolicy: DEFAULT, identity: iamAllow('kms:Decrypt'), expect: 'NoResourcePolicyAllows' },
  { name: 'cross-account: ScheduleKeyDeletion is never allowed to another account', doc: DOC.crossAccount, caller: ETL_SESSION, action: 'kms:ScheduleKeyDeletion', keyPolicy: policy(rootStatement(), allowKms({ AWS: `arn:aws:iam::${B}:root` }, 'kms:*')), identity: iamAllow('kms:*'), expect: 'NoResourcePolicyAllows' },
  { name: 'cross-account: a grant stands in for both policies', doc: DOC.grants, caller: ETL_SESSION, action: 'kms:Decrypt', keyPolicy: DEFAULT, grants: [grant({ GranteePrincipal: ETL_ROLE })], expect: 'Allowed', allowedBy: 'grant' },
  // --- AWS managed keys
  { name: 'AWS managed key used directly', doc: DOC.awsManaged, caller: ADMIN, action: 'kms:Decrypt', keyManager: 'AWS', keyPolicy: managedS3, expect: 'NoResourcePolicyAllows' },
  { name: 'AWS managed key used through its service', doc: DOC.awsManaged, caller: ALICE, action: 'kms:Decrypt', via: 's3.us-east-1.amazonaws.com', keyManager: 'AWS', keyPolicy: managedS3, expect: 'Allowed', allowedBy: 'key-policy' },
  { name: 'AWS managed key through another service', doc: DOC.awsManaged, caller: ALICE, action: 'kms:Decrypt', via: 'rds.us-east-1.amazonaws.com', keyManager: 'AWS', keyPolicy: managedS3, expect: 'NoResourcePolicyAllows' },
  { name: 'AWS managed key metadata read directly (DescribeKey with IAM allow)', doc: DOC.awsManaged, caller: ADMIN, action: 'kms:DescribeKey', keyManager: 'AWS', keyPolicy: managedS3, expect: 'Allowed', allowedBy: 'key-policy+iam' },
  { name: 'AWS managed key from another account through the service', doc: DOC.awsManaged, caller: ETL_SESSION, action: 'kms:Decrypt', via: 's3.us-east-1.amazonaws.com', keyManager: 'AWS', keyPolicy: managedS3, identity: iamAllow('kms:Decrypt'), expect: 'NoResourcePolicyAllows' },
  // --- the lockout check the engine runs with the proposed policy
  { name: 'lockout check: new policy without the caller', doc: DOC.putKeyPolicy, caller: ADMIN, action: 'kms:PutKeyPolicy', keyPolicy: policy(allowKms({ AWS: APP_ROLE }, 'kms:Decrypt')), expect: 'NoResourcePolicyAllows' },
  { name: 'lockout check: new policy keeps the account statement', doc: DOC.putKeyPolicy, caller: ADMIN, action: 'kms:PutKeyPolicy', keyPolicy: DEFAULT, expect: 'Allowed' },
];

describe('KMS authorization decisions (AWS documented cases)', () => {
  const ac = studyAccess();
  it('has at least 40 cases, each with a doc URL', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    for (const c of CASES) expect(c.doc).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const iam = studyIam();
    if (c.identity) withIdentityPolicy(iam, c.caller, c.identity);
    const d = ac.authorize(request(iam, c), iam);
    expect(d.reason).toBe(c.expect);
    expect(d.allowed).toBe(c.expect === 'Allowed');
    if (c.allowedBy) expect(d.allowedBy).toBe(c.allowedBy);
    const phrase = PHRASE[c.expect];
    if (phrase) {
      expect(d.message).toBe(`User: ${c.caller} is not authorized to perform: ${c.action} on resource: ${c.resource ?? KEY} ${phrase}${phrase.endsWith('the') ? ` ${c.action} action` : ''}`);
    } else {
      expect(d.message).toBeUndefined();
    }
  });
});
