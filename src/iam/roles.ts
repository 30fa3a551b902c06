// IAM roles: CreateRole (with its trust policy), GetRole, ListRoles and the role policy operations.
import { EntityAlreadyExistsException } from './errors.js';
import type { IamRole } from './types.js';
import type { IamHandler } from './operations.js';
import { findRole } from './state.js';
import { iso, nameField, pathField, policyDocumentField, uniqueId } from './fields.js';
import { entityPolicyOps, requireEntity, type EntityKind } from './entity-policies.js';

const ROLE: EntityKind = { name: 'Role', find: findRole };

function pathOf(r: IamRole): string {
  const res = r.arn.slice(r.arn.indexOf(':role/') + 5);
  return res.slice(0, res.length - r.name.length);
}

export function roleShape(r: IamRole): Record<string, unknown> {
  const out: Record<string, unknown> = {
    Path: pathOf(r),
    RoleName: r.name,
    RoleId: r.roleId,
    Arn: r.arn,
    CreateDate: iso(r.createDate),
    AssumeRolePolicyDocument: r.assumeRolePolicyDocument,
    MaxSessionDuration: 3600,
  };
  if (r.description) out.Description = r.description;
  return out;
}

export const roleOps: Record<string, IamHandler> = {
  CreateRole: (state, req, ctx) => {
    const name = nameField(req, 'RoleName', 64);
    const path = pathField(req);
    const trust = policyDocumentField(req, 'AssumeRolePolicyDocument', 'trust');
    const account = ctx.caller.accountId;
    if (state.roles.some((r) => r.accountId === account && r.name.toLowerCase() === name.toLowerCase())) {
      throw new EntityAlreadyExistsException(`Role with name ${name} already exists.`);
    }
    const role: IamRole = {
      name,
      arn: `arn:aws:iam::${account}:role${path}${name}`,
      roleId: uniqueId('AROA', ctx.random),
      accountId: account,
      createDate: ctx.now,
      assumeRolePolicyDocument: trust,
      inlinePolicies: {},
      attachedPolicies: [],
    };
    if (typeof req.Description === 'string') role.description = req.Description;
    state.roles.push(role);
    return { Role: roleShape(role) };
  },
  GetRole: (state, req, ctx) => ({ Role: roleShape(requireEntity(ROLE, state, ctx.caller.accountId, req) as IamRole) }),
  ListRoles: (state, req, ctx) => {
    const prefix = typeof req.PathPrefix === 'string' ? req.PathPrefix : '/';
    const Roles = state.roles
      .filter((r) => r.accountId === ctx.caller.accountId && pathOf(r).startsWith(prefix))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(roleShape);
    return { Roles, IsTruncated: false };
  },
  ...entityPolicyOps(ROLE),
};
