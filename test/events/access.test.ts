// EventBridge authorization: events:<Action> on the rule ARN (rule/* for ListRules, "*" for TestEventPattern), from the
// caller's IAM policies; AccessDeniedException with AWS's sentence otherwise.
import { describe, expect, it } from '@jest/globals';
import { resourceOf } from '../../src/events/access.js';
import { ACCOUNT, monitorWorld } from '../logs/helpers.js';

const DEV = `arn:aws:iam::${ACCOUNT}:user/dev`;
const RULE = (name: string) => `arn:aws:events:us-east-1:${ACCOUNT}:rule/${name}`;
const PATTERN = `'{"source":["aws.kms"]}'`;

const denied = (op: string, action: string, resource: string) =>
  `An error occurred (AccessDeniedException) when calling the ${op} operation: User: ${DEV} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;

describe('events:* authorization', () => {
  it('a user with no IAM policy is refused every operation, on the rule, rule/* or "*"', async () => {
    const { aws, json, world } = monitorWorld();
    await json(`aws events put-rule --name kms --event-pattern ${PATTERN}`);
    const cases: [string, string, string][] = [
      [`aws events put-rule --name kms --event-pattern ${PATTERN}`, 'PutRule', RULE('kms')],
      ['aws events describe-rule --name kms', 'DescribeRule', RULE('kms')],
      ['aws events list-rules', 'ListRules', RULE('*')],
      ['aws events disable-rule --name kms', 'DisableRule', RULE('kms')],
      ['aws events enable-rule --name kms', 'EnableRule', RULE('kms')],
      ['aws events delete-rule --name kms', 'DeleteRule', RULE('kms')],
      [`aws events put-targets --rule kms --targets Id=t,Arn=arn:aws:sns:us-east-1:${ACCOUNT}:t`, 'PutTargets', RULE('kms')],
      ['aws events list-targets-by-rule --rule kms', 'ListTargetsByRule', RULE('kms')],
      ['aws events remove-targets --rule kms --ids t', 'RemoveTargets', RULE('kms')],
      [`aws events test-event-pattern --event-pattern ${PATTERN} --event '{"source":"aws.kms"}'`, 'TestEventPattern', '*'],
    ];
    for (const [line, op, resource] of cases) {
      const r = await aws(line, 'dev');
      expect(r.stderr.trim()).toBe(denied(op, `events:${op}`, resource));
      expect(r.exitCode).toBe(254);
    }
    // A rule that does not exist: AccessDeniedException before ResourceNotFoundException.
    expect((await aws('aws events describe-rule --name missing', 'dev')).stderr).toContain('(AccessDeniedException)');
    expect((await aws('aws events describe-rule --name missing')).stderr).toContain('(ResourceNotFoundException)');
    const refused = world.trail.events.filter((e) => e.eventSource === 'events.amazonaws.com' && e.errorCode === 'AccessDeniedException');
    expect(refused.length).toBe(10); // recorded in CloudTrail (TestEventPattern is not)
  });

  it('an identity policy on rule/kms-* allows those rules only; the admin profile keeps full access', async () => {
    const { aws, json } = monitorWorld();
    const doc = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['events:PutRule', 'events:DescribeRule'], Resource: RULE('kms-*') }],
    });
    await json(`aws iam put-user-policy --user-name dev --policy-name rules --policy-document '${doc}'`);
    expect((await aws(`aws events put-rule --name kms-watch --event-pattern ${PATTERN}`, 'dev')).exitCode).toBe(0);
    expect((await aws('aws events describe-rule --name kms-watch', 'dev')).exitCode).toBe(0);
    expect((await aws(`aws events put-rule --name other --event-pattern ${PATTERN}`, 'dev')).stderr.trim()).toBe(
      denied('PutRule', 'events:PutRule', RULE('other')),
    );
    expect((await aws('aws events list-rules', 'dev')).stderr).toContain('(AccessDeniedException)');
    expect((await aws('aws events list-rules')).exitCode).toBe(0);
  });

  it('an explicit deny in an identity policy names itself in the message', async () => {
    const { aws, json } = monitorWorld();
    const doc = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'events:DeleteRule', Resource: '*' }] });
    await json(`aws iam put-user-policy --user-name admin --policy-name no-delete --policy-document '${doc}'`);
    expect((await aws('aws events delete-rule --name x')).stderr).toContain(
      `User: arn:aws:iam::${ACCOUNT}:user/admin is not authorized to perform: events:DeleteRule on resource: ${RULE('x')} with an explicit deny in an identity-based policy`,
    );
  });

  it('resourceOf: no resource when the request lacks the rule name (validation answers), the account in the ARN', () => {
    const c = { principal: { type: 'IAMUser' as const, arn: DEV, accountId: ACCOUNT }, accountId: ACCOUNT, region: 'eu-west-1' };
    expect(resourceOf('PutTargets', {}, c)).toBeUndefined();
    expect(resourceOf('PutTargets', { Rule: 'r' }, c)).toBe(`arn:aws:events:eu-west-1:${ACCOUNT}:rule/r`);
    expect(resourceOf('ListRules', {}, c)).toBe(`arn:aws:events:eu-west-1:${ACCOUNT}:rule/*`);
  });
});
