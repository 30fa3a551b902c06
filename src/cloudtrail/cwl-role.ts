// How CloudTrail gets at a trail's CloudWatch Logs group: it assumes the trail's role (whose trust policy must let
// cloudtrail.amazonaws.com call sts:AssumeRole) and writes as that role session, so the role's identity policies must
// allow logs:CreateLogStream and logs:PutLogEvents on the group's streams. CreateTrail/UpdateTrail check both first.
// Differs: CloudTrail reads the role with IAM GetRole (recorded, as cloudtrail.amazonaws.com) to see its trust
// policy; the session name is ours; the check creates the log stream at once (AWS's probe is not documented).
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-required-policy-for-cloudwatch-logs.html
import { apiCallEvent } from '../aws/api-call-event.js';
import type { Caller, Principal } from '../aws/caller.js';
import { servicePrincipal } from '../aws/caller.js';
import { ServiceException } from '../aws/errors.js';
import type { ServiceContext } from '../aws/service.js';
import { evaluatePolicy, parsePolicy } from '../policy/index.js';
import { CLOUDTRAIL_PRINCIPAL } from './trail-checks.js';
import {
  InvalidCloudWatchLogsLogGroupArnException,
  InvalidCloudWatchLogsRoleArnException,
  badRoleArn,
  groupUnvalidated,
  roleNotPermitted,
  roleUntrusted,
} from './trail-errors.js';

/** The role session name CloudTrail's delivery uses (ours: AWS's is not documented). */
export const SESSION_NAME = 'CloudTrailCloudWatchLogsDelivery';
/** AssumeRole's default session duration: one hour. https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html */
export const SESSION_MS = 3_600_000;

const GROUP_ARN = /^arn:aws:logs:([a-z0-9-]+):(\d{12}):log-group:([^:*]+)(:\*)?$/;
const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;

export interface GroupRef {
  region: string;
  accountId: string;
  name: string;
}

/**
 * The group a CloudWatchLogsLogGroupArn names; it must exist in the trail's account and home Region. Differs: how AWS
 * checks that the group exists is not documented (a role scoped to the group cannot tell a missing group from a
 * forbidden one), so CloudTrail looks at Logs' state document here instead of calling Logs.
 */
export function checkGroup(ctx: ServiceContext, arn: string, accountId: string, region: string): GroupRef {
  const m = GROUP_ARN.exec(arn);
  if (!m || m[1] !== region || m[2] !== accountId) throw new InvalidCloudWatchLogsLogGroupArnException(groupUnvalidated);
  const doc = ctx.serviceState?.('logs') as { groups?: GroupRef[] } | undefined;
  if (!doc?.groups?.some((g) => g.name === m[3] && g.accountId === accountId && g.region === region))
    throw new InvalidCloudWatchLogsLogGroupArnException(groupUnvalidated);
  return { region, accountId, name: m[3] };
}

export function groupOf(arn: string): GroupRef {
  const m = GROUP_ARN.exec(arn);
  if (!m) throw new RangeError(`not a log group ARN: ${arn}`);
  return { region: m[1], accountId: m[2], name: m[3] };
}

/** The session principal of `roleArn` as CloudTrail holds it (what STS AssumeRole would return). */
export function roleSession(roleArn: string, roleId: string): Principal {
  const m = ROLE_ARN.exec(roleArn)!;
  return {
    type: 'AssumedRole',
    arn: `arn:aws:sts::${m[1]}:assumed-role/${m[2]}/${SESSION_NAME}`,
    accountId: m[1],
    name: SESSION_NAME,
    roleArn,
    principalId: `${roleId}:${SESSION_NAME}`,
  };
}

/** Records CloudTrail's sts:AssumeRole of the role (an AWS service principal's call, invokedBy cloudtrail.amazonaws.com). */
export function recordAssumeRole(ctx: ServiceContext, roleArn: string, accountId: string, region: string, error?: { code: string; message: string }): void {
  const caller: Caller = {
    principal: servicePrincipal(CLOUDTRAIL_PRINCIPAL),
    accountId,
    region,
    sourceIp: CLOUDTRAIL_PRINCIPAL,
    userAgent: CLOUDTRAIL_PRINCIPAL,
  };
  ctx.trail.record(apiCallEvent('sts', 'AssumeRole', { RoleArn: roleArn, RoleSessionName: SESSION_NAME }, caller, ctx.now(), ctx.random, error));
}

