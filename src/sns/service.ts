// Amazon SNS as the simulator answers it (`aws sns`): topics encrypted with a KMS key (KmsMasterKeyId), email
// subscriptions delivering to a simulated inbox, and publishers that are people or AWS services. Every AWS operation
// is authorized first (access.ts: IAM policies and the topic's access policy).
// Differs: Publish is not recorded in CloudTrail (a data event); ListInbox is the simulator's own operation (the
// mailbox of an email endpoint), not an AWS API, and needs no permission.
import { recordedCall } from '../aws/api-call-event.js';
import type { Caller } from '../aws/caller.js';
import { UnknownOperationException } from '../aws/errors.js';
import type { ServiceContext, ServiceFactory, ServiceHandler } from '../aws/service.js';
import { authorizeSns } from './access.js';
import { listInbox, publish } from './publish.js';
import { emptySnsState, readSnsState, type SnsState } from './state.js';
import * as T from './topics.js';

type Op = (ctx: ServiceContext, state: SnsState, req: Record<string, unknown>, caller: Caller) => Record<string, unknown>;

const OPS: Record<string, Op> = {
  CreateTopic: T.createTopic,
  SetTopicAttributes: (c, s, r) => T.setTopicAttributes(c, s, r),
  GetTopicAttributes: (_c, s, r) => T.getTopicAttributes(s, r),
  ListTopics: (_c, s, _r, who) => T.listTopics(s, who),
  DeleteTopic: (_c, s, r) => T.deleteTopic(s, r),
  Subscribe: T.subscribe,
  Unsubscribe: (_c, s, r) => T.unsubscribe(s, r),
  ListSubscriptionsByTopic: (_c, s, r) => T.listSubscriptionsByTopic(s, r),
  Publish: publish,
  ListInbox: (_c, s, r) => listInbox(s, r),
};

const NOT_RECORDED = new Set(['Publish', 'ListInbox']);

/**
 * The topic ARN an operation is authorized on, as the Service Authorization Reference lists its resource (topic*):
 * CreateTopic names the topic it would create; Unsubscribe the topic of the subscription (its ARN minus the last part,
 * as AWS's messages show it). Undefined when the request lacks it (the operation's own validation answers).
 */
function topicArnOf(operation: string, req: Record<string, unknown>, caller: Caller): string | undefined {
  if (operation === 'CreateTopic') return req.Name === undefined ? undefined : `arn:aws:sns:${caller.region}:${caller.accountId}:${String(req.Name)}`;
  if (operation === 'Unsubscribe') {
    const sub = req.SubscriptionArn === undefined ? '' : String(req.SubscriptionArn);
    return sub.includes(':') ? sub.slice(0, sub.lastIndexOf(':')) : undefined;
  }
  return req.TopicArn === undefined ? undefined : String(req.TopicArn);
}

function authorizeCall(ctx: ServiceContext, state: SnsState, operation: string, req: Record<string, unknown>, caller: Caller): void {
  if (operation === 'ListInbox') return;
  // ListTopics has no resource type; AWS names the account's topics with a wildcard ("on resource: arn:aws:sns:<region>:<account>:*").
  if (operation === 'ListTopics') return authorizeSns(ctx, caller, operation, `arn:aws:sns:${caller.region}:${caller.accountId}:*`);
  const arn = topicArnOf(operation, req, caller);
  if (arn === undefined) return;
  authorizeSns(ctx, caller, operation, arn, state.topics.find((t) => t.arn === arn) ?? null);
}

export const snsService: ServiceFactory = (ctx): ServiceHandler => {
  let state: SnsState = emptySnsState();
  return {
    name: 'sns',
    operations: () => Object.keys(OPS).sort(),
    call(operation, request, caller) {
      const op = OPS[operation];
      if (!op) throw new UnknownOperationException(`The sns operation ${operation} is not supported by the simulator.`);
      const record = !NOT_RECORDED.has(operation) && caller.principal.type !== 'AWSService';
      return recordedCall(
        ctx,
        'sns',
        operation,
        request,
        caller,
        () => {
          authorizeCall(ctx, state, operation, request, caller);
          return op(ctx, state, request, caller);
        },
        record,
      );
    },
    saveState: () => (state.topics.length === 0 && state.inbox.length === 0 ? undefined : state),
    restoreState(doc) {
      state = readSnsState(doc);
    },
  };
};
