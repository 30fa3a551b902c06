// Amazon EventBridge as the simulator answers it (`aws events`): rules on the default bus matching the KMS events
// and the CloudTrail API call events, with SNS topic and log group targets; see deliver.ts and kms-events.ts.
// Every operation is authorized first (access.ts: events:<Action> on the rule, IAM policies).
// Differs: only the default event bus; no PutEvents of custom events.
import { recordedCall } from '../aws/api-call-event.js';
import type { Caller } from '../aws/caller.js';
import { UnknownOperationException } from '../aws/errors.js';
import type { ServiceFactory, ServiceHandler } from '../aws/service.js';
import { authorizeEvents } from './access.js';
import { pump } from './deliver.js';
import * as R from './rules.js';
import { emptyEventsState, readEventsState, type EventsState } from './state.js';

type Op = (state: EventsState, req: Record<string, unknown>, caller: Caller) => Record<string, unknown>;

const OPS: Record<string, Op> = {
  PutRule: R.putRule,
  DescribeRule: R.describeRule,
  ListRules: R.listRules,
  DeleteRule: R.deleteRule,
  EnableRule: (s, r, c) => R.setRuleState(s, r, c, 'ENABLED'),
  DisableRule: (s, r, c) => R.setRuleState(s, r, c, 'DISABLED'),
  PutTargets: R.putTargets,
  ListTargetsByRule: R.listTargetsByRule,
  RemoveTargets: R.removeTargets,
  TestEventPattern: (_s, r) => R.testEventPattern(r),
};

export const eventsService: ServiceFactory = (ctx): ServiceHandler => {
  let state: EventsState = emptyEventsState();
  return {
    name: 'events',
    operations: () => Object.keys(OPS).sort(),
    call(operation, request, caller) {
      const op = OPS[operation];
      if (!op) throw new UnknownOperationException(`The events operation ${operation} is not supported by the simulator.`);
      pump(ctx, state);
      const record = operation !== 'TestEventPattern' && caller.principal.type !== 'AWSService';
      return recordedCall(
        ctx,
        'events',
        operation,
        request,
        caller,
        () => {
          authorizeEvents(ctx, caller, operation, request);
          return op(state, request, caller);
        },
        record,
      );
    },
    saveState: () => (state.rules.length === 0 ? undefined : state),
    restoreState(doc) {
      state = readEventsState(doc);
    },
    onAdvance() {
      pump(ctx, state);
    },
  };
};
