// The identities a new sandbox or test world starts with: IAM's seeded accounts and admin, plus the users
// behind the sandbox's profiles (dev with no KMS permissions, a read-only auditor, an analyst in a second account).
import { defaultIamState } from '../iam/state.js';
import type { IamState, IamUser } from '../iam/types.js';

const AUDITOR_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'ReadOnlyKms', Effect: 'Allow', Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', 'cloudtrail:LookupEvents'], Resource: '*' }],
});

function user(name: string, accountId: string, userId: string, createDate: number, extra: Partial<IamUser> = {}): IamUser {
  return { name, arn: `arn:aws:iam::${accountId}:user/${name}`, userId, accountId, createDate, inlinePolicies: {}, attachedPolicies: [], ...extra };
}

export function studyIdentities(): IamState {
  const iam = defaultIamState();
  const t = iam.users[0]?.createDate ?? 0;
  const adminPolicy = iam.users[0]?.attachedPolicies ?? [];
  iam.users.push(
    user('dev', '111122223333', 'AIDAEXAMPLEDEV000002', t),
    user('auditor', '111122223333', 'AIDAEXAMPLEAUDITOR03', t, { inlinePolicies: { 'kms-read-only': AUDITOR_POLICY } }),
    user('analyst', '444455556666', 'AIDAEXAMPLEANALYST04', t, { attachedPolicies: [...adminPolicy] }),
  );
  return iam;
}
