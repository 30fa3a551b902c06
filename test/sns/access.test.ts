// SNS authorization: SNS:<Action> on the topic, allowed by the caller's IAM policies or the topic's access policy (the
// default one lets anyone of the owner's account in through AWS:SourceOwner), AuthorizationError (403) otherwise.
import { describe, expect, it } from '@jest/globals';
import { ServiceException } from '../../src/aws/errors.js';
import { defaultTopicPolicy, sourceOwnerOf } from '../../src/sns/access.js';
import { ACCOUNT, OTHER, monitorWorld } from '../logs/helpers.js';

const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:pager`;
const DEV = `arn:aws:iam::${ACCOUNT}:user/dev`;
const ANALYST = `arn:aws:iam::${OTHER}:user/analyst`;

const denied = (op: string, who: string, action: string, resource: string, why: string) =>
  `An error occurred (AuthorizationError) when calling the ${op} operation: User: ${who} is not authorized to perform: ${action} on resource: ${resource} ${why}`;

const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

async function topicWorld() {
  const w = monitorWorld();
  await w.json('aws sns create-topic --name pager');
  await w.json(`aws sns subscribe --topic-arn ${TOPIC} --protocol email --notification-endpoint ops@example.com`);
  const setPolicy = (doc: string) => w.aws(`aws sns set-topic-attributes --topic-arn ${TOPIC} --attribute-name Policy --attribute-value '${doc}'`);
  return { ...w, setPolicy };
}

describe('the default topic access policy', () => {
  it('is what get-topic-attributes shows for a topic created without a Policy', async () => {
    const { aws } = await topicWorld();
    const shown = (await aws(`aws sns get-topic-attributes --topic-arn ${TOPIC} --query Attributes.Policy --output text`)).stdout.trim();
    expect(shown).toBe(defaultTopicPolicy(TOPIC, ACCOUNT));
    expect(JSON.parse(shown)).toMatchObject({
      Version: '2008-10-17',
      Id: '__default_policy_ID',
      Statement: [{ Sid: '__default_statement_ID', Principal: { AWS: '*' }, Condition: { StringEquals: { 'AWS:SourceOwner': ACCOUNT } } }],
    });
  });

  it('lets a user of the owner account with no IAM policy publish, subscribe and read the topic', async () => {
    const { aws, json } = await topicWorld();
    expect((await aws(`aws sns publish --topic-arn ${TOPIC} --message hi`, 'dev')).exitCode).toBe(0);
    expect((await aws(`aws sns subscribe --topic-arn ${TOPIC} --protocol email --notification-endpoint dev@example.com`, 'dev')).exitCode).toBe(0);
    expect((await aws(`aws sns get-topic-attributes --topic-arn ${TOPIC}`, 'dev')).exitCode).toBe(0);
    expect(((await json('aws sns list-inbox --endpoint ops@example.com')).Messages as unknown[]).length).toBe(1);
  });

  it('does not let a principal of another account in, even an administrator there', async () => {
    const { aws, world } = await topicWorld();
    const r = await aws(`aws sns publish --topic-arn ${TOPIC} --message hi`, 'analytics');
    expect(r.stderr.trim()).toBe(denied('Publish', ANALYST, 'SNS:Publish', TOPIC, 'because no resource-based policy allows the SNS:Publish action'));
    expect(r.exitCode).toBe(254);
    const call = () =>
      world.call(
        'sns',
        'Publish',
        { TopicArn: TOPIC, Message: 'x' },
        { principal: { type: 'IAMUser', arn: ANALYST, accountId: OTHER, name: 'analyst' }, accountId: OTHER, region: 'us-east-1' },
      );
    expect(call).toThrow(expect.objectContaining({ code: 'AuthorizationError', httpStatus: 403 }));
  });

  it('sets AWS:SourceOwner to the caller account for people, the source account for CloudWatch, none for EventBridge', () => {
    const svc = (arn: string) => ({ principal: { type: 'AWSService' as const, arn, accountId: '' }, accountId: ACCOUNT, region: 'us-east-1' });
    expect(sourceOwnerOf({ principal: { type: 'IAMUser', arn: ANALYST, accountId: OTHER }, accountId: OTHER, region: 'us-east-1' })).toBe(OTHER);
    expect(sourceOwnerOf(svc('cloudwatch.amazonaws.com'))).toBe(ACCOUNT);
    expect(sourceOwnerOf(svc('events.amazonaws.com'))).toBeUndefined();
  });
});

describe('a replaced access policy', () => {
  it('a narrower policy denies the user the default one let in; an IAM policy still allows', async () => {
    const { aws, setPolicy } = await topicWorld();
    const onlyAdmin = policy({ Sid: 'Admin', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/admin` }, Action: 'sns:*', Resource: TOPIC });
    expect((await setPolicy(onlyAdmin)).exitCode).toBe(0);
    expect((await aws(`aws sns get-topic-attributes --topic-arn ${TOPIC} --query Attributes.Policy --output text`)).stdout.trim()).toBe(onlyAdmin);
    expect((await aws(`aws sns publish --topic-arn ${TOPIC} --message hi`, 'dev')).stderr.trim()).toBe(
      denied('Publish', DEV, 'SNS:Publish', TOPIC, 'because no identity-based policy allows the SNS:Publish action'),
    );
    expect((await aws(`aws sns list-subscriptions-by-topic --topic-arn ${TOPIC}`, 'dev')).stderr).toContain('(AuthorizationError)');
    const allowPublish = policy({ Effect: 'Allow', Action: 'sns:Publish', Resource: TOPIC });
    expect((await aws(`aws iam put-user-policy --user-name dev --policy-name publish --policy-document '${allowPublish}'`)).exitCode).toBe(0);
    expect((await aws(`aws sns publish --topic-arn ${TOPIC} --message hi`, 'dev')).exitCode).toBe(0);
    expect((await aws(`aws sns subscribe --topic-arn ${TOPIC} --protocol email --notification-endpoint d@example.com`, 'dev')).stderr).toContain(
      'not authorized to perform: SNS:Subscribe on resource',
    );
  });

  it('an explicit deny in the topic policy wins over the administrator IAM policy', async () => {
    const { aws, setPolicy } = await topicWorld();
    await setPolicy(
      policy(
        { Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Resource: TOPIC },
        { Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sns:*', Resource: TOPIC },
      ),
    );
    expect((await aws(`aws sns publish --topic-arn ${TOPIC} --message hi`)).stderr.trim()).toBe(
      denied('Publish', `arn:aws:iam::${ACCOUNT}:user/admin`, 'SNS:Publish', TOPIC, 'with an explicit deny in a resource-based policy'),
    );
  });

  it('another account may publish when the topic policy names it and its own IAM policy allows', async () => {
    const { aws, setPolicy } = await topicWorld();
    await setPolicy(policy({ Sid: 'Partner', Effect: 'Allow', Principal: { AWS: OTHER }, Action: 'sns:Publish', Resource: TOPIC }));
    expect((await aws(`aws sns publish --topic-arn ${TOPIC} --message hi`, 'analytics')).exitCode).toBe(0);
    expect((await aws(`aws sns subscribe --topic-arn ${TOPIC} --protocol email --notification-endpoint a@example.com`, 'analytics')).stderr).toContain(
      'because no resource-based policy allows the SNS:Subscribe action',
    );
  });

  it('refuses a Policy that is not a policy, and unknown principals, with SNS InvalidParameter messages', async () => {
    const { aws, setPolicy } = await topicWorld();
    expect((await setPolicy('{"Statement": 5}')).stderr).toContain(
      '(InvalidParameter) when calling the SetTopicAttributes operation: Invalid parameter: Policy Error: null',
    );
    expect((await setPolicy('not json')).stderr).toContain('Invalid parameter: Policy Error: null');
    const ghost = policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/ghost` }, Action: 'sns:Publish', Resource: TOPIC });
    expect((await setPolicy(ghost)).stderr).toContain('Invalid parameter: Policy Error: PrincipalNotFound');
    expect((await aws(`aws sns create-topic --name other --attributes '{"Policy":"nope"}'`)).stderr).toContain('Invalid parameter: Policy Error: null');
    expect((await aws(`aws sns publish --topic-arn ${TOPIC} --message hi`, 'dev')).exitCode).toBe(0); // the default policy is still in force
  });
});

describe('the Policy attribute at creation and reset', () => {
  it('CreateTopic --attributes Policy sets the access policy; an empty Policy brings the default back', async () => {
    const { aws, json } = monitorWorld();
    const mine = `arn:aws:sns:us-east-1:${ACCOUNT}:mine`;
    const onlyAdmin = policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/admin` }, Action: 'sns:*', Resource: mine });
    await json(`aws sns create-topic --name mine --attributes '${JSON.stringify({ Policy: onlyAdmin })}'`);
    expect((await aws(`aws sns get-topic-attributes --topic-arn ${mine} --query Attributes.Policy --output text`)).stdout.trim()).toBe(onlyAdmin);
    expect((await aws(`aws sns publish --topic-arn ${mine} --message hi`, 'dev')).stderr).toContain('(AuthorizationError)');
    await json(`aws sns set-topic-attributes --topic-arn ${mine} --attribute-name Policy --attribute-value ''`);
    expect((await aws(`aws sns get-topic-attributes --topic-arn ${mine} --query Attributes.Policy --output text`)).stdout.trim()).toBe(
      defaultTopicPolicy(mine, ACCOUNT),
    );
    expect((await aws(`aws sns publish --topic-arn ${mine} --message hi`, 'dev')).exitCode).toBe(0);
  });
});

