// EBS volumes: encryption (explicit, by default, from snapshots), the KMS calls EBS makes for the caller, EC2's errors.
import { describe, expect, it } from '@jest/globals';
import { A, ebsWorld, ec2State, errorCode } from './helpers.js';

const kmsEvents = (w: ReturnType<typeof ebsWorld>['world'], name: string) =>
  w.trail.events.filter((e) => e.eventSource === 'kms.amazonaws.com' && e.eventName === name);

describe('create-volume', () => {
  it('an encrypted volume gets a data key from GenerateDataKeyWithoutPlaintext, through EC2, with context aws:ebs:id', async () => {
    const { aws, world } = ebsWorld();
    const key = (await aws('aws kms create-key')).json.KeyMetadata.Arn;
    const r = await aws(`aws ec2 create-volume --availability-zone us-east-1a --size 8 --encrypted --kms-key-id ${key}`);
    expect(r.exitCode).toBe(0);
    expect(r.json).toMatchObject({ State: 'creating', Encrypted: true, KmsKeyId: key, Size: 8, VolumeType: 'gp2' });
    expect(r.json.VolumeId).toMatch(/^vol-0[0-9a-f]{16}$/);
    const [gdk] = kmsEvents(world, 'GenerateDataKeyWithoutPlaintext');
    expect(gdk.userIdentity).toMatchObject({ arn: `arn:aws:iam::${A}:user/admin`, invokedBy: 'ec2.amazonaws.com' });
    expect(gdk.requestParameters).toMatchObject({ encryptionContext: { 'aws:ebs:id': r.json.VolumeId } });
    const d = await aws(`aws ec2 describe-volumes --volume-ids ${r.json.VolumeId}`);
    expect(d.json.Volumes[0]).toMatchObject({ State: 'available', Encrypted: true, KmsKeyId: key, Attachments: [] });
  });

  it('--encrypted without a key uses aws/ebs, which KMS creates on first use', async () => {
    const { aws } = ebsWorld();
    const target = async () => (await aws(`aws kms list-aliases --query "Aliases[?AliasName=='alias/aws/ebs'].TargetKeyId"`)).json;
    expect(await target()).toEqual([]);
    const r = await aws('aws ec2 create-volume --availability-zone us-east-1a --size 1 --encrypted');
    const ebsKey = (await aws('aws kms describe-key --key-id alias/aws/ebs')).json.KeyMetadata;
    expect(ebsKey.KeyManager).toBe('AWS');
    expect(r.json.KmsKeyId).toBe(ebsKey.Arn);
    expect(await target()).toEqual([ebsKey.KeyId]);
  });

  it('encryption by default encrypts every new volume with the chosen customer managed key, per Region', async () => {
    const { aws } = ebsWorld();
    const key = (await aws('aws kms create-key')).json.KeyMetadata;
    expect((await aws('aws ec2 get-ebs-encryption-by-default')).json).toEqual({ EbsEncryptionByDefault: false, SseType: 'sse-ebs' });
    expect((await aws('aws ec2 get-ebs-default-kms-key-id')).json).toEqual({ KmsKeyId: 'alias/aws/ebs' });
    expect((await aws(`aws ec2 modify-ebs-default-kms-key-id --kms-key-id ${key.KeyId}`)).json).toEqual({ KmsKeyId: key.Arn });
    expect((await aws('aws ec2 enable-ebs-encryption-by-default')).json).toEqual({ EbsEncryptionByDefault: true });
    const v = await aws('aws ec2 create-volume --availability-zone us-east-1a --size 4 --no-encrypted');
    expect(v.json).toMatchObject({ Encrypted: true, KmsKeyId: key.Arn });
    // Another Region has its own setting.
    const w = await aws('aws ec2 create-volume --availability-zone eu-west-1b --size 4 --region eu-west-1');
    expect(w.json.Encrypted).toBe(false);
    expect((await aws('aws ec2 reset-ebs-default-kms-key-id')).json).toEqual({ KmsKeyId: 'alias/aws/ebs' });
    expect((await aws('aws ec2 create-volume --availability-zone us-east-1a --size 4')).json.KmsKeyId).toMatch(/^arn:aws:kms:us-east-1:111122223333:key\//);
    expect((await aws('aws ec2 disable-ebs-encryption-by-default')).json).toEqual({ EbsEncryptionByDefault: false });
    expect((await aws('aws ec2 create-volume --availability-zone us-east-1a --size 4')).json.Encrypted).toBe(false);
  });

  it('a disabled key: the call answers "creating", then the volume does not exist (InvalidVolume.NotFound)', async () => {
    const { aws, world } = ebsWorld();
    const key = (await aws('aws kms create-key')).json.KeyMetadata.KeyId;
    await aws(`aws kms disable-key --key-id ${key}`);
    const r = await aws(`aws ec2 create-volume --availability-zone us-east-1a --size 8 --encrypted --kms-key-id ${key}`);
    expect(r.exitCode).toBe(0);
    expect(r.json.State).toBe('creating');
    const d = await aws(`aws ec2 describe-volumes --volume-ids ${r.json.VolumeId}`);
    expect(errorCode(d)).toBe('InvalidVolume.NotFound');
    expect(d.stderr).toContain(`The volume '${r.json.VolumeId}' does not exist.`);
    expect(kmsEvents(world, 'GenerateDataKeyWithoutPlaintext')[0].errorCode).toBe('DisabledException');
    expect(ec2State(world).notifications[0]).toMatchObject({ event: 'createVolume', result: 'failed' });
  });

  it('EC2 errors: KmsKeyId without encryption, bad zone, no size, bad type, in-use delete', async () => {
    const { aws } = ebsWorld();
    expect(errorCode(await aws('aws ec2 create-volume --availability-zone us-east-1a --size 8 --kms-key-id alias/x'))).toBe('InvalidParameterDependency');
    const z = await aws('aws ec2 create-volume --availability-zone eu-west-1a --size 8');
    expect(errorCode(z)).toBe('InvalidParameterValue');
    expect(z.stderr).toContain('Invalid availability zone: [eu-west-1a]');
    expect(errorCode(await aws('aws ec2 create-volume --availability-zone us-east-1a'))).toBe('MissingParameter');
    expect((await aws('aws ec2 create-volume --availability-zone us-east-1a --size 1 --volume-type gp9')).exitCode).toBe(252);
    expect(errorCode(await aws('aws ec2 delete-volume --volume-id vol-0123456789abcdef0'))).toBe('InvalidVolume.NotFound');
    const web = (await aws('aws ec2 describe-instances --filters Name=tag:Name,Values=web-1')).json.Reservations[0].Instances[0].InstanceId;
    const v = (await aws('aws ec2 create-volume --availability-zone us-east-1a --size 1')).json.VolumeId;
    await aws(`aws ec2 attach-volume --volume-id ${v} --instance-id ${web} --device /dev/sdf`);
    const del = await aws(`aws ec2 delete-volume --volume-id ${v}`);
    expect(errorCode(del)).toBe('VolumeInUse');
    expect(del.stderr).toContain(`Volume ${v} is currently attached to ${web}`);
    await aws(`aws ec2 detach-volume --volume-id ${v}`);
    expect(errorCode(await aws(`aws ec2 detach-volume --volume-id ${v}`))).toBe('IncorrectState');
    expect((await aws(`aws ec2 delete-volume --volume-id ${v}`)).exitCode).toBe(0);
    expect(errorCode(await aws(`aws ec2 describe-volumes --volume-ids ${v}`))).toBe('InvalidVolume.NotFound');
  });

  it('ec2:* permissions come from IAM: dev has none (UnauthorizedOperation); --dry-run says DryRunOperation when allowed', async () => {
    const { aws } = ebsWorld();
    const r = await aws('aws ec2 create-volume --availability-zone us-east-1a --size 1', 'dev');
    expect(errorCode(r)).toBe('UnauthorizedOperation');
    expect(r.stderr).toContain(
      'You are not authorized to perform this operation. User: arn:aws:iam::111122223333:user/dev is not authorized to perform: ec2:CreateVolume',
    );
    expect(errorCode(await aws('aws ec2 describe-volumes --dry-run', 'dev'))).toBe('UnauthorizedOperation');
    const dry = await aws('aws ec2 create-volume --availability-zone us-east-1a --size 1 --dry-run');
    expect(errorCode(dry)).toBe('DryRunOperation');
    expect((await aws('aws ec2 describe-volumes')).json.Volumes).toEqual([]);
  });

  it('describe-volumes filters and pages as the CLI does', async () => {
    const { aws } = ebsWorld();
    for (let i = 0; i < 7; i++) await aws(`aws ec2 create-volume --availability-zone us-east-1a --size ${i + 1}${i % 2 ? ' --encrypted' : ''}`);
    expect((await aws('aws ec2 describe-volumes --filters Name=encrypted,Values=true')).json.Volumes).toHaveLength(3);
    expect((await aws('aws ec2 describe-volumes --filters Name=size,Values=1,2 Name=encrypted,Values=false')).json.Volumes).toHaveLength(1);
    expect(errorCode(await aws('aws ec2 describe-volumes --filters Name=colour,Values=red'))).toBe('InvalidParameterValue');
    const all = await aws('aws ec2 describe-volumes --page-size 5');
    expect(all.json.Volumes).toHaveLength(7);
    const first = await aws('aws ec2 describe-volumes --max-items 2');
    expect(first.json.Volumes).toHaveLength(2);
    const rest = await aws(`aws ec2 describe-volumes --starting-token ${first.json.NextToken}`);
    expect(rest.json.Volumes).toHaveLength(5);
    const manual = await aws('aws ec2 describe-volumes --max-results 5');
    expect(manual.json).toMatchObject({ NextToken: 'ec2-5' });
    expect(errorCode(await aws('aws ec2 describe-volumes --max-results 2'))).toBe('InvalidParameterValue');
    expect(errorCode(await aws('aws ec2 describe-volumes --next-token nope'))).toBe('InvalidNextToken');
    expect((await aws('aws ec2 describe-volumes --query "Volumes[?Encrypted].Size" --output text')).stdout.trim()).toBe('2\t4\t6');
  });
});
