// AWS CloudTrail trails: CreateTrail, UpdateTrail, DescribeTrails, GetTrail, GetTrailStatus, StartLogging,
// StopLogging and DeleteTrail, with the destination checks of trail-checks.ts, each call recorded in the event history.
// Differs: no organization trails, event selectors, Insights, SNS notifications, tags or digest files.
// https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_Operations.html
import { recordedCall } from '../aws/api-call-event.js';
import type { Caller } from '../aws/caller.js';
import { ServiceException } from '../aws/errors.js';
import type { ServiceContext } from '../aws/service.js';
import { parseArn } from '../aws/arn.js';
import { SESSION_MS, assumeRole, checkGroup, checkRoleCanWrite, roleSession, streamName } from './cwl-role.js';
import { checkBucket, checkKey, type Destination } from './trail-checks.js';
import {
  InvalidCloudWatchLogsLogGroupArnException,
  InvalidCloudWatchLogsRoleArnException,
  InvalidHomeRegionException,
  InvalidParameterCombinationException,
  InvalidS3PrefixException,
  InvalidTrailNameException,
  TrailAlreadyExistsException,
  TrailNotFoundException,
  alreadyExists,
  groupMissing,
  roleMissing,
  unknownTrail,
} from './trail-errors.js';
import { trailArn, trailNameProblem, trailShape, writeResponse, type TrailRecord, type TrailsState } from './trail-model.js';

type Req = Record<string, unknown>;

export const TRAIL_OPERATIONS = [
  'CreateTrail',
  'UpdateTrail',
  'DescribeTrails',
  'GetTrail',
  'GetTrailStatus',
  'StartLogging',
  'StopLogging',
  'DeleteTrail',
] as const;

const at = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms));

export class Trails {
  state: TrailsState = { trails: [] };
  constructor(private readonly ctx: ServiceContext) {}

  call(operation: string, req: Req, caller: Caller): Req {
    return recordedCall(this.ctx, 'cloudtrail', operation, req, caller, () => this.run(operation, req, caller));
  }

  private run(operation: string, req: Req, caller: Caller): Req {
    if (!(TRAIL_OPERATIONS as readonly string[]).includes(operation)) {
      throw new ServiceException('simulator', 'UnknownOperationException', `The cloudtrail operation ${operation} is not supported by the simulator.`);
    }
    const name = String(req.Name ?? '');
    const resource = operation === 'DescribeTrails' ? '*' : name.startsWith('arn:') ? name : trailArn(caller.region, caller.accountId, name);
    this.authorize(operation, caller, resource);
    switch (operation) {
      case 'CreateTrail':
        return this.create(req, caller);
      case 'UpdateTrail':
        return this.update(req, caller);
      case 'DescribeTrails':
        return this.describe(req, caller);
      case 'GetTrail':
        return { Trail: trailShape(this.find(req.Name, caller)) };
      case 'GetTrailStatus':
        return this.status(this.find(req.Name, caller));
      case 'DeleteTrail': {
        const t = this.home(req.Name, caller);
        this.state.trails = this.state.trails.filter((x) => x !== t);
        return {};
      }
      default:
        return this.logging(this.home(req.Name, caller), operation === 'StartLogging');
    }
  }

  /** CloudTrail's own permission (cloudtrail:<Operation>) from the caller's IAM policies. */
  private authorize(operation: string, caller: Caller, resourceArn: string): void {
    const d = this.ctx.access.authorize({ action: `cloudtrail:${operation}`, caller, resourceArn, grants: [], context: {}, now: this.ctx.now() });
    if (!d.allowed)
      throw new ServiceException(
        'cloudtrail',
        'AccessDeniedException',
        d.message ?? `User: ${caller.principal.arn} is not authorized to perform: cloudtrail:${operation} on resource: ${resourceArn}`,
      );
  }

  private destination(name: string, bucket: string, prefix: string | undefined, caller: Caller): Destination {
    if (prefix !== undefined && (prefix.length > 200 || prefix.startsWith('/') || prefix.endsWith('/'))) {
      // Ours: AWS's message for a bad prefix was not found.
      throw new InvalidS3PrefixException(`Invalid S3 key prefix: ${prefix}`);
    }
    return {
      bucket,
      prefix: prefix || undefined,
      accountId: caller.accountId,
      region: caller.region,
      trailArn: trailArn(caller.region, caller.accountId, name),
    };
  }

