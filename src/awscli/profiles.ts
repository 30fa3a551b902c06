// Named profiles (`--profile`) as the AWS CLI's config gives them: each names the principal it calls as and
// its default Region. Differs: profiles live in the sandbox file, not in ~/.aws/config, and carry no credentials.
import type { Caller } from '../aws/caller.js';
import type { World } from '../sim/world.js';
import { CliConfigError } from './errors.js';

export interface Profile {
  principalArn: string;
  region: string;
  description: string;
}

export const DEFAULT_PROFILES: Record<string, Profile> = {
  default: { principalArn: 'arn:aws:iam::111122223333:user/admin', region: 'us-east-1', description: 'administrator of account 111122223333 (AdministratorAccess)' },
  dev: { principalArn: 'arn:aws:iam::111122223333:user/dev', region: 'us-east-1', description: 'developer in 111122223333 with no IAM policy: only key, bucket and topic policies and grants let it in' },
  auditor: { principalArn: 'arn:aws:iam::111122223333:user/auditor', region: 'us-east-1', description: 'read-only KMS and CloudTrail access in 111122223333' },
  analytics: { principalArn: 'arn:aws:iam::444455556666:user/analyst', region: 'us-east-1', description: 'administrator of account 444455556666 (cross-account tests)' },
};

/** The caller a profile stands for; CliConfigError (exit 253) for an unknown profile or principal. */
export function callerFor(world: Pick<World, 'principal'>, profiles: Record<string, Profile>, name: string, region?: string): Caller {
  const p = Object.prototype.hasOwnProperty.call(profiles, name) ? profiles[name] : undefined;
  if (!p) throw new CliConfigError(`The config profile (${name}) could not be found`);
  let principal;
  try {
    principal = world.principal(p.principalArn);
  } catch (e) {
    throw new CliConfigError(`The profile ${name} names ${p.principalArn}, which does not exist in the sandbox: ${(e as Error).message}`);
  }
  return { principal, accountId: principal.accountId, region: region ?? p.region };
}
