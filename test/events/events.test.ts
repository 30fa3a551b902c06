// EventBridge: rules with event patterns, the KMS events emitted on the simulated clock (deletion, rotation, expiry of
// imported material), CloudTrail API call events, SNS and log group targets, and FailedInvocations for a target
// that the events.amazonaws.com principal cannot use (an aws/sns topic, or a topic whose policy does not let it in),
// and the events:* authorization of every operation.
import { describe, expect, it } from '@jest/globals';
import { callerFor, DEFAULT_PROFILES } from '../../src/awscli/profiles.js';
import { busEventsOf } from '../../src/events/kms-events.js';
import { defaultTopicPolicy } from '../../src/sns/access.js';
import { matches, parsePattern } from '../../src/events/pattern.js';
import { ACCOUNT, monitorWorld } from '../logs/helpers.js';
import { importedKey } from './kms-import.js';

const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:key-events`;
const DAY = 86_400_000;

/** The default topic policy plus the statement EventBridge needs to publish (what AWS requires for an SNS target). */
function topicPolicyForEvents(topic: string, condition?: object): string {
  const def = JSON.parse(defaultTopicPolicy(topic, ACCOUNT)) as { Statement: object[] };
  const events = { Sid: 'AllowEventBridge', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: topic };
  return JSON.stringify({ ...def, Statement: [...def.Statement, condition ? { ...events, Condition: condition } : events] });
}

async function withRule(pattern: object, topicKey?: string) {
  const w = monitorWorld();
  await w.aws(`aws sns create-topic --name key-events${topicKey ? ` --attributes KmsMasterKeyId=${topicKey}` : ''}`);
  await w.json(`aws sns set-topic-attributes --topic-arn ${TOPIC} --attribute-name Policy --attribute-value '${topicPolicyForEvents(TOPIC)}'`);
  await w.aws(`aws sns subscribe --topic-arn ${TOPIC} --protocol email --notification-endpoint sec@example.com`);
  await w.json(`aws events put-rule --name kms-lifecycle --event-pattern '${JSON.stringify(pattern)}'`);
  await w.json(`aws events put-targets --rule kms-lifecycle --targets Id=pager,Arn=${TOPIC}`);
  const inbox = async () =>
    ((await w.json('aws sns list-inbox')).Messages as { message: string }[]).map((m) => JSON.parse(m.message) as Record<string, unknown>);
  return { ...w, inbox };
}

describe('KMS events on the simulated clock', () => {
  it('KMS CMK Deletion arrives when the waiting period ends, not when the deletion is scheduled', async () => {
    const { json, world, inbox } = await withRule({ source: ['aws.kms'], 'detail-type': ['KMS CMK Deletion'] });
    const key = String(((await json('aws kms create-key')).KeyMetadata as { KeyId: string }).KeyId);
    await json(`aws kms schedule-key-deletion --key-id ${key} --pending-window-in-days 7`);
    world.advance(6 * DAY);
    expect(await inbox()).toEqual([]);
    world.advance(2 * DAY);
    const [ev] = await inbox();
    expect(ev).toMatchObject({
      version: '0',
      'detail-type': 'KMS CMK Deletion',
      source: 'aws.kms',
      account: ACCOUNT,
      region: 'us-east-1',
      resources: [`arn:aws:kms:us-east-1:${ACCOUNT}:key/${key}`],
      detail: { 'key-id': key },
    });
    expect(ev.time).toBe('2026-12-05T13:00:00Z');
  });

  it('KMS CMK Rotation for automatic and on-demand rotation, with the rotation type', async () => {
    const { json, world, inbox } = await withRule({ source: ['aws.kms'], 'detail-type': ['KMS CMK Rotation'] });
    const key = String(((await json('aws kms create-key')).KeyMetadata as { KeyId: string }).KeyId);
    await json(`aws kms rotate-key-on-demand --key-id ${key}`);
    await json(`aws kms enable-key-rotation --key-id ${key} --rotation-period-in-days 90`);
    world.advance(91 * DAY);
    const events = await inbox();
    expect(events.map((e) => (e.detail as Record<string, unknown>)['rotation-type'])).toEqual(['ON_DEMAND', 'AUTOMATIC']);
    expect((events[1].detail as Record<string, unknown>)['current-key-material-id']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('KMS Imported Key Material Expiration when the material expires', async () => {
    const { world, inbox } = await withRule({ source: ['aws.kms'], 'detail-type': ['KMS Imported Key Material Expiration'] });
    const admin = callerFor(world, DEFAULT_PROFILES, 'default');
    const { keyId } = importedKey(world, admin, new Date(Date.UTC(2026, 11, 1)));
    world.advance(2 * DAY);
    expect(await inbox()).toEqual([]);
    world.advance(2 * DAY);
    expect(await inbox()).toEqual([
      expect.objectContaining({ 'detail-type': 'KMS Imported Key Material Expiration', detail: { 'key-id': keyId }, time: '2026-12-01T00:00:00Z' }),
    ]);
  });

  it('AWS API Call via CloudTrail events, matched on detail fields; read-only calls are not sent', async () => {
    const { json, inbox } = await withRule({
      source: ['aws.kms'],
      'detail-type': ['AWS API Call via CloudTrail'],
      detail: { eventName: ['ScheduleKeyDeletion', 'DescribeKey'] },
    });
    const key = String(((await json('aws kms create-key')).KeyMetadata as { KeyId: string }).KeyId);
    await json(`aws kms describe-key --key-id ${key}`);
    await json(`aws kms schedule-key-deletion --key-id ${key}`);
    await json('aws events list-rules'); // EventBridge looks at what CloudTrail recorded
    const events = await inbox();
    expect(events.map((e) => (e.detail as Record<string, unknown>).eventName)).toEqual(['ScheduleKeyDeletion']);
  });
});

describe('targets', () => {
  it('an aws/sns topic target fails for events.amazonaws.com: FailedInvocations in AWS/Events, nothing in the inbox', async () => {
    const { json, world, inbox } = await withRule({ source: ['aws.kms'] }, 'alias/aws/sns');
    const key = String(((await json('aws kms create-key')).KeyMetadata as { KeyId: string }).KeyId);
    await json(`aws kms schedule-key-deletion --key-id ${key} --pending-window-in-days 7`);
    world.advance(8 * DAY);
    expect(await inbox()).toEqual([]);
    const stats = await json(
      'aws cloudwatch get-metric-statistics --namespace AWS/Events --metric-name FailedInvocations --dimensions Name=RuleName,Value=kms-lifecycle --start-time 2026-12-01T00:00:00Z --end-time 2026-12-06T00:00:00Z --period 3600 --statistics Sum',
    );
    expect(stats.Datapoints).toEqual([expect.objectContaining({ Sum: 1 })]);
    const denied = world.trail.events.filter((e) => e.errorCode === 'AccessDenied').at(-1)!;
    expect(denied.userIdentity).toMatchObject({ type: 'AWSService', invokedBy: 'events.amazonaws.com' });
  });

  it('a log group target receives the event as JSON; list-targets-by-rule and describe-rule show the rule', async () => {
    const { aws, json, world } = monitorWorld();
    await aws('aws logs create-log-group --log-group-name /aws/events/kms');
    await json(`aws events put-rule --name all-kms --event-pattern '{"source":["aws.kms"]}'`);
    const logArn = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/events/kms:*`;
    expect(await json(`aws events put-targets --rule all-kms --targets Id=logs,Arn=${logArn}`)).toEqual({ FailedEntryCount: 0, FailedEntries: [] });
    expect((await json('aws events list-targets-by-rule --rule all-kms')).Targets).toEqual([{ Id: 'logs', Arn: logArn }]);
    expect(await json('aws events describe-rule --name all-kms')).toMatchObject({
      Name: 'all-kms',
      Arn: `arn:aws:events:us-east-1:${ACCOUNT}:rule/all-kms`,
      State: 'ENABLED',
      EventBusName: 'default',
    });
    const key = String(((await json('aws kms create-key')).KeyMetadata as { KeyId: string }).KeyId);
    await json(`aws kms schedule-key-deletion --key-id ${key} --pending-window-in-days 7`);
    world.advance(8 * DAY);
    const found = (await json('aws logs filter-log-events --log-group-name /aws/events/kms --filter-pattern \'{ $.detail-type = "KMS CMK Deletion" }\''))
      .events as { message: string }[];
    expect(found).toHaveLength(1);
  });

  it('refuses bad patterns and bad input', async () => {
    const { aws } = monitorWorld();
    expect((await aws(`aws events put-rule --name r --event-pattern '{"source":"aws.kms"}'`)).stderr).toContain(
      '(InvalidEventPatternException) when calling the PutRule operation: Event pattern is not valid.',
    );
    expect((await aws(`aws events put-rule --name r --event-pattern 'nope'`)).stderr).toContain('InvalidEventPatternException');
    expect((await aws('aws events put-rule --name r')).stderr).toContain('ValidationException');
    expect((await aws('aws events put-targets --rule missing --targets Id=a,Arn=arn:aws:sns:us-east-1:111122223333:t')).stderr).toContain(
      '(ResourceNotFoundException) when calling the PutTargets operation: Rule missing does not exist on EventBus default.',
    );
    expect(
      (await aws(`aws events test-event-pattern --event-pattern '{"source":["aws.kms"]}' --event '{"source":"aws.kms"}' --query Result --output text`)).stdout,
    ).toBe('True\n');
  });
});

