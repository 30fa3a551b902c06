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
const DISPLAY: Record<string, string> = { s3: 'S3', ebs: 'EBS', rds: 'RDS', lambda: 'AWS Lambda', dynamodb: 'DynamoDB', sns: 'SNS', sqs: 'SQS', ssm: 'SSM', secretsmanager: 'Secrets Manager' };
/** Services whose AWS managed key policy also lets them create grants (volumes, databases, file systems). */
const GRANT_SERVICES = new Set(['ebs', 'rds', 'redshift', 'elasticfilesystem', 'fsx', 'lambda', 'backup']);

/**
 * The policy of an AWS managed key, modelled on published aws/s3 and aws/ebs policies: the account's
 * principals through the service (plus CreateGrant / RevokeGrant for services that use grants), and
 * direct read-only metadata access for the account. Real policies vary a little per service.
 */
export function awsManagedKeyPolicy(accountId: string, service: string, region: string): string {
  const name = DISPLAY[service] ?? service.toUpperCase();
  const grants = GRANT_SERVICES.has(service);
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Id: `auto-${service}-2`,
      Statement: [
        {
          Sid: `Allow access through ${name} for all principals in the account that are authorized to use ${name}`,
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', ...(grants ? ['kms:CreateGrant'] : []), 'kms:DescribeKey'],
          Resource: '*',
          Condition: {
            StringEquals: { 'kms:CallerAccount': accountId, 'kms:ViaService': `${VIA_PREFIX[service] ?? service}.${region}.amazonaws.com` },
          },
        },
        {
          Sid: 'Allow direct access to key metadata to the account',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${accountId}:root` },
          Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', ...(grants ? ['kms:RevokeGrant'] : [])],
          Resource: '*',
        },
      ],
    },
    null,
    2,
  );
}
