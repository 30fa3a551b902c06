// How a logging trail delivers: every 5 minutes of simulated time, the account's management events of the trail's
// Regions go as one gzip'd JSON log file {"Records": [...]} per Region to the trail's bucket, written by
// cloudtrail.amazonaws.com through S3 (PutObject; SSE-KMS under the trail's key with aws:cloudtrail:arn as encryption
// context, S3 adds aws:s3:arn). A refused write leaves the events for the next delivery and shows in
// LatestDeliveryError (S3's error code). Differs: deliveries happen only when the simulated clock is advanced; a
// successful delivery clears LatestDeliveryError (AWS does not document when it clears); no digest files.
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html (file name format)
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/how-cloudtrail-works.html (about every 5 minutes)
import { gzipSync } from 'node:zlib';
import type { AuditEvent } from '../aws/cloudtrail.js';
import { ServiceException } from '../aws/errors.js';
import type { ServiceContext } from '../aws/service.js';
import { CLOUDTRAIL_PRINCIPAL, logPrefix } from './trail-checks.js';
import type { TrailRecord } from './trail-model.js';

export const DELIVERY_INTERVAL_MS = 5 * 60_000;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Global services whose events a trail with IncludeGlobalServiceEvents receives whatever its Region. */
const GLOBAL_SOURCES = new Set(['iam.amazonaws.com']);

const pad = (n: number) => String(n).padStart(2, '0');

/** <prefix>AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_YYYYMMDDTHHmmZ_<16 chars>.json.gz */
export function logFileKey(t: TrailRecord, region: string, at: number, unique: string): string {
  const d = new Date(at);
  const [y, m, day] = [d.getUTCFullYear(), pad(d.getUTCMonth() + 1), pad(d.getUTCDate())];
  const stamp = `${y}${m}${day}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}Z`;
  return `${logPrefix(t.S3KeyPrefix, t.accountId)}CloudTrail/${region}/${y}/${m}/${day}/${t.accountId}_CloudTrail_${region}_${stamp}_${unique}.json.gz`;
}

function uniqueString(ctx: ServiceContext): string {
  return Array.from(ctx.random.bytes(16), (b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** Whether the trail receives this event (its account; its home Region, every Region, or a global service's event). */
export function receives(t: TrailRecord, e: AuditEvent): boolean {
  if (e.recipientAccountId !== t.accountId) return false;
  if (t.IsMultiRegionTrail || e.awsRegion === t.HomeRegion) return true;
  return t.IncludeGlobalServiceEvents && GLOBAL_SOURCES.has(e.eventSource);
}

/** Delivers the events each logging trail has due: those before the last 5-minute boundary at or before `to`
 * (a window [b - 5 min, b) is delivered once the clock reaches b). */
export function deliverDue(ctx: ServiceContext, trails: TrailRecord[], events: readonly AuditEvent[], from: number, to: number): void {
  const boundary = Math.floor(to / DELIVERY_INTERVAL_MS) * DELIVERY_INTERVAL_MS;
  for (const t of trails) {
    if (!t.isLogging || boundary - 1 <= t.deliveredThrough) continue;
    // One file per (5-minute window, Region), oldest first.
    const groups = new Map<string, { end: number; region: string; records: AuditEvent[] }>();
    for (const e of events) {
      const time = Date.parse(e.eventTime);
      if (time <= t.deliveredThrough || time >= boundary || !receives(t, e)) continue;
      const end = Math.floor(time / DELIVERY_INTERVAL_MS) * DELIVERY_INTERVAL_MS + DELIVERY_INTERVAL_MS;
      const id = `${end}|${e.awsRegion}`;
      const g = groups.get(id) ?? { end, region: e.awsRegion, records: [] };
      g.records.push(e);
      groups.set(id, g);
    }
    const ordered = [...groups.values()].sort((a, b) => a.end - b.end || (a.region < b.region ? -1 : 1));
    let failed = false;
    for (const g of ordered) {
      const at = Math.max(g.end, from);
      if (!deliverFile(ctx, t, g.region, at, g.records)) {
        failed = true;
        break;
      }
      t.deliveredThrough = Math.max(t.deliveredThrough, g.end - 1);
    }
    if (!failed) t.deliveredThrough = boundary - 1;
  }
}

/** Writes one log file as cloudtrail.amazonaws.com; records the outcome in the trail's status. */
function deliverFile(ctx: ServiceContext, t: TrailRecord, region: string, at: number, records: AuditEvent[]): boolean {
  const key = logFileKey(t, region, at, uniqueString(ctx));
  const request: Record<string, unknown> = {
    Bucket: t.S3BucketName,
    Key: key,
    Body: new Uint8Array(gzipSync(JSON.stringify({ Records: records }))),
    ContentType: 'application/json',
    ContentEncoding: 'gzip',
    ACL: 'bucket-owner-full-control',
  };
  if (t.KmsKeyId) {
    request.ServerSideEncryption = 'aws:kms';
    request.SSEKMSKeyId = t.KmsKeyId;
    request.SSEKMSEncryptionContext = Buffer.from(JSON.stringify({ 'aws:cloudtrail:arn': t.TrailARN })).toString('base64');
  }
  t.latestDeliveryAttempt = at;
  try {
    ctx.callAsService('s3', 'PutObject', request, { principal: CLOUDTRAIL_PRINCIPAL, accountId: t.accountId, region: t.HomeRegion, sourceArn: t.TrailARN });
  } catch (e) {
    if (!(e instanceof ServiceException)) throw e;
    t.latestDeliveryError = e.code;
    return false;
  }
  delete t.latestDeliveryError;
  t.latestDeliveryTime = at;
  t.delivered.push(key);
  return true;
}
