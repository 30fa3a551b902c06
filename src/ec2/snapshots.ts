// CreateSnapshot (same key and data key as the volume), CopySnapshot (a new key: ReEncrypt in the Region, Decrypt in the
// source Region plus a new data key across Regions), DeleteSnapshot, DescribeSnapshots, sharing by createVolumePermission.
// https://docs.aws.amazon.com/kms/latest/developerguide/services-ebs.html ; https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html
// Differs: copies complete at once (state completed or error); no fast snapshot restore, archive tier or AMIs.
import type { Caller } from '../aws/caller.js';
import type { Ec2 } from './core.js';
import { InvalidParameterDependency, InvalidParameterValue, MissingParameter, OperationNotPermitted } from './errors.js';
import { keyToUse } from './keys.js';
import { KmsRefusal } from './kms-bridge.js';
import type { SnapshotRecord } from './state.js';
import { applyFilters, filters, optBool, optStr, pageOf, reqStr, strList, type Req } from './validate.js';
import { tagsFor } from './volumes.js';

export function snapshotView(s: SnapshotRecord, tags?: { Key: string; Value: string }[]): Record<string, unknown> {
  const out: Record<string, unknown> = { Description: s.Description, Encrypted: s.Encrypted };
  if (s.KmsKeyId) out.KmsKeyId = s.KmsKeyId;
  Object.assign(out, {
    OwnerId: s.accountId,
    Progress: s.State === 'completed' ? '100%' : '0%',
    SnapshotId: s.SnapshotId,
    StartTime: new Date(s.StartTime),
    State: s.State,
  });
  if (s.StateMessage) out.StateMessage = s.StateMessage;
  Object.assign(out, { VolumeId: s.VolumeId, VolumeSize: s.VolumeSize, StorageTier: 'standard' });
  if (tags?.length) out.Tags = tags;
  return out;
}

export function createSnapshot(s: Ec2, req: Req, c: Caller): Record<string, unknown> {
  const volumeId = reqStr(req, 'VolumeId');
  s.authorize(c, 'CreateSnapshot', s.volumeArn(c, volumeId));
  const v = s.volume(c, volumeId);
  if (req.DryRun) s.dryRun();
  // "Snapshots of encrypted volumes are automatically encrypted" under the same key; EBS keeps the volume's data key
  // (encryption context aws:ebs:id = the volume id), so no KMS call is needed.
  const snap: SnapshotRecord = {
    SnapshotId: s.newId('snap'),
    accountId: c.accountId,
    region: c.region,
    VolumeId: v.VolumeId,
    VolumeSize: v.Size,
    Description: optStr(req, 'Description') ?? '',
    Encrypted: v.Encrypted,
    StartTime: s.now(),
    State: 'completed',
    sharedWith: [],
  };
  if (v.KmsKeyId) snap.KmsKeyId = v.KmsKeyId;
  if (v.awsManagedKey !== undefined) snap.awsManagedKey = v.awsManagedKey;
  if (v.dataKey) snap.dataKey = { ...v.dataKey };
  s.state.snapshots.push(snap);
  const tags = tagsFor(req, 'snapshot');
  return { ...snapshotView(snap, tags), Progress: '', State: 'pending' };
}

