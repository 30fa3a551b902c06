// Who may call EventBridge: events:<Action> on the rule ARN (arn:aws:events:<region>:<account>:rule/<name>), decided by
// the caller's IAM policies (rules on the default bus have no resource-based policy). Differs: see docs/services/events.md.
// Actions: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-permissions-reference.html ; resources:
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoneventbridge.html
import type { Caller } from '../aws/caller.js';
import type { ServiceContext } from '../aws/service.js';
import { AccessDeniedException } from './errors.js';

/** The request member naming the rule an operation acts on. */
const RULE_MEMBER: Record<string, string> = {
  PutRule: 'Name',
  DescribeRule: 'Name',
  DeleteRule: 'Name',
  EnableRule: 'Name',
  DisableRule: 'Name',
  PutTargets: 'Rule',
  ListTargetsByRule: 'Rule',
  RemoveTargets: 'Rule',
};

export const ruleArn = (c: Pick<Caller, 'region' | 'accountId'>, name: string) => `arn:aws:events:${c.region}:${c.accountId}:rule/${name}`;

/**
 * The resource an operation is authorized on: the rule; for ListRules the account's rules with a wildcard (AWS's message
 * says "on resource: arn:aws:events:<region>:<account>:rule/*"); "*" for TestEventPattern, which has no resource type.
 * Undefined when the request lacks the rule's name (the operation's own validation answers).
 */
export function resourceOf(operation: string, req: Record<string, unknown>, c: Caller): string | undefined {
  if (operation === 'ListRules') return ruleArn(c, '*');
  if (operation === 'TestEventPattern') return '*';
  const member = RULE_MEMBER[operation];
  const name = member === undefined ? undefined : req[member];
  return name === undefined ? undefined : ruleArn(c, String(name));
}

/**
 * Throws AccessDeniedException unless events:<operation> is allowed, with AWS's sentence, e.g. "User:
 * arn:aws:sts::111122223333:assumed-role/x/y is not authorized to perform: events:PutRule on resource:
 * arn:aws:events:eu-west-2:111122223333:rule/r because no identity-based policy allows the events:PutRule action"
 * (https://github.com/ministryofjustice/modernisation-platform/pull/1253).
 */
export function authorizeEvents(ctx: ServiceContext, caller: Caller, operation: string, req: Record<string, unknown>): void {
  const resourceArn = resourceOf(operation, req, caller);
  if (resourceArn === undefined) return;
  const d = ctx.access.authorize({ action: `events:${operation}`, caller, resourceArn, grants: [], context: {}, now: ctx.now() });
  if (!d.allowed) throw new AccessDeniedException(d.message ?? '');
}
