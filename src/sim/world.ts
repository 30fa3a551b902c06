// The sandbox world: a fresh engine with real access control and the seeded identities, plus the
// profiles (`--profile`) that map to its principals. Differs: profiles live in the sandbox file, not in
// ~/.aws/config, and carry no credentials.
import { KmsEngine } from '../kms/engine.js';
import type { Clock, Random } from '../kms/ports.js';
import type { Caller } from '../kms/types.js';
import type { IamUser } from '../iam/types.js';
import { defaultIamState, principalFromArn } from '../iam/index.js';
import { createAccessControl } from '../policy/index.js';
import { CliConfigError } from '../awscli/index.js';

export interface Profile {
  principalArn: string;
  region: string;
  description: string;
}

export const DEFAULT_PROFILES: Record<string, Profile> = {
  default: { principalArn: 'arn:aws:iam::111122223333:user/admin', region: 'us-east-1', description: 'administrator of account 111122223333 (AdministratorAccess)' },
  dev: { principalArn: 'arn:aws:iam::111122223333:user/dev', region: 'us-east-1', description: 'developer in 111122223333 with no IAM permissions for KMS' },
  auditor: { principalArn: 'arn:aws:iam::111122223333:user/auditor', region: 'us-east-1', description: 'read-only KMS and CloudTrail access in 111122223333' },
  analytics: { principalArn: 'arn:aws:iam::444455556666:user/analyst', region: 'us-east-1', description: 'administrator of account 444455556666 (cross-account tests)' },
};

const AUDITOR_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'ReadOnlyKms', Effect: 'Allow', Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', 'cloudtrail:LookupEvents'], Resource: '*' }],
});

function user(name: string, accountId: string, userId: string, createDate: number, extra: Partial<IamUser> = {}): IamUser {
  return { name, arn: `arn:aws:iam::${accountId}:user/${name}`, userId, accountId, createDate, inlinePolicies: {}, attachedPolicies: [], ...extra };
}

/** A fresh engine for the sandbox or a test: seeded accounts, admin plus the profile users. */
export function freshEngine(clock: Clock, random: Random): KmsEngine {
  const engine = new KmsEngine({ clock, random, access: createAccessControl() });
  const iam = defaultIamState();
  const t = iam.users[0]?.createDate ?? 0;
  const adminPolicy = iam.users[0]?.attachedPolicies ?? [];
  iam.users.push(
    user('dev', '111122223333', 'AIDAEXAMPLEDEV000002', t),
    user('auditor', '111122223333', 'AIDAEXAMPLEAUDITOR03', t, { inlinePolicies: { 'kms-read-only': AUDITOR_POLICY } }),
    user('analyst', '444455556666', 'AIDAEXAMPLEANALYST04', t, { attachedPolicies: [...adminPolicy] }),
  );
  engine.iam = iam;
  return engine;
}

export function loadEngine(doc: unknown, clock: Clock, random: Random): KmsEngine {
  return KmsEngine.fromJSON(doc, { clock, random, access: createAccessControl() });
}

/** The caller a profile stands for; CliConfigError (exit 253) for an unknown profile or principal. */
export function callerFor(engine: KmsEngine, profiles: Record<string, Profile>, name: string, region?: string): Caller {
  const p = Object.prototype.hasOwnProperty.call(profiles, name) ? profiles[name] : undefined;
  if (!p) throw new CliConfigError(`The config profile (${name}) could not be found`);
  let principal;
  try {
    principal = principalFromArn(engine.iam, p.principalArn);
  } catch (e) {
    throw new CliConfigError(`The profile ${name} names ${p.principalArn}, which does not exist in the sandbox: ${(e as Error).message}`);
  }
  return { principal, accountId: principal.accountId, region: region ?? p.region };
}
