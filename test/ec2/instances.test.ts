// Attaching, stopping and starting with encrypted volumes: EC2's grant for the instance, the instance's Decrypt,
// a disabled key that a running instance does not notice until it stops, and how a start then fails.
import { describe, expect, it } from '@jest/globals';
import { seededInstanceId } from '../../src/ec2/core.js';
import { A, ebsWorld, ec2State, errorCode } from './helpers.js';

async function setup() {
  const t = ebsWorld();
  const web = seededInstanceId(A, 'us-east-1', 'web-1');
  const key = (await t.aws('aws kms create-key')).json.KeyMetadata;
  const vol = (await t.aws(`aws ec2 create-volume --availability-zone us-east-1a --size 8 --encrypted --kms-key-id ${key.KeyId}`)).json.VolumeId as string;
  return { ...t, web, key, vol };
}

const instance = async (aws: Awaited<ReturnType<typeof setup>>['aws'], id: string) =>
  (await aws(`aws ec2 describe-instances --instance-ids ${id}`)).json.Reservations[0].Instances[0];

describe('seeded instances', () => {
  it('each account and Region has web-1 (running) and batch-1 (stopped) with stable ids', async () => {
    const { aws } = ebsWorld();
    const r = await aws('aws ec2 describe-instances --query "Reservations[].Instances[].[Tags[0].Value,State.Name,InstanceId]"');
    expect(r.json).toEqual([
      ['web-1', 'running', seededInstanceId(A, 'us-east-1', 'web-1')],
      ['batch-1', 'stopped', seededInstanceId(A, 'us-east-1', 'batch-1')],
    ]);
    expect(seededInstanceId(A, 'us-east-1', 'web-1')).toMatch(/^i-0[0-9a-f]{16}$/);
    expect(errorCode(await aws('aws ec2 describe-instances --instance-ids i-0000000000000000a'))).toBe('InvalidInstanceID.NotFound');
    expect((await aws('aws ec2 describe-instances --filters Name=instance-state-name,Values=stopped')).json.Reservations).toHaveLength(1);
  });
});

describe('attach-volume', () => {
  it('EC2 creates the documented grant (GrantIsForAWSResource) for the instance, which decrypts the data key', async () => {
    const { aws, world, web, key, vol } = await setup();
    const r = await aws(`aws ec2 attach-volume --volume-id ${vol} --instance-id ${web} --device /dev/sdf`);
    expect(r.json).toMatchObject({ State: 'attaching', InstanceId: web, VolumeId: vol, Device: '/dev/sdf' });
    const grants = (await aws(`aws kms list-grants --key-id ${key.KeyId}`)).json.Grants;
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({
      GranteePrincipal: `arn:aws:sts::${A}:assumed-role/aws:ec2-infrastructure/${web}`,
      RetiringPrincipal: 'ec2.us-east-1.amazonaws.com',
      Operations: ['Decrypt'],
      Constraints: { EncryptionContextSubset: { 'aws:ebs:id': vol } },
    });
    const kms = world.trail.events.filter((e) => e.eventSource === 'kms.amazonaws.com');
    const decrypt = kms.find((e) => e.eventName === 'Decrypt')!;
    expect(decrypt.userIdentity.arn).toBe(`arn:aws:sts::${A}:assumed-role/aws:ec2-infrastructure/${web}`);
    expect(decrypt.userIdentity.invokedBy).toBe('ec2.amazonaws.com');
    expect(decrypt.errorCode).toBeUndefined();
    expect(ec2State(world).instances.find((i: { InstanceId: string }) => i.InstanceId === web).memory).toEqual([vol]);
    const d = await aws(`aws ec2 describe-volumes --volume-ids ${vol}`);
    expect(d.json.Volumes[0]).toMatchObject({ State: 'in-use', Attachments: [{ InstanceId: web, State: 'attached', Device: '/dev/sdf' }] });
    expect((await instance(aws, web)).BlockDeviceMappings[0].Ebs.VolumeId).toBe(vol);
  });

  it('EC2 errors: in use, wrong zone, device taken', async () => {
    const { aws, web, vol } = await setup();
    await aws(`aws ec2 attach-volume --volume-id ${vol} --instance-id ${web} --device /dev/sdf`);
    expect(errorCode(await aws(`aws ec2 attach-volume --volume-id ${vol} --instance-id ${web} --device /dev/sdg`))).toBe('VolumeInUse');
    const other = (await aws('aws ec2 create-volume --availability-zone us-east-1b --size 1')).json.VolumeId;
    expect(errorCode(await aws(`aws ec2 attach-volume --volume-id ${other} --instance-id ${web} --device /dev/sdg`))).toBe('InvalidVolume.ZoneMismatch');
    const third = (await aws('aws ec2 create-volume --availability-zone us-east-1a --size 1')).json.VolumeId;
    expect(errorCode(await aws(`aws ec2 attach-volume --volume-id ${third} --instance-id ${web} --device /dev/sdf`))).toBe('InvalidParameterValue');
  });

  it('a disabled key: attaching fails with CustomerKeyHasBeenRevoked and leaves no grant', async () => {
    const { aws, web, key, vol } = await setup();
    await aws(`aws kms disable-key --key-id ${key.KeyId}`);
    const r = await aws(`aws ec2 attach-volume --volume-id ${vol} --instance-id ${web} --device /dev/sdf`);
    expect(errorCode(r)).toBe('CustomerKeyHasBeenRevoked');
    expect(r.exitCode).toBe(254);
    expect((await aws(`aws ec2 describe-volumes --volume-ids ${vol}`)).json.Volumes[0].State).toBe('available');
    expect((await aws(`aws kms list-grants --key-id ${key.KeyId}`)).json.Grants).toEqual([]);
  });
});

