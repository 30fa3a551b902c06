// Customer managed policies: CreatePolicy, GetPolicy, GetPolicyVersion (one version, v1; no CreatePolicyVersion).
// AWS managed policies (arn:aws:iam::aws:policy/...) are seeded in the state and readable from every account.
import { EntityAlreadyExistsException, NoSuchEntityException } from './errors.js';
import type { IamState, ManagedPolicy } from './types.js';
import type { IamHandler } from './operations.js';
import { iso, nameField, pathField, policyDocumentField, stringField, uniqueId } from './fields.js';

function attachmentCount(state: IamState, arn: string): number {
  return [...state.users, ...state.roles].filter((e) => e.attachedPolicies.includes(arn)).length;
}

function policyShape(state: IamState, p: ManagedPolicy): Record<string, unknown> {
  const path = p.arn.slice(p.arn.indexOf(':policy/') + 7, p.arn.length - p.name.length);
  const out: Record<string, unknown> = {
    PolicyName: p.name,
    PolicyId: p.policyId ?? 'ANPA' + p.name.toUpperCase().replace(/[^A-Z0-9]/g, '').padEnd(17, 'X').slice(0, 17),
    Arn: p.arn,
    Path: path,
    DefaultVersionId: p.versionId,
    AttachmentCount: attachmentCount(state, p.arn),
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    CreateDate: iso(p.createDate),
    UpdateDate: iso(p.createDate),
  };
  if (p.description) out.Description = p.description;
  return out;
}

function requirePolicy(state: IamState, req: Record<string, unknown>, accountId: string): ManagedPolicy {
  const arn = stringField(req, 'PolicyArn');
  const p = state.policies.find((x) => x.arn === arn && (x.accountId === 'aws' || x.accountId === accountId));
  if (!p) throw new NoSuchEntityException(`Policy ${arn} was not found.`);
  return p;
}

export const managedPolicyOps: Record<string, IamHandler> = {
  CreatePolicy: (state, req, ctx) => {
    const name = nameField(req, 'PolicyName', 128);
    const path = pathField(req);
    const document = policyDocumentField(req, 'PolicyDocument', 'identity');
    const account = ctx.caller.accountId;
    const arn = `arn:aws:iam::${account}:policy${path}${name}`;
    if (state.policies.some((p) => p.accountId === account && p.name === name)) {
      throw new EntityAlreadyExistsException(`A policy called ${name} already exists. Duplicate names are not allowed.`);
    }
    const policy: ManagedPolicy = {
      arn,
      name,
      accountId: account,
      document,
      versionId: 'v1',
      createDate: ctx.now,
      policyId: uniqueId('ANPA', ctx.random),
    };
    if (typeof req.Description === 'string') policy.description = req.Description;
    state.policies.push(policy);
    return { Policy: policyShape(state, policy) };
  },
  GetPolicy: (state, req, ctx) => ({ Policy: policyShape(state, requirePolicy(state, req, ctx.caller.accountId)) }),
  GetPolicyVersion: (state, req, ctx) => {
    const p = requirePolicy(state, req, ctx.caller.accountId);
    const version = stringField(req, 'VersionId');
    if (version !== p.versionId) throw new NoSuchEntityException(`Policy ${p.arn} version ${version} does not exist or is not attachable.`);
    return { PolicyVersion: { Document: p.document, VersionId: p.versionId, IsDefaultVersion: true, CreateDate: iso(p.createDate) } };
  },
};
