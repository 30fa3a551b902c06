// Seeded identities and principal resolution: the three study accounts, the admin user, and turning an ARN
// (user, role, assumed-role session, account root, service) into the Principal that makes a call.
import { InvalidInputException, NoSuchEntityException } from './errors.js';
import type { IamRole, IamState, IamUser, ManagedPolicy } from './types.js';
import type { Principal } from '../aws/caller.js';

export const SEED_TIME = Date.UTC(2026, 0, 1);
export const ADMIN_POLICY_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';

const ADMIN_POLICY: ManagedPolicy = {
  arn: ADMIN_POLICY_ARN,
  name: 'AdministratorAccess',
  accountId: 'aws',
  document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
  versionId: 'v1',
  createDate: Date.UTC(2015, 1, 6, 18, 39, 46),
  description: 'Provides full access to AWS services and resources.',
};

/** Accounts 111122223333 (prod) and 444455556666 (analytics) in one organization, 555566667777 outside it; user admin. */
export function defaultIamState(): IamState {
  return {
    accounts: [
      { id: '111122223333', alias: 'prod', orgId: 'o-a1b2c3d4e5' },
      { id: '444455556666', alias: 'analytics', orgId: 'o-a1b2c3d4e5' },
      { id: '555566667777', alias: 'partner' },
    ],
    users: [
      {
        name: 'admin',
        arn: 'arn:aws:iam::111122223333:user/admin',
        userId: 'AIDAEXAMPLEADMIN0001',
        accountId: '111122223333',
        createDate: SEED_TIME,
        inlinePolicies: {},
        attachedPolicies: [ADMIN_POLICY_ARN],
      },
    ],
    roles: [],
    policies: [{ ...ADMIN_POLICY }],
  };
}

export function findUser(iam: IamState, accountId: string, name: string): IamUser | undefined {
  return iam.users.find((u) => u.accountId === accountId && u.name === name);
}

export function findRole(iam: IamState, accountId: string, name: string): IamRole | undefined {
  return iam.roles.find((r) => r.accountId === accountId && r.name === name);
}

function lastSegment(resource: string): string {
  return resource.slice(resource.lastIndexOf('/') + 1);
}

/** The session principal for `roleArn` assumed with `sessionName` (as STS AssumeRole would return it). */
export function assumedRole(iam: IamState, roleArn: string, sessionName: string): Principal {
  const m = /^arn:aws:iam::(\d{12}):role\/(.+)$/.exec(roleArn);
  if (!m) throw new InvalidInputException(`Invalid role ARN: ${roleArn}`);
  const role = findRole(iam, m[1], lastSegment(m[2]));
  if (!role) throw new NoSuchEntityException(`The role with name ${lastSegment(m[2])} cannot be found.`);
  if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) throw new InvalidInputException(`Invalid role session name: ${sessionName}`);
  return {
    type: 'AssumedRole',
    arn: `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/${sessionName}`,
    accountId: role.accountId,
    name: sessionName,
    roleArn: role.arn,
    principalId: `${role.roleId}:${sessionName}`,
  };
}

/**
 * The principal an ARN names: an account root (or bare account id), an IAM user, a role (as a session named
 * "kms-study"), an assumed-role session, or a service principal such as s3.amazonaws.com.
 */
export function principalFromArn(iam: IamState, arn: string): Principal {
  if (/^[a-z0-9.-]+\.amazonaws\.com$/.test(arn)) return { type: 'AWSService', arn, accountId: '' };
  const bare = /^\d{12}$/.test(arn) ? arn : undefined;
  const root = bare ?? /^arn:aws:iam::(\d{12}):root$/.exec(arn)?.[1];
  if (root) {
    if (!iam.accounts.some((a) => a.id === root)) throw new NoSuchEntityException(`Account ${root} is not known to the simulator.`);
    return { type: 'Root', arn: `arn:aws:iam::${root}:root`, accountId: root, principalId: root };
  }
  const user = /^arn:aws:iam::(\d{12}):user\/(.+)$/.exec(arn);
  if (user) {
    const u = findUser(iam, user[1], lastSegment(user[2]));
    if (!u) throw new NoSuchEntityException(`The user with name ${lastSegment(user[2])} cannot be found.`);
    return { type: 'IAMUser', arn: u.arn, accountId: u.accountId, name: u.name, principalId: u.userId };
  }
  if (/^arn:aws:iam::\d{12}:role\//.test(arn)) return assumedRole(iam, arn, 'kms-study');
  const session = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/.exec(arn);
  if (session) {
    const role = findRole(iam, session[1], session[2]);
    if (!role) throw new NoSuchEntityException(`The role with name ${session[2]} cannot be found.`);
    return assumedRole(iam, role.arn, session[3]);
  }
  throw new InvalidInputException(`Not a principal ARN: ${arn}`);
}

/** Inline and attached policies of a user, or of the role behind an assumed-role session. Root and services have none. */
export function identityPoliciesOf(iam: IamState, principal: Principal): { id: string; document: string }[] {
  let entity: IamUser | IamRole | undefined;
  if (principal.type === 'IAMUser') entity = iam.users.find((u) => u.arn === principal.arn);
  else if (principal.type === 'AssumedRole') entity = iam.roles.find((r) => r.arn === principal.roleArn);
  if (!entity) return [];
  const out = Object.entries(entity.inlinePolicies).map(([name, document]) => ({ id: `${entity.arn} inline policy ${name}`, document }));
  for (const arn of entity.attachedPolicies) {
    const p = iam.policies.find((x) => x.arn === arn);
    if (p) out.push({ id: p.arn, document: p.document });
  }
  return out;
}
