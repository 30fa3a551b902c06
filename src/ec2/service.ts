// EC2/EBS as one service of the world: its operations by AWS name, its CloudTrail events (eventSource
// ec2.amazonaws.com) and its state document. Differs: only the EBS encryption slice of EC2 is simulated.
import { recordedCall } from '../aws/api-call-event.js';
import type { Caller } from '../aws/caller.js';
import { ServiceException } from '../aws/errors.js';
import type { ServiceContext, ServiceFactory, ServiceHandler } from '../aws/service.js';
import { Ec2 } from './core.js';
import * as D from './defaults.js';
import * as I from './instances.js';
import * as S from './snapshots.js';
import { readState } from './state.js';
import type { Req } from './validate.js';
import * as V from './volumes.js';

type Op = (s: Ec2, req: Req, c: Caller) => Record<string, unknown>;

const OPERATIONS: Record<string, Op> = {
  CreateVolume: V.createVolume,
  DeleteVolume: V.deleteVolume,
  DescribeVolumes: V.describeVolumes,
  AttachVolume: V.attachVolume,
  DetachVolume: V.detachVolume,
  DescribeInstances: I.describeInstances,
  StopInstances: I.stopInstances,
  StartInstances: I.startInstances,
  CreateSnapshot: S.createSnapshot,
  CopySnapshot: S.copySnapshot,
  DeleteSnapshot: S.deleteSnapshot,
  DescribeSnapshots: S.describeSnapshots,
  ModifySnapshotAttribute: S.modifySnapshotAttribute,
  DescribeSnapshotAttribute: S.describeSnapshotAttribute,
  EnableEbsEncryptionByDefault: D.enableEbsEncryptionByDefault,
  DisableEbsEncryptionByDefault: D.disableEbsEncryptionByDefault,
  GetEbsEncryptionByDefault: D.getEbsEncryptionByDefault,
  GetEbsDefaultKmsKeyId: D.getEbsDefaultKmsKeyId,
  ModifyEbsDefaultKmsKeyId: D.modifyEbsDefaultKmsKeyId,
  ResetEbsDefaultKmsKeyId: D.resetEbsDefaultKmsKeyId,
};

export const EC2_OPERATIONS = Object.keys(OPERATIONS);

export const ec2Service: ServiceFactory = (ctx: ServiceContext): ServiceHandler => {
  const s = new Ec2(ctx);
  return {
    name: 'ec2',
    operations: () => EC2_OPERATIONS,
    call(operation, request, caller) {
      const op = OPERATIONS[operation];
      if (!op) throw new ServiceException('ec2', 'InvalidAction', `The action ${operation} is not valid for this web service.`);
      s.ensureSeeded(caller.accountId, caller.region);
      return recordedCall(ctx, 'ec2', operation, request, caller, () => op(s, request, caller));
    },
    // Nothing to keep until the first EC2 call (a world that never used EC2 saves no services.ec2).
    saveState: () => (s.state.instances.length || Object.keys(s.state.defaults).length ? (JSON.parse(JSON.stringify(s.state)) as unknown) : undefined),
    restoreState(doc) {
      s.state = readState(doc);
    },
  };
};
