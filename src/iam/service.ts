// AWS IAM as one service of the world: IAM's state (accounts, users, roles, managed policies), its operations
// with their CloudTrail records (IAM is global: events land in us-east-1), and IAM timestamps as dates.
// Differs: IAM's own authorization is not simulated (every caller may call IAM in its account).
import { apiCallEvent } from '../aws/api-call-event.js';
import type { Caller, Principal } from '../aws/caller.js';
import { ServiceException } from '../aws/errors.js';
import type { ServiceContext, ServiceHandler } from '../aws/service.js';
import { executeIam, IAM_OPERATIONS } from './operations.js';
import { defaultIamState, principalFromArn } from './state.js';
import type { IamState } from './types.js';

/** An operation the world answers for IAM with other services' knowledge (SimulatePrincipalPolicy). */
export type IamExtraOperation = (request: Record<string, unknown>, caller: Caller) => Record<string, unknown>;

export class IamService implements ServiceHandler {
  readonly name = 'iam';
  state: IamState;

  constructor(
    private readonly ctx: Pick<ServiceContext, 'now' | 'random' | 'trail'>,
    state: IamState = defaultIamState(),
    private readonly extra: Record<string, IamExtraOperation> = {},
  ) {
    this.state = state;
  }

  operations(): readonly string[] {
    return [...IAM_OPERATIONS, ...Object.keys(this.extra)].sort();
  }

  /** The principal an ARN names (user, role session, account root, service principal); IAM errors otherwise. */
  principal(arn: string): Principal {
    return principalFromArn(this.state, arn);
  }

  call(operation: string, request: Record<string, unknown>, caller: Caller): Record<string, unknown> {
    const now = this.ctx.now();
    try {
      const response = this.answer(operation, request, caller, now);
      this.ctx.trail.record(apiCallEvent('iam', operation, request, caller, now, this.ctx.random));
      return response;
    } catch (e) {
      if (e instanceof ServiceException) this.ctx.trail.record(apiCallEvent('iam', operation, request, caller, now, this.ctx.random, e));
      throw e;
    }
  }

  private answer(operation: string, request: Record<string, unknown>, caller: Caller, now: number): Record<string, unknown> {
    const extra = Object.prototype.hasOwnProperty.call(this.extra, operation) ? this.extra[operation] : undefined;
    if (extra) return extra(request, caller);
    return datesOf(executeIam(this.state, operation, request, { now, random: this.ctx.random, caller })) as Record<string, unknown>;
  }
}

/** IAM timestamps (CreateDate, UpdateDate...) as Date values, so the CLI prints them as it prints KMS dates. */
function datesOf(v: unknown, key = ''): unknown {
  if (typeof v === 'string' && /Date$/.test(key) && /^\d{4}-\d\d-\d\dT/.test(v) && !Number.isNaN(Date.parse(v))) return new Date(v);
  if (typeof v === 'number' && /Date$/.test(key)) return new Date(v);
  if (Array.isArray(v)) return v.map((x) => datesOf(x));
  if (v && typeof v === 'object' && !(v instanceof Date) && !(v instanceof Uint8Array))
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, datesOf(x, k)]));
  return v;
}
