// Inline and attached policies of users and roles, shared by both: Put/Get/List/Delete<Entity>Policy and
// Attach/Detach/ListAttached<Entity>Policies, with IAM's NoSuchEntity wording.
import { NoSuchEntityException } from './errors.js';
import type { IamRole, IamState, IamUser } from './types.js';
import type { IamHandler } from './operations.js';
import { nameField, policyDocumentField, stringField } from './fields.js';

export interface EntityKind {
  /** 'User' or 'Role' (operation names and field names). */
  name: 'User' | 'Role';
  find(state: IamState, accountId: string, entityName: string): IamUser | IamRole | undefined;
}

export function requireEntity(kind: EntityKind, state: IamState, accountId: string, req: Record<string, unknown>): IamUser | IamRole {
  const name = nameField(req, `${kind.name}Name`, 64);
  const e = kind.find(state, accountId, name);
  if (!e) throw new NoSuchEntityException(`The ${kind.name.toLowerCase()} with name ${name} cannot be found.`);
  return e;
}

export function entityPolicyOps(kind: EntityKind): Record<string, IamHandler> {
  const n = kind.name;
  const field = `${n}Name`;
  const lower = n.toLowerCase();
  return {
    [`Put${n}Policy`]: (state, req, ctx) => {
      const e = requireEntity(kind, state, ctx.caller.accountId, req);
      const policyName = nameField(req, 'PolicyName', 128);
      e.inlinePolicies[policyName] = policyDocumentField(req, 'PolicyDocument', 'identity');
      return {};
    },
    [`Get${n}Policy`]: (state, req, ctx) => {
      const e = requireEntity(kind, state, ctx.caller.accountId, req);
      const policyName = nameField(req, 'PolicyName', 128);
      const doc = e.inlinePolicies[policyName];
      if (doc === undefined) throw new NoSuchEntityException(`The ${lower} policy with name ${policyName} cannot be found.`);
      return { [field]: e.name, PolicyName: policyName, PolicyDocument: doc };
    },
    [`List${n}Policies`]: (state, req, ctx) => {
      const e = requireEntity(kind, state, ctx.caller.accountId, req);
      return { PolicyNames: Object.keys(e.inlinePolicies).sort(), IsTruncated: false };
    },
    [`Delete${n}Policy`]: (state, req, ctx) => {
      const e = requireEntity(kind, state, ctx.caller.accountId, req);
      const policyName = nameField(req, 'PolicyName', 128);
      if (e.inlinePolicies[policyName] === undefined) throw new NoSuchEntityException(`The ${lower} policy with name ${policyName} cannot be found.`);
      delete e.inlinePolicies[policyName];
      return {};
    },
    [`Attach${n}Policy`]: (state, req, ctx) => {
      const e = requireEntity(kind, state, ctx.caller.accountId, req);
      const arn = stringField(req, 'PolicyArn');
      const p = state.policies.find((x) => x.arn === arn && (x.accountId === 'aws' || x.accountId === ctx.caller.accountId));
      if (!p) throw new NoSuchEntityException(`Policy ${arn} does not exist or is not attachable.`);
      if (!e.attachedPolicies.includes(arn)) e.attachedPolicies.push(arn);
      return {};
    },
    [`Detach${n}Policy`]: (state, req, ctx) => {
      const e = requireEntity(kind, state, ctx.caller.accountId, req);
      const arn = stringField(req, 'PolicyArn');
      const i = e.attachedPolicies.indexOf(arn);
      if (i < 0) throw new NoSuchEntityException(`Policy ${arn} was not found.`);
      e.attachedPolicies.splice(i, 1);
      return {};
    },
    [`ListAttached${n}Policies`]: (state, req, ctx) => {
      const e = requireEntity(kind, state, ctx.caller.accountId, req);
      const AttachedPolicies = e.attachedPolicies.map((arn) => ({
        PolicyName: state.policies.find((p) => p.arn === arn)?.name ?? arn.slice(arn.lastIndexOf('/') + 1),
        PolicyArn: arn,
      }));
      return { AttachedPolicies, IsTruncated: false };
    },
  };
}
