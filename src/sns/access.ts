// Who may call SNS: sns:<Action> on the topic ARN, decided by the caller's IAM policies and the topic's access policy
// (a resource-based policy; a topic created without one gets the default policy below). Differs: see docs/services/sns.md.
// Actions and resources: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsns.html
// Access policies: https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html
import type { Caller } from '../aws/caller.js';
import type { ServiceContext } from '../aws/service.js';
import { parsePolicy } from '../policy/index.js';
import { INVALID_PRINCIPALS } from '../policy/validate.js';
import { AuthorizationErrorException, InvalidParameterException } from './errors.js';
import type { Topic } from './state.js';

/**
 * The access policy CreateTopic attaches when the request has no Policy attribute: anyone ("AWS": "*") whose request
 * comes from the topic owner's account (AWS:SourceOwner) may use the topic. Its shape as get-topic-attributes prints it
 * in real outputs (e.g. https://pastebin.com/EwbqW6Zy; topics of older accounts also list SNS:Receive; the key is
 * discussed in https://github.com/awsdocs/iam-user-guide/issues/111).
 */
export function defaultTopicPolicy(topicArn: string, accountId: string): string {
  return JSON.stringify({
    Version: '2008-10-17',
    Id: '__default_policy_ID',
    Statement: [
      {
        Sid: '__default_statement_ID',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: [
          'SNS:GetTopicAttributes',
          'SNS:SetTopicAttributes',
          'SNS:AddPermission',
          'SNS:RemovePermission',
          'SNS:DeleteTopic',
          'SNS:Subscribe',
          'SNS:ListSubscriptionsByTopic',
          'SNS:Publish',
        ],
        Resource: topicArn,
        Condition: { StringEquals: { 'AWS:SourceOwner': accountId } },
      },
    ],
  });
}

/** The topic's access policy: the one set (CreateTopic or SetTopicAttributes Policy) or the default one. */
export function topicPolicy(t: Topic): string {
  return t.attributes.Policy ?? defaultTopicPolicy(t.arn, t.accountId);
}

/**
 * The service principals that tell SNS which account owns the resource they publish for (AWS:SourceOwner), so the
 * default policy lets them in: CloudWatch alarms publish to a topic of their own account with no extra statement.
 * EventBridge does not: the topic policy must name events.amazonaws.com
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sns-permissions,
 * https://www.repost.aws/knowledge-center/sns-not-getting-eventbridge-notification).
 */
const SOURCE_OWNER_SERVICES = new Set(['cloudwatch.amazonaws.com']);

/** AWS:SourceOwner of a request: the caller's own account for IAM principals, the source resource's account for the services above. */
export function sourceOwnerOf(caller: Caller): string | undefined {
  const p = caller.principal;
  if (p.type !== 'AWSService') return p.accountId || caller.accountId;
  return SOURCE_OWNER_SERVICES.has(p.arn) ? caller.accountId : undefined;
}

/**
 * Throws AuthorizationError (403) unless `SNS:<operation>` on `resourceArn` is allowed. `topic` is the topic the call
 * acts on (its access policy counts), null for a topic that does not exist (identity policies alone decide, so a
 * caller without permission hears AuthorizationError before NotFound, as in AWS), undefined for account-level actions.
 * The message is AWS's, with the upper-case "SNS:" prefix SNS prints, e.g. "User: arn:aws:iam::111122223333:user/x is
 * not authorized to perform: SNS:Publish on resource: arn:aws:sns:... because no identity-based policy allows the
 * SNS:Publish action" (https://github.com/aws-ia/terraform-aws-control_tower_account_factory/issues/151).
 */
export function authorizeSns(ctx: ServiceContext, caller: Caller, operation: string, resourceArn: string, topic?: Topic | null): void {
  const owner = sourceOwnerOf(caller);
  const d = ctx.access.authorize({
    action: `SNS:${operation}`,
    caller,
    resourceArn,
    grants: [],
    context: owner === undefined ? {} : { 'aws:SourceOwner': owner },
    now: ctx.now(),
    ...(topic === undefined
      ? {}
      : {
          resourcePolicy: topic ? { document: topicPolicy(topic), accountId: topic.accountId } : { accountId: accountOfArn(resourceArn) ?? caller.accountId },
        }),
  });
  if (!d.allowed) throw new AuthorizationErrorException(d.message ?? '');
}

function accountOfArn(arn: string): string | undefined {
  return /^arn:aws[a-z-]*:sns:[^:]*:(\d{12}):/.exec(arn)?.[1];
}

/**
 * Checks a Policy attribute as SNS does: "Invalid parameter: Policy Error: null" for a document that is not a policy,
 * "... PrincipalNotFound" for a principal that does not exist (InvalidParameter, HTTP 400;
 * https://github.com/aws/serverless-application-model/issues/1591, https://github.com/serverless/serverless/issues/5519).
 */
export function checkTopicPolicy(ctx: ServiceContext, document: string, accountId: string): void {
  try {
    parsePolicy(document, 'key');
  } catch {
    throw new InvalidParameterException('Invalid parameter: Policy Error: null');
  }
  if (ctx.access.keyPolicyProblem(document, accountId)?.startsWith(INVALID_PRINCIPALS)) {
    throw new InvalidParameterException('Invalid parameter: Policy Error: PrincipalNotFound');
  }
}
