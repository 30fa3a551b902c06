// AWS services publishing to a topic as their service principal: the topic's access policy decides. CloudWatch
// alarms get in through the default policy (AWS:SourceOwner is the alarm's account); EventBridge needs a statement
// naming events.amazonaws.com, else FailedInvocations.
import { describe, expect, it } from '@jest/globals';
import { defaultTopicPolicy } from '../../src/sns/access.js';
import { ACCOUNT, monitorWorld } from '../logs/helpers.js';

const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:pager`;
const ALARM_ARN = `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:errors`;
const RULE_ARN = `arn:aws:events:us-east-1:${ACCOUNT}:rule/all-kms`;
const ALARM = `aws cloudwatch put-metric-alarm --alarm-name errors --namespace App --metric-name Errors --statistic Sum --period 60 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --treat-missing-data notBreaching --alarm-actions ${TOPIC}`;
const DAY = 86_400_000;

const withStatement = (statement: object) => {
  const def = JSON.parse(defaultTopicPolicy(TOPIC, ACCOUNT)) as { Statement: object[] };
  return JSON.stringify({ ...def, Statement: [...def.Statement, statement] });
};
const onlyAdmin = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/admin` }, Action: 'sns:*', Resource: TOPIC }],
});

async function topic() {
  const w = monitorWorld();
  await w.json('aws sns create-topic --name pager');
  await w.json(`aws sns subscribe --topic-arn ${TOPIC} --protocol email --notification-endpoint ops@example.com`);
  const setPolicy = (doc: string) => w.json(`aws sns set-topic-attributes --topic-arn ${TOPIC} --attribute-name Policy --attribute-value '${doc}'`);
  const inbox = async () => (await w.json('aws sns list-inbox --endpoint ops@example.com')).Messages as { publisher: string }[];
  return { ...w, setPolicy, inbox };
}

async function fireAlarm(w: Awaited<ReturnType<typeof topic>>) {
  await w.json(ALARM);
  await w.json('aws cloudwatch put-metric-data --namespace App --metric-name Errors --value 3');
  w.world.advance(60_000);
  const items = (await w.json('aws cloudwatch describe-alarm-history --alarm-name errors --history-item-type Action')).AlarmHistoryItems as {
    HistorySummary: string;
  }[];
  return items.map((h) => h.HistorySummary);
}

describe('CloudWatch alarm actions', () => {
  it('the default topic policy lets the alarm publish (AWS:SourceOwner is the alarm account)', async () => {
    const w = await topic();
    expect(await fireAlarm(w)).toEqual([`Successfully executed action ${TOPIC}`]);
    expect(await w.inbox()).toEqual([expect.objectContaining({ publisher: 'cloudwatch.amazonaws.com' })]);
  });

  it('a topic policy without the default statement refuses the alarm; a statement for the service with aws:SourceArn lets it in', async () => {
    const w = await topic();
    await w.setPolicy(onlyAdmin);
    expect(await fireAlarm(w)).toEqual([
      `Failed to execute action ${TOPIC}. Received error: "User: cloudwatch.amazonaws.com is not authorized to perform: SNS:Publish on resource: ${TOPIC} because no resource-based policy allows the SNS:Publish action"`,
    ]);
    expect(await w.inbox()).toEqual([]);
    const alarms = {
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: TOPIC,
      Condition: { ArnLike: { 'aws:SourceArn': ALARM_ARN } },
    };
    await w.setPolicy(JSON.stringify({ Version: '2012-10-17', Statement: [alarms] }));
    await w.json('aws cloudwatch set-alarm-state --alarm-name errors --state-value OK --state-reason test');
    await w.json('aws cloudwatch put-metric-data --namespace App --metric-name Errors --value 3');
    w.world.advance(60_000);
    expect((await w.inbox()).length).toBe(1);
  });
});

describe('EventBridge targets', () => {
  async function ruleOn(w: Awaited<ReturnType<typeof topic>>) {
    await w.json(`aws events put-rule --name all-kms --event-pattern '{"source":["aws.kms"],"detail-type":["KMS CMK Deletion"]}'`);
    await w.json(`aws events put-targets --rule all-kms --targets Id=pager,Arn=${TOPIC}`);
    const key = String(((await w.json('aws kms create-key')).KeyMetadata as { KeyId: string }).KeyId);
    await w.json(`aws kms schedule-key-deletion --key-id ${key} --pending-window-in-days 7`);
    w.world.advance(8 * DAY);
    await w.json('aws events list-rules');
    return (w.world.serviceState('events') as { deliveries: { ok: boolean; error?: string }[] }).deliveries;
  }
  const failed = async (w: Awaited<ReturnType<typeof topic>>) =>
    (
      (
        await w.json(
          'aws cloudwatch get-metric-statistics --namespace AWS/Events --metric-name FailedInvocations --dimensions Name=RuleName,Value=all-kms --start-time 2026-11-28T00:00:00Z --end-time 2026-12-07T00:00:00Z --period 86400 --statistics Sum',
        )
      ).Datapoints as { Sum: number }[]
    ).reduce((n, d) => n + d.Sum, 0);

  it('the default topic policy does not let events.amazonaws.com publish: FailedInvocations, nothing delivered', async () => {
    const w = await topic();
    expect(await ruleOn(w)).toEqual([
      expect.objectContaining({
        ok: false,
        error: `AuthorizationError: User: events.amazonaws.com is not authorized to perform: SNS:Publish on resource: ${TOPIC} because no resource-based policy allows the SNS:Publish action`,
      }),
    ]);
    expect(await failed(w)).toBe(1);
    expect(await w.inbox()).toEqual([]);
  });

  it('a statement for events.amazonaws.com (optionally limited to the rule by aws:SourceArn) lets the event through', async () => {
    const w = await topic();
    const events = { Sid: 'Events', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: TOPIC };
    await w.setPolicy(withStatement({ ...events, Condition: { ArnEquals: { 'aws:SourceArn': RULE_ARN } } }));
    expect(await ruleOn(w)).toEqual([expect.objectContaining({ ok: true })]);
    expect(await failed(w)).toBe(0);
    expect(await w.inbox()).toEqual([expect.objectContaining({ publisher: 'events.amazonaws.com' })]);
  });

  it('a statement limited to another rule does not', async () => {
    const w = await topic();
    const other = {
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: TOPIC,
      Condition: { ArnEquals: { 'aws:SourceArn': `${RULE_ARN}-other` } },
    };
    await w.setPolicy(withStatement(other));
    expect(await ruleOn(w)).toEqual([expect.objectContaining({ ok: false })]);
    expect(await failed(w)).toBe(1);
  });
});
