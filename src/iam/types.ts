// Identities the simulator knows: accounts, IAM users and roles with their identity policies, and the
// identity state IAM keeps. The principal types live in the kernel (src/aws/caller.ts). Only what the labs and the sandbox need.

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
