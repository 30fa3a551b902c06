// A trail's CloudWatch Logs delivery: CreateTrail/UpdateTrail's checks of the log group and the role (trust policy,
// logs:CreateLogStream and logs:PutLogEvents as the role session), events in <account>_CloudTrail_<region> one JSON
// record each, a metric filter firing on them, and failed deliveries in GetTrailStatus.
import { describe, expect, it } from '@jest/globals';
import type { Caller } from '../../src/aws/caller.js';
import type { World } from '../../src/sim/world.js';
import { logsStatement, monitorWorld, trailToLogs } from '../logs/helpers.js';
import { createKey } from '../s3/helpers.js';
import { ACCOUNT, ROOT, TRAIL, createTrail, errorOf, trailWorld } from './helpers.js';

const GROUP = 'CloudTrail/audit';
const GROUP_ARN = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${GROUP}:*`;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/CloudTrail_CloudWatchLogs_Role`;
const STREAM = `${ACCOUNT}_CloudTrail_us-east-1`;
const MIN = 60_000;

const TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
/** The role policy of AWS's CloudTrail user guide (cloudtrail-required-policy-for-cloudwatch-logs.html). */
const writePolicy = (actions = ['logs:CreateLogStream', 'logs:PutLogEvents']) => ({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: actions, Resource: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${GROUP}:log-stream:${ACCOUNT}_CloudTrail_us-east-1*` },
  ],
});

function cwlWorld(o: { trust?: object; actions?: string[]; group?: boolean; groupKey?: boolean } = {}) {
  const w = trailWorld();
  const { world, admin } = w;
  // A group encrypted with a key whose policy lets Logs use it (logs.us-east-1.amazonaws.com).
  const groupKey = o.groupKey ? createKey(world, admin, { Version: '2012-10-17', Statement: [ROOT, logsStatement()] }) : undefined;
  if (o.group !== false) world.call('logs', 'CreateLogGroup', { logGroupName: GROUP, ...(groupKey ? { kmsKeyId: groupKey } : {}) }, admin);
  world.call('iam', 'CreateRole', { RoleName: 'CloudTrail_CloudWatchLogs_Role', AssumeRolePolicyDocument: JSON.stringify(o.trust ?? TRUST) }, admin);
  world.call(
    'iam',
    'PutRolePolicy',
    { RoleName: 'CloudTrail_CloudWatchLogs_Role', PolicyName: 'cwl', PolicyDocument: JSON.stringify(writePolicy(o.actions)) },
    admin,
  );
  return { ...w, groupKey };
}

const withLogs = { CloudWatchLogsLogGroupArn: GROUP_ARN, CloudWatchLogsRoleArn: ROLE_ARN };
const status = (world: World, admin: Caller) => world.call('cloudtrail', 'GetTrailStatus', { Name: TRAIL }, admin);
const streamEvents = (world: World, admin: Caller) =>
  (world.call('logs', 'GetLogEvents', { logGroupName: GROUP, logStreamName: STREAM }, admin).events as { message: string; timestamp: number }[]) ?? [];
const fail = (fn: () => unknown) => {
  const e = errorOf(fn);
  return { code: e.code, message: e.message };
};

describe('CreateTrail with CloudWatch Logs', () => {
  it('accepts the group and role, returns and describes both, and creates the stream as the role session', () => {
    const { world, admin } = cwlWorld();
    const before = world.trail.events.length;
    expect(createTrail(world, admin, withLogs)).toMatchObject(withLogs);
    expect(world.call('cloudtrail', 'GetTrail', { Name: TRAIL }, admin).Trail).toMatchObject(withLogs);
    const streams = world.call('logs', 'DescribeLogStreams', { logGroupName: GROUP }, admin).logStreams as { logStreamName: string }[];
    expect(streams.map((s) => s.logStreamName)).toEqual([STREAM]);
    const fresh = world.trail.events.slice(before);
    const assume = fresh.find((e) => e.eventName === 'AssumeRole');
    expect(assume).toMatchObject({ eventSource: 'sts.amazonaws.com', userIdentity: { type: 'AWSService', invokedBy: 'cloudtrail.amazonaws.com' } });
    expect(assume?.errorCode).toBeUndefined();
    const create = fresh.find((e) => e.eventName === 'CreateLogStream');
    expect(create?.userIdentity).toMatchObject({
      type: 'AssumedRole',
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/CloudTrail_CloudWatchLogs_Role/CloudTrailCloudWatchLogsDelivery`,
    });
  });

  it('needs both ARNs: a group alone or a role alone is refused', () => {
    const { world, admin } = cwlWorld();
    expect(fail(() => createTrail(world, admin, { CloudWatchLogsLogGroupArn: GROUP_ARN }))).toEqual({
      code: 'InvalidCloudWatchLogsRoleArnException',
      message: 'You must specify a role ARN as well as a log group.',
    });
    expect(fail(() => createTrail(world, admin, { CloudWatchLogsRoleArn: ROLE_ARN })).code).toBe('InvalidCloudWatchLogsLogGroupArnException');
    expect(world.call('cloudtrail', 'DescribeTrails', {}, admin).trailList).toEqual([]);
  });

  it('refuses a malformed group ARN, a group of another Region and a group that does not exist', () => {
    const { world, admin } = cwlWorld();
    const message = "Check the log group ARN: CloudTrail can't validate it.";
    for (const arn of [
      `arn:aws:logs:us-east-1:${ACCOUNT}:${GROUP}`,
      `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:${GROUP}:*`,
      GROUP_ARN.replace(GROUP, 'missing'),
    ])
      expect(fail(() => createTrail(world, admin, { ...withLogs, CloudWatchLogsLogGroupArn: arn }))).toEqual({
        code: 'InvalidCloudWatchLogsLogGroupArnException',
        message,
      });
  });

  it('refuses a role CloudTrail may not assume (trust policy for another service, or no such role)', () => {
    const { world, admin } = cwlWorld({ trust: { ...TRUST, Statement: [{ ...TRUST.Statement[0], Principal: { Service: 'ec2.amazonaws.com' } }] } });
    const denied = { code: 'InvalidCloudWatchLogsRoleArnException', message: 'Access denied. Check the trust relationships for your role.' };
    const before = world.trail.events.length;
    expect(fail(() => createTrail(world, admin, withLogs))).toEqual(denied);
    expect(world.trail.events.slice(before).find((e) => e.eventName === 'AssumeRole')?.errorCode).toBe('AccessDenied');
    expect(fail(() => createTrail(world, admin, { ...withLogs, CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/nobody` }))).toEqual(denied);
    expect(fail(() => createTrail(world, admin, { ...withLogs, CloudWatchLogsRoleArn: 'CloudTrail_CloudWatchLogs_Role' })).code).toBe(
      'InvalidCloudWatchLogsRoleArnException',
    );
  });

  it('refuses a role whose policies do not allow logs:CreateLogStream or logs:PutLogEvents on the group (Logs decides)', () => {
    const message = 'Access denied. Check the permissions for your role.';
    for (const actions of [['logs:PutLogEvents'], ['logs:CreateLogStream']]) {
      const { world, admin } = cwlWorld({ actions });
      expect(fail(() => createTrail(world, admin, withLogs))).toEqual({ code: 'InvalidCloudWatchLogsLogGroupArnException', message });
    }
  });
});

describe('UpdateTrail with CloudWatch Logs', () => {
  it('adds the delivery to an existing trail, and "" for both turns it off', () => {
    const { world, admin } = cwlWorld();
    createTrail(world, admin);
    expect(world.call('cloudtrail', 'UpdateTrail', { Name: TRAIL, ...withLogs }, admin)).toMatchObject(withLogs);
    // Clearing only the role leaves a group without a role.
    expect(fail(() => world.call('cloudtrail', 'UpdateTrail', { Name: TRAIL, CloudWatchLogsRoleArn: '' }, admin)).message).toBe(
      'You must specify a role ARN as well as a log group.',
    );
    const off = world.call('cloudtrail', 'UpdateTrail', { Name: TRAIL, CloudWatchLogsLogGroupArn: '', CloudWatchLogsRoleArn: '' }, admin);
    expect(off.CloudWatchLogsLogGroupArn).toBeUndefined();
    expect(off.CloudWatchLogsRoleArn).toBeUndefined();
  });
});

function deliveringTrail(o: Parameters<typeof cwlWorld>[0] = {}) {
  const w = cwlWorld(o);
  createTrail(w.world, w.admin, withLogs);
  // eventTime has whole seconds: the events of StartLogging's second are delivered, so start a minute later.
  w.world.advance(MIN);
  w.world.call('cloudtrail', 'StartLogging', { Name: TRAIL }, w.admin);
  return w;
}

describe('delivery to CloudWatch Logs', () => {
  it('sends the management events at the next clock move, one JSON CloudTrail record per log event', () => {
    const { world, admin } = deliveringTrail();
    world.call('kms', 'ListKeys', {}, admin);
    expect(streamEvents(world, admin)).toEqual([]);
    world.advance(MIN);
    const events = streamEvents(world, admin);
    const records = events.map((e) => JSON.parse(e.message) as { eventName: string; eventTime: string });
    expect(records.map((r) => r.eventName)).toEqual(['StartLogging', 'ListKeys']);
    expect(events[1].timestamp).toBe(Date.parse(records[1].eventTime));
    expect(status(world, admin)).toMatchObject({ LatestCloudWatchLogsDeliveryTime: new Date(world.now()) });
    expect(status(world, admin).LatestCloudWatchLogsDeliveryError).toBeUndefined();
    // The next move sends only the two GetTrailStatus calls: the delivery's own PutLogEvents is a data event (not
    // recorded), and the stream existed already (no CreateLogStream).
    world.advance(MIN);
    const names = streamEvents(world, admin).map((e) => (JSON.parse(e.message) as { eventName: string }).eventName);
    expect(names).toEqual(['StartLogging', 'ListKeys', 'GetTrailStatus', 'GetTrailStatus']);
    world.advance(MIN);
    expect(streamEvents(world, admin)).toHaveLength(4);
  });

  it('feeds the metric filters of the group: a call to a key pending deletion becomes a datapoint', () => {
    const { world, admin } = deliveringTrail();
    world.call(
      'logs',
      'PutMetricFilter',
      {
        logGroupName: GROUP,
        filterName: 'pending',
        filterPattern: '{ $.eventSource = kms* && $.errorMessage = "* is pending deletion."}',
        metricTransformations: [{ metricName: 'KMSKeyPendingDeletionErrorCount', metricNamespace: 'CloudTrailLogMetrics', metricValue: '1' }],
      },
      admin,
    );
    const key = String((world.call('kms', 'CreateKey', {}, admin).KeyMetadata as { KeyId: string }).KeyId);
    world.call('kms', 'ScheduleKeyDeletion', { KeyId: key, PendingWindowInDays: 7 }, admin);
    expect(errorOf(() => world.call('kms', 'Encrypt', { KeyId: key, Plaintext: new Uint8Array([1]) }, admin)).code).toBe('KMSInvalidStateException');
    world.advance(MIN);
    const series = (world.serviceState('cloudwatch') as { series: { name: string; points: unknown[] }[] }).series;
    expect(series.find((s) => s.name === 'KMSKeyPendingDeletionErrorCount')?.points).toHaveLength(1);
  });

  it('a role that lost logs:PutLogEvents: no events, the error in GetTrailStatus; fixed, the held events arrive', () => {
    const { world, admin } = deliveringTrail();
    world.call(
      'iam',
      'PutRolePolicy',
      { RoleName: 'CloudTrail_CloudWatchLogs_Role', PolicyName: 'cwl', PolicyDocument: JSON.stringify(writePolicy(['logs:CreateLogStream'])) },
      admin,
    );
    world.call('kms', 'ListKeys', {}, admin);
    world.advance(MIN);
    expect(streamEvents(world, admin)).toEqual([]);
    expect(status(world, admin)).toMatchObject({ LatestCloudWatchLogsDeliveryError: 'AccessDeniedException' });
    expect(status(world, admin).LatestCloudWatchLogsDeliveryTime).toBeUndefined();
    world.call('iam', 'PutRolePolicy', { RoleName: 'CloudTrail_CloudWatchLogs_Role', PolicyName: 'cwl', PolicyDocument: JSON.stringify(writePolicy()) }, admin);
    world.advance(MIN);
    expect(streamEvents(world, admin).map((e) => (JSON.parse(e.message) as { eventName: string }).eventName)).toEqual(
      expect.arrayContaining(['StartLogging', 'ListKeys', 'PutRolePolicy']),
    );
    expect(status(world, admin).LatestCloudWatchLogsDeliveryError).toBeUndefined();
  });

  it('a deleted group shows ResourceNotFoundException; a stopped trail sends nothing', () => {
    const { world, admin } = deliveringTrail();
    world.call('logs', 'DeleteLogGroup', { logGroupName: GROUP }, admin);
    world.advance(MIN);
    expect(status(world, admin).LatestCloudWatchLogsDeliveryError).toBe('ResourceNotFoundException');
    // The group made again: CloudTrail makes its stream again and delivers the events it held.
    world.call('logs', 'CreateLogGroup', { logGroupName: GROUP }, admin);
    world.advance(MIN);
    expect(status(world, admin).LatestCloudWatchLogsDeliveryError).toBeUndefined();
    expect(streamEvents(world, admin).length).toBeGreaterThan(0);
    const other = deliveringTrail();
    other.world.call('cloudtrail', 'StopLogging', { Name: TRAIL }, other.admin);
    other.world.advance(MIN);
    expect(streamEvents(other.world, other.admin)).toEqual([]);
  });

  it("an encrypted group: Logs encrypts the events under the group's key; a disabled key stops the delivery", () => {
    const { world, admin, groupKey } = deliveringTrail({ groupKey: true });
    world.advance(MIN);
    expect(streamEvents(world, admin).length).toBeGreaterThan(0);
    const held = streamEvents(world, admin).length;
    world.call('kms', 'DisableKey', { KeyId: groupKey }, admin);
    world.advance(MIN);
    expect(status(world, admin).LatestCloudWatchLogsDeliveryError).toBe('AccessDeniedException');
    world.call('kms', 'EnableKey', { KeyId: groupKey }, admin);
    world.advance(MIN);
    const names = streamEvents(world, admin).map((e) => (JSON.parse(e.message) as { eventName: string }).eventName);
    expect(names.length).toBeGreaterThan(held);
    expect(names).toContain('DisableKey');
    expect(status(world, admin).LatestCloudWatchLogsDeliveryError).toBeUndefined();
  });

  it('assumes the role again only when its one-hour session has ended', () => {
    const { world, admin } = deliveringTrail();
    const assumes = () => world.trail.events.filter((e) => e.eventName === 'AssumeRole').length;
    const first = assumes();
    world.call('kms', 'ListKeys', {}, admin);
    world.advance(MIN);
    expect(assumes()).toBe(first);
    world.advance(61 * MIN);
    world.call('kms', 'ListKeys', {}, admin);
    world.advance(MIN);
    expect(assumes()).toBe(first + 1);
  });

  it('a log group tagged kms-study:cloudtrail-delivery=true receives nothing without a trail', () => {
    const { world, admin } = trailWorld();
    world.call('logs', 'CreateLogGroup', { logGroupName: 'tagged', tags: { 'kms-study:cloudtrail-delivery': 'true' } }, admin);
    world.call('kms', 'ListKeys', {}, admin);
    world.advance(10 * MIN);
    expect(world.call('logs', 'DescribeLogStreams', { logGroupName: 'tagged' }, admin).logStreams).toEqual([]);
  });
});

describe('aws cloudtrail with CloudWatch Logs (the CLI)', () => {
  it("prints AWS's error line for a group without a role, and get-trail-status shows the delivery time", async () => {
    const { aws, json, world } = monitorWorld();
    await trailToLogs(json, 'CloudTrail/kms');
    const r = await aws(`aws cloudtrail update-trail --name audit --cloud-watch-logs-role-arn ""`);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toBe(
      '\nAn error occurred (InvalidCloudWatchLogsRoleArnException) when calling the UpdateTrail operation: You must specify a role ARN as well as a log group.\n',
    );
    world.advance(MIN);
    const s = await json('aws cloudtrail get-trail-status --name audit');
    expect(s.LatestCloudWatchLogsDeliveryTime).toEqual(expect.any(String));
    expect(s.LatestCloudWatchLogsDeliveryError).toBeUndefined();
  });
});
