// IAM authorization of CloudWatch calls: an IAM principal (user, role session, account root) needs an identity-based
// policy allowing cloudwatch:<Operation>; calls by AWS service principals (Logs' metric filters, EventBridge) are not checked.
//
// Resource types per action: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatch.html
// (alarm*: PutMetricAlarm, DescribeAlarms, DescribeAlarmHistory, SetAlarmState, DeleteAlarms; none, so "*": PutMetricData
// with the condition key cloudwatch:namespace, GetMetricStatistics, ListMetrics). Alarm ARN:
// arn:aws:cloudwatch:<region>:<account>:alarm:<name>. AWS's answers, word for word:
// "An error occurred (AccessDenied) when calling the DeleteAlarms operation: User: arn:aws:sts::502937263541:assumed-role/...
//  is not authorized to perform: cloudwatch:DeleteAlarms on resource: arn:aws:cloudwatch:ca-central-1:502937263541:alarm:
//  because no identity-based policy allows the cloudwatch:DeleteAlarms action" (aws-samples/amazon-cloudwatch-auto-alarms#18);
// for an action without a resource there is no "on resource:" part: "User: arn:aws:sts::...:assumed-role/.../i-08e2...
//  is not authorized to perform: cloudwatch:PutMetricData with an explicit deny" (tomaszkiewicz/prometheus-alertmanager-
//  cloudwatch-webhook#3), "... not authorized to perform: cloudwatch:PutMetricData because no permissions boundary allows the
//  cloudwatch:PutMetricData action" (github-aws-runners/terraform-aws-github-runner#3067).
// Deliberate choices: DescribeAlarms/DescribeAlarmHistory without alarm names are decided on `alarm:*` (a policy must allow
// every alarm, as users report); with names, each named alarm is decided; DeleteAlarms decides each named alarm.
import type { Caller } from '../aws/caller.js';
import type { ServiceContext } from '../aws/service.js';
import { AccessDenied } from './errors.js';

const alarmArn = (c: Pick<Caller, 'accountId' | 'region'>, name: string) => `arn:aws:cloudwatch:${c.region}:${c.accountId}:alarm:${name}`;
const names = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** The ARNs CloudWatch authorizes `operation` on ('*' for actions without a resource type). */
export function cloudWatchResources(operation: string, req: Record<string, unknown>, caller: Pick<Caller, 'accountId' | 'region'>): string[] {
  switch (operation) {
    case 'PutMetricAlarm':
    case 'SetAlarmState':
      return [alarmArn(caller, String(req.AlarmName ?? ''))];
    case 'DescribeAlarmHistory':
      return [alarmArn(caller, req.AlarmName === undefined ? '*' : String(req.AlarmName))];
    case 'DescribeAlarms': {
      const n = names(req.AlarmNames);
      return n.length ? n.map((x) => alarmArn(caller, x)) : [alarmArn(caller, '*')];
    }
    case 'DeleteAlarms': {
      const n = names(req.AlarmNames);
      return n.length ? n.map((x) => alarmArn(caller, x)) : [alarmArn(caller, '')];
    }
    default:
      return ['*'];
  }
}

/** Throws CloudWatch's AccessDenied (AWS's sentence from the decision) unless the caller may run `operation`. */
export function authorizeCloudWatch(ctx: ServiceContext, operation: string, req: Record<string, unknown>, caller: Caller): void {
  if (caller.principal.type === 'AWSService') return;
  const action = `cloudwatch:${operation}`;
  const context = operation === 'PutMetricData' && req.Namespace !== undefined ? { 'cloudwatch:namespace': String(req.Namespace) } : {};
  for (const resourceArn of cloudWatchResources(operation, req, caller)) {
    const d = ctx.access.authorize({ action, caller, resourceArn, grants: [], context, now: ctx.now() });
    if (d.allowed) continue;
    const message = d.message ?? '';
    // An action without a resource type: CloudWatch's sentence has no "on resource: *" part.
    throw new AccessDenied(resourceArn === '*' ? message.replace(` on resource: *`, '') : message);
  }
}
