// CloudWatch: metrics, alarms evaluated on the simulated clock, SNS alarm actions as cloudwatch.amazonaws.com and
// their failure in the alarm history, the AWS/KMS metric for expiring imported material.
import { describe, expect, it } from '@jest/globals';
import { ACCOUNT, monitorWorld } from '../logs/helpers.js';

const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:pager`;
const ALARM = (extra = '') =>
  `aws cloudwatch put-metric-alarm --alarm-name errors --namespace App --metric-name Errors --statistic Sum --period 60 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --treat-missing-data notBreaching --alarm-actions ${TOPIC} ${extra}`;

describe('metrics', () => {
  it('stores datapoints, lists metrics, computes statistics per period, and refuses AWS/ namespaces', async () => {
    const { aws, json } = monitorWorld();
    await aws('aws cloudwatch put-metric-data --namespace App --metric-name Errors --value 2 --timestamp 2026-11-28T12:58:10Z');
    await aws('aws cloudwatch put-metric-data --namespace App --metric-name Errors --value 4 --timestamp 2026-11-28T12:58:40Z');
    await aws('aws cloudwatch put-metric-data --namespace App --metric-name Errors --value 1 --timestamp 2026-11-28T12:59:10Z');
    expect((await json('aws cloudwatch list-metrics --namespace App')).Metrics).toEqual([{ Namespace: 'App', MetricName: 'Errors', Dimensions: [] }]);
    const stats = await json(
      'aws cloudwatch get-metric-statistics --namespace App --metric-name Errors --start-time 2026-11-28T12:00:00Z --end-time 2026-11-28T13:00:00Z --period 60 --statistics Sum Maximum',
    );
    expect(stats.Datapoints).toEqual([
      { Timestamp: '2026-11-28T12:58:00+00:00', Sum: 6, Maximum: 4, Unit: 'None' },
      { Timestamp: '2026-11-28T12:59:00+00:00', Sum: 1, Maximum: 1, Unit: 'None' },
    ]);
    expect((await aws('aws cloudwatch put-metric-data --namespace AWS/KMS --metric-name X --value 1')).stderr).toContain(
      '(InvalidParameterValue) when calling the PutMetricData operation: The value AWS/KMS for parameter Namespace is invalid.',
    );
    expect(
      (
        await aws(
          'aws cloudwatch get-metric-statistics --namespace App --metric-name Errors --start-time 2026-11-28T12:00:00Z --end-time 2026-11-28T13:00:00Z --period 90 --statistics Sum',
        )
      ).stderr,
    ).toContain('InvalidParameterValue');
  });
});

describe('alarms', () => {
  it('starts in INSUFFICIENT_DATA, goes to ALARM when a datapoint breaches, pages through SNS, and back to OK', async () => {
    const { aws, json, world } = monitorWorld();
    await aws('aws sns create-topic --name pager');
    await aws(`aws sns subscribe --topic-arn ${TOPIC} --protocol email --notification-endpoint ops@example.com`);
    await aws(ALARM());
    expect((await aws('aws cloudwatch describe-alarms --query "MetricAlarms[0].StateValue" --output text')).stdout).toBe('INSUFFICIENT_DATA\n');
    await aws('aws cloudwatch put-metric-data --namespace App --metric-name Errors --value 3');
    world.advance(60_000);
    const alarm = ((await json('aws cloudwatch describe-alarms --alarm-names errors')).MetricAlarms as Record<string, unknown>[])[0];
    expect(alarm).toMatchObject({ StateValue: 'ALARM', AlarmArn: `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:errors` });
    expect(String(alarm.StateReason)).toMatch(
      /^Threshold Crossed: 1 out of the last 1 datapoints \[3\.0 \(28\/11\/26 13:00:00\)\] was greater than or equal to the threshold \(1\.0\)/,
    );
    const inbox = (await json('aws sns list-inbox')).Messages as { subject: string; message: string; publisher: string }[];
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ subject: 'ALARM: "errors" in US East (N. Virginia)', publisher: 'cloudwatch.amazonaws.com' });
    expect(JSON.parse(inbox[0].message)).toMatchObject({ AlarmName: 'errors', NewStateValue: 'ALARM', OldStateValue: 'INSUFFICIENT_DATA' });
    world.advance(120_000);
    expect((await aws('aws cloudwatch describe-alarms --query "MetricAlarms[0].StateValue" --output text')).stdout).toBe('OK\n');
    const history = (await json('aws cloudwatch describe-alarm-history --alarm-name errors --scan-by TimestampAscending')).AlarmHistoryItems as {
      HistoryItemType: string;
      HistorySummary: string;
    }[];
    expect(history.map((h) => h.HistorySummary)).toEqual([
      'Alarm "errors" created',
      'Alarm updated from INSUFFICIENT_DATA to ALARM',
      `Successfully executed action ${TOPIC}`,
      'Alarm updated from ALARM to OK',
    ]);
  });

  it('an aws/sns topic: the action fails, visible in the alarm history and as a KMS AccessDenied for cloudwatch.amazonaws.com', async () => {
    const { aws, json, world } = monitorWorld();
    await aws('aws sns create-topic --name pager --attributes KmsMasterKeyId=alias/aws/sns');
    await aws(`aws sns subscribe --topic-arn ${TOPIC} --protocol email --notification-endpoint ops@example.com`);
    await aws(ALARM());
    await aws('aws cloudwatch set-alarm-state --alarm-name errors --state-value ALARM --state-reason testing');
    const actions = (await json('aws cloudwatch describe-alarm-history --alarm-name errors --history-item-type Action')).AlarmHistoryItems as {
      HistorySummary: string;
      HistoryData: string;
    }[];
    expect(actions[0].HistorySummary).toMatch(
      new RegExp(
        `^Failed to execute action ${TOPIC}\\. Received error: "null \\(Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException; Request ID: [0-9a-f-]{36}; Proxy: null\\)"$`,
      ),
    );
    expect(JSON.parse(actions[0].HistoryData)).toMatchObject({ actionState: 'Failed', notificationResource: TOPIC });
    expect((await json('aws sns list-inbox')).Messages).toEqual([]);
    const denied = world.trail.events.filter((e) => e.errorCode === 'AccessDenied').at(-1)!;
    expect(denied).toMatchObject({ eventSource: 'kms.amazonaws.com', eventName: 'GenerateDataKey', userIdentity: { invokedBy: 'cloudwatch.amazonaws.com' } });
  });

  it('late data (a metric filter delivering after the period) still moves the alarm; refuses bad alarm input', async () => {
    const { aws, world } = monitorWorld();
    await aws(ALARM().replace(` --alarm-actions ${TOPIC}`, ''));
    world.advance(600_000);
    await aws('aws cloudwatch put-metric-data --namespace App --metric-name Errors --value 1 --timestamp 2026-11-28T13:02:30Z');
    expect(
      (
        await aws(
          'aws cloudwatch describe-alarm-history --alarm-name errors --history-item-type StateUpdate --scan-by TimestampAscending --query "AlarmHistoryItems[].HistorySummary" --output text',
        )
      ).stdout,
    ).toBe('Alarm updated from INSUFFICIENT_DATA to OK\tAlarm updated from OK to ALARM\tAlarm updated from ALARM to OK\n');
    expect((await aws(ALARM('--period 45'))).stderr).toContain('Period must be 10, 20, 30 or a multiple of 60');
    expect((await aws(ALARM('--comparison-operator Sideways'))).stderr).toContain('InvalidParameterValue');
    expect((await aws('aws cloudwatch set-alarm-state --alarm-name nope --state-value OK --state-reason x')).stderr).toContain('(ResourceNotFound)');
  });
});
