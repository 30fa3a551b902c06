// DescribeInstances, StopInstances, StartInstances for the seeded instances. A running instance keeps the plaintext data
// keys of its encrypted volumes in memory; stopping drops them and retires EC2's grants, starting needs CreateGrant and
// Decrypt again. https://docs.aws.amazon.com/kms/latest/developerguide/services-ebs.html ; Differs: states settle at once.
import type { Caller } from '../aws/caller.js';
import type { Ec2 } from './core.js';
import { KmsRefusal } from './kms-bridge.js';
import { stateOf, type InstanceRecord } from './state.js';
import { applyFilters, filters, pageOf, strList, type Req } from './validate.js';

function gmt(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, ' GMT');
}

export function instanceView(s: Ec2, i: InstanceRecord): Record<string, unknown> {
  const vols = s.state.volumes.filter((v) => v.attachment?.InstanceId === i.InstanceId);
  const out: Record<string, unknown> = {
    InstanceId: i.InstanceId,
    InstanceType: i.InstanceType,
    LaunchTime: new Date(i.LaunchTime),
    Placement: { AvailabilityZone: i.AvailabilityZone, Tenancy: 'default' },
    State: { ...i.State },
    StateTransitionReason: i.StateTransitionReason,
    BlockDeviceMappings: vols.map((v) => ({
      DeviceName: v.attachment!.Device,
      Ebs: { AttachTime: new Date(v.attachment!.AttachTime), DeleteOnTermination: false, Status: 'attached', VolumeId: v.VolumeId },
    })),
    RootDeviceType: 'ebs',
    Tags: [{ Key: 'Name', Value: i.name }],
  };
  if (i.StateReason) out.StateReason = { ...i.StateReason };
  return out;
}

export function describeInstances(s: Ec2, req: Req, c: Caller): Record<string, unknown> {
  s.authorize(c, 'DescribeInstances');
  if (req.DryRun) s.dryRun();
  const ids = strList(req, 'InstanceIds');
  for (const id of ids) s.instance(c, id);
  let list = s.state.instances.filter((i) => i.accountId === c.accountId && i.region === c.region && (!ids.length || ids.includes(i.InstanceId)));
  list = applyFilters(
    list,
    filters(req),
    {
      'instance-id': (i) => i.InstanceId,
      'instance-state-name': (i) => i.State.Name,
      'instance-state-code': (i) => i.State.Code,
      'instance-type': (i) => i.InstanceType,
      'availability-zone': (i) => i.AvailabilityZone,
      'block-device-mapping.volume-id': (i) => s.state.volumes.filter((v) => v.attachment?.InstanceId === i.InstanceId).map((v) => v.VolumeId),
    },
    (i) => [{ Key: 'Name', Value: i.name }],
  );
  const p = pageOf(list, req);
  // One reservation per instance (each seeded instance was launched on its own); ids ours.
  const Reservations = p.items.map((i) => ({ ReservationId: `r-${i.InstanceId.slice(2)}`, OwnerId: i.accountId, Groups: [], Instances: [instanceView(s, i)] }));
  return { Reservations, ...(p.nextToken ? { NextToken: p.nextToken } : {}) };
}

function change(i: InstanceRecord, previous: InstanceRecord['State'], current: InstanceRecord['State']['Name']) {
  return { InstanceId: i.InstanceId, CurrentState: stateOf(current), PreviousState: { ...previous } };
}

export function stopInstances(s: Ec2, req: Req, c: Caller): Record<string, unknown> {
  const ids = strList(req, 'InstanceIds');
  for (const id of ids) s.authorize(c, 'StopInstances', s.instanceArn(c, id));
  const list = ids.map((id) => s.instance(c, id));
  if (req.DryRun) s.dryRun();
  const StoppingInstances = list.map((i) => {
    const prev = { ...i.State };
    if (i.State.Name !== 'running') return change(i, prev, i.State.Name);
    // The plaintext data keys leave memory with the instance; EC2 retires its grants.
    for (const v of s.state.volumes) {
      if (v.attachment?.InstanceId !== i.InstanceId || !v.attachment.grantId || !v.KmsKeyId) continue;
      s.kms.retireGrant(v.KmsKeyId, v.attachment.grantId, i);
      delete v.attachment.grantId;
      delete v.attachment.grantToken;
    }
    i.memory = [];
    i.State = stateOf('stopped');
    i.StateReason = { Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' };
    i.StateTransitionReason = `User initiated (${gmt(s.now())})`;
    return change(i, prev, 'stopping');
  });
  return { StoppingInstances };
}

/**
 * Starting needs each encrypted volume's key again: CreateGrant as the caller, Decrypt as the instance. When KMS refuses,
 * StartInstances still answers "pending", then the instance is back in "stopped" with a StateReason:
 * Client.InternalError (no permission: https://repost.aws/knowledge-center/kms-iam-ec2-permission) or
 * Client.InvalidKMSKey.InvalidState for a key that is not enabled (as users report it, e.g. CiscoDevNet/cloud-cml#8; AWS does
 * not document the text).
 */
export function startInstances(s: Ec2, req: Req, c: Caller): Record<string, unknown> {
  const ids = strList(req, 'InstanceIds');
  for (const id of ids) s.authorize(c, 'StartInstances', s.instanceArn(c, id));
  const list = ids.map((id) => s.instance(c, id));
  if (req.DryRun) s.dryRun();
  const StartingInstances = list.map((i) => {
    const prev = { ...i.State };
    if (i.State.Name !== 'stopped') return change(i, prev, i.State.Name);
    const made: { key: string; grant: string }[] = [];
    const memory: string[] = [];
    try {
      for (const v of s.state.volumes) {
        if (v.attachment?.InstanceId !== i.InstanceId || !v.Encrypted || !v.KmsKeyId || !v.dataKey) continue;
        if (!v.attachment.grantId) {
          const g = s.kms.grantForInstance(c, v.KmsKeyId, v.VolumeId, i);
          made.push({ key: v.KmsKeyId, grant: g.grantId });
          v.attachment.grantId = g.grantId;
          v.attachment.grantToken = g.token;
        }
        s.kms.decryptAsInstance(i, v.dataKey, v.attachment.grantToken);
        memory.push(v.VolumeId);
      }
    } catch (e) {
      if (!(e instanceof KmsRefusal)) throw e;
      for (const m of made) s.kms.retireGrant(m.key, m.grant, i);
      for (const v of s.state.volumes)
        if (v.attachment?.InstanceId === i.InstanceId && made.some((m) => m.grant === v.attachment?.grantId)) {
          delete v.attachment.grantId;
          delete v.attachment.grantToken;
        }
      const keyState = e.code === 'DisabledException' || e.code === 'KMSInvalidStateException';
      i.StateReason = keyState
        ? { Code: 'Client.InvalidKMSKey.InvalidState', Message: 'Client.InvalidKMSKey.InvalidState: The KMS key provided is in an incorrect state' }
        : { Code: 'Client.InternalError', Message: 'Client.InternalError: Client error on launch' };
      i.StateTransitionReason = `Client error on launch (${gmt(s.now())})`; // wording ours
      return change(i, prev, 'pending');
    }
    i.memory = memory;
    i.State = stateOf('running');
    delete i.StateReason;
    i.StateTransitionReason = '';
    i.LaunchTime = s.now();
    return change(i, prev, 'pending');
  });
  return { StartingInstances };
}
