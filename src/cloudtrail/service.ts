// AWS CloudTrail as the simulator answers it: LookupEvents over the world's event history, limited to the
// caller's account, and trails (trails.ts) that deliver log files to S3 (trail-delivery.ts) and events to CloudWatch
// Logs (cwl-delivery.ts). Differs: LookupEvents
// itself is not recorded.
import type { AuditEvent } from '../aws/cloudtrail.js';
import { UnknownOperationException } from '../aws/errors.js';
import type { ServiceContext, ServiceHandler } from '../aws/service.js';
import { lookupEventsNewestFirst, type LookupAttribute } from './lookup-events.js';
import { deliverToLogs } from './cwl-delivery.js';
import { deliverDue } from './trail-delivery.js';
import { isTrailsState } from './trail-model.js';
import { TRAIL_OPERATIONS, Trails } from './trails.js';

function* ofAccount(events: Iterable<AuditEvent>, accountId: string): Iterable<AuditEvent> {
  for (const e of events) if (e.recipientAccountId === accountId) yield e;
}

/** The events recorded after `after` (epoch ms), oldest first, reading the history newest first only that far. */
function eventsAfter(newestFirst: Iterable<AuditEvent>, after: number): AuditEvent[] {
  const out: AuditEvent[] = [];
  for (const e of newestFirst) {
    if (Date.parse(e.eventTime) <= after) break;
    out.push(e);
  }
  return out.reverse();
}

/**
 * CloudTrail over the world's history, read newest first at each call (and only as far as the page needs); trails
 * need the world's `ctx`.
 */
export function cloudTrailService(newestFirst: () => Iterable<AuditEvent>, ctx?: ServiceContext): ServiceHandler {
  const trails = ctx ? new Trails(ctx) : undefined;
  return {
    name: 'cloudtrail',
    operations: () => ['LookupEvents', ...(trails ? TRAIL_OPERATIONS : [])],
    call(operation, request, caller) {
      if (trails && (TRAIL_OPERATIONS as readonly string[]).includes(operation)) return trails.call(operation, request, caller);
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
    saveState: () => (trails?.state.trails.length ? trails.state : undefined),
    restoreState(doc) {
      if (!trails) return;
      if (!isTrailsState(doc)) throw new Error('Invalid CloudTrail state document: expected trails');
      trails.state = JSON.parse(JSON.stringify(doc)) as typeof trails.state;
    },
    onAdvance(from, to) {
      if (!trails || !ctx) return;
      const logging = trails.state.trails.filter((t) => t.isLogging);
      if (logging.length === 0) return;
      const oldest = Math.min(...logging.flatMap((t) => [t.deliveredThrough, ...(t.cwl ? [t.cwl.deliveredThrough] : [])]));
      const events = eventsAfter(newestFirst(), oldest);
      deliverDue(ctx, trails.state.trails, events, from, to);
      // CloudWatch Logs after S3: the S3 delivery's own KMS calls wait for the next move, like every event of this second.
      deliverToLogs(ctx, trails.state.trails, events, to);
    },
  };
}