describe('event patterns', () => {
  it('matches literals, prefixes, anything-but, exists and nested fields', () => {
    const ev = { source: 'aws.kms', 'detail-type': 'KMS CMK Rotation', detail: { 'key-id': 'abc', 'rotation-type': 'AUTOMATIC', n: 5 } };
    const m = (p: object) => matches(parsePattern(JSON.stringify(p)) as Record<string, unknown>, ev);
    expect(m({ source: ['aws.kms'] })).toBe(true);
    expect(m({ source: ['aws.s3'] })).toBe(false);
    expect(m({ 'detail-type': [{ prefix: 'KMS ' }] })).toBe(true);
    expect(m({ detail: { 'rotation-type': [{ 'anything-but': 'AUTOMATIC' }] } })).toBe(false);
    expect(m({ detail: { 'key-material-id': [{ exists: false }] } })).toBe(true);
    expect(m({ detail: { n: [{ numeric: ['>', 3, '<=', 5] }] } })).toBe(true);
  });

  it('turns KMS service events into bus events only for the lifecycle records', () => {
    const base = {
      eventVersion: '1.11',
      userIdentity: { type: 'AWSService' },
      eventTime: '2026-01-01T00:00:00Z',
      eventSource: 'kms.amazonaws.com',
      awsRegion: 'us-east-1',
      sourceIPAddress: 'AWS Internal',
      userAgent: 'AWS Internal',
      requestParameters: null,
      responseElements: null,
      requestID: 'r',
      eventID: 'e',
      readOnly: false,
      eventType: 'AwsServiceEvent' as const,
      managementEvent: true,
      recipientAccountId: ACCOUNT,
      eventCategory: 'Management' as const,
      resources: [{ accountId: ACCOUNT, type: 'AWS::KMS::Key', ARN: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k1` }],
    };
    expect(busEventsOf({ ...base, eventName: 'DeleteExpiredKeyMaterial' }).map((e) => e['detail-type'])).toEqual(['KMS Imported Key Material Expiration']);
    expect(busEventsOf({ ...base, eventName: 'DeleteKey', errorCode: 'X' })).toEqual([]);
  });
});
