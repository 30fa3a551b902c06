// CreateVolume, DeleteVolume, DescribeVolumes, AttachVolume, DetachVolume with EBS's KMS calls: a new data key at creation
// (ReEncrypt of the snapshot's from a snapshot), a grant and the instance's Decrypt at attachment.
// https://docs.aws.amazon.com/kms/latest/developerguide/services-ebs.html ; Differs: no IOPS/throughput model, no multi-attach.
import type { Caller } from '../aws/caller.js';
import type { Ec2 } from './core.js';
import {
  CustomerKeyHasBeenRevoked,
  IncorrectState,
  InvalidParameterDependency,
  InvalidParameterValue,
  InvalidVolumeZoneMismatch,
  MissingParameter,
  VolumeInUse,
} from './errors.js';
import { keyToUse } from './keys.js';
import { KmsRefusal } from './kms-bridge.js';
import type { VolumeRecord } from './state.js';
import { applyFilters, filters, optBool, optInt, optStr, pageOf, reqStr, strList, type Req } from './validate.js';

export const VOLUME_TYPES = ['standard', 'io1', 'io2', 'gp2', 'sc1', 'st1', 'gp3'];

export function volumeView(v: VolumeRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    Attachments: v.attachment
      ? [
          {
            AttachTime: new Date(v.attachment.AttachTime),
            Device: v.attachment.Device,
            InstanceId: v.attachment.InstanceId,
            State: 'attached',
            VolumeId: v.VolumeId,
            DeleteOnTermination: false,
          },
        ]
      : [],
    AvailabilityZone: v.AvailabilityZone,
    CreateTime: new Date(v.CreateTime),
    Encrypted: v.Encrypted,
  };
  if (v.KmsKeyId) out.KmsKeyId = v.KmsKeyId;
  Object.assign(out, { Size: v.Size, SnapshotId: v.SnapshotId, State: v.State, VolumeId: v.VolumeId, VolumeType: v.VolumeType, MultiAttachEnabled: false });
  if (v.Tags?.length) out.Tags = v.Tags;
  return out;
}

/** Tags from --tag-specifications for one resource type. */
export function tagsFor(req: Req, type: string): { Key: string; Value: string }[] {
  const specs = Array.isArray(req.TagSpecifications) ? (req.TagSpecifications as Record<string, unknown>[]) : [];
  return specs.filter((s) => s.ResourceType === type).flatMap((s) => (Array.isArray(s.Tags) ? (s.Tags as { Key: string; Value: string }[]) : []));
}

