// The aws ec2 slice as AWS CLI v2 behaves: help, bad command lines (exit 252), service errors (254), --output and
// --query; the service's state kept in the world document between commands (the sandbox).
import { describe, expect, it } from '@jest/globals';
import { operationHelp } from '../../src/awscli/help.js';
import { ManualClock, SeededRandom } from '../../src/aws/ports.js';
import { loadWorld } from '../../src/sim/world.js';
import { ebsWorld, ec2State } from './helpers.js';

describe('aws ec2 on the command line', () => {
  it('help lists the simulated operations and documents their options', () => {
    const all = operationHelp('ec2', '');
    for (const op of [
      'create-volume',
      'copy-snapshot',
      'modify-snapshot-attribute',
      'enable-ebs-encryption-by-default',
      'get-ebs-default-kms-key-id',
      'start-instances',
    ])
      expect(all).toContain(op);
    expect(operationHelp('ec2', 'create-volume')).toContain('--kms-key-id');
  });

  it('a missing required option or unknown operation is a usage error (252); a service error exits 254', async () => {
    const { aws } = ebsWorld();
    const missing = await aws('aws ec2 attach-volume --volume-id vol-0123456789abcdef0');
    expect(missing.exitCode).toBe(252);
    expect(missing.stderr).toContain('--device');
    expect((await aws('aws ec2 run-instances')).exitCode).toBe(252);
    const e = await aws('aws ec2 delete-snapshot --snapshot-id snap-0123456789abcdef0');
    expect(e.exitCode).toBe(254);
    expect(e.stderr).toBe(
      "\nAn error occurred (InvalidSnapshot.NotFound) when calling the DeleteSnapshot operation: The snapshot 'snap-0123456789abcdef0' does not exist.\n",
    );
  });

  it('--output text and table, --query', async () => {
    const { aws } = ebsWorld();
    expect((await aws('aws ec2 get-ebs-encryption-by-default --output text')).stdout).toBe('False\tsse-ebs\n');
    expect((await aws('aws ec2 get-ebs-default-kms-key-id --query KmsKeyId --output text')).stdout).toBe('alias/aws/ebs\n');
    expect((await aws('aws ec2 describe-instances --output table')).stdout).toContain('DescribeInstances');
  });

  it('the state survives a save and load of the world (the sandbox between commands)', async () => {
    const { aws, world } = ebsWorld();
    await aws('aws ec2 enable-ebs-encryption-by-default');
    const v = (await aws('aws ec2 create-volume --availability-zone us-east-1a --size 3')).json.VolumeId;
    const again = loadWorld(JSON.parse(JSON.stringify(world.toJSON())), new ManualClock(world.now()), new SeededRandom('x'));
    expect(ec2State(again).volumes[0]).toMatchObject({ VolumeId: v, Encrypted: true });
    expect(ec2State(again).defaults['111122223333:us-east-1']).toEqual({ enabled: true });
    expect(again.call('ec2', 'DescribeVolumes', {}, world.callerOf('arn:aws:iam::111122223333:user/admin', 'us-east-1')).Volumes).toHaveLength(1);
  });

  it('EC2 calls are recorded in CloudTrail with eventSource ec2.amazonaws.com, failures with their error code', async () => {
    const { aws, world } = ebsWorld();
    await aws('aws ec2 create-volume --availability-zone us-east-1a --size 3');
    await aws('aws ec2 create-volume --availability-zone us-east-1a --size 3', 'dev');
    const ec2 = world.trail.events.filter((e) => e.eventSource === 'ec2.amazonaws.com' && e.eventName === 'CreateVolume');
    expect(ec2.map((e) => e.errorCode)).toEqual([undefined, 'UnauthorizedOperation']);
    expect(ec2[0].requestParameters).toMatchObject({ availabilityZone: 'us-east-1a', size: 3 });
  });
});