export function copySnapshot(s: Ec2, req: Req, c: Caller): Record<string, unknown> {
  const sourceRegion = reqStr(req, 'SourceRegion');
  const sourceId = reqStr(req, 'SourceSnapshotId');
  s.authorize(c, 'CopySnapshot', s.snapshotArn(c, '*'));
  const src = s.snapshot({ ...c, region: sourceRegion }, sourceId, { shared: true, region: sourceRegion });
  const kmsKeyId = optStr(req, 'KmsKeyId');
  const encrypted = src.Encrypted || optBool(req, 'Encrypted') === true || s.defaults(c.accountId, c.region).enabled;
  if (kmsKeyId && !encrypted) throw new InvalidParameterDependency('The parameter KmsKeyId requires the parameter Encrypted to be set.');
  if (req.DryRun) s.dryRun();
  const snap: SnapshotRecord = {
    SnapshotId: s.newId('snap'),
    accountId: c.accountId,
    region: c.region,
    // Copies carry an arbitrary volume id (API_Snapshot: "should not be used for any purpose").
    VolumeId: 'vol-ffffffff',
    VolumeSize: src.VolumeSize,
    Description: optStr(req, 'Description') ?? `[Copied ${sourceId} from ${sourceRegion}]`,
    Encrypted: encrypted,
    StartTime: s.now(),
    State: 'completed',
    sharedWith: [],
  };
  if (encrypted) {
    // Without KmsKeyId the copy uses the account's EBS default key in the destination Region (API_CopySnapshot).
    const keyId = keyToUse(s, c, kmsKeyId);
    try {
      const key = s.kms.describeKey(c, keyId);
      snap.KmsKeyId = key.arn;
      snap.awsManagedKey = key.awsManaged;
      if (src.dataKey && sourceRegion === c.region) snap.dataKey = s.kms.reEncrypt(c, src.dataKey, key.arn, snap.SnapshotId);
      else {
        if (src.dataKey) s.kms.decryptAsCaller({ ...c, region: sourceRegion }, src.dataKey);
        snap.dataKey = s.kms.newDataKey(c, key.arn, snap.SnapshotId);
      }
    } catch (e) {
      if (!(e instanceof KmsRefusal)) throw e;
      // "the operation fails silently and the snapshot copy receives the 'Given key ID is not accessible' status
      // message" (https://docs.aws.amazon.com/ebs/latest/userguide/ebs-copy-snapshot.html).
      snap.KmsKeyId ??= keyId;
      snap.State = 'error';
      snap.StateMessage = 'Given key ID is not accessible';
      s.notify(c, snap.SnapshotId, 'copySnapshot', 'failed', e.message);
    }
  }
  s.state.snapshots.push(snap);
  return { SnapshotId: snap.SnapshotId };
}

export function deleteSnapshot(s: Ec2, req: Req, c: Caller): Record<string, unknown> {
  const id = reqStr(req, 'SnapshotId');
  s.authorize(c, 'DeleteSnapshot', s.snapshotArn(c, id));
  const snap = s.snapshot(c, id);
  if (req.DryRun) s.dryRun();
  s.state.snapshots = s.state.snapshots.filter((x) => x !== snap);
  return {};
}

export function describeSnapshots(s: Ec2, req: Req, c: Caller): Record<string, unknown> {
  s.authorize(c, 'DescribeSnapshots');
  if (req.DryRun) s.dryRun();
  const ids = strList(req, 'SnapshotIds');
  const owners = strList(req, 'OwnerIds').map((o) => (o === 'self' ? c.accountId : o));
  const restorable = strList(req, 'RestorableByUserIds').map((o) => (o === 'self' ? c.accountId : o));
  for (const id of ids) s.snapshot(c, id, { shared: true });
  // With no options: every snapshot the caller may create volumes from (its own, shared with it, public).
  let list = s.state.snapshots.filter(
    (x) => x.region === c.region && (x.accountId === c.accountId || x.sharedWith.includes(c.accountId) || x.sharedWith.includes('all')),
  );
  if (ids.length) list = list.filter((x) => ids.includes(x.SnapshotId));
  if (owners.length) list = list.filter((x) => owners.includes(x.accountId));
  if (restorable.length) list = list.filter((x) => restorable.some((u) => x.accountId === u || x.sharedWith.includes(u) || x.sharedWith.includes('all')));
  list = applyFilters(list, filters(req), {
    'snapshot-id': (x) => x.SnapshotId,
    'volume-id': (x) => x.VolumeId,
    'owner-id': (x) => x.accountId,
    status: (x) => x.State,
    encrypted: (x) => String(x.Encrypted),
    'volume-size': (x) => x.VolumeSize,
    description: (x) => x.Description,
  });
  const p = pageOf(list, req);
  return { Snapshots: p.items.map((x) => snapshotView(x)), ...(p.nextToken ? { NextToken: p.nextToken } : {}) };
}