export function createVolume(s: Ec2, req: Req, c: Caller): Record<string, unknown> {
  s.authorize(c, 'CreateVolume', s.volumeArn(c, '*'));
  const az = reqStr(req, 'AvailabilityZone');
  // Real output: "Invalid availability zone: [us-east-1z]" (InvalidParameterValue).
  if (!new RegExp(`^${c.region}[a-f]$`).test(az)) throw new InvalidParameterValue(`Invalid availability zone: [${az}]`);
  const snapId = optStr(req, 'SnapshotId');
  const snap = snapId ? s.snapshot(c, snapId, { shared: true }) : undefined;
  let size = optInt(req, 'Size');
  if (size === undefined && !snap) throw new MissingParameter('The request must contain the parameter size or snapshotId');
  size ??= snap!.VolumeSize;
  if (size < 1 || size > 65536) throw new InvalidParameterValue(`Volume size ${size} is invalid.`); // wording ours
  if (snap && size < snap.VolumeSize)
    throw new InvalidParameterValue(`Volume of size ${size}GB is smaller than snapshot '${snap.SnapshotId}', expect size >= ${snap.VolumeSize}GB`);
  const type = optStr(req, 'VolumeType') ?? 'gp2';
  if (!VOLUME_TYPES.includes(type))
    throw new InvalidParameterValue(`Value (${type}) for parameter volumeType is invalid. Valid volume types are ${VOLUME_TYPES.join(', ')}.`); // wording ours
  const kmsKeyId = optStr(req, 'KmsKeyId');
  const defaults = s.defaults(c.accountId, c.region);
  // Encryption by default, or an encrypted snapshot, makes the volume encrypted whatever --encrypted says.
  const encrypted = optBool(req, 'Encrypted') === true || defaults.enabled || snap?.Encrypted === true;
  // "If KmsKeyId is specified, the encrypted state must be true." (API_CreateVolume); wording as moto records it.
  if (kmsKeyId && !encrypted) throw new InvalidParameterDependency('The parameter KmsKeyId requires the parameter Encrypted to be set.');
  if (req.DryRun) s.dryRun();
  const v: VolumeRecord = {
    VolumeId: s.newId('vol'),
    accountId: c.accountId,
    region: c.region,
    AvailabilityZone: az,
    Size: size,
    VolumeType: type,
    Encrypted: encrypted,
    SnapshotId: snap?.SnapshotId ?? '',
    CreateTime: s.now(),
    State: 'available',
  };
  const tags = tagsFor(req, 'volume');
  if (tags.length) v.Tags = tags;
  let created = true;
  if (encrypted) {
    const keyId = keyToUse(s, c, kmsKeyId, snap?.Encrypted ? snap.KmsKeyId : undefined);
    try {
      const key = s.kms.describeKey(c, keyId);
      v.KmsKeyId = key.arn;
      v.awsManagedKey = key.awsManaged;
      v.dataKey = snap?.dataKey ? s.kms.reEncrypt(c, snap.dataKey, key.arn, v.VolumeId) : s.kms.newDataKey(c, key.arn, v.VolumeId);
    } catch (e) {
      if (!(e instanceof KmsRefusal)) throw e;
      // EBS checks the key asynchronously: the call answers "creating", then the volume is gone (describe-volumes says
      // InvalidVolume.NotFound) and EventBridge gets a failed createVolume event.
      // https://github.com/aws/aws-cli/issues/2604 ; https://docs.aws.amazon.com/ebs/latest/userguide/ebs-cloud-watch-events.html
      created = false;
      v.KmsKeyId ??= keyId;
      s.notify(c, v.VolumeId, 'createVolume', 'failed', e.message);
    }
  }
  if (created) s.state.volumes.push(v);
  const { Attachments: _a, ...view } = volumeView(v);
  return { ...view, State: 'creating' };
}

export function deleteVolume(s: Ec2, req: Req, c: Caller): Record<string, unknown> {
  const id = reqStr(req, 'VolumeId');
  s.authorize(c, 'DeleteVolume', s.volumeArn(c, id));
  const v = s.volume(c, id);
  // moto's wording for EC2's VolumeInUse.
  if (v.attachment) throw new VolumeInUse(`Volume ${id} is currently attached to ${v.attachment.InstanceId}`);
  if (req.DryRun) s.dryRun();
  s.state.volumes = s.state.volumes.filter((x) => x !== v);
  return {};
}

export function describeVolumes(s: Ec2, req: Req, c: Caller): Record<string, unknown> {
  s.authorize(c, 'DescribeVolumes');
  if (req.DryRun) s.dryRun();
  const ids = strList(req, 'VolumeIds');
  let vols = s.state.volumes.filter((v) => v.accountId === c.accountId && v.region === c.region);
  for (const id of ids) s.volume(c, id);
  if (ids.length) vols = vols.filter((v) => ids.includes(v.VolumeId));
  vols = applyFilters(
    vols,
    filters(req),
    {
      'volume-id': (v) => v.VolumeId,
      status: (v) => v.State,
      encrypted: (v) => String(v.Encrypted),
      'availability-zone': (v) => v.AvailabilityZone,
      'snapshot-id': (v) => v.SnapshotId,
      size: (v) => v.Size,
      'volume-type': (v) => v.VolumeType,
      'attachment.instance-id': (v) => v.attachment?.InstanceId,
      'attachment.status': (v) => (v.attachment ? 'attached' : undefined),
      'attachment.device': (v) => v.attachment?.Device,
    },
    (v) => v.Tags,
  );
  const p = pageOf(vols, req);
  return { Volumes: p.items.map(volumeView), ...(p.nextToken ? { NextToken: p.nextToken } : {}) };
}

