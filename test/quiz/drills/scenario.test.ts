import { describe, expect, it } from '@jest/globals';
import { authzRequestOf, decide, iamStateOf, keyPolicyOf, outcomeOf, stemOf, type DrillScenario } from '../../../src/quiz/drills/index.js';
import { validateKeyPolicy } from '../../../src/policy/index.js';
import { identityDirectory } from '../../../src/iam/directory.js';

const base: DrillScenario = {
  delegation: true,
  named: { principal: 'role', actions: ['kms:Decrypt'] },
  caller: 'role',
  action: 'kms:Decrypt',
  request: { encryptionContext: { Dept: 'IT' } },
};
const outcome = (s: DrillScenario) => outcomeOf(decide(s).decision);

describe('drill scenarios become the request the simulator decides', () => {
  it('a role session is allowed directly by a key policy statement naming its role', () => {
    expect(outcome(base)).toBe('allow-direct');
    expect(authzRequestOf(base).caller.principal).toMatchObject({ type: 'AssumedRole', roleArn: 'arn:aws:iam::111122223333:role/app-role' });
  });

  it('delegation without an IAM policy denies for lack of an identity-based allow; with one it is allowed through IAM', () => {
    const s: DrillScenario = { ...base, named: { principal: 'user', actions: ['kms:Decrypt'] } };
    expect(outcome(s)).toBe('deny-no-identity');
    expect(outcome({ ...s, identity: { allow: ['kms:Decrypt'] } })).toBe('allow-delegated');
    expect(outcome({ ...s, delegation: false, identity: { allow: ['kms:Decrypt'] } })).toBe('deny-no-resource');
    expect(outcome({ ...s, identity: { allow: ['kms:Decrypt'], deny: ['kms:Decrypt'] } })).toBe('deny-explicit-identity');
  });

  it('conditions read the request: encryption context, kms:ViaService, aws:SourceIp, aws:PrincipalOrgID', () => {
    const deny = (condition: NonNullable<DrillScenario['keyDeny']>['condition']) => ({ ...base, keyDeny: { actions: ['kms:Decrypt' as const], condition } });
    expect(outcome(deny({ kind: 'encryption-context', key: 'Dept', value: 'IT' }))).toBe('allow-direct');
    expect(outcome({ ...deny({ kind: 'encryption-context', key: 'Dept', value: 'IT' }), request: { encryptionContext: { Dept: 'HR' } } })).toBe('deny-explicit-resource');
    expect(outcome(deny({ kind: 'via-service', service: 's3.us-east-1.amazonaws.com' }))).toBe('deny-explicit-resource');
    expect(outcome({ ...deny({ kind: 'via-service', service: 's3.us-east-1.amazonaws.com' }), request: { viaService: 's3.us-east-1.amazonaws.com' } })).toBe('allow-direct');
    expect(outcome({ ...deny({ kind: 'source-ip', cidr: '203.0.113.0/24' }), request: { sourceIp: '203.0.113.25' } })).toBe('allow-direct');
    expect(outcome({ ...deny({ kind: 'source-ip', cidr: '203.0.113.0/24' }), request: { sourceIp: '198.51.100.7' } })).toBe('deny-explicit-resource');
    expect(outcome(deny({ kind: 'org', orgId: 'o-a1b2c3d4e5' }))).toBe('allow-direct');
    // aws:PrincipalOrgID: 444455556666 is in the organization, 555566667777 is not.
    const crossAccount = { named: { principal: 'other-account-root' as const, actions: ['kms:Decrypt' as const] }, identity: { allow: ['kms:Decrypt' as const] } };
    expect(outcome({ ...deny({ kind: 'org', orgId: 'o-a1b2c3d4e5' }), ...crossAccount, caller: 'other-account' })).toBe('allow-delegated');
    expect(outcome({ ...deny({ kind: 'org', orgId: 'o-a1b2c3d4e5' }), ...crossAccount, caller: 'partner-account' })).toBe('deny-explicit-resource');
    expect(outcome({ ...base, ...crossAccount, caller: 'partner-account' })).toBe('deny-no-resource');
  });

  it('ScheduleKeyDeletion carries no encryption context, and is never allowed across accounts', () => {
    const s: DrillScenario = { ...base, action: 'kms:ScheduleKeyDeletion', named: { principal: 'other-account-root', actions: ['kms:ScheduleKeyDeletion'] }, caller: 'other-account', identity: { allow: ['kms:ScheduleKeyDeletion'] } };
    expect(authzRequestOf(s).encryptionContext).toBeUndefined();
    expect(stemOf(s)).not.toContain('encryption context');
    expect(outcome(s)).toBe('deny-no-resource');
    expect(outcome({ ...s, action: 'kms:Decrypt', named: { principal: 'other-account-root', actions: ['kms:Decrypt'] }, identity: { allow: ['kms:Decrypt'] } })).toBe('allow-delegated');
  });

  it('a new grant works only with its token; a propagated one without; constraints check the context', () => {
    const g: DrillScenario = { ...base, delegation: false, named: { principal: 'user', actions: ['kms:Encrypt'] }, grant: { grantee: 'role', operations: ['Decrypt'], propagated: false, tokenPassed: false } };
    expect(outcome(g)).toBe('deny-no-resource');
    expect(outcome({ ...g, grant: { ...g.grant!, tokenPassed: true } })).toBe('allow-grant');
    expect(outcome({ ...g, grant: { ...g.grant!, propagated: true } })).toBe('allow-grant');
    const constrained = { ...g, grant: { ...g.grant!, propagated: true, constraint: { type: 'EncryptionContextEquals' as const, context: { Dept: 'IT' } } } };
    expect(outcome(constrained)).toBe('allow-grant');
    expect(outcome({ ...constrained, request: { encryptionContext: { Dept: 'IT', Project: 'alpha' } } })).toBe('deny-no-resource');
    expect(outcome({ ...g, grant: { ...g.grant!, propagated: true, grantee: 'user' } })).toBe('deny-no-resource');
  });

  it('key policies are valid KMS key policies and the caller entity holds the identity policy', () => {
    const s: DrillScenario = { ...base, keyDeny: { actions: ['kms:Decrypt'], condition: { kind: 'org', orgId: 'o-a1b2c3d4e5' } }, identity: { allow: ['kms:Decrypt'] } };
    const iam = iamStateOf(s);
    expect(() => validateKeyPolicy(JSON.stringify(keyPolicyOf(s)), '111122223333', identityDirectory(iam))).not.toThrow();
    expect(Object.keys(iam.roles.find((r) => r.name === 'app-role')!.inlinePolicies)).toEqual(['kms-use']);
    expect(Object.keys(iam.users.find((u) => u.name === 'alice')!.inlinePolicies)).toEqual([]);
  });
});
