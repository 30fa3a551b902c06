// SNS topics and subscriptions: CreateTopic (Attributes KmsMasterKeyId...), SetTopicAttributes, GetTopicAttributes,
// ListTopics, DeleteTopic, Subscribe, Unsubscribe, ListSubscriptionsByTopic. https://docs.aws.amazon.com/sns/latest/api/
// Differs: email subscriptions are confirmed at once (AWS waits for the recipient to confirm); only the email and
// email-json protocols deliver. Who may call them is decided before (access.ts).
import type { Caller } from '../aws/caller.js';
import { uuidFrom } from '../aws/ports.js';
import type { ServiceContext } from '../aws/service.js';
import { checkTopicPolicy, topicPolicy } from './access.js';
import { InvalidParameterException, NotFoundException } from './errors.js';
import type { SnsState, Topic } from './state.js';

const SETTABLE = new Set(['DisplayName', 'Policy', 'DeliveryPolicy', 'KmsMasterKeyId', 'TracingConfig', 'SignatureVersion']);
const PROTOCOLS = new Set(['email', 'email-json']);

export function findTopic(state: SnsState, arn: unknown): Topic {
  const t = state.topics.find((x) => x.arn === arn);
  if (!t) throw new NotFoundException('Topic does not exist');
  return t;
}

export function createTopic(ctx: ServiceContext, state: SnsState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  const name = String(req.Name ?? '');
  if (!/^[A-Za-z0-9_-]{1,256}$/.test(name)) throw new InvalidParameterException('Invalid parameter: Topic Name');
  const arn = `arn:aws:sns:${caller.region}:${caller.accountId}:${name}`;
  const attrs = (req.Attributes as Record<string, string> | undefined) ?? {};
  for (const k of Object.keys(attrs)) if (!SETTABLE.has(k)) throw new InvalidParameterException(`Invalid parameter: Attributes Reason: Unknown attribute ${k}`);
  if (attrs.Policy !== undefined) checkTopicPolicy(ctx, String(attrs.Policy), caller.accountId);
  const existing = state.topics.find((t) => t.arn === arn);
  if (existing) return { TopicArn: arn }; // CreateTopic is idempotent for the same name and attributes
  const tags = Object.fromEntries(((req.Tags as { Key: string; Value: string }[] | undefined) ?? []).map((t) => [t.Key, t.Value]));
  state.topics.push({ arn, name, accountId: caller.accountId, region: caller.region, attributes: { ...attrs }, tags });
  return { TopicArn: arn };
}

export function setTopicAttributes(ctx: ServiceContext, state: SnsState, req: Record<string, unknown>): Record<string, unknown> {
  const t = findTopic(state, req.TopicArn);
  const name = String(req.AttributeName ?? '');
  if (!SETTABLE.has(name)) throw new InvalidParameterException('Invalid parameter: AttributeName');
  const value = req.AttributeValue === undefined ? '' : String(req.AttributeValue);
  // The Policy attribute replaces the topic's whole access policy; an empty value brings the default one back here
  // (the simulator's choice: what AWS does with an empty policy is not verified).
  if (name === 'Policy' && value !== '') checkTopicPolicy(ctx, value, t.accountId);
  if (value === '') delete t.attributes[name];
  else t.attributes[name] = value;
  return {};
}

export function getTopicAttributes(state: SnsState, req: Record<string, unknown>): Record<string, unknown> {
  const t = findTopic(state, req.TopicArn);
  const subs = state.subscriptions.filter((s) => s.topicArn === t.arn).length;
  return {
    Attributes: {
      Policy: topicPolicy(t),
      Owner: t.accountId,
      SubscriptionsPending: '0',
      TopicArn: t.arn,
      EffectiveDeliveryPolicy:
        '{"http":{"defaultHealthyRetryPolicy":{"minDelayTarget":20,"maxDelayTarget":20,"numRetries":3,"numMaxDelayRetries":0,"numNoDelayRetries":0,"numMinDelayRetries":0,"backoffFunction":"linear"},"disableSubscriptionOverrides":false,"defaultRequestPolicy":{"headerContentType":"text/plain; charset=UTF-8"}}}',
      SubscriptionsConfirmed: String(subs),
      DisplayName: '',
      SubscriptionsDeleted: '0',
      ...t.attributes,
    },
  };
}

export function listTopics(state: SnsState, caller: Caller): Record<string, unknown> {
  return { Topics: state.topics.filter((t) => t.accountId === caller.accountId && t.region === caller.region).map((t) => ({ TopicArn: t.arn })) };
}

export function deleteTopic(state: SnsState, req: Record<string, unknown>): Record<string, unknown> {
  const i = state.topics.findIndex((t) => t.arn === req.TopicArn);
  if (i >= 0) {
    state.topics.splice(i, 1);
    state.subscriptions = state.subscriptions.filter((s) => s.topicArn !== req.TopicArn);
  }
  return {};
}

export function subscribe(ctx: ServiceContext, state: SnsState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  const t = findTopic(state, req.TopicArn);
  const protocol = String(req.Protocol ?? '');
  const endpoint = String(req.Endpoint ?? req.NotificationEndpoint ?? ''); // NotificationEndpoint: the CLI's name for it
  if (!PROTOCOLS.has(protocol)) throw new InvalidParameterException('Invalid parameter: Amazon SNS does not support this protocol string');
  if (!/^[^@\s]+@[^@\s]+$/.test(endpoint)) throw new InvalidParameterException('Invalid parameter: Email address');
  const same = state.subscriptions.find((s) => s.topicArn === t.arn && s.protocol === protocol && s.endpoint === endpoint);
  if (same) return { SubscriptionArn: same.arn };
  const arn = `${t.arn}:${uuidFrom(ctx.random)}`;
  state.subscriptions.push({ arn, topicArn: t.arn, protocol, endpoint, owner: caller.accountId });
  return { SubscriptionArn: arn };
}

export function unsubscribe(state: SnsState, req: Record<string, unknown>): Record<string, unknown> {
  const i = state.subscriptions.findIndex((s) => s.arn === req.SubscriptionArn);
  if (i < 0) throw new NotFoundException('Subscription does not exist');
  state.subscriptions.splice(i, 1);
  return {};
}

export function listSubscriptionsByTopic(state: SnsState, req: Record<string, unknown>): Record<string, unknown> {
  const t = findTopic(state, req.TopicArn);
  return {
    Subscriptions: state.subscriptions
      .filter((s) => s.topicArn === t.arn)
      .map((s) => ({ SubscriptionArn: s.arn, Owner: s.owner, Protocol: s.protocol, Endpoint: s.endpoint, TopicArn: s.topicArn })),
  };
}
