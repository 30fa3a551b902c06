// CloudWatch Logs authorizes IAM principals: logs:<Operation> on the ARN Logs evaluates (the group ARN + ":log-stream:",
// the stream ARN, or the account-wide form), AccessDeniedException with AWS's sentence; service principals are not checked.
import { describe, expect, it } from '@jest/globals';
import { servicePrincipal } from '../../src/aws/caller.js';
import { ACCOUNT, monitorWorld, trailToLogs } from './helpers.js';

const DEV = `arn:aws:iam::${ACCOUNT}:user/dev`;
const GROUP = (name: string) => `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${name}`;
const denied = (operation: string, resource: string, why = `because no identity-based policy allows the logs:${operation} action`) =>
  `\nAn error occurred (AccessDeniedException) when calling the ${operation} operation: User: ${DEV} is not authorized to perform: logs:${operation} on resource: ${resource} ${why}\n`;

/** A monitor world where admin made /app/a (stream s1, one event) and /app/b, and `dev` has the inline policy `statements`. */
async function devWith(...statements: object[]) {
  const w = monitorWorld();
  await w.json('aws logs create-log-group --log-group-name /app/a');
  await w.json('aws logs create-log-group --log-group-name /app/b');
  await w.json('aws logs create-log-stream --log-group-name /app/a --log-stream-name s1');
  await w.json('aws logs create-log-stream --log-group-name /app/b --log-stream-name s1');
  await w.json('aws logs put-log-events --log-group-name /app/a --log-stream-name s1 --log-events timestamp=1795870800000,message=hello');
  if (statements.length) {
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: statements });
    await w.json(`aws iam put-user-policy --user-name dev --policy-name logs --policy-document '${policy}'`);
  }
  return w;
}

describe('a principal with no policy', () => {
  it('is refused every Logs operation with AWS code and sentence, on the resource Logs names', async () => {
    const { aws, world } = await devWith();
    const cases: [string, string, string][] = [
      ['aws logs create-log-group --log-group-name /app/c', 'CreateLogGroup', `${GROUP('/app/c')}:log-stream:`],
      ['aws logs describe-log-groups', 'DescribeLogGroups', `${GROUP('')}:log-stream:`],
      ['aws logs describe-log-streams --log-group-name /app/a', 'DescribeLogStreams', `${GROUP('/app/a')}:log-stream:`],
      ['aws logs create-log-stream --log-group-name /app/a --log-stream-name s2', 'CreateLogStream', `${GROUP('/app/a')}:log-stream:s2`],
      [
        'aws logs put-log-events --log-group-name /app/a --log-stream-name s1 --log-events timestamp=1795870800000,message=x',
        'PutLogEvents',
        `${GROUP('/app/a')}:log-stream:s1`,
      ],
      ['aws logs get-log-events --log-group-name /app/a --log-stream-name s1', 'GetLogEvents', `${GROUP('/app/a')}:log-stream:s1`],
      ['aws logs filter-log-events --log-group-name /app/a', 'FilterLogEvents', `${GROUP('/app/a')}:log-stream:`],
      ['aws logs describe-metric-filters', 'DescribeMetricFilters', `${GROUP('')}:log-stream:`],
      ['aws logs test-metric-filter --filter-pattern ERROR --log-event-messages a', 'TestMetricFilter', `${GROUP('')}:log-stream:`],
      ['aws logs delete-log-group --log-group-name /app/a', 'DeleteLogGroup', `${GROUP('/app/a')}:log-stream:`],
      ['aws logs disassociate-kms-key --log-group-name /app/a', 'DisassociateKmsKey', `${GROUP('/app/a')}:log-stream:`],
    ];
    for (const [line, operation, resource] of cases) {
      const r = await aws(line, 'dev');
      expect({ line, exitCode: r.exitCode, stderr: r.stderr }).toEqual({ line, exitCode: 254, stderr: denied(operation, resource) });
    }
    // The group is checked before it is looked up: a missing group is refused too, not "does not exist".
    expect((await aws('aws logs delete-log-group --log-group-name /nope', 'dev')).stderr).toBe(denied('DeleteLogGroup', `${GROUP('/nope')}:log-stream:`));
    // Nothing changed, and the management-call denials are in CloudTrail under dev's name.
    expect((await aws('aws logs describe-log-groups --query "logGroups[].logGroupName" --output text')).stdout).toBe('/app/a\t/app/b\n');
    const create = world.trail.events.find((e) => e.eventName === 'CreateLogGroup' && e.errorCode)!;
    expect(create).toMatchObject({ errorCode: 'AccessDeniedException', eventSource: 'logs.amazonaws.com', userIdentity: { type: 'IAMUser', userName: 'dev' } });
    expect(create.errorMessage).toBe(
      denied('CreateLogGroup', `${GROUP('/app/c')}:log-stream:`)
        .split(': ')
        .slice(1)
        .join(': ')
        .trim(),
    );
  });
});