  private create(req: Req, caller: Caller): Req {
    const name = String(req.Name ?? '');
    const problem = trailNameProblem(name);
    if (problem) throw new InvalidTrailNameException(problem);
    const arn = trailArn(caller.region, caller.accountId, name);
    if (this.state.trails.some((t) => t.accountId === caller.accountId && t.Name === name && (t.HomeRegion === caller.region || t.IsMultiRegionTrail))) {
      throw new TrailAlreadyExistsException(alreadyExists(name, caller.accountId));
    }
    const global = req.IncludeGlobalServiceEvents !== false;
    const multi = req.IsMultiRegionTrail === true;
    // https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html (IsMultiRegionTrail)
    if (multi && !global) throw new InvalidParameterCombinationException('Multi-Region trail must include global service events.');
    const d = this.destination(name, String(req.S3BucketName ?? ''), req.S3KeyPrefix as string | undefined, caller);
    const bucket = checkBucket(this.ctx, d);
    const kmsKeyArn = req.KmsKeyId ? checkKey(this.ctx, String(req.KmsKeyId), d, bucket) : undefined;
    const logs = this.logsDestination(name, req.CloudWatchLogsLogGroupArn, req.CloudWatchLogsRoleArn, caller);
    const t: TrailRecord = {
      Name: name,
      accountId: caller.accountId,
      HomeRegion: caller.region,
      TrailARN: arn,
      S3BucketName: d.bucket,
      IsMultiRegionTrail: multi,
      IncludeGlobalServiceEvents: global,
      LogFileValidationEnabled: req.EnableLogFileValidation === true,
      isLogging: false,
      deliveredThrough: this.ctx.now(),
      delivered: [],
    };
    if (d.prefix) t.S3KeyPrefix = d.prefix;
    if (kmsKeyArn) t.KmsKeyId = kmsKeyArn;
    this.setLogs(t, logs);
    this.state.trails.push(t);
    return writeResponse(t);
  }

  private update(req: Req, caller: Caller): Req {
    const t = this.home(req.Name, caller);
    const bucket = req.S3BucketName !== undefined ? String(req.S3BucketName) : t.S3BucketName;
    const prefix = req.S3KeyPrefix !== undefined ? String(req.S3KeyPrefix) : t.S3KeyPrefix;
    const global = typeof req.IncludeGlobalServiceEvents === 'boolean' ? req.IncludeGlobalServiceEvents : t.IncludeGlobalServiceEvents;
    const multi = typeof req.IsMultiRegionTrail === 'boolean' ? req.IsMultiRegionTrail : t.IsMultiRegionTrail;
    if (multi && !global) throw new InvalidParameterCombinationException('Multi-Region trail must include global service events.');
    const d = this.destination(t.Name, bucket, prefix, caller);
    const facts = checkBucket(this.ctx, d);
    // KmsKeyId "" turns log-file encryption off (SSE-S3 again); absent keeps the key.
    // https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_UpdateTrail.html (KmsKeyId)
    let key = t.KmsKeyId;
    if (req.KmsKeyId !== undefined) key = req.KmsKeyId === '' ? undefined : checkKey(this.ctx, String(req.KmsKeyId), d, facts);
    else if (key) checkKey(this.ctx, key, d, facts);
    // "" for both turns the CloudWatch Logs delivery off; one given alone combines with the trail's other one.
    const groupArn = req.CloudWatchLogsLogGroupArn !== undefined ? req.CloudWatchLogsLogGroupArn : t.CloudWatchLogsLogGroupArn;
    const roleArn = req.CloudWatchLogsRoleArn !== undefined ? req.CloudWatchLogsRoleArn : t.CloudWatchLogsRoleArn;
    const changed = groupArn !== t.CloudWatchLogsLogGroupArn || roleArn !== t.CloudWatchLogsRoleArn;
    const logs = changed ? this.logsDestination(t.Name, groupArn, roleArn, caller) : 'keep';
    t.S3BucketName = d.bucket;
    if (d.prefix) t.S3KeyPrefix = d.prefix;
    else delete t.S3KeyPrefix;
    t.IncludeGlobalServiceEvents = global;
    t.IsMultiRegionTrail = multi;
    if (typeof req.EnableLogFileValidation === 'boolean') t.LogFileValidationEnabled = req.EnableLogFileValidation;
    if (key) t.KmsKeyId = key;
    else delete t.KmsKeyId;
    if (logs !== 'keep') this.setLogs(t, logs);
    return writeResponse(t);
  }

  /**
   * The CloudWatch Logs destination once CloudTrail may use it: both ARNs or neither, the group exists, CloudTrail
   * can assume the role, and the role session may create the stream and put events (see cwl-role.ts).
   * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html (CloudWatchLogsLogGroupArn, CloudWatchLogsRoleArn)
   */
  private logsDestination(name: string, group: unknown, role: unknown, caller: Caller): { groupArn: string; roleArn: string; roleId: string; streams: string[] } | undefined {
    const g = group ? String(group) : '';
    const r = role ? String(role) : '';
    if (!g && !r) return undefined;
    if (!r) throw new InvalidCloudWatchLogsRoleArnException(roleMissing);
    if (!g) throw new InvalidCloudWatchLogsLogGroupArnException(groupMissing);
    const ref = checkGroup(this.ctx, g, caller.accountId, caller.region);
    const roleId = assumeRole(this.ctx, r, caller.accountId, caller.region, trailArn(caller.region, caller.accountId, name));
    const streams = checkRoleCanWrite(this.ctx, roleSession(r, roleId), ref, streamName(caller.accountId, caller.region));
    return { groupArn: g, roleArn: r, roleId, streams };
  }

