// Which KMS key EBS uses for a new encrypted volume or snapshot copy: the KmsKeyId given, else the snapshot's key,
// else the account's default key in the Region (alias/aws/ebs unless changed). https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html
import type { Caller } from '../aws/caller.js';
import type { Ec2 } from './core.js';

export const AWS_EBS_ALIAS = 'alias/aws/ebs';

/** The key identifier to ask KMS about (DescribeKey resolves aliases and ARNs). */
export function keyToUse(s: Ec2, c: Caller, requested: string | undefined, inherited?: string): string {
  return requested ?? inherited ?? s.defaults(c.accountId, c.region).kmsKeyId ?? AWS_EBS_ALIAS;
}

/**
 * The ARN ModifyEbsDefaultKmsKeyId answers with: EC2 checks the key asynchronously, so an id, alias or ARN is stored
 * as given in ARN form (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyEbsDefaultKmsKeyId.html).
 */
export function keyArnForm(c: Caller, keyId: string): string {
  if (keyId.startsWith('arn:')) return keyId;
  if (keyId.startsWith('alias/')) return `arn:aws:kms:${c.region}:${c.accountId}:${keyId}`;
  return `arn:aws:kms:${c.region}:${c.accountId}:key/${keyId}`;
}
