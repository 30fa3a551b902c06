// Identities the simulator knows: accounts, IAM users and roles with their identity policies, and the
// principal that makes each call. Only what the labs and the sandbox need (see README "Differences").

export type PrincipalType = 'Root' | 'IAMUser' | 'AssumedRole' | 'AWSService' | 'AWSAccount';

/** Who makes a call. `arn` is what AccessDenied messages and CloudTrail show. */
export interface Principal {
  type: PrincipalType;
  /** e.g. arn:aws:iam::111122223333:user/admin, arn:aws:sts::111122223333:assumed-role/app/session,
   *  arn:aws:iam::111122223333:root; for a service principal its name (s3.amazonaws.com). */
  arn: string;
  accountId: string;
  /** For IAMUser: the user name; for AssumedRole: the session name. */
  name?: string;
  /** For AssumedRole: the role's ARN (arn:aws:iam::<acct>:role/<name>), the session issuer. */
  roleArn?: string;
  /** Stable opaque id as CloudTrail shows it (AIDA…, AROA…:session). */
  principalId?: string;
}

export interface Account {
  id: string; // 12 digits
  alias?: string;
  /** AWS Organizations organization id (o-…), for aws:PrincipalOrgID. */
  orgId?: string;
}

/** A managed policy (customer managed; AWS managed ones are pre-seeded with arn:aws:iam::aws:policy/...). */
export interface ManagedPolicy {
  arn: string;
  name: string;
  accountId: string; // 'aws' for AWS managed policies
  document: string; // JSON text of the default version
  versionId: string; // 'v1'
  createDate: number; // epoch ms
  description?: string;
  /** IAM's unique id (ANPA…) for customer managed policies. */
  policyId?: string;
}

export interface IamUser {
  name: string;
  arn: string;
  userId: string;
  accountId: string;
  createDate: number;
  inlinePolicies: Record<string, string>; // policy name -> JSON text
  attachedPolicies: string[]; // managed policy ARNs
}

export interface IamRole {
  name: string;
  arn: string;
  roleId: string;
  accountId: string;
  createDate: number;
  assumeRolePolicyDocument: string;
  description?: string;
  inlinePolicies: Record<string, string>;
  attachedPolicies: string[];
}

/** The identity part of the simulator's state. Plain data: serialises as JSON. */
export interface IamState {
  accounts: Account[];
  users: IamUser[];
  roles: IamRole[];
  policies: ManagedPolicy[];
}
