// CloudWatch Logs: log groups encrypted with a KMS key that Logs uses in its own name (decided by the key policy
// alone, with the aws:logs:arn encryption context and aws:SourceArn), events, filters and metric filters.
import { describe, expect, it } from '@jest/globals';
import { ACCOUNT, OTHER, logsStatement, monitorWorld } from './helpers.js';

const DENIED = (name: string, account = ACCOUNT) =>
  `\nAn error occurred (AccessDeniedException) when calling the AssociateKmsKey operation: The specified KMS key does not exist or is not allowed to be used with Arn 'arn:aws:logs:us-east-1:${account}:log-group:${name}'\n`;

describe('log groups and KMS keys', () => {
  it('refuses a key whose policy does not allow logs.<region>.amazonaws.com, with AWS words, and records the KMS denial', async () => {
    const { aws, keyWith, world } = monitorWorld();
    const key = await keyWith();
    await aws('aws logs create-log-group --log-group-name app');
    const r = await aws(`aws logs associate-kms-key --log-group-name app --kms-key-id ${key}`);
    expect(r.exitCode).toBe(254);
    expect(r.stderr).toBe(DENIED('app'));
    const kmsEvent = world.trail.events.filter((e) => e.eventSource === 'kms.amazonaws.com').at(-1)!;
    expect(kmsEvent).toMatchObject({
      eventName: 'GenerateDataKey',
      errorCode: 'AccessDenied',
      userIdentity: { type: 'AWSService', invokedBy: 'logs.us-east-1.amazonaws.com' },
    });
    const created = await aws(`aws logs create-log-group --log-group-name app2 --kms-key-id ${key}`);
    expect(created.stderr).toContain("is not allowed to be used with Arn 'arn:aws:logs:us-east-1:111122223333:log-group:app2'");
    expect((await aws('aws logs describe-log-groups --query "logGroups[].logGroupName" --output text')).stdout).toBe('app\n');
  });

  it('the global logs.amazonaws.com principal is not the one Logs calls with', async () => {
    const { aws, keyWith } = monitorWorld();
    const key = await keyWith({ ...logsStatement(), Principal: { Service: 'logs.amazonaws.com' } });
    await aws('aws logs create-log-group --log-group-name app');
    expect((await aws(`aws logs associate-kms-key --log-group-name app --kms-key-id ${key}`)).exitCode).toBe(254);
  });

  it('associates a key the policy allows, shows it in describe-log-groups, and disassociates it', async () => {
    const { aws, json, keyWith, world } = monitorWorld();
    const key = await keyWith(logsStatement({ ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:app` } }));
    await aws('aws logs create-log-group --log-group-name app');
    expect((await aws(`aws logs associate-kms-key --log-group-name app --kms-key-id ${key}`)).exitCode).toBe(0);
    const groups = (await json('aws logs describe-log-groups --log-group-name-prefix app')).logGroups as Record<string, unknown>[];
    expect(groups[0]).toMatchObject({
      logGroupName: 'app',
      kmsKeyId: key,
      arn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:app:*`,
      logGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:app`,
    });
    const gdk = world.trail.events.filter((e) => e.eventName === 'GenerateDataKey').at(-1)!;
    expect(gdk.errorCode).toBeUndefined();
    await aws('aws logs disassociate-kms-key --log-group-name app');
    expect(((await json('aws logs describe-log-groups')).logGroups as Record<string, unknown>[])[0].kmsKeyId).toBeUndefined();
    // The condition names one group: another group of the account is refused.
    await aws('aws logs create-log-group --log-group-name other');
    expect((await aws(`aws logs associate-kms-key --log-group-name other --kms-key-id ${key}`)).stderr).toBe(DENIED('other'));
  });

  it('aws:SourceArn and aws:SourceAccount are the log group and its account; another account cannot use the key', async () => {
    const { aws, keyWith } = monitorWorld();
    const key = await keyWith(
      logsStatement({ StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:*` } }),
    );
    await aws('aws logs create-log-group --log-group-name app');
    expect((await aws(`aws logs associate-kms-key --log-group-name app --kms-key-id ${key}`)).exitCode).toBe(0);
    await aws('aws logs create-log-group --log-group-name theirs', 'analytics');
    expect((await aws(`aws logs associate-kms-key --log-group-name theirs --kms-key-id ${key}`, 'analytics')).stderr).toBe(DENIED('theirs', OTHER));
  });

  it('aws:SourceAccount alone is evaluated for the service principal (the log group owner)', async () => {
    const { aws, keyWith } = monitorWorld();
    const key = await keyWith(logsStatement({ StringEquals: { 'aws:SourceAccount': ACCOUNT } }));
    await aws('aws logs create-log-group --log-group-name app');
    expect((await aws(`aws logs associate-kms-key --log-group-name app --kms-key-id ${key}`)).exitCode).toBe(0);
    await aws('aws logs create-log-group --log-group-name theirs', 'analytics');
    expect((await aws(`aws logs associate-kms-key --log-group-name theirs --kms-key-id ${key}`, 'analytics')).exitCode).toBe(254);
    const onlyOther = await keyWith(logsStatement({ ArnEquals: { 'aws:SourceArn': `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:other` } }));
    expect((await aws(`aws logs associate-kms-key --log-group-name app --kms-key-id ${onlyOther}`)).exitCode).toBe(254);
  });

  it("a key policy with no condition lets any account's log group use the key (the confused deputy)", async () => {
    const { aws, keyWith } = monitorWorld();
    const key = await keyWith(logsStatement());
    await aws('aws logs create-log-group --log-group-name theirs', 'analytics');
    expect((await aws(`aws logs associate-kms-key --log-group-name theirs --kms-key-id ${key}`, 'analytics')).exitCode).toBe(0);
  });

  it('reads and writes fail while the key is disabled and work again once it is enabled', async () => {
    const { aws, keyWith } = monitorWorld();
    const key = await keyWith(logsStatement());
    await aws(`aws logs create-log-group --log-group-name app --kms-key-id ${key}`);
    await aws('aws logs create-log-stream --log-group-name app --log-stream-name s1');
    const t = Date.UTC(2026, 10, 28, 13, 0, 0);
    expect((await aws(`aws logs put-log-events --log-group-name app --log-stream-name s1 --log-events timestamp=${t},message=hello`)).exitCode).toBe(0);
    await aws(`aws kms disable-key --key-id ${key}`);
    const put = await aws(`aws logs put-log-events --log-group-name app --log-stream-name s1 --log-events timestamp=${t},message=again`);
    expect(put.stderr).toContain('(AccessDeniedException) when calling the PutLogEvents operation: The specified KMS key does not exist or is not allowed');
    expect((await aws('aws logs get-log-events --log-group-name app --log-stream-name s1')).exitCode).toBe(254);
    await aws(`aws kms enable-key --key-id ${key}`);
    expect((await aws('aws logs get-log-events --log-group-name app --log-stream-name s1 --query "events[].message" --output text')).stdout).toBe('hello\n');
  });
});

