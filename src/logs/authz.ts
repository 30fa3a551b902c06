// IAM authorization of CloudWatch Logs calls: an IAM principal (user, role session, account root) needs an identity-based
// policy allowing logs:<Operation> on the resource AWS authorizes; calls by AWS service principals are not checked here.
// Differs: Logs resource policies (for service principals) are not simulated; a service principal is always let through.
//
// Resource types per action: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatchlogs.html
// (log-group*: CreateLogGroup, DeleteLogGroup, AssociateKmsKey, DisassociateKmsKey, DescribeLogStreams, FilterLogEvents,
// PutMetricFilter, DescribeMetricFilters, DeleteMetricFilter; log-stream*: CreateLogStream, PutLogEvents, GetLogEvents;
// none, so "*": DescribeLogGroups, TestMetricFilter). CreateLogGroup with tags also needs logs:TagResource.
//
// The ARN Logs evaluates (and prints after "on resource:") for a log-group action is the group ARN followed by
// ":log-stream:", which is why policies name groups as `log-group:<name>:*` (Logs user guide,
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/iam-access-control-overview-cwl.html). Real answers:
// "... is not authorized to perform: logs:CreateLogGroup on resource:
//  arn:aws:logs:eu-central-1:697149045717:log-group:/aws/lambda/github-actions-smoke-testing-test:log-stream: because no
//  identity-based policy allows the logs:CreateLogGroup action" (elastic/apm-aws-lambda#526);
// "... logs:CreateLogStream on resource: arn:aws:logs:us-east-1:<acct>:log-group:/aws/lambda/CRRHourlyMaint:log-stream:2019/..."
// (aws-solutions/aws-crr-monitor#8); for DescribeLogGroups, which has no resource: "... logs:DescribeLogGroups on
// resource: arn:aws:logs:us-east-1:819013376994:log-group::log-stream: (Service: AWSLogs; Status Code: 400; Error Code:
// AccessDeniedException ...)" (FormidableLabs/terraform-aws-serverless#49, hashicorp/terraform-provider-aws#8804).
// TestMetricFilter and DescribeMetricFilters without a group use that same account-wide form (their own wording was not
// found; a deliberate choice). CreateLogGroup with tags but without logs:TagResource: "User with accountId: <acct> is not
// authorized to perform CreateLogGroup with Tags. An additional permission "logs:TagResource" is required."
// (DataDog/cloudformation-template#61).
import type { Caller } from '../aws/caller.js';
import type { ServiceContext } from '../aws/service.js';
import { AccessDeniedException } from './errors.js';
import { groupArn } from './state.js';

type Scope = 'group' | 'stream' | 'account';

const SCOPE: Record<string, Scope> = {
  CreateLogGroup: 'group',
  DeleteLogGroup: 'group',
  AssociateKmsKey: 'group',
  DisassociateKmsKey: 'group',
  DescribeLogGroups: 'account',
  CreateLogStream: 'stream',
  DescribeLogStreams: 'group',
  PutLogEvents: 'stream',
  GetLogEvents: 'stream',
  FilterLogEvents: 'group',
  PutMetricFilter: 'group',
  DescribeMetricFilters: 'group',
  DeleteMetricFilter: 'group',
  TestMetricFilter: 'account',
};

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** The ARN Logs authorizes `operation` on, as its AccessDeniedException message shows it. */
export function logsResourceArn(operation: string, req: Record<string, unknown>, caller: Pick<Caller, 'accountId' | 'region'>): string {
  const scope = SCOPE[operation] ?? 'account';
  const group = scope === 'account' || req.logGroupName === undefined ? '' : text(req.logGroupName);
  const stream = scope === 'stream' ? text(req.logStreamName) : '';
  return `${groupArn(caller.region, caller.accountId, group)}:log-stream:${stream}`;
}

function decide(ctx: ServiceContext, caller: Caller, action: string, resourceArn: string) {
  return ctx.access.authorize({ action, caller, resourceArn, grants: [], context: {}, now: ctx.now() });
}

/**
 * Throws Logs' AccessDeniedException (AWS's sentence, from the decision) unless the caller may run `operation`.
 * AWS service principals (EventBridge delivering to a group, Logs' own metric filters...) are not checked.
 */
export function authorizeLogs(ctx: ServiceContext, operation: string, req: Record<string, unknown>, caller: Caller): void {
  if (caller.principal.type === 'AWSService') return;
  const d = decide(ctx, caller, `logs:${operation}`, logsResourceArn(operation, req, caller));
  if (!d.allowed) throw new AccessDeniedException(d.message ?? '');
  const tags = req.tags as Record<string, unknown> | undefined;
  if (operation === 'CreateLogGroup' && tags && Object.keys(tags).length > 0) {
    // Tagging names the group ARN without the ":*" / ":log-stream:" ending.
    const t = decide(ctx, caller, 'logs:TagResource', groupArn(caller.region, caller.accountId, text(req.logGroupName)));
    if (!t.allowed)
      throw new AccessDeniedException(
        `User with accountId: ${caller.accountId} is not authorized to perform CreateLogGroup with Tags. An additional permission "logs:TagResource" is required.`,
      );
  }
}