describe('operations without a topic policy to help', () => {
  it('CreateTopic and ListTopics need an IAM policy; a missing topic answers AuthorizationError before NotFound', async () => {
    const { aws, world } = monitorWorld();
    expect((await aws('aws sns create-topic --name mine', 'dev')).stderr.trim()).toBe(
      denied(
        'CreateTopic',
        DEV,
        'SNS:CreateTopic',
        `arn:aws:sns:us-east-1:${ACCOUNT}:mine`,
        'because no identity-based policy allows the SNS:CreateTopic action',
      ),
    );
    expect((await aws('aws sns list-topics', 'dev')).stderr.trim()).toBe(
      denied('ListTopics', DEV, 'SNS:ListTopics', `arn:aws:sns:us-east-1:${ACCOUNT}:*`, 'because no identity-based policy allows the SNS:ListTopics action'),
    );
    expect((await aws(`aws sns get-topic-attributes --topic-arn ${TOPIC}`, 'dev')).stderr).toContain('(AuthorizationError)');
    expect((await aws(`aws sns get-topic-attributes --topic-arn ${TOPIC}`)).stderr).toContain('(NotFound)');
    expect((await aws(`aws sns unsubscribe --subscription-arn ${TOPIC}:0b7c2f47-3a51-4c7e-9d49-5b0c4f1f7a11`, 'dev')).stderr).toContain(
      `not authorized to perform: SNS:Unsubscribe on resource: ${TOPIC} because`,
    );
    const refused = world.trail.events.filter((e) => e.eventSource === 'sns.amazonaws.com' && e.errorCode === 'AuthorizationError');
    expect(refused.map((e) => e.eventName)).toEqual(['CreateTopic', 'ListTopics', 'GetTopicAttributes', 'Unsubscribe']);
  });

  it('the simulator-only ListInbox needs no permission', async () => {
    const { aws } = monitorWorld();
    expect((await aws('aws sns list-inbox', 'dev')).exitCode).toBe(0);
  });

  it('AuthorizationError is an SNS ServiceException with HTTP status 403', () => {
    const { world } = monitorWorld();
    try {
      world.call(
        'sns',
        'ListTopics',
        {},
        { principal: { type: 'IAMUser', arn: DEV, accountId: ACCOUNT, name: 'dev' }, accountId: ACCOUNT, region: 'us-east-1' },
      );
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(ServiceException);
      expect(e).toMatchObject({ service: 'sns', code: 'AuthorizationError', httpStatus: 403 });
    }
  });
});
