// AWS STS as the simulator answers it: GetCallerIdentity only (who the current profile is). Each call is
// recorded in CloudTrail. Differs: AssumeRole is not an API here; the labs' profiles name role sessions directly.
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
import { apiCallEvent } from '../aws/api-call-event.js';
import { ServiceException, UnknownOperationException } from '../aws/errors.js';
import type { ServiceContext, ServiceHandler } from '../aws/service.js';

const OPERATIONS = ['GetCallerIdentity'];

export function stsService(ctx: ServiceContext): ServiceHandler {
  return {
    name: 'sts',
    operations: () => OPERATIONS,
    call(operation, request, caller) {
      const now = ctx.now();
      try {
        if (operation !== 'GetCallerIdentity') throw new UnknownOperationException(`The STS operation ${operation} is not supported by the simulator.`);
        const p = caller.principal;
        const response = { UserId: p.principalId ?? p.accountId, Account: caller.accountId, Arn: p.arn };
        ctx.trail.record(apiCallEvent('sts', operation, request, caller, now, ctx.random));
        return response;
      } catch (e) {
        if (e instanceof ServiceException) ctx.trail.record(apiCallEvent('sts', operation, request, caller, now, ctx.random, e));
        throw e;
      }
    },
  };
}
