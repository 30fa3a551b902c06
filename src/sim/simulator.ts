// The simulator facade the CLI, the lab shell and the tests call: one `call(service, operation, request,
// caller)` for KMS (the engine), the IAM slice, STS GetCallerIdentity and CloudTrail LookupEvents.
import type { KmsEngine } from '../kms/engine.js';
import { lookupEvents } from '../kms/audit.js';
import { KmsException, UnknownOperationException } from '../kms/errors.js';
import { SeededRandom, type Random } from '../kms/ports.js';
import type { Caller } from '../kms/types.js';
import { executeIam } from '../iam/index.js';
import { serviceEvent } from './events.js';
import { simulatePrincipalPolicy } from './simulate-policy.js';

export { runAws, runAwsLine, type AwsIo, type AwsResult, type CallerResolver } from './run.js';

export class Simulator {
  private readonly random: Random;
  constructor(
    readonly engine: KmsEngine,
    random?: Random,
  ) {
    // IAM ids need randomness; without an injected source, a seed derived from the state keeps runs repeatable.
    this.random = random ?? new SeededRandom(`simulator:${engine.now()}:${engine.audit.length}`);
  }

  call(service: string, operation: string, request: Record<string, unknown>, caller: Caller): Record<string, unknown> {
    switch (service) {
      case 'kms':
        return this.engine.execute(operation, request, caller);
      case 'iam':
      case 'sts':
        return this.recorded(service, operation, request, caller);
      case 'cloudtrail':
        if (operation !== 'LookupEvents') break;
        return lookupEvents(
          this.engine.audit.filter((e) => e.recipientAccountId === caller.accountId),
          {
            attributes: request.LookupAttributes as { AttributeKey: string; AttributeValue: string }[] | undefined,
            StartTime: request.StartTime as Date | undefined,
            EndTime: request.EndTime as Date | undefined,
            MaxResults: request.MaxResults as number | undefined,
            NextToken: request.NextToken as string | undefined,
          },
        );
      default:
        break;
    }
    throw new UnknownOperationException(`The ${service} operation ${operation} is not supported by the simulator.`);
  }

  private recorded(service: 'iam' | 'sts', operation: string, request: Record<string, unknown>, caller: Caller): Record<string, unknown> {
    const now = this.engine.now();
    try {
      const response = this.answer(service, operation, request, caller);
      this.engine.recordEvent(serviceEvent(service, operation, request, caller, now, this.random));
      return response;
    } catch (e) {
      if (e instanceof KmsException) this.engine.recordEvent(serviceEvent(service, operation, request, caller, now, this.random, e));
      throw e;
    }
  }

  private answer(service: 'iam' | 'sts', operation: string, request: Record<string, unknown>, caller: Caller): Record<string, unknown> {
    if (service === 'sts') {
      if (operation !== 'GetCallerIdentity') throw new UnknownOperationException(`The STS operation ${operation} is not supported by the simulator.`);
      const p = caller.principal;
      return { UserId: p.principalId ?? p.accountId, Account: caller.accountId, Arn: p.arn };
    }
    if (operation === 'SimulatePrincipalPolicy') return simulatePrincipalPolicy(this.engine, request, caller);
    return datesOf(executeIam(this.engine.iam, operation, request, { now: this.engine.now(), random: this.random, caller })) as Record<string, unknown>;
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
