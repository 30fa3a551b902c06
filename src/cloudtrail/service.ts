// AWS CloudTrail as the simulator answers it: LookupEvents over the world's event history, limited to the
// caller's account. Differs: LookupEvents itself is not recorded; there are no trails.
import type { AuditEvent } from '../aws/cloudtrail.js';
import { UnknownOperationException } from '../aws/errors.js';
import type { ServiceHandler } from '../aws/service.js';
import { lookupEventsNewestFirst, type LookupAttribute } from './lookup-events.js';

function* ofAccount(events: Iterable<AuditEvent>, accountId: string): Iterable<AuditEvent> {
  for (const e of events) if (e.recipientAccountId === accountId) yield e;
}

/** CloudTrail over the world's history, read newest first at each call (and only as far as the page needs). */
export function cloudTrailService(newestFirst: () => Iterable<AuditEvent>): ServiceHandler {
  return {
    name: 'cloudtrail',
    operations: () => ['LookupEvents'],
    call(operation, request, caller) {
      if (operation !== 'LookupEvents') throw new UnknownOperationException(`The cloudtrail operation ${operation} is not supported by the simulator.`);
      return lookupEventsNewestFirst(
        ofAccount(newestFirst(), caller.accountId),
        {
          attributes: request.LookupAttributes as LookupAttribute[] | undefined,
          StartTime: request.StartTime as Date | undefined,
          EndTime: request.EndTime as Date | undefined,
          MaxResults: request.MaxResults as number | undefined,
          NextToken: request.NextToken as string | undefined,
        },
      );
    },
  };
}
