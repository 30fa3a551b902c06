// CloudWatch authorizes IAM principals: cloudwatch:<Operation> on alarm ARNs (or "*" for metric actions, with no
// "on resource:" part in the sentence), AccessDenied; service principals (Logs' metric filters) are not checked.
import { describe, expect, it } from '@jest/globals';
import { servicePrincipal } from '../../src/aws/caller.js';
import { ACCOUNT, monitorWorld } from '../logs/helpers.js';

const DEV = `arn:aws:iam::${ACCOUNT}:user/dev`;
const ALARM = (name: string) => `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:${name}`;
const line = (op: string, message: string) => `\nAn error occurred (AccessDenied) when calling the ${op} operation: ${message}\n`;
const noResource = (op: string) =>
  line(op, `User: ${DEV} is not authorized to perform: cloudwatch:${op} because no identity-based policy allows the cloudwatch:${op} action`);
const onResource = (op: string, resource: string, why = `because no identity-based policy allows the cloudwatch:${op} action`) =>
  line(op, `User: ${DEV} is not authorized to perform: cloudwatch:${op} on resource: ${resource} ${why}`);
const putAlarm = (name: string) =>
  `aws cloudwatch put-metric-alarm --alarm-name ${name} --namespace App --metric-name Errors --statistic Sum --period 60 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold`;

/** A monitor world where admin made the alarms app-errors and db-errors, and `dev` has the inline policy `statements`. */
async function devWith(...statements: object[]) {
  const w = monitorWorld();
  await w.json(putAlarm('app-errors'));
  await w.json(putAlarm('db-errors'));
  if (statements.length) {
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: statements });
    await w.json(`aws iam put-user-policy --user-name dev --policy-name cw --policy-document '${policy}'`);
  }
  return w;
}

describe('a principal with no policy', () => {
  it('is refused metric and alarm operations with AccessDenied and AWS sentence', async () => {
    const { aws, json, world } = await devWith();
    const cases: [string, string][] = [
      ['aws cloudwatch put-metric-data --namespace App --metric-name Errors --value 1', noResource('PutMetricData')],
      ['aws cloudwatch list-metrics', noResource('ListMetrics')],
      [
        'aws cloudwatch get-metric-statistics --namespace App --metric-name Errors --start-time 2026-11-28T12:00:00Z --end-time 2026-11-28T13:00:00Z --period 60 --statistics Sum',
        noResource('GetMetricStatistics'),
      ],
      [putAlarm('new'), onResource('PutMetricAlarm', ALARM('new'))],
      ['aws cloudwatch describe-alarms', onResource('DescribeAlarms', ALARM('*'))],
      ['aws cloudwatch describe-alarms --alarm-names app-errors', onResource('DescribeAlarms', ALARM('app-errors'))],
      ['aws cloudwatch describe-alarm-history --alarm-name app-errors', onResource('DescribeAlarmHistory', ALARM('app-errors'))],
      ['aws cloudwatch set-alarm-state --alarm-name app-errors --state-value ALARM --state-reason test', onResource('SetAlarmState', ALARM('app-errors'))],
      ['aws cloudwatch delete-alarms --alarm-names db-errors', onResource('DeleteAlarms', ALARM('db-errors'))],
    ];
    for (const [cmd, stderr] of cases) {
      const r = await aws(cmd, 'dev');
      expect({ cmd, exitCode: r.exitCode, stderr: r.stderr }).toEqual({ cmd, exitCode: 254, stderr });
    }
    // Nothing changed; the refused management call is in CloudTrail.
    expect(((await json('aws cloudwatch describe-alarms')).MetricAlarms as unknown[]).length).toBe(2);
    const del = world.trail.events.find((e) => e.eventName === 'DeleteAlarms')!;
    expect(del).toMatchObject({ eventSource: 'monitoring.amazonaws.com', errorCode: 'AccessDenied', userIdentity: { userName: 'dev' } });
  });
});

