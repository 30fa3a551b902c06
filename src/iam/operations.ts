// IAM operations the labs and sandbox use (users, roles, inline and managed policies), with IAM's field
// names and exceptions. Mutates `state` in place. Only the caller's account is visible; IAM's own authorization is not simulated.
import type { Random } from '../aws/ports.js';
import type { Caller } from '../aws/caller.js';
import { UnknownOperationException } from '../aws/errors.js';
import type { IamState } from './types.js';
import { userOps } from './users.js';
import { roleOps } from './roles.js';
import { managedPolicyOps } from './managed-policies.js';

export interface IamContext {
  now: number;
  random: Random;
  caller: Caller;
}

export type IamHandler = (state: IamState, request: Record<string, unknown>, ctx: IamContext) => Record<string, unknown>;

const HANDLERS: Record<string, IamHandler> = { ...userOps, ...roleOps, ...managedPolicyOps };

export const IAM_OPERATIONS = Object.keys(HANDLERS).sort();

/** Runs one IAM API operation ("CreateUser") with its request fields ({UserName: "bob"}); throws IAM-named errors. */
export function executeIam(state: IamState, operation: string, request: Record<string, unknown>, ctx: IamContext): Record<string, unknown> {
  const handler = Object.prototype.hasOwnProperty.call(HANDLERS, operation) ? HANDLERS[operation] : undefined;
  if (!handler) throw new UnknownOperationException(`The IAM operation ${operation} is not supported by the simulator.`);
  return handler(state, request, ctx);
}
