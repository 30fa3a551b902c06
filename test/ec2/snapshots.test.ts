// Snapshots: same key as the volume, sharing (the aws/ebs wall, the customer managed key way), copies that encrypt,
// change the key, cross accounts and cross Regions, and the copy's error state when KMS refuses.
import { describe, expect, it } from '@jest/globals';
import { A, B, ebsWorld, errorCode } from './helpers.js';

/** A key policy: the owner account delegates to IAM; `extra` accounts may use the key and create grants for AWS resources. */
function policy(...extra: string[]): string {
  const statements: unknown[] = [{ Sid: 'Owner', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' }];
  if (extra.length) {
    const principals = extra.map((a) => `arn:aws:iam::${a}:root`);
    statements.push(
      {
        Sid: 'Use',
        Effect: 'Allow',
        Principal: { AWS: principals },
        Action: ['kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
        Resource: '*',
      },
      {
        Sid: 'Grants',
        Effect: 'Allow',
        Principal: { AWS: principals },
        Action: 'kms:CreateGrant',
        Resource: '*',
        Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
      },
    );
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

async function withVolume(flags: string) {
  const t = ebsWorld();
  const vol = (await t.aws(`aws ec2 create-volume --availability-zone us-east-1a --size 8 ${flags}`)).json;
  return { ...t, vol };
}

describe('create-snapshot', () => {
  it('a snapshot of an encrypted volume is encrypted with the same key', async () => {
    const { aws, vol } = await withVolume('--encrypted');
    const s = await aws(`aws ec2 create-snapshot --volume-id ${vol.VolumeId} --description nightly`);
    expect(s.json).toMatchObject({ State: 'pending', Encrypted: true, KmsKeyId: vol.KmsKeyId, VolumeId: vol.VolumeId, OwnerId: A, Description: 'nightly' });
    const d = await aws(`aws ec2 describe-snapshots --snapshot-ids ${s.json.SnapshotId}`);
    expect(d.json.Snapshots[0]).toMatchObject({ State: 'completed', Progress: '100%', Encrypted: true, KmsKeyId: vol.KmsKeyId, VolumeSize: 8 });
    expect(errorCode(await aws('aws ec2 create-snapshot --volume-id vol-0123456789abcdef0'))).toBe('InvalidVolume.NotFound');
    expect(errorCode(await aws('aws ec2 describe-snapshots --snapshot-ids snap-0123456789abcdef0'))).toBe('InvalidSnapshot.NotFound');
    expect((await aws(`aws ec2 delete-snapshot --snapshot-id ${s.json.SnapshotId}`)).exitCode).toBe(0);
    expect((await aws('aws ec2 describe-snapshots --owner-ids self')).json.Snapshots).toEqual([]);
  });
});

describe('sharing a snapshot with another account', () => {
  it('a snapshot under aws/ebs cannot be shared (OperationNotPermitted, as EC2 words it)', async () => {
    const { aws, vol } = await withVolume('--encrypted');
    const snap = (await aws(`aws ec2 create-snapshot --volume-id ${vol.VolumeId}`)).json.SnapshotId;
    const r = await aws(`aws ec2 modify-snapshot-attribute --snapshot-id ${snap} --attribute createVolumePermission --operation-type add --user-ids ${B}`);
    expect(errorCode(r)).toBe('OperationNotPermitted');
    expect(r.stderr).toContain('Encrypted snapshots with EBS default key cannot be shared');
    expect((await aws(`aws ec2 describe-snapshot-attribute --snapshot-id ${snap} --attribute createVolumePermission`)).json).toEqual({
      CreateVolumePermissions: [],
      SnapshotId: snap,
    });
  });

  it('copy under a customer managed key, share it; the other account copies once the key policy lets it', async () => {
    const { aws, vol } = await withVolume('--encrypted');
    const legacy = (await aws(`aws ec2 create-snapshot --volume-id ${vol.VolumeId}`)).json.SnapshotId;
    const key = (await aws('aws kms create-key')).json.KeyMetadata;
    const copy = await aws(`aws ec2 copy-snapshot --source-snapshot-id ${legacy} --source-region us-east-1 --kms-key-id ${key.Arn}`);
    const shared = copy.json.SnapshotId;
    expect((await aws(`aws ec2 describe-snapshots --snapshot-ids ${shared}`)).json.Snapshots[0]).toMatchObject({
      KmsKeyId: key.Arn,
      Encrypted: true,
      State: 'completed',
      VolumeId: 'vol-ffffffff',
    });
    expect(
      (await aws(`aws ec2 modify-snapshot-attribute --snapshot-id ${shared} --attribute createVolumePermission --operation-type add --user-ids ${B}`)).exitCode,
    ).toBe(0);
    expect((await aws(`aws ec2 describe-snapshot-attribute --snapshot-id ${shared} --attribute createVolumePermission`)).json.CreateVolumePermissions).toEqual([
      { UserId: B },
    ]);
    // Account B sees the shared snapshot; without access to the key its copy ends in the error state.
    expect(
      (await aws('aws ec2 describe-snapshots --owner-ids 111122223333', 'analyst')).json.Snapshots.map((s: { SnapshotId: string }) => s.SnapshotId),
    ).toEqual([shared]);
    const failed = await aws(`aws ec2 copy-snapshot --source-snapshot-id ${shared} --source-region us-east-1 --encrypted`, 'analyst');
    expect(failed.exitCode).toBe(0);
    const f = (await aws(`aws ec2 describe-snapshots --snapshot-ids ${failed.json.SnapshotId}`, 'analyst')).json.Snapshots[0];
    expect(f).toMatchObject({ State: 'error', StateMessage: 'Given key ID is not accessible', OwnerId: B });
    // Share the key too: B's copy works, encrypted under B's own default key.
    expect((await aws(`aws kms put-key-policy --key-id ${key.KeyId} --policy '${policy(B)}'`)).exitCode).toBe(0);
    const ok = await aws(`aws ec2 copy-snapshot --source-snapshot-id ${shared} --source-region us-east-1`, 'analyst');
    const o = (await aws(`aws ec2 describe-snapshots --snapshot-ids ${ok.json.SnapshotId}`, 'analyst')).json.Snapshots[0];
    expect(o).toMatchObject({ State: 'completed', Encrypted: true, OwnerId: B });
    expect(o.KmsKeyId).toMatch(/^arn:aws:kms:us-east-1:444455556666:key\//);
    // B can also create a volume from the shared snapshot (ReEncrypt into its own key).
    const v = await aws(`aws ec2 create-volume --availability-zone us-east-1a --snapshot-id ${shared}`, 'analyst');
    expect((await aws(`aws ec2 describe-volumes --volume-ids ${v.json.VolumeId}`, 'analyst')).json.Volumes[0]).toMatchObject({
      Encrypted: true,
      SnapshotId: shared,
      Size: 8,
    });
  });

  it('not shared: another account cannot see or copy it; encrypted snapshots cannot be public', async () => {
    const { aws, vol } = await withVolume('--encrypted --kms-key-id alias/none');
    expect(vol.State).toBe('creating');
    const key = (await aws('aws kms create-key')).json.KeyMetadata;
    const v = (await aws(`aws ec2 create-volume --availability-zone us-east-1a --size 2 --encrypted --kms-key-id ${key.KeyId}`)).json.VolumeId;
    const snap = (await aws(`aws ec2 create-snapshot --volume-id ${v}`)).json.SnapshotId;
    expect(errorCode(await aws(`aws ec2 copy-snapshot --source-snapshot-id ${snap} --source-region us-east-1`, 'analyst'))).toBe('InvalidSnapshot.NotFound');
    expect(
      errorCode(await aws(`aws ec2 modify-snapshot-attribute --snapshot-id ${snap} --attribute createVolumePermission --operation-type add --group-names all`)),
    ).toBe('OperationNotPermitted');
    expect(errorCode(await aws(`aws ec2 modify-snapshot-attribute --snapshot-id ${snap} --operation-type add --user-ids 12345`))).toBe('InvalidParameterValue');
    // Sharing can be taken back.
    await aws(`aws ec2 modify-snapshot-attribute --snapshot-id ${snap} --create-volume-permission Add=[{UserId=${B}}]`);
    expect((await aws('aws ec2 describe-snapshots', 'analyst')).json.Snapshots).toHaveLength(1);
    await aws(`aws ec2 modify-snapshot-attribute --snapshot-id ${snap} --attribute createVolumePermission --operation-type remove --user-ids ${B}`);
    expect((await aws('aws ec2 describe-snapshots', 'analyst')).json.Snapshots).toHaveLength(0);
  });
});

describe('encrypting unencrypted data', () => {
  it('an unencrypted snapshot becomes encrypted by copying it with --encrypted or by creating an encrypted volume from it', async () => {
    const { aws, world, vol } = await withVolume('');
    expect(vol.Encrypted).toBe(false);
    const snap = (await aws(`aws ec2 create-snapshot --volume-id ${vol.VolumeId}`)).json;
    expect(snap.Encrypted).toBe(false);
    const key = (await aws('aws kms create-key')).json.KeyMetadata;
    expect(errorCode(await aws(`aws ec2 copy-snapshot --source-snapshot-id ${snap.SnapshotId} --source-region us-east-1 --kms-key-id ${key.KeyId}`))).toBe(
      'InvalidParameterDependency',
    );
    const copy = await aws(`aws ec2 copy-snapshot --source-snapshot-id ${snap.SnapshotId} --source-region us-east-1 --encrypted --kms-key-id ${key.KeyId}`);
    const c = (await aws(`aws ec2 describe-snapshots --snapshot-ids ${copy.json.SnapshotId}`)).json.Snapshots[0];
    expect(c).toMatchObject({ Encrypted: true, KmsKeyId: key.Arn, State: 'completed' });
    const gdk = world.trail.events.filter((e) => e.eventName === 'GenerateDataKeyWithoutPlaintext').at(-1)!;
    expect(gdk.requestParameters).toMatchObject({ encryptionContext: { 'aws:ebs:id': copy.json.SnapshotId } });
    const v = await aws(`aws ec2 create-volume --availability-zone us-east-1a --snapshot-id ${snap.SnapshotId} --encrypted --kms-key-id ${key.KeyId}`);
    expect(v.json).toMatchObject({ Encrypted: true, KmsKeyId: key.Arn, SnapshotId: snap.SnapshotId });
    expect((await aws(`aws ec2 create-volume --availability-zone us-east-1a --snapshot-id ${snap.SnapshotId}`)).json.Encrypted).toBe(false);
    expect(errorCode(await aws(`aws ec2 create-volume --availability-zone us-east-1a --snapshot-id ${snap.SnapshotId} --size 4`))).toBe(
      'InvalidParameterValue',
    );
  });

  it('a volume from an encrypted snapshot under a new key: ReEncrypt from the snapshot context to the volume context', async () => {
    const { aws, world } = await withVolume('');
    const k1 = (await aws('aws kms create-key')).json.KeyMetadata;
    const k2 = (await aws('aws kms create-key')).json.KeyMetadata;
    const v = (await aws(`aws ec2 create-volume --availability-zone us-east-1a --size 2 --encrypted --kms-key-id ${k1.KeyId}`)).json.VolumeId;
    const snap = (await aws(`aws ec2 create-snapshot --volume-id ${v}`)).json.SnapshotId;
    const same = await aws(`aws ec2 create-volume --availability-zone us-east-1a --snapshot-id ${snap}`);
    expect(same.json.KmsKeyId).toBe(k1.Arn);
    const moved = await aws(`aws ec2 create-volume --availability-zone us-east-1a --snapshot-id ${snap} --encrypted --kms-key-id ${k2.Arn}`);
    expect(moved.json.KmsKeyId).toBe(k2.Arn);
    const re = world.trail.events.filter((e) => e.eventName === 'ReEncrypt').at(-1)!;
    expect(re.requestParameters).toMatchObject({
      sourceEncryptionContext: { 'aws:ebs:id': v },
      destinationEncryptionContext: { 'aws:ebs:id': moved.json.VolumeId },
    });
  });
});

describe('cross-Region copies', () => {
  it('need a key in the destination Region: a source-Region key ARN leaves the copy in error; a destination key works', async () => {
    const { aws } = ebsWorld();
    const east = (await aws('aws kms create-key')).json.KeyMetadata;
    const v = (await aws(`aws ec2 create-volume --availability-zone us-east-1a --size 2 --encrypted --kms-key-id ${east.KeyId}`)).json.VolumeId;
    const snap = (await aws(`aws ec2 create-snapshot --volume-id ${v}`)).json.SnapshotId;
    const bad = await aws(`aws ec2 copy-snapshot --region eu-west-1 --source-region us-east-1 --source-snapshot-id ${snap} --kms-key-id ${east.Arn}`);
    const b = (await aws(`aws ec2 describe-snapshots --region eu-west-1 --snapshot-ids ${bad.json.SnapshotId}`)).json.Snapshots[0];
    expect(b).toMatchObject({ State: 'error', StateMessage: 'Given key ID is not accessible' });
    const west = (await aws('aws kms create-key --region eu-west-1')).json.KeyMetadata;
    const good = await aws(`aws ec2 copy-snapshot --region eu-west-1 --source-region us-east-1 --source-snapshot-id ${snap} --kms-key-id ${west.KeyId}`);
    const g = (await aws(`aws ec2 describe-snapshots --region eu-west-1 --snapshot-ids ${good.json.SnapshotId}`)).json.Snapshots[0];
    expect(g).toMatchObject({ State: 'completed', KmsKeyId: west.Arn, Description: `[Copied ${snap} from us-east-1]` });
    // The source snapshot is not in the destination Region.
    expect(errorCode(await aws(`aws ec2 describe-snapshots --region eu-west-1 --snapshot-ids ${snap}`))).toBe('InvalidSnapshot.NotFound');
  });

  it('or a multi-Region key: the replica in the destination Region has the same key id', async () => {
    const { aws } = ebsWorld();
    const mrk = (await aws('aws kms create-key --multi-region')).json.KeyMetadata;
    expect((await aws(`aws kms replicate-key --key-id ${mrk.KeyId} --replica-region eu-west-1`)).exitCode).toBe(0);
    const v = (await aws(`aws ec2 create-volume --availability-zone us-east-1a --size 2 --encrypted --kms-key-id ${mrk.KeyId}`)).json.VolumeId;
    const snap = (await aws(`aws ec2 create-snapshot --volume-id ${v}`)).json.SnapshotId;
    const copy = await aws(`aws ec2 copy-snapshot --region eu-west-1 --source-region us-east-1 --source-snapshot-id ${snap} --kms-key-id ${mrk.KeyId}`);
    const c = (await aws(`aws ec2 describe-snapshots --region eu-west-1 --snapshot-ids ${copy.json.SnapshotId}`)).json.Snapshots[0];
    expect(c).toMatchObject({ State: 'completed', KmsKeyId: `arn:aws:kms:eu-west-1:${A}:key/${mrk.KeyId}` });
  });
});

describe('describe-snapshots and attributes: bad input', () => {
  it('filters, unknown attributes and a missing operation type', async () => {
    const { aws, vol } = await withVolume('--encrypted');
    const snap = (await aws(`aws ec2 create-snapshot --volume-id ${vol.VolumeId} --description weekly`)).json.SnapshotId;
    await aws('aws ec2 create-volume --availability-zone us-east-1a --size 1');
    expect((await aws('aws ec2 describe-snapshots --filters Name=description,Values=week*')).json.Snapshots).toHaveLength(1);
    expect((await aws('aws ec2 describe-snapshots --filters Name=encrypted,Values=false')).json.Snapshots).toHaveLength(0);
    expect((await aws(`aws ec2 describe-snapshots --restorable-by-user-ids ${B}`)).json.Snapshots).toHaveLength(0);
    expect(errorCode(await aws(`aws ec2 describe-snapshot-attribute --snapshot-id ${snap} --attribute productCodes`))).toBe('InvalidParameterValue');
    expect(errorCode(await aws(`aws ec2 modify-snapshot-attribute --snapshot-id ${snap} --user-ids ${B}`))).toBe('MissingParameter');
    expect((await aws(`aws ec2 modify-snapshot-attribute --snapshot-id ${snap} --operation-type share`)).exitCode).toBe(252);
    expect(errorCode(await aws(`aws ec2 delete-snapshot --snapshot-id ${snap}`, 'analyst'))).toBe('InvalidSnapshot.NotFound');
  });
});
