// The SNS slice (`aws sns`): topics with KmsMasterKeyId, email subscriptions and Publish, plus the simulator's
// ListInbox. Shapes follow the SNS API reference (botocore sns model); docs are our own one-liners.
import type { OperationModel } from './shapes.js';
import { op, str, bool, list, map, struct } from './shapes.js';

const attrValue = struct({ DataType: str(), StringValue: str() }, ['DataType']);

export const snsOperations: OperationModel[] = [
  op("CreateTopic", "Create a topic; --attributes KmsMasterKeyId=<key> encrypts its messages at rest.", { Name: str(), Attributes: map(str(), str()), Tags: list(struct({ Key: str(), Value: str() }, ["Key", "Value"])), DataProtectionPolicy: str() }, ["Name"]),
  op("SetTopicAttributes", "Set one topic attribute (KmsMasterKeyId, DisplayName, Policy...).", { TopicArn: str(), AttributeName: str(), AttributeValue: str() }, ["TopicArn", "AttributeName"]),
  op("GetTopicAttributes", "Show a topic's attributes.", { TopicArn: str() }, ["TopicArn"]),
  op("ListTopics", "List the topics of the account and Region.", { NextToken: str() }, []),
  op("DeleteTopic", "Delete a topic and its subscriptions.", { TopicArn: str() }, ["TopicArn"]),
  // The AWS CLI names the Endpoint member --notification-endpoint (its customization for sns subscribe).
  op("Subscribe", "Subscribe an email address (protocol email or email-json) to a topic.", { TopicArn: str(), Protocol: str(), NotificationEndpoint: str(), Attributes: map(str(), str()), ReturnSubscriptionArn: bool() }, ["TopicArn", "Protocol"]),
  op("Unsubscribe", "Delete a subscription.", { SubscriptionArn: str() }, ["SubscriptionArn"]),
  op("ListSubscriptionsByTopic", "List a topic's subscriptions.", { TopicArn: str(), NextToken: str() }, ["TopicArn"]),
  op("Publish", "Publish a message to a topic.", { TopicArn: str(), TargetArn: str(), PhoneNumber: str(), Message: str(), Subject: str(), MessageStructure: str(), MessageAttributes: map(str(), attrValue), MessageDeduplicationId: str(), MessageGroupId: str() }, ["Message"]),
  op("ListInbox", "(simulator only, not an AWS API) Show the messages delivered to a simulated email endpoint.", { Endpoint: str() }, []),
];
