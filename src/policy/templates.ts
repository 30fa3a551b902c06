// The key policies AWS writes itself: the default policy CreateKey gives a key created without a policy,
// and the policy of an AWS managed key (aws/<service>), usable only through that service by the account's principals.

/** https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html */
export function defaultKeyPolicy(accountId: string): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [
        {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${accountId}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    },
    null,
    2,
  );
}

/** ViaService host prefix per service name used in aws/<service> aliases (EBS volumes are encrypted through EC2). */
const VIA_PREFIX: Record<string, string> = { ebs: 'ec2' };
const DISPLAY: Record<string, string> = { s3: 'Amazon S3', ebs: 'EBS', rds: 'RDS', lambda: 'Lambda', dynamodb: 'DynamoDB', sns: 'SNS', sqs: 'SQS', ssm: 'SSM', secretsmanager: 'Secrets Manager' };

/**
 * The policy of an AWS managed key, modelled on the published aws/ebs policy (Id "auto-ebs-2"):
 * the account's principals through the service, plus direct read-only metadata access for the account.
 */
export function awsManagedKeyPolicy(accountId: string, service: string, region: string): string {
  const name = DISPLAY[service] ?? service.toUpperCase();
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Id: `auto-${service}-2`,
      Statement: [
        {
          Sid: `Allow access through ${name} for all principals in the account that are authorized to use ${name}`,
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'],
          Resource: '*',
          Condition: {
            StringEquals: { 'kms:CallerAccount': accountId, 'kms:ViaService': `${VIA_PREFIX[service] ?? service}.${region}.amazonaws.com` },
          },
        },
        {
          Sid: 'Allow direct access to key metadata to the account',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${accountId}:root` },
          Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant'],
          Resource: '*',
        },
      ],
    },
    null,
    2,
  );
}
