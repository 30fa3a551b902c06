// How a logging trail with CloudWatchLogsLogGroupArn sends its events to CloudWatch Logs: as its role session (assumed
// again when the one-hour session ends), CreateLogStream <account>_CloudTrail_<region> if missing, then PutLogEvents,
// one JSON event per CloudTrail record (timestamp = eventTime), so the group's metric filters see each record. A refused
// call (the role lost its permission or was deleted, the group was deleted, the group's KMS key is disabled) leaves the
// events for the next attempt and shows in GetTrailStatus's LatestCloudWatchLogsDeliveryError (Logs' error code).
// Differs: AWS documents no delay for this delivery (typically quicker than S3's 5 minutes); here it happens at each
// move of the simulated clock, with the events recorded before that second. The error text is ours (the code). A
// multi-Region trail whose delivery fails for one Region's stream after another Region's succeeded sends the latter's
// events again on the next attempt (one cursor per trail).
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html
// https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetTrailStatus.html (LatestCloudWatchLogsDelivery*)
import type { AuditEvent } from '../aws/cloudtrail.js';
import type { Caller } from '../aws/caller.js';
import { ServiceException } from '../aws/errors.js';
import type { ServiceContext } from '../aws/service.js';
import { SESSION_MS, ensureStream, groupOf, recordAssumeRole, roleSession, streamName } from './cwl-role.js';
import { receives } from './trail-delivery.js';
import type { TrailRecord } from './trail-model.js';

/** PutLogEvents takes at most 10,000 events per call. https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html */
const BATCH = 10_000;

/** Sends each logging trail's due events (recorded before the current second of `to`) to its log group. */
export function deliverToLogs(ctx: ServiceContext, trails: TrailRecord[], events: readonly AuditEvent[], to: number): void {
  const through = Math.floor(to / 1000) * 1000 - 1;
  for (const t of trails) {
    const d = t.cwl;
    if (!t.isLogging || !d || !t.CloudWatchLogsLogGroupArn || !t.CloudWatchLogsRoleArn || through <= d.deliveredThrough) continue;
    const due = events.filter((e) => {
      const time = Date.parse(e.eventTime);
      return time > d.deliveredThrough && time <= through && receives(t, e);
    });
    if (due.length === 0) {
      d.deliveredThrough = through;
      continue;
    }
    const group = groupOf(t.CloudWatchLogsLogGroupArn);
    if (d.sessionUntil === undefined || d.sessionUntil <= to) {
      recordAssumeRole(ctx, t.CloudWatchLogsRoleArn, t.accountId, t.HomeRegion);
      d.sessionUntil = to + SESSION_MS;
    }
    const caller: Caller = { principal: roleSession(t.CloudWatchLogsRoleArn, d.roleId), accountId: group.accountId, region: group.region };
    try {
      for (const region of [...new Set(due.map((e) => e.awsRegion))].sort()) {
        const stream = streamName(t.accountId, region);
        ensureStream(ctx, caller, group, stream, (d.streams ??= []));
        const mine = due.filter((e) => e.awsRegion === region);
        for (let i = 0; i < mine.length; i += BATCH) {
          const logEvents = mine.slice(i, i + BATCH).map((e) => ({ timestamp: Date.parse(e.eventTime), message: JSON.stringify(e) }));
          ctx.callFor('logs', 'PutLogEvents', { logGroupName: group.name, logStreamName: stream, logEvents }, caller);
        }
      }
    } catch (e) {
      if (!(e instanceof ServiceException)) throw e;
      d.latestDeliveryError = e.code;
      // A group deleted (and perhaps made again) has lost its streams: make them again at the next delivery.
      if (e.code === 'ResourceNotFoundException') d.streams = [];
      continue;
    }
    delete d.latestDeliveryError;
    d.latestDeliveryTime = to;
    d.deliveredThrough = through;
  }
}