describe('identity policies', () => {
  it('a policy on alarm:app-* allows those alarms and refuses the others and the unnamed listing', async () => {
    const { aws, json } = await devWith({
      Effect: 'Allow',
      Action: ['cloudwatch:PutMetricAlarm', 'cloudwatch:DescribeAlarms', 'cloudwatch:DeleteAlarms'],
      Resource: ALARM('app-*'),
    });
    expect((await aws(putAlarm('app-latency'), 'dev')).exitCode).toBe(0);
    expect(((await json('aws cloudwatch describe-alarms --alarm-names app-errors app-latency', 'dev')).MetricAlarms as unknown[]).length).toBe(2);
    expect((await aws(putAlarm('db-latency'), 'dev')).stderr).toBe(onResource('PutMetricAlarm', ALARM('db-latency')));
    expect((await aws('aws cloudwatch describe-alarms', 'dev')).stderr).toBe(onResource('DescribeAlarms', ALARM('*')));
    // One alarm of the list is enough to refuse the call; nothing is deleted.
    expect((await aws('aws cloudwatch delete-alarms --alarm-names app-errors db-errors', 'dev')).stderr).toBe(onResource('DeleteAlarms', ALARM('db-errors')));
    expect(((await json('aws cloudwatch describe-alarms')).MetricAlarms as unknown[]).length).toBe(3);
    expect((await aws('aws cloudwatch delete-alarms --alarm-names app-errors', 'dev')).exitCode).toBe(0);
  });

  it('PutMetricData can be limited with cloudwatch:namespace; explicit denies end as AWS words them', async () => {
    const { aws } = await devWith(
      { Effect: 'Allow', Action: 'cloudwatch:PutMetricData', Resource: '*', Condition: { StringEquals: { 'cloudwatch:namespace': 'App' } } },
      { Effect: 'Allow', Action: 'cloudwatch:*', Resource: ALARM('*') },
      { Effect: 'Deny', Action: 'cloudwatch:DeleteAlarms', Resource: '*' },
    );
    expect((await aws('aws cloudwatch put-metric-data --namespace App --metric-name Errors --value 1', 'dev')).exitCode).toBe(0);
    expect((await aws('aws cloudwatch put-metric-data --namespace Other --metric-name Errors --value 1', 'dev')).stderr).toBe(noResource('PutMetricData'));
    expect((await aws('aws cloudwatch describe-alarms', 'dev')).exitCode).toBe(0);
    expect((await aws('aws cloudwatch delete-alarms --alarm-names app-errors', 'dev')).stderr).toBe(
      onResource('DeleteAlarms', ALARM('app-errors'), 'with an explicit deny in an identity-based policy'),
    );
  });

  it('the admin profile (AdministratorAccess) may do everything', async () => {
    const { aws } = await devWith();
    for (const cmd of [
      'aws cloudwatch put-metric-data --namespace App --metric-name Errors --value 1',
      'aws cloudwatch list-metrics',
      'aws cloudwatch describe-alarms',
      'aws cloudwatch describe-alarm-history --alarm-name app-errors',
      'aws cloudwatch set-alarm-state --alarm-name app-errors --state-value ALARM --state-reason test',
      'aws cloudwatch delete-alarms --alarm-names app-errors db-errors',
    ])
      expect({ cmd, exitCode: (await aws(cmd)).exitCode }).toEqual({ cmd, exitCode: 0 });
  });
});

describe('AWS service principals', () => {
  it("Logs' metric filter publishes for a writer who has no cloudwatch:* permission at all", async () => {
    const { aws, json } = await devWith({ Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:app:*` });
    await json('aws logs create-log-group --log-group-name app');
    await json('aws logs create-log-stream --log-group-name app --log-stream-name s');
    await json(
      'aws logs put-metric-filter --log-group-name app --filter-name errors --filter-pattern ERROR --metric-transformations metricName=Errors,metricNamespace=App,metricValue=1',
    );
    expect(
      (await aws('aws logs put-log-events --log-group-name app --log-stream-name s --log-events timestamp=1795870800000,message=ERROR', 'dev')).exitCode,
    ).toBe(0);
    const stats = await json(
      'aws cloudwatch get-metric-statistics --namespace App --metric-name Errors --start-time 2026-11-28T12:00:00Z --end-time 2026-11-28T14:00:00Z --period 3600 --statistics Sum',
    );
    expect(stats.Datapoints).toMatchObject([{ Sum: 1 }]);
  });

  it('a service principal may publish to an AWS/ namespace without any identity policy', async () => {
    const { world, json } = await devWith();
    const events = { principal: servicePrincipal('events.amazonaws.com'), accountId: ACCOUNT, region: 'us-east-1' };
    world.call('cloudwatch', 'PutMetricData', { Namespace: 'AWS/Events', MetricData: [{ MetricName: 'Invocations', Value: 1 }] }, events);
    expect((await json('aws cloudwatch list-metrics --namespace AWS/Events')).Metrics).toEqual([
      { Namespace: 'AWS/Events', MetricName: 'Invocations', Dimensions: [] },
    ]);
  });
});
