// The EventBridge slice (`aws events`): rules on the default bus, targets (SNS topics, log groups), pattern tests.
// Shapes follow the EventBridge API reference (botocore events model); docs are our own one-liners.
import type { OperationModel } from './shapes.js';
import { op, str, int, list, struct } from './shapes.js';

const target = struct({ Id: str(), Arn: str(), RoleArn: str(), Input: str(), InputPath: str() }, ['Id', 'Arn']);

export const eventsOperations: OperationModel[] = [
  op("PutRule", "Create or update a rule with an event pattern (--event-pattern JSON).", { Name: str(), ScheduleExpression: str(), EventPattern: str(), State: str(), Description: str(), RoleArn: str(), Tags: list(struct({ Key: str(), Value: str() }, ["Key", "Value"])), EventBusName: str() }, ["Name"]),
  op("DescribeRule", "Show a rule.", { Name: str(), EventBusName: str() }, ["Name"]),
  op("ListRules", "List rules.", { NamePrefix: str(), EventBusName: str(), NextToken: str(), Limit: int() }, []),
  op("DeleteRule", "Delete a rule (remove its targets first).", { Name: str(), EventBusName: str(), Force: { type: 'boolean' } }, ["Name"]),
  op("EnableRule", "Enable a rule.", { Name: str(), EventBusName: str() }, ["Name"]),
  op("DisableRule", "Disable a rule.", { Name: str(), EventBusName: str() }, ["Name"]),
  op("PutTargets", "Add targets to a rule (SNS topic or log group ARNs).", { Rule: str(), EventBusName: str(), Targets: list(target) }, ["Rule", "Targets"]),
  op("ListTargetsByRule", "List a rule's targets.", { Rule: str(), EventBusName: str(), NextToken: str(), Limit: int() }, ["Rule"]),
  op("RemoveTargets", "Remove targets from a rule.", { Rule: str(), EventBusName: str(), Ids: list(str()), Force: { type: 'boolean' } }, ["Rule", "Ids"]),
  op("TestEventPattern", "Check whether an event matches a pattern.", { EventPattern: str(), Event: str() }, ["EventPattern", "Event"]),
];