type Perm = { UserId?: string; Group?: string };

function permissions(req: Req, op: 'Add' | 'Remove'): Perm[] {
  const out: Perm[] = [];
  const type = optStr(req, 'OperationType');
  if (type === op.toLowerCase()) {
    for (const u of strList(req, 'UserIds')) out.push({ UserId: u });
    for (const g of strList(req, 'GroupNames')) out.push({ Group: g });
  }
  const cvp = req.CreateVolumePermission as Record<string, unknown> | undefined;
  if (cvp && Array.isArray(cvp[op])) out.push(...(cvp[op] as Perm[]));
  return out;
}

export function modifySnapshotAttribute(s: Ec2, req: Req, c: Caller): Record<string, unknown> {
  const id = reqStr(req, 'SnapshotId');
  s.authorize(c, 'ModifySnapshotAttribute', s.snapshotArn(c, id));
  const snap = s.snapshot(c, id);
  const attribute = optStr(req, 'Attribute') ?? 'createVolumePermission';
  if (attribute !== 'createVolumePermission')
    throw new InvalidParameterValue(`Value (${attribute}) for parameter attribute is invalid. Only createVolumePermission is simulated.`);
  const type = optStr(req, 'OperationType');
  if (type !== undefined && type !== 'add' && type !== 'remove') throw new InvalidParameterValue(`Value (${type}) for parameter operationType is invalid.`);
  if ((strList(req, 'UserIds').length || strList(req, 'GroupNames').length) && type === undefined)
    throw new MissingParameter('The request must contain the parameter operationType');
  const add = permissions(req, 'Add');
  const remove = permissions(req, 'Remove');
  for (const p of [...add, ...remove]) {
    if (p.UserId !== undefined && !/^\d{12}$/.test(p.UserId)) throw new InvalidParameterValue(`Invalid user id: '${p.UserId}'`); // wording ours
    if (p.Group !== undefined && p.Group !== 'all') throw new InvalidParameterValue(`Invalid group: '${p.Group}'`); // wording ours
  }
  if (snap.Encrypted && add.length) {
    // Real output (hashicorp/packer#7499): "OperationNotPermitted: Encrypted snapshots with EBS default key cannot be shared".
    if (snap.awsManagedKey) throw new OperationNotPermitted('Encrypted snapshots with EBS default key cannot be shared');
    // Encrypted snapshots cannot be made public (ebs-modifying-snapshot-permissions); wording ours.
    if (add.some((p) => p.Group === 'all')) throw new OperationNotPermitted('Encrypted snapshots cannot be made public.');
  }
  if (req.DryRun) s.dryRun();
  const key = (p: Perm) => p.UserId ?? (p.Group === 'all' ? 'all' : '');
  for (const p of add) if (!snap.sharedWith.includes(key(p))) snap.sharedWith.push(key(p));
  snap.sharedWith = snap.sharedWith.filter((x) => !remove.some((p) => key(p) === x));
  return {};
}

export function describeSnapshotAttribute(s: Ec2, req: Req, c: Caller): Record<string, unknown> {
  const id = reqStr(req, 'SnapshotId');
  const attribute = reqStr(req, 'Attribute');
  s.authorize(c, 'DescribeSnapshotAttribute', s.snapshotArn(c, id));
  const snap = s.snapshot(c, id);
  if (attribute !== 'createVolumePermission')
    throw new InvalidParameterValue(`Value (${attribute}) for parameter attribute is invalid. Only createVolumePermission is simulated.`);
  if (req.DryRun) s.dryRun();
  return { CreateVolumePermissions: snap.sharedWith.map((x) => (x === 'all' ? { Group: 'all' } : { UserId: x })), SnapshotId: id };
}