/** Whether a trust policy lets cloudtrail.amazonaws.com sts:AssumeRole (aws:SourceArn = the trail, aws:SourceAccount). */
function trusts(document: string, roleArn: string, accountId: string, trailArn: string): boolean {
  let results;
  try {
    results = evaluatePolicy(parsePolicy(document, 'trust'), {
      action: 'sts:AssumeRole',
      resource: roleArn,
      principal: { type: 'AWSService', arn: CLOUDTRAIL_PRINCIPAL, accountId: '' },
      context: { 'aws:SourceArn': trailArn, 'aws:SourceAccount': accountId },
    });
  } catch {
    return false;
  }
  return results.some((r) => r.matched && r.effect === 'Allow') && !results.some((r) => r.matched && r.effect === 'Deny');
}

/**
 * The role's unique id once CloudTrail may assume it: the role exists and its trust policy allows
 * cloudtrail.amazonaws.com sts:AssumeRole (else InvalidCloudWatchLogsRoleArnException).
 */
export function assumeRole(ctx: ServiceContext, roleArn: string, accountId: string, region: string, trailArn: string): string {
  const m = ROLE_ARN.exec(roleArn);
  if (!m) throw new InvalidCloudWatchLogsRoleArnException(badRoleArn(roleArn));
  const as = { principal: CLOUDTRAIL_PRINCIPAL, accountId, region };
  let role: { RoleId: string; AssumeRolePolicyDocument?: unknown; Arn: string } | undefined;
  if (m[1] === accountId) {
    try {
      role = ctx.callAsService('iam', 'GetRole', { RoleName: m[2] }, as).Role as typeof role;
    } catch (e) {
      if (!(e instanceof ServiceException)) throw e;
    }
  }
  const trust = role?.AssumeRolePolicyDocument;
  const document =
    typeof trust === 'string' ? (trust.trimStart().startsWith('{') ? trust : decodeURIComponent(trust)) : trust ? JSON.stringify(trust) : undefined;
  const allowed = !!role && role.Arn === roleArn && document !== undefined && trusts(document, roleArn, accountId, trailArn);
  if (!allowed) {
    // STS's AccessDenied as it reads for a service principal (wording ours: the exact text was not found).
    recordAssumeRole(ctx, roleArn, accountId, region, {
      code: 'AccessDenied',
      message: `${CLOUDTRAIL_PRINCIPAL} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    });
    throw new InvalidCloudWatchLogsRoleArnException(roleUntrusted);
  }
  recordAssumeRole(ctx, roleArn, accountId, region);
  return role!.RoleId;
}

/**
 * Checks, as the role session, that Logs lets it create the trail's stream and put events in it (Logs' own IAM checks
 * decide). The stream is created if missing. Else InvalidCloudWatchLogsLogGroupArnException (AWS's sentence).
 */
export function checkRoleCanWrite(ctx: ServiceContext, session: Principal, group: GroupRef, stream: string): string[] {
  const caller: Caller = { principal: session, accountId: group.accountId, region: group.region };
  const denied = (e: unknown) => e instanceof ServiceException && e.code === 'AccessDeniedException';
  const known: string[] = [];
  try {
    ensureStream(ctx, caller, group, stream, known);
    // An empty PutLogEvents: Logs authorizes it first, then refuses the empty batch (InvalidParameterException).
    ctx.callFor('logs', 'PutLogEvents', { logGroupName: group.name, logStreamName: stream, logEvents: [] }, caller);
  } catch (e) {
    if (denied(e)) throw new InvalidCloudWatchLogsLogGroupArnException(roleNotPermitted);
    if (!(e instanceof ServiceException)) throw e;
    if (e.code === 'ResourceNotFoundException') throw new InvalidCloudWatchLogsLogGroupArnException(groupUnvalidated);
  }
  return known;
}

/**
 * CreateLogStream as the session, unless CloudTrail already made (or found) the stream: `known` is CloudTrail's own
 * list. A stream that already exists is taken as it is (ResourceAlreadyExistsException).
 */
export function ensureStream(ctx: ServiceContext, caller: Caller, group: GroupRef, stream: string, known: string[]): void {
  if (known.includes(stream)) return;
  try {
    ctx.callFor('logs', 'CreateLogStream', { logGroupName: group.name, logStreamName: stream }, caller);
  } catch (e) {
    if (!(e instanceof ServiceException && e.code === 'ResourceAlreadyExistsException')) throw e;
  }
  known.push(stream);
}

/** The stream CloudTrail writes a Region's events to: <account>_CloudTrail_<region>. */
export const streamName = (accountId: string, region: string): string => `${accountId}_CloudTrail_${region}`;