describe('events and filters', () => {
  it('writes, reads in order, filters by term and JSON patterns, and refuses bad input', async () => {
    const { aws, json } = monitorWorld();
    await aws('aws logs create-log-group --log-group-name app');
    await aws('aws logs create-log-stream --log-group-name app --log-stream-name s1');
    const t = Date.UTC(2026, 10, 28, 12, 0, 0);
    const events = JSON.stringify([
      { timestamp: t, message: 'ERROR disk full' },
      { timestamp: t + 1, message: '{"level":"warn","n":5}' },
      { timestamp: t + 2, message: 'INFO ok' },
    ]);
    expect((await aws(`aws logs put-log-events --log-group-name app --log-stream-name s1 --log-events '${events}'`)).exitCode).toBe(0);
    const all = (await json('aws logs get-log-events --log-group-name app --log-stream-name s1 --start-from-head')).events as { message: string }[];
    expect(all.map((e) => e.message)).toEqual(['ERROR disk full', '{"level":"warn","n":5}', 'INFO ok']);
    const f = async (p: string) =>
      ((await json(`aws logs filter-log-events --log-group-name app --filter-pattern '${p}'`)).events as { message: string }[]).map((e) => e.message);
    expect(await f('ERROR')).toEqual(['ERROR disk full']);
    expect(await f('?ERROR ?INFO')).toEqual(['ERROR disk full', 'INFO ok']);
    expect(await f('{ $.n > 3 && $.level = "w*" }')).toEqual(['{"level":"warn","n":5}']);
    expect(await f('{ $.n > 9 }')).toEqual([]);
    expect((await aws("aws logs filter-log-events --log-group-name app --filter-pattern '{ $.n >'")).stderr).toContain('InvalidParameterException');
    const back = JSON.stringify([
      { timestamp: t + 5, message: 'b' },
      { timestamp: t, message: 'a' },
    ]);
    expect((await aws(`aws logs put-log-events --log-group-name app --log-stream-name s1 --log-events '${back}'`)).stderr).toContain(
      'must be in chronological order',
    );
    expect((await aws(`aws logs put-log-events --log-group-name nope --log-stream-name s1 --log-events timestamp=${t},message=x`)).stderr).toContain(
      '(ResourceNotFoundException) when calling the PutLogEvents operation: The specified log group does not exist.',
    );
    expect((await aws(`aws logs put-log-events --log-group-name app --log-stream-name nope --log-events timestamp=${t},message=x`)).stderr).toContain(
      'The specified log stream does not exist.',
    );
    expect((await aws('aws logs create-log-group --log-group-name app')).stderr).toContain('ResourceAlreadyExistsException');
    expect((await aws("aws logs create-log-group --log-group-name 'bad name'")).stderr).toContain('InvalidParameterException');
    const old = Date.UTC(2026, 10, 1);
    expect(await json(`aws logs put-log-events --log-group-name app --log-stream-name s1 --log-events timestamp=${old},message=old`)).toEqual({
      rejectedLogEventsInfo: { tooOldLogEventEndIndex: 0 },
    });
  });

  it('tests and stores metric filters', async () => {
    const { aws, json } = monitorWorld();
    await aws('aws logs create-log-group --log-group-name trail');
    const pattern = '{ $.eventSource = kms* && $.errorMessage = "* is pending deletion."}';
    const test = await json(
      `aws logs test-metric-filter --filter-pattern '${pattern}' --log-event-messages '{"eventSource":"kms.amazonaws.com","errorMessage":"arn:aws:kms:us-east-1:1:key/x is pending deletion."}' '{"eventSource":"kms.amazonaws.com"}'`,
    );
    expect((test.matches as { eventNumber: number }[]).map((m) => m.eventNumber)).toEqual([1]);
    await aws(
      `aws logs put-metric-filter --log-group-name trail --filter-name pending --filter-pattern '${pattern}' --metric-transformations metricName=KMSKeyPendingDeletionErrorCount,metricNamespace=CloudTrailLogMetrics,metricValue=1`,
    );
    const filters = (await json('aws logs describe-metric-filters --log-group-name trail')).metricFilters as Record<string, unknown>[];
    expect(filters).toEqual([
      expect.objectContaining({
        filterName: 'pending',
        logGroupName: 'trail',
        filterPattern: pattern,
        metricTransformations: [{ metricName: 'KMSKeyPendingDeletionErrorCount', metricNamespace: 'CloudTrailLogMetrics', metricValue: '1' }],
      }),
    ]);
    expect(
      (
        await aws(
          "aws logs put-metric-filter --log-group-name trail --filter-name bad --filter-pattern '{ $.x' --metric-transformations metricName=a,metricNamespace=b,metricValue=1",
        )
      ).stderr,
    ).toContain('InvalidParameterException');
  });
});