  private setLogs(t: TrailRecord, logs: { groupArn: string; roleArn: string; roleId: string; streams: string[] } | undefined): void {
    if (!logs) {
      delete t.CloudWatchLogsLogGroupArn;
      delete t.CloudWatchLogsRoleArn;
      delete t.cwl;
      return;
    }
    t.CloudWatchLogsLogGroupArn = logs.groupArn;
    t.CloudWatchLogsRoleArn = logs.roleArn;
    // Events from this second on go to the (new) group; the check's AssumeRole session lasts an hour.
    const now = this.ctx.now();
    t.cwl = { roleId: logs.roleId, deliveredThrough: Math.floor(now / 1000) * 1000 - 1, sessionUntil: now + SESSION_MS, streams: logs.streams };
  }

  private describe(req: Req, caller: Caller): Req {
    const names = req.trailNameList as string[] | undefined;
    const shadows = req.includeShadowTrails !== false;
    const visible = this.state.trails.filter((t) => t.accountId === caller.accountId && (t.HomeRegion === caller.region || (shadows && t.IsMultiRegionTrail)));
    const wanted = names?.length ? visible.filter((t) => names.includes(t.Name) || names.includes(t.TrailARN)) : visible;
    return { trailList: wanted.map(trailShape) };
  }

  private status(t: TrailRecord): Req {
    const out: Req = { IsLogging: t.isLogging };
    const set = (k: string, v: unknown) => {
      if (v !== undefined) out[k] = v;
    };
    set('LatestDeliveryError', t.latestDeliveryError);
    set('LatestDeliveryTime', at(t.latestDeliveryTime));
    set('StartLoggingTime', at(t.startLoggingTime));
    set('StopLoggingTime', at(t.stopLoggingTime));
    set('LatestCloudWatchLogsDeliveryError', t.cwl?.latestDeliveryError);
    set('LatestCloudWatchLogsDeliveryTime', at(t.cwl?.latestDeliveryTime));
    // AWS marks these fields "no longer in use" but still returns them (strings, or "" before any attempt).
    out.LatestDeliveryAttemptTime = t.latestDeliveryAttempt === undefined ? '' : new Date(t.latestDeliveryAttempt).toISOString().replace(/\.\d{3}Z$/, 'Z');
    out.LatestDeliveryAttemptSucceeded = t.latestDeliveryAttempt === undefined ? '' : t.latestDeliveryError ? '' : out.LatestDeliveryAttemptTime;
    out.TimeLoggingStarted = t.startLoggingTime === undefined ? '' : new Date(t.startLoggingTime).toISOString().replace(/\.\d{3}Z$/, 'Z');
    out.TimeLoggingStopped = t.stopLoggingTime === undefined ? '' : new Date(t.stopLoggingTime).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return out;
  }

  private logging(t: TrailRecord, on: boolean): Req {
    const now = this.ctx.now();
    if (on && !t.isLogging) {
      t.isLogging = true;
      t.startLoggingTime = now;
      // eventTime has whole seconds: the events of this second (StartLogging's own included) are delivered.
      t.deliveredThrough = Math.floor(now / 1000) * 1000 - 1;
      if (t.cwl) t.cwl.deliveredThrough = t.deliveredThrough;
    } else if (!on && t.isLogging) {
      t.isLogging = false;
      t.stopLoggingTime = now;
    }
    return {};
  }

  /** The trail a Name (a name or a trail ARN) names, as seen from the caller's Region (multi-Region trails everywhere). */
  find(name: unknown, caller: Caller): TrailRecord {
    const text = String(name ?? '');
    const arn = text.startsWith('arn:') ? parseArn(text) : undefined;
    const plain = arn ? arn.resource.replace(/^trail\//, '') : text;
    const account = arn?.accountId ?? caller.accountId;
    const region = arn?.region ?? caller.region;
    const t = this.state.trails.find((x) => x.accountId === account && x.Name === plain && (x.HomeRegion === region || x.IsMultiRegionTrail));
    if (!t || account !== caller.accountId) throw new TrailNotFoundException(unknownTrail(trailArn(region, account, plain), caller.accountId));
    return t;
  }

  /** Like find, but the call must be made in the trail's home Region (a shadow trail cannot be changed). */
  private home(name: unknown, caller: Caller): TrailRecord {
    const t = this.find(name, caller);
    if (t.HomeRegion !== caller.region) {
      // https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_UpdateTrail.html (InvalidHomeRegionException); wording ours.
      throw new InvalidHomeRegionException(`The trail ${t.TrailARN} can only be changed in its home Region ${t.HomeRegion}.`);
    }
    return t;
  }
}
