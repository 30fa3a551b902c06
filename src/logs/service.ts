// Amazon CloudWatch Logs as the simulator answers it (`aws logs`): log groups encrypted with a KMS key that Logs
// uses in its own name, events, and metric filters feeding CloudWatch (CloudTrail writes here as a trail's role).
// IAM principals need logs:<Operation> (authz.ts). Differs: PutLogEvents/GetLogEvents/FilterLogEvents are not recorded
// in CloudTrail (data events); CreateLogGroup and the other management calls are, denials included.
import { recordedCall } from '../aws/api-call-event.js';
import type { Caller } from '../aws/caller.js';
import { UnknownOperationException } from '../aws/errors.js';
import type { ServiceContext, ServiceFactory, ServiceHandler } from '../aws/service.js';
import { authorizeLogs } from './authz.js';
import * as G from './groups.js';
import * as M from './metric-filters.js';
import { emptyLogsState, readLogsState, type LogsState } from './state.js';

type Op = (ctx: ServiceContext, state: LogsState, req: Record<string, unknown>, caller: Caller) => Record<string, unknown>;

const OPS: Record<string, Op> = {
  CreateLogGroup: G.createLogGroup,
  DeleteLogGroup: (_c, s, r, who) => G.deleteLogGroup(s, r, who),
  AssociateKmsKey: G.associateKmsKey,
  DisassociateKmsKey: (_c, s, r, who) => G.disassociateKmsKey(s, r, who),
  DescribeLogGroups: (_c, s, r, who) => G.describeLogGroups(s, r, who),
  CreateLogStream: G.createLogStream,
  DescribeLogStreams: (_c, s, r, who) => G.describeLogStreams(s, r, who),
  PutLogEvents: (c, s, r, who) => {
    const out = G.putLogEvents(c, s, r, who);
    M.publishMatches(c, out.group, out.stored);
    return out.response;
  },
  GetLogEvents: G.getLogEvents,
  FilterLogEvents: G.filterLogEvents,
  PutMetricFilter: M.putMetricFilter,
  DescribeMetricFilters: (_c, s, r, who) => M.describeMetricFilters(s, r, who),
  DeleteMetricFilter: (_c, s, r, who) => M.deleteMetricFilter(s, r, who),
  TestMetricFilter: (_c, _s, r) => M.testMetricFilter(r),
};

/** Data events: CloudTrail does not record them by default. */
const DATA_EVENTS = new Set(['PutLogEvents', 'GetLogEvents', 'FilterLogEvents', 'TestMetricFilter']);

export const logsService: ServiceFactory = (ctx): ServiceHandler => {
  let state: LogsState = emptyLogsState();
  return {
    name: 'logs',
    operations: () => Object.keys(OPS).sort(),
    call(operation, request, caller) {
      const op = OPS[operation];
      if (!op) throw new UnknownOperationException(`The logs operation ${operation} is not supported by the simulator.`);
      const record = !DATA_EVENTS.has(operation) && caller.principal.type !== 'AWSService';
      return recordedCall(
        ctx,
        'logs',
        operation,
        request,
        caller,
        () => {
          authorizeLogs(ctx, operation, request, caller);
          return op(ctx, state, request, caller);
        },
        record,
      );
    },
    // A world that never made a log group keeps no `services.logs` member.
    saveState: () => (state.groups.length === 0 ? undefined : state),
    restoreState(doc) {
      state = readLogsState(doc);
    },
  };
};
