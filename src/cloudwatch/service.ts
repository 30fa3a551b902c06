// Amazon CloudWatch as the simulator answers it (`aws cloudwatch`): custom metrics, the AWS/KMS metric for expiring
// imported key material, metric alarms evaluated on the simulated clock, and alarm actions that publish to SNS.
// IAM principals need cloudwatch:<Operation> (authz.ts). Differs: PutMetricData and GetMetricStatistics are not recorded
// in CloudTrail.
import { recordedCall } from '../aws/api-call-event.js';
import type { Caller } from '../aws/caller.js';
import { UnknownOperationException } from '../aws/errors.js';
import type { ServiceContext, ServiceFactory, ServiceHandler } from '../aws/service.js';
import * as A from './alarms.js';
import { authorizeCloudWatch } from './authz.js';
import * as M from './metrics.js';
import { emptyCloudWatchState, readCloudWatchState, type CloudWatchState } from './state.js';

type Op = (ctx: ServiceContext, state: CloudWatchState, req: Record<string, unknown>, caller: Caller) => Record<string, unknown>;

const OPS: Record<string, Op> = {
  PutMetricData: (c, s, r, who) => {
    const out = M.putMetricData(c, s, r, who);
    A.evaluateAll(c, s, c.now()); // late data may complete periods already due
    return out;
  },
  GetMetricStatistics: M.getMetricStatistics,
  ListMetrics: M.listMetrics,
  PutMetricAlarm: A.putMetricAlarm,
  DescribeAlarms: (_c, s, r, who) => A.describeAlarms(s, r, who),
  DescribeAlarmHistory: (_c, s, r, who) => A.describeAlarmHistory(s, r, who),
  SetAlarmState: A.setAlarmState,
  DeleteAlarms: (_c, s, r, who) => A.deleteAlarms(s, r, who),
};

const NOT_RECORDED = new Set(['PutMetricData', 'GetMetricStatistics']);

export const cloudWatchService: ServiceFactory = (ctx): ServiceHandler => {
  let state: CloudWatchState = emptyCloudWatchState();
  return {
    name: 'cloudwatch',
    operations: () => Object.keys(OPS).sort(),
    call(operation, request, caller) {
      const op = OPS[operation];
      if (!op) throw new UnknownOperationException(`The cloudwatch operation ${operation} is not supported by the simulator.`);
      const record = !NOT_RECORDED.has(operation) && caller.principal.type !== 'AWSService';
      return recordedCall(
        ctx,
        'monitoring',
        operation,
        request,
        caller,
        () => {
          authorizeCloudWatch(ctx, operation, request, caller);
          return op(ctx, state, request, caller);
        },
        record,
      );
    },
    saveState: () => (state.series.length === 0 && state.alarms.length === 0 ? undefined : state),
    restoreState(doc) {
      state = readCloudWatchState(doc);
    },
    onAdvance(_from, to) {
      A.evaluateAll(ctx, state, to);
    },
  };
};