describe('a key disabled while the volume is attached', () => {
  it('the running instance keeps working; after a stop, start fails: back to stopped with Client.InvalidKMSKey.InvalidState', async () => {
    const { aws, world, web, key, vol } = await setup();
    await aws(`aws ec2 attach-volume --volume-id ${vol} --instance-id ${web} --device /dev/sdf`);
    await aws(`aws kms disable-key --key-id ${key.KeyId}`);
    expect((await instance(aws, web)).State.Name).toBe('running');
    expect(ec2State(world).instances.find((i: { InstanceId: string }) => i.InstanceId === web).memory).toEqual([vol]);
    const stop = await aws(`aws ec2 stop-instances --instance-ids ${web}`);
    expect(stop.json.StoppingInstances[0]).toMatchObject({ CurrentState: { Code: 64, Name: 'stopping' }, PreviousState: { Code: 16, Name: 'running' } });
    expect((await aws(`aws kms list-grants --key-id ${key.KeyId}`)).json.Grants).toEqual([]);
    const start = await aws(`aws ec2 start-instances --instance-ids ${web}`);
    expect(start.exitCode).toBe(0);
    expect(start.json.StartingInstances[0]).toMatchObject({ CurrentState: { Code: 0, Name: 'pending' }, PreviousState: { Code: 80, Name: 'stopped' } });
    const after = await instance(aws, web);
    expect(after.State).toEqual({ Code: 80, Name: 'stopped' });
    expect(after.StateReason).toEqual({
      Code: 'Client.InvalidKMSKey.InvalidState',
      Message: 'Client.InvalidKMSKey.InvalidState: The KMS key provided is in an incorrect state',
    });
    // Enable the key: the next start works and the grant is back.
    await aws(`aws kms enable-key --key-id ${key.KeyId}`);
    await aws(`aws ec2 start-instances --instance-ids ${web}`);
    const running = await instance(aws, web);
    expect(running.State.Name).toBe('running');
    expect(running.StateReason).toBeUndefined();
    expect((await aws(`aws kms list-grants --key-id ${key.KeyId}`)).json.Grants).toHaveLength(1);
  });

  it('a caller without kms:CreateGrant: start fails with Client.InternalError (the repost.aws case)', async () => {
    const { aws, web, vol } = await setup();
    await aws(`aws ec2 attach-volume --volume-id ${vol} --instance-id ${web} --device /dev/sdf`);
    await aws('aws iam create-user --user-name ops');
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['ec2:*', 'kms:Decrypt', 'kms:DescribeKey'], Resource: '*' }],
    });
    expect((await aws(`aws iam put-user-policy --user-name ops --policy-name ops --policy-document '${policy}'`)).exitCode).toBe(0);
    const ops = `arn:aws:iam::${A}:user/ops`;
    await aws(`aws ec2 stop-instances --instance-ids ${web}`, ops);
    await aws(`aws ec2 start-instances --instance-ids ${web}`, ops);
    const i = await instance(aws, web);
    expect(i.State.Name).toBe('stopped');
    expect(i.StateReason).toEqual({ Code: 'Client.InternalError', Message: 'Client.InternalError: Client error on launch' });
    // admin has kms:CreateGrant through the default key policy and its IAM policy.
    await aws(`aws ec2 start-instances --instance-ids ${web}`);
    expect((await instance(aws, web)).State.Name).toBe('running');
  });

  it('an unencrypted volume needs no key: start and attach work whatever KMS says', async () => {
    const { aws, web } = await setup();
    const plain = (await aws('aws ec2 create-volume --availability-zone us-east-1a --size 1')).json.VolumeId;
    expect((await aws(`aws ec2 attach-volume --volume-id ${plain} --instance-id ${web} --device /dev/sdh`)).exitCode).toBe(0);
    await aws(`aws ec2 stop-instances --instance-ids ${web}`);
    await aws(`aws ec2 start-instances --instance-ids ${web}`);
    expect((await instance(aws, web)).State.Name).toBe('running');
  });

  it('kms:GrantIsForAWSResource: an IAM policy that allows CreateGrant only for AWS resources works through EC2, not directly', async () => {
    const { aws, web, key, vol } = await setup();
    await aws('aws iam create-user --user-name storage');
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['ec2:*', 'kms:Decrypt', 'kms:DescribeKey'], Resource: '*' },
        { Effect: 'Allow', Action: 'kms:CreateGrant', Resource: '*', Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } } },
      ],
    });
    await aws(`aws iam put-user-policy --user-name storage --policy-name storage --policy-document '${policy}'`);
    const storage = `arn:aws:iam::${A}:user/storage`;
    expect((await aws(`aws ec2 attach-volume --volume-id ${vol} --instance-id ${web} --device /dev/sdf`, storage)).exitCode).toBe(0);
    const direct = await aws(`aws kms create-grant --key-id ${key.KeyId} --grantee-principal ${storage} --operations Decrypt`, storage);
    expect(errorCode(direct)).toBe('AccessDeniedException');
  });

  it('attaching to a stopped instance creates the grant; the instance decrypts only when it starts', async () => {
    const { aws, world, key, vol } = await setup();
    const batch = seededInstanceId(A, 'us-east-1', 'batch-1');
    await aws(`aws ec2 attach-volume --volume-id ${vol} --instance-id ${batch} --device /dev/sdf`);
    expect((await aws(`aws kms list-grants --key-id ${key.KeyId}`)).json.Grants).toHaveLength(1);
    const decrypts = () => world.trail.events.filter((e) => e.eventName === 'Decrypt' && e.userIdentity.arn?.endsWith(`/${batch}`)).length;
    expect(decrypts()).toBe(0);
    await aws(`aws ec2 start-instances --instance-ids ${batch}`);
    expect(decrypts()).toBe(1);
    expect((await instance(aws, batch)).State.Name).toBe('running');
  });

  it('aws/ebs: its key policy lets the account use it through EC2 only, grants included', async () => {
    const { aws, world, web } = await setup();
    const v = (await aws('aws ec2 create-volume --availability-zone us-east-1a --size 1 --encrypted')).json;
    expect((await aws(`aws ec2 attach-volume --volume-id ${v.VolumeId} --instance-id ${web} --device /dev/sdg`)).exitCode).toBe(0);
    // ListGrants takes a key id or ARN, not an alias.
    expect((await aws(`aws kms list-grants --key-id ${v.KmsKeyId}`)).json.Grants).toHaveLength(1);
    const decrypt = world.trail.events.filter((e) => e.eventName === 'Decrypt').at(-1)!;
    expect(decrypt.errorCode).toBeUndefined();
    // The same key used directly (no kms:ViaService) is refused.
    const direct = await aws('aws kms generate-data-key --key-id alias/aws/ebs --key-spec AES_256');
    expect(errorCode(direct)).toBe('AccessDeniedException');
  });

  it('a key pending deletion stops a start the same way (KMSInvalidStateException from KMS)', async () => {
    const { aws, world, web, key, vol } = await setup();
    await aws(`aws ec2 attach-volume --volume-id ${vol} --instance-id ${web} --device /dev/sdf`);
    await aws(`aws kms schedule-key-deletion --key-id ${key.KeyId} --pending-window-in-days 7`);
    await aws(`aws ec2 stop-instances --instance-ids ${web}`);
    await aws(`aws ec2 start-instances --instance-ids ${web}`);
    expect((await instance(aws, web)).StateReason.Code).toBe('Client.InvalidKMSKey.InvalidState');
    expect(world.trail.events.filter((e) => e.eventName === 'CreateGrant').at(-1)!.errorCode).toBe('KMSInvalidStateException');
  });
});
