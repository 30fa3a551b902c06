// Seeded identities, principal resolution and the identity policies behind a principal.
import { describe, expect, it } from '@jest/globals';
import { ADMIN_POLICY_ARN, assumedRole, defaultIamState, identityPoliciesOf, principalFromArn } from '../../src/iam/index.js';

const A = '111122223333';

function withRole() {
  const iam = defaultIamState();
  iam.roles.push({ name: 'app', arn: `arn:aws:iam::${A}:role/svc/app`, roleId: 'AROAEXAMPLEAPPROLE01', accountId: A, createDate: 0, assumeRolePolicyDocument: '{}', inlinePolicies: { inline1: '{"Statement":[]}' }, attachedPolicies: [ADMIN_POLICY_ARN] });
  return iam;
}

describe('defaultIamState', () => {
  it('has the three study accounts, the organization and the admin user', () => {
    const iam = defaultIamState();
    expect(iam.accounts).toEqual([
      { id: '111122223333', alias: 'prod', orgId: 'o-a1b2c3d4e5' },
      { id: '444455556666', alias: 'analytics', orgId: 'o-a1b2c3d4e5' },
      { id: '555566667777', alias: 'partner' },
    ]);
    expect(iam.users).toEqual([expect.objectContaining({ name: 'admin', arn: `arn:aws:iam::${A}:user/admin`, attachedPolicies: [ADMIN_POLICY_ARN] })]);
    expect(JSON.parse(iam.policies[0].document)).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    expect(defaultIamState()).toEqual(iam); // fresh, equal copies
    expect(defaultIamState().users).not.toBe(iam.users);
  });
});

describe('principalFromArn', () => {
  const iam = withRole();
  it.each([
    [`arn:aws:iam::${A}:root`, { type: 'Root', arn: `arn:aws:iam::${A}:root`, accountId: A }],
    [A, { type: 'Root', arn: `arn:aws:iam::${A}:root`, accountId: A }],
    [`arn:aws:iam::${A}:user/admin`, { type: 'IAMUser', name: 'admin', principalId: 'AIDAEXAMPLEADMIN0001' }],
    [`arn:aws:iam::${A}:role/svc/app`, { type: 'AssumedRole', arn: `arn:aws:sts::${A}:assumed-role/app/kms-study`, roleArn: `arn:aws:iam::${A}:role/svc/app` }],
    [`arn:aws:sts::${A}:assumed-role/app/s1`, { type: 'AssumedRole', name: 's1', principalId: 'AROAEXAMPLEAPPROLE01:s1' }],
    ['s3.amazonaws.com', { type: 'AWSService', arn: 's3.amazonaws.com' }],
  ])('%s', (arn, want) => {
    expect(principalFromArn(iam, arn)).toMatchObject(want);
  });
  it.each([
    [`arn:aws:iam::${A}:user/ghost`, 'NoSuchEntity', 'The user with name ghost cannot be found.'],
    [`arn:aws:iam::${A}:role/ghost`, 'NoSuchEntity', 'The role with name ghost cannot be found.'],
    [`arn:aws:sts::${A}:assumed-role/ghost/s`, 'NoSuchEntity', 'The role with name ghost cannot be found.'],
    ['arn:aws:iam::999999999999:root', 'NoSuchEntity', 'Account 999999999999 is not known to the simulator.'],
    ['bob', 'InvalidInput', 'Not a principal ARN: bob'],
  ])('rejects %s', (arn, code, message) => {
    expect(() => principalFromArn(iam, arn)).toThrow(expect.objectContaining({ code, message }));
  });
  it('assumedRole checks the session name', () => {
    expect(assumedRole(iam, `arn:aws:iam::${A}:role/svc/app`, 'batch@job').arn).toBe(`arn:aws:sts::${A}:assumed-role/app/batch@job`);
    expect(() => assumedRole(iam, `arn:aws:iam::${A}:role/svc/app`, 'bad session')).toThrow(expect.objectContaining({ code: 'InvalidInput' }));
    expect(() => assumedRole(iam, 'not-an-arn', 's')).toThrow(expect.objectContaining({ code: 'InvalidInput' }));
  });
});

describe('identityPoliciesOf', () => {
  it('returns inline then attached policies of a role session; none for root and services', () => {
    const iam = withRole();
    const session = principalFromArn(iam, `arn:aws:sts::${A}:assumed-role/app/s1`);
    expect(identityPoliciesOf(iam, session).map((p) => p.id)).toEqual([`arn:aws:iam::${A}:role/svc/app inline policy inline1`, ADMIN_POLICY_ARN]);
    expect(identityPoliciesOf(iam, principalFromArn(iam, A))).toEqual([]);
    expect(identityPoliciesOf(iam, principalFromArn(iam, 's3.amazonaws.com'))).toEqual([]);
    expect(identityPoliciesOf(iam, principalFromArn(iam, `arn:aws:iam::${A}:user/admin`))).toEqual([{ id: ADMIN_POLICY_ARN, document: iam.policies[0].document }]);
  });
});
