// IAM operations the labs and sandbox use (users, roles, inline and managed policies), with IAM's field
// names and exceptions. Only the caller's own account is visible; IAM's own authorization is not simulated.
import type { Random } from '../kms/ports.js';
import type { Caller } from '../kms/types.js';
import { UnknownOperationException } from '../kms/errors.js';
import type { IamState } from './types.js';

export interface IamContext {
  now: number;
  random: Random;
  caller: Caller;
}

export const IAM_OPERATIONS = [
  'CreateUser', 'CreateRole', 'GetUser', 'GetRole', 'ListUsers', 'ListRoles', 'PutUserPolicy', 'PutRolePolicy',
  'GetUserPolicy', 'GetRolePolicy', 'ListUserPolicies', 'ListRolePolicies', 'DeleteUserPolicy', 'DeleteRolePolicy',
  'CreatePolicy', 'GetPolicy', 'GetPolicyVersion', 'AttachUserPolicy', 'AttachRolePolicy', 'DetachUserPolicy',
  'DetachRolePolicy', 'ListAttachedUserPolicies', 'ListAttachedRolePolicies',
] as const;

export function executeIam(state: IamState, operation: string, request: Record<string, unknown>, ctx: IamContext): Record<string, unknown> {
  void state;
  void request;
  void ctx;
  throw new UnknownOperationException(`IAM operation ${operation} is not implemented yet`);
}
