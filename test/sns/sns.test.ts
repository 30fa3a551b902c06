// SNS: topics encrypted with a KMS key, email inboxes, and publishers that are people (KMS through SNS) or AWS
// services (the service principal itself needs the key policy, which aws/sns never gives).
import { describe, expect, it } from '@jest/globals';
import { ACCOUNT, monitorWorld } from '../logs/helpers.js';

const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:pager`;

describe('topics and subscriptions', () => {
  it('creates a topic with KmsMasterKeyId, shows and changes its attributes, lists subscriptions, refuses bad input', async () => {
    const { aws, json } = monitorWorld();
    expect(await json('aws sns create-topic --name pager --attributes KmsMasterKeyId=alias/aws/sns')).toEqual({ TopicArn: TOPIC });
    expect((await aws(`aws sns get-topic-attributes --topic-arn ${TOPIC} --query Attributes.KmsMasterKeyId --output text`)).stdout).toBe('alias/aws/sns\n');
    await aws(`aws sns set-topic-attributes --topic-arn ${TOPIC} --attribute-name KmsMasterKeyId --attribute-value alias/pager`);
    expect((await aws(`aws sns get-topic-attributes --topic-arn ${TOPIC} --query Attributes.KmsMasterKeyId --output text`)).stdout).toBe('alias/pager\n');
    const sub = await json(`aws sns subscribe --topic-arn ${TOPIC} --protocol email --notification-endpoint ops@example.com`);
    expect(String(sub.SubscriptionArn)).toMatch(new RegExp(`^${TOPIC}:[0-9a-f-]{36}$`));
    const subs = (await json(`aws sns list-subscriptions-by-topic --topic-arn ${TOPIC}`)).Subscriptions as Record<string, unknown>[];
    expect(subs).toEqual([{ SubscriptionArn: sub.SubscriptionArn, Owner: ACCOUNT, Protocol: 'email', Endpoint: 'ops@example.com', TopicArn: TOPIC }]);
    expect((await aws(`aws sns subscribe --topic-arn ${TOPIC} --protocol sms --notification-endpoint +15550100`)).stderr).toContain('(InvalidParameter)');
    expect((await aws('aws sns create-topic --name "bad name"')).stderr).toContain('Invalid parameter: Topic Name');
    expect((await aws(`aws sns get-topic-attributes --topic-arn ${TOPIC}x`)).stderr).toContain(
      '(NotFound) when calling the GetTopicAttributes operation: Topic does not exist',
    );
    expect((await aws(`aws sns set-topic-attributes --topic-arn ${TOPIC} --attribute-name Colour --attribute-value red`)).stderr).toContain(
      'Invalid parameter: AttributeName',
    );
  });
});

describe('publishing to an encrypted topic', () => {
  it('a person publishes to an aws/sns topic through SNS (kms:ViaService) and the message reaches the inbox', async () => {
    const { aws, json, world } = monitorWorld();
    await aws('aws sns create-topic --name pager --attributes KmsMasterKeyId=alias/aws/sns');
    await aws(`aws sns subscribe --topic-arn ${TOPIC} --protocol email --notification-endpoint ops@example.com`);
    expect((await aws(`aws sns publish --topic-arn ${TOPIC} --subject Test --message hello`)).exitCode).toBe(0);
    const kms = world.trail.events.filter((e) => e.eventSource === 'kms.amazonaws.com').at(-1)!;
    expect(kms).toMatchObject({ eventName: 'GenerateDataKey', sourceIPAddress: 'sns.amazonaws.com', userAgent: 'sns.amazonaws.com' });
    expect(kms.errorCode).toBeUndefined();
    const inbox = (await json('aws sns list-inbox --endpoint ops@example.com')).Messages as Record<string, unknown>[];
    expect(inbox).toEqual([expect.objectContaining({ subject: 'Test', message: 'hello', topicArn: TOPIC, publisher: `arn:aws:iam::${ACCOUNT}:user/admin` })]);
  });

  it('a service principal cannot publish to an aws/sns topic; a customer managed key whose policy allows it works', async () => {
    const { aws, world, keyWith } = monitorWorld();
    await aws('aws sns create-topic --name pager --attributes KmsMasterKeyId=alias/aws/sns');
    const asAlarms = {
      principal: 'cloudwatch.amazonaws.com',
      accountId: ACCOUNT,
      region: 'us-east-1',
      sourceArn: `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:x`,
    };
    const publish = () =>
      world.call(
        'sns',
        'Publish',
        { TopicArn: TOPIC, Message: 'm' },
        { principal: { type: 'AWSService', arn: asAlarms.principal, accountId: '' }, accountId: ACCOUNT, region: 'us-east-1', sourceArn: asAlarms.sourceArn },
      );
    expect(publish).toThrow(
      expect.objectContaining({
        code: 'KMSAccessDenied',
        message: expect.stringMatching(
          /^null \(Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException; Request ID: [0-9a-f-]{36}; Proxy: null\)$/,
        ),
      }),
    );
    expect(world.trail.events.at(-1)).toMatchObject({
      eventName: 'GenerateDataKey',
      errorCode: 'AccessDenied',
      userIdentity: { type: 'AWSService', invokedBy: 'cloudwatch.amazonaws.com' },
    });
    const key = await keyWith({
      Sid: 'Alarms',
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      Resource: '*',
      Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:*` } },
    });
    await aws(`aws sns set-topic-attributes --topic-arn ${TOPIC} --attribute-name KmsMasterKeyId --attribute-value ${key}`);
    expect(publish()).toHaveProperty('MessageId');
  });

  it('a disabled key answers KMSDisabled to a person publishing, with the KMS message inside', async () => {
    const { aws, keyWith } = monitorWorld();
    const key = await keyWith();
    await aws(`aws sns create-topic --name pager --attributes KmsMasterKeyId=${key}`);
    await aws(`aws kms disable-key --key-id ${key}`);
    const r = await aws(`aws sns publish --topic-arn ${TOPIC} --message hi`);
    expect(r.stderr).toMatch(
      /\(KMSDisabled\) when calling the Publish operation: .* is disabled\. \(Service: AWSKMS; Status Code: 400; Error Code: DisabledException;/,
    );
    expect((await aws(`aws sns publish --topic-arn ${TOPIC} --message ''`)).stderr).toContain('Invalid parameter: Empty message');
  });
});
