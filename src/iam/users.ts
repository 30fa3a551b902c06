// IAM users: CreateUser, GetUser, ListUsers and the user policy operations (inline and attached).
import { EntityAlreadyExistsException, IamValidationError, NoSuchEntityException } from './errors.js';
import type { IamUser } from './types.js';
import type { IamHandler } from './operations.js';
import { findUser } from './state.js';
import { iso, nameField, pathField, uniqueId } from './fields.js';
import { entityPolicyOps, requireEntity, type EntityKind } from './entity-policies.js';

const USER: EntityKind = { name: 'User', find: findUser };

function pathOf(u: IamUser): string {
  const res = u.arn.slice(u.arn.indexOf(':user/') + 5);
  return res.slice(0, res.length - u.name.length);
}

export function userShape(u: IamUser): Record<string, unknown> {
  return { Path: pathOf(u), UserName: u.name, UserId: u.userId, Arn: u.arn, CreateDate: iso(u.createDate) };
}

export const userOps: Record<string, IamHandler> = {
  CreateUser: (state, req, ctx) => {
    const name = nameField(req, 'UserName', 64);
    const path = pathField(req);
    const account = ctx.caller.accountId;
    // IAM user names are unique per account, case-insensitively.
    if (state.users.some((u) => u.accountId === account && u.name.toLowerCase() === name.toLowerCase())) {
      throw new EntityAlreadyExistsException(`User with name ${name} already exists.`);
    }
    const user: IamUser = {
      name,
      arn: `arn:aws:iam::${account}:user${path}${name}`,
      userId: uniqueId('AIDA', ctx.random),
      accountId: account,
      createDate: ctx.now,
      inlinePolicies: {},
      attachedPolicies: [],
    };
    state.users.push(user);
    return { User: userShape(user) };
  },
  GetUser: (state, req, ctx) => {
    if (req.UserName === undefined) {
      const p = ctx.caller.principal;
      if (p.type !== 'IAMUser') throw new IamValidationError('Must specify userName when calling with non-User credentials');
      const self = state.users.find((u) => u.arn === p.arn);
      if (!self) throw new NoSuchEntityException(`The user with name ${p.name ?? p.arn} cannot be found.`);
      return { User: userShape(self) };
    }
    return { User: userShape(requireEntity(USER, state, ctx.caller.accountId, req) as IamUser) };
  },
  ListUsers: (state, req, ctx) => {
    const prefix = typeof req.PathPrefix === 'string' ? req.PathPrefix : '/';
    const Users = state.users
      .filter((u) => u.accountId === ctx.caller.accountId && pathOf(u).startsWith(prefix))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(userShape);
    return { Users, IsTruncated: false };
  },
  ...entityPolicyOps(USER),
};
