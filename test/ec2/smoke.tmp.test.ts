import { it } from '@jest/globals';
import { ebsWorld } from './helpers.js';
it('smoke', async () => {
  const { aws } = ebsWorld();
  const lines = [
    'aws ec2 describe-instances --query Reservations[].Instances[].[InstanceId,State.Name]',
    'aws ec2 create-volume --availability-zone us-east-1a --size 8 --encrypted',
    'aws ec2 describe-volumes',
    'aws kms list-aliases --query Aliases[?starts_with(AliasName,`alias/aws/e`)]',
    'aws ec2 get-ebs-default-kms-key-id',
    'aws ec2 describe-volumes --filters Name=encrypted,Values=true --query Volumes[].VolumeId --output text',
  ];
  for (const l of lines) { const r = await aws(l); console.log(l, '\n', r.stdout, r.stderr, r.exitCode); }
});