describe('identity policies', () => {
  it('a policy on one group (log-group:<name>:*) allows that group and refuses the other', async () => {
    const { aws, json } = await devWith({ Effect: 'Allow', Action: 'logs:*', Resource: `${GROUP('/app/a')}:*` });
    expect((await aws('aws logs create-log-stream --log-group-name /app/a --log-stream-name s2', 'dev')).exitCode).toBe(0);
    expect(
      (await aws('aws logs put-log-events --log-group-name /app/a --log-stream-name s2 --log-events timestamp=1795870800000,message=x', 'dev')).exitCode,
    ).toBe(0);
    expect((await json('aws logs get-log-events --log-group-name /app/a --log-stream-name s1', 'dev')).events).toMatchObject([{ message: 'hello' }]);
    expect((await json('aws logs describe-log-streams --log-group-name /app/a', 'dev')).logStreams).toHaveLength(2);
    expect((await aws('aws logs get-log-events --log-group-name /app/b --log-stream-name s1', 'dev')).stderr).toBe(
      denied('GetLogEvents', `${GROUP('/app/b')}:log-stream:s1`),
    );
    expect((await aws('aws logs create-log-stream --log-group-name /app/b --log-stream-name s2', 'dev')).stderr).toBe(
      denied('CreateLogStream', `${GROUP('/app/b')}:log-stream:s2`),
    );
    // DescribeLogGroups has no resource type: a group ARN in the policy does not allow it.
    expect((await aws('aws logs describe-log-groups', 'dev')).stderr).toBe(denied('DescribeLogGroups', `${GROUP('')}:log-stream:`));
  });

  it('the group ARN without ":*" does not match what Logs evaluates, as in AWS', async () => {
    const { aws } = await devWith({ Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:GetLogEvents'], Resource: GROUP('/app/c') });
    expect((await aws('aws logs create-log-group --log-group-name /app/c', 'dev')).stderr).toBe(denied('CreateLogGroup', `${GROUP('/app/c')}:log-stream:`));
  });

  it('an explicit deny wins over logs:*, with its own ending', async () => {
    const { aws } = await devWith(
      { Effect: 'Allow', Action: 'logs:*', Resource: '*' },
      { Effect: 'Deny', Action: 'logs:DeleteLogGroup', Resource: `${GROUP('/app/*')}:*` },
    );
    expect((await aws('aws logs describe-log-groups', 'dev')).exitCode).toBe(0);
    expect((await aws('aws logs delete-log-group --log-group-name /app/b', 'dev')).stderr).toBe(
      denied('DeleteLogGroup', `${GROUP('/app/b')}:log-stream:`, 'with an explicit deny in an identity-based policy'),
    );
  });

  it('CreateLogGroup with tags also needs logs:TagResource on the group ARN', async () => {
    const { aws } = await devWith({ Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: '*' });
    expect((await aws('aws logs create-log-group --log-group-name /t/1 --tags team=ops', 'dev')).stderr).toBe(
      `\nAn error occurred (AccessDeniedException) when calling the CreateLogGroup operation: User with accountId: ${ACCOUNT} is not authorized to perform CreateLogGroup with Tags. An additional permission "logs:TagResource" is required.\n`,
    );
    expect((await aws('aws logs create-log-group --log-group-name /t/2', 'dev')).exitCode).toBe(0);
    const tagging = await devWith({ Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:TagResource'], Resource: '*' });
    expect((await tagging.aws('aws logs create-log-group --log-group-name /t/1 --tags team=ops', 'dev')).exitCode).toBe(0);
  });

  it('the admin profile (AdministratorAccess) may do everything', async () => {
    const { aws } = await devWith();
    for (const line of [
      'aws logs describe-log-groups',
      'aws logs create-log-group --log-group-name /app/c --tags team=ops',
      'aws logs put-metric-filter --log-group-name /app/a --filter-name f --filter-pattern ERROR --metric-transformations metricName=E,metricNamespace=App,metricValue=1',
      'aws logs describe-metric-filters --log-group-name /app/a',
      'aws logs delete-metric-filter --log-group-name /app/a --filter-name f',
      'aws logs filter-log-events --log-group-name /app/a',
      'aws logs delete-log-group --log-group-name /app/c',
    ])
      expect({ line, exitCode: (await aws(line)).exitCode }).toEqual({ line, exitCode: 0 });
  });
});

describe('AWS service principals', () => {
  it('are not checked against identity policies (EventBridge writing to a group), nor recorded as management calls', async () => {
    const { world, json } = await devWith();
    const events = { principal: servicePrincipal('events.amazonaws.com'), accountId: ACCOUNT, region: 'us-east-1' };
    const before = world.trail.events.length;
    world.call('logs', 'CreateLogStream', { logGroupName: '/app/b', logStreamName: 'rule' }, events);
    world.call('logs', 'PutLogEvents', { logGroupName: '/app/b', logStreamName: 'rule', logEvents: [{ timestamp: 1795870800000, message: '{}' }] }, events);
    expect(world.trail.events.slice(before).filter((e) => e.eventSource === 'logs.amazonaws.com')).toEqual([]);
    expect((await json('aws logs get-log-events --log-group-name /app/b --log-stream-name rule')).events).toMatchObject([{ message: '{}' }]);
  });

  it("a trail's CloudWatch Logs delivery fills its group while the group's readers need logs:* rights", async () => {
    const { aws, json, world } = await devWith({ Effect: 'Allow', Action: 'logs:FilterLogEvents', Resource: `${GROUP('trail')}:*` });
    await trailToLogs(json, 'trail');
    await aws('aws kms create-key');
    world.advance(60_000);
    const found = (await json('aws logs filter-log-events --log-group-name trail --filter-pattern \'{ $.eventName = "CreateKey" }\'', 'dev')).events;
    expect(found).toHaveLength(1);
  });
});
