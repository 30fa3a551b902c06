// A stand-in for a CloudTrail trail that sends its events to CloudWatch Logs (a trail's CloudWatchLogsLogGroupArn):
// a log group tagged `kms-study:cloudtrail-delivery=true` receives every management event CloudTrail records for its
// account from the moment it is tagged, one JSON event per record, in the stream <account>_CloudTrail_<region>.
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html
// Differs: not a trail (no CreateTrail here); delivery happens at the next Logs call or clock move, with no delay.
import { eventsAfterId } from '../aws/cloudtrail.js';
import type { ServiceContext } from '../aws/service.js';
import { appendEvents } from './groups.js';
import { publishMatches } from './metric-filters.js';
import type { LogsState } from './state.js';

export const DELIVERY_TAG = 'kms-study:cloudtrail-delivery';

export function isDeliveryGroup(tags: Record<string, string>): boolean {
  return tags[DELIVERY_TAG] === 'true';
}

/** Delivers the CloudTrail events recorded since the last delivery to the tagged log groups. */
export function deliverTrailEvents(ctx: ServiceContext, state: LogsState): void {
  const { events: fresh, last } = eventsAfterId(ctx.trail, state.trailCursor);
  state.trailCursor = last;
  if (fresh.length === 0) return;
  for (const g of state.groups) {
    if (!isDeliveryGroup(g.tags)) continue;
    const mine = fresh.filter((e) => e.recipientAccountId === g.accountId);
    if (mine.length === 0) continue;
    const stored = appendEvents(
      ctx,
      g,
      `${g.accountId}_CloudTrail_${g.region}`,
      mine.map((e) => ({ timestamp: Date.parse(e.eventTime), message: JSON.stringify(e) })),
    );
    publishMatches(ctx, g, stored);
  }
}