export function attachVolume(s: Ec2, req: Req, c: Caller): Record<string, unknown> {
  const device = reqStr(req, 'Device');
  const instanceId = reqStr(req, 'InstanceId');
  const volumeId = reqStr(req, 'VolumeId');
  s.authorize(c, 'AttachVolume', s.volumeArn(c, volumeId));
  s.authorize(c, 'AttachVolume', s.instanceArn(c, instanceId));
  const v = s.volume(c, volumeId);
  const i = s.instance(c, instanceId);
  if (v.attachment) throw new VolumeInUse(`${volumeId} is already attached to an instance`);
  if (v.AvailabilityZone !== i.AvailabilityZone)
    throw new InvalidVolumeZoneMismatch(`The volume '${volumeId}' is not in the same availability zone as instance '${instanceId}'`);
  if (s.state.volumes.some((x) => x.attachment?.InstanceId === instanceId && x.attachment.Device === device))
    throw new InvalidParameterValue(`Invalid value '${device}' for unixDevice. Attachment point ${device} is already in use`);
  if (req.DryRun) s.dryRun();
  let grantId: string | undefined;
  let grantToken: string | undefined;
  if (v.Encrypted && v.KmsKeyId && v.dataKey) {
    try {
      const g = s.kms.grantForInstance(c, v.KmsKeyId, v.VolumeId, i);
      grantId = g.grantId;
      grantToken = g.token;
      if (i.State.Name === 'running') {
        s.kms.decryptAsInstance(i, v.dataKey, g.token);
        i.memory.push(v.VolumeId);
      }
    } catch (e) {
      if (!(e instanceof KmsRefusal)) throw e;
      if (grantId) s.kms.retireGrant(v.KmsKeyId, grantId, i);
      s.notify(c, v.VolumeId, 'attachVolume', 'failed', e.message);
      // A disabled or unusable key at attachment: the code is in EC2's error list
      // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html, also kubernetes/kubernetes#62171);
      // the sentence is the one users quote from real outputs, AWS does not document it.
      throw new CustomerKeyHasBeenRevoked('The encrypted volume was unable to access the KMS key.');
    }
  }
  const at = s.now();
  v.attachment = { InstanceId: instanceId, Device: device, AttachTime: at, ...(grantId ? { grantId, grantToken } : {}) };
  v.State = 'in-use';
  return { AttachTime: new Date(at), Device: device, InstanceId: instanceId, State: 'attaching', VolumeId: volumeId };
}

export function detachVolume(s: Ec2, req: Req, c: Caller): Record<string, unknown> {
  const volumeId = reqStr(req, 'VolumeId');
  s.authorize(c, 'DetachVolume', s.volumeArn(c, volumeId));
  const v = s.volume(c, volumeId);
  const instanceId = optStr(req, 'InstanceId');
  // Real wording for detaching a volume that is not attached.
  if (!v.attachment || (instanceId && instanceId !== v.attachment.InstanceId)) throw new IncorrectState(`Volume '${volumeId}' is in the '${v.State}' state.`);
  if (req.DryRun) s.dryRun();
  const a = v.attachment;
  const i = s.instance(c, a.InstanceId);
  if (a.grantId && v.KmsKeyId) s.kms.retireGrant(v.KmsKeyId, a.grantId, i);
  i.memory = i.memory.filter((x) => x !== volumeId);
  delete v.attachment;
  v.State = 'available';
  return { AttachTime: new Date(a.AttachTime), Device: a.Device, InstanceId: a.InstanceId, State: 'detaching', VolumeId: volumeId };
}
