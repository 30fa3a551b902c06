// Monitoring KMS with CloudWatch: the AWS/KMS SecondsUntilKeyMaterialExpiration metric and an alarm on it, and the
// documented alarm on use of a key pending deletion (CloudTrail events in a log group, a metric filter, an alarm,
// a page in an SNS inbox).
import { describe, expect, it } from '@jest/globals';
import { callerFor, DEFAULT_PROFILES } from '../../src/awscli/profiles.js';
import { importedKey } from '../events/kms-import.js';
import { ACCOUNT, monitorWorld, trailToLogs } from '../logs/helpers.js';

const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:pager`;
const DAY = 86_400_000;

describe('AWS/KMS SecondsUntilKeyMaterialExpiration', () => {
  it('is published for a key whose imported material expires, and an alarm on it fires as the date nears', async () => {
    const { aws, json, world } = monitorWorld();
    const admin = callerFor(world, DEFAULT_PROFILES, 'default');
    const { keyId } = importedKey(world, admin, new Date(Date.UTC(2026, 11, 10, 13, 0, 0)));
    expect((await json('aws cloudwatch list-metrics --namespace AWS/KMS')).Metrics).toEqual([
      { Namespace: 'AWS/KMS', MetricName: 'SecondsUntilKeyMaterialExpiration', Dimensions: [{ Name: 'KeyId', Value: keyId }] },
    ]);
    world.advance(3_600_000);
    const stats = await json(
      `aws cloudwatch get-metric-statistics --namespace AWS/KMS --metric-name SecondsUntilKeyMaterialExpiration --dimensions Name=KeyId,Value=${keyId} --start-time 2026-11-28T13:00:00Z --end-time 2026-11-28T14:00:00Z --period 3600 --statistics Minimum`,
    );
    expect(stats.Datapoints).toEqual([{ Timestamp: '2026-11-28T13:00:00+00:00', Minimum: 12 * 86400 - 59 * 60, Unit: 'Seconds' }]);
    await aws('aws sns create-topic --name pager');
    await aws(`aws sns subscribe --topic-arn ${TOPIC} --protocol email --notification-endpoint ops@example.com`);
    await aws(
      `aws cloudwatch put-metric-alarm --alarm-name material-expires --namespace AWS/KMS --metric-name SecondsUntilKeyMaterialExpiration --dimensions Name=KeyId,Value=${keyId} --statistic Minimum --period 300 --evaluation-periods 1 --threshold 864000 --comparison-operator LessThanOrEqualToThreshold --alarm-actions ${TOPIC}`,
    );
    world.advance(1 * DAY);
    expect((await aws('aws cloudwatch describe-alarms --query "MetricAlarms[0].StateValue" --output text')).stdout).toBe('OK\n');
    world.advance(1 * DAY);
    expect((await aws('aws cloudwatch describe-alarms --query "MetricAlarms[0].StateValue" --output text')).stdout).toBe('ALARM\n');
    expect(((await json('aws sns list-inbox')).Messages as unknown[]).length).toBe(1);
  });
});

describe('alarm on use of a key pending deletion', () => {
  it("a trail's events reach its log group; the metric filter counts the refused call; the alarm pages", async () => {
    const { aws, json, world } = monitorWorld();
    await trailToLogs(json, 'CloudTrail/kms');
    const pattern = '{ $.eventSource = kms* && $.errorMessage = "* is pending deletion."}';
    await aws(
      `aws logs put-metric-filter --log-group-name CloudTrail/kms --filter-name pending --filter-pattern '${pattern}' --metric-transformations metricName=KMSKeyPendingDeletionErrorCount,metricNamespace=CloudTrailLogMetrics,metricValue=1`,
    );
    await aws('aws sns create-topic --name pager');
    await aws(`aws sns subscribe --topic-arn ${TOPIC} --protocol email --notification-endpoint ops@example.com`);
    await aws(
      `aws cloudwatch put-metric-alarm --alarm-name KMSKeyPendingDeletionErrorAlarm --namespace CloudTrailLogMetrics --metric-name KMSKeyPendingDeletionErrorCount --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --treat-missing-data notBreaching --alarm-actions ${TOPIC}`,
    );
    const key = String(((await json('aws kms create-key')).KeyMetadata as { KeyId: string }).KeyId);
    await json(`aws kms schedule-key-deletion --key-id ${key} --pending-window-in-days 7`);
    await json(`aws kms describe-key --key-id ${key}`); // allowed on a pending key: no error, no count
    world.advance(600_000);
    expect(((await json('aws sns list-inbox')).Messages as unknown[]).length).toBe(0);
    expect((await aws(`aws kms encrypt --key-id ${key} --plaintext aGk=`)).stderr).toContain('is pending deletion.');
    world.advance(600_000);
    const inbox = (await json('aws sns list-inbox')).Messages as { subject: string }[];
    expect(inbox.map((m) => m.subject)).toEqual(['ALARM: "KMSKeyPendingDeletionErrorAlarm" in US East (N. Virginia)']);
    const stream = `${ACCOUNT}_CloudTrail_us-east-1`;
    const found = (await json(`aws logs filter-log-events --log-group-name CloudTrail/kms --log-stream-names ${stream} --filter-pattern '${pattern}'`))
      .events as unknown[];
    expect(found).toHaveLength(1);
  });
});
