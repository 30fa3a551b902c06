// Amazon SNS as the simulator answers it (`aws sns`): topics encrypted with a KMS key (KmsMasterKeyId), email
// subscriptions delivering to a simulated inbox, and publishers that are people or AWS services.
// Differs: no IAM check of sns:* actions and no topic policy; Publish is not recorded in CloudTrail (a data event);
// ListInbox is the simulator's own operation (the mailbox of an email endpoint), not an AWS API.
import { recordedCall } from '../aws/api-call-event.js';
import type { Caller } from '../aws/caller.js';
import { UnknownOperationException } from '../aws/errors.js';
import type { ServiceContext, ServiceFactory, ServiceHandler } from '../aws/service.js';
import { listInbox, publish } from './publish.js';
import { emptySnsState, readSnsState, type SnsState } from './state.js';
import * as T from './topics.js';

type Op = (ctx: ServiceContext, state: SnsState, req: Record<string, unknown>, caller: Caller) => Record<string, unknown>;

const OPS: Record<string, Op> = {
  CreateTopic: (_c, s, r, who) => T.createTopic(s, r, who),
  SetTopicAttributes: (_c, s, r) => T.setTopicAttributes(s, r),
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

export const snsService: ServiceFactory = (ctx): ServiceHandler => {
  let state: SnsState = emptySnsState();
  return {
    name: 'sns',
    operations: () => Object.keys(OPS).sort(),
    call(operation, request, caller) {
      const op = OPS[operation];
      if (!op) throw new UnknownOperationException(`The sns operation ${operation} is not supported by the simulator.`);
      const record = !NOT_RECORDED.has(operation) && caller.principal.type !== 'AWSService';
      return recordedCall(ctx, 'sns', operation, request, caller, () => op(ctx, state, request, caller), record);
    },
    saveState: () => (state.topics.length === 0 && state.inbox.length === 0 ? undefined : state),
    restoreState(doc) {
      state = readSnsState(doc);
    },
  };
};
