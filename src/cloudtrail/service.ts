// AWS CloudTrail as the simulator answers it: LookupEvents over the world's event history, limited to the
// caller's account, and trails (trails.ts) that deliver log files to S3 (trail-delivery.ts). Differs: LookupEvents
// itself is not recorded.
import type { AuditEvent } from '../aws/cloudtrail.js';
import { UnknownOperationException } from '../aws/errors.js';
import type { ServiceContext, ServiceHandler } from '../aws/service.js';
import { lookupEvents, type LookupAttribute } from './lookup-events.js';
import { deliverDue } from './trail-delivery.js';
import { isTrailsState } from './trail-model.js';
import { TRAIL_OPERATIONS, Trails } from './trails.js';

/** CloudTrail over `events` (the world's history, read at each call); trails need the world's `ctx`. */
export function cloudTrailService(events: () => readonly AuditEvent[], ctx?: ServiceContext): ServiceHandler {
  const trails = ctx ? new Trails(ctx) : undefined;
  return {
    name: 'cloudtrail',
    operations: () => ['LookupEvents', ...(trails ? TRAIL_OPERATIONS : [])],
    call(operation, request, caller) {
      if (trails && (TRAIL_OPERATIONS as readonly string[]).includes(operation)) return trails.call(operation, request, caller);
      if (operation !== 'LookupEvents') throw new UnknownOperationException(`The cloudtrail operation ${operation} is not supported by the simulator.`);
      return lookupEvents(
        events().filter((e) => e.recipientAccountId === caller.accountId),
        {
          attributes: request.LookupAttributes as LookupAttribute[] | undefined,
          StartTime: request.StartTime as Date | undefined,
          EndTime: request.EndTime as Date | undefined,
          MaxResults: request.MaxResults as number | undefined,
          NextToken: request.NextToken as string | undefined,
        },
      );
    },
    saveState: () => (trails?.state.trails.length ? trails.state : undefined),
    restoreState(doc) {
      if (!trails) return;
      if (!isTrailsState(doc)) throw new Error('Invalid CloudTrail state document: expected trails');
      trails.state = JSON.parse(JSON.stringify(doc)) as typeof trails.state;
    },
    onAdvance(from, to) {
      if (trails && ctx) deliverDue(ctx, trails.state.trails, events(), from, to);
    },
  };
}
