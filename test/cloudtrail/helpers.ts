// Trail test worlds: the world with its registered S3, a log bucket whose policy lets CloudTrail write, a KMS key
// whose policy lets CloudTrail encrypt (with aws:SourceArn and the aws:cloudtrail:arn context) and an auditor decrypt.
import { gunzipSync } from 'node:zlib';
import type { Caller } from '../../src/aws/caller.js';
import type { World } from '../../src/sim/world.js';
import { createKey, s3World } from '../s3/helpers.js';

export { codeOf, errorOf } from '../s3/helpers.js';
export const ACCOUNT = '111122223333';
export const BUCKET = 'audit-logs-111122223333';
export const TRAIL = 'org-audit';
export const TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/${TRAIL}`;
export const ROOT = { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' };
export const DESCRIBE = {
  Sid: 'AllowCloudTrailDescribe',
  Effect: 'Allow',
  Principal: { Service: 'cloudtrail.amazonaws.com' },
  Action: 'kms:DescribeKey',
  Resource: '*',
};

export function encryptStatement(
  condition: Record<string, unknown> = {
    StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${ACCOUNT}:trail/*` },
    StringEquals: { 'aws:SourceArn': TRAIL_ARN },
  },
) {
  return {
    Sid: 'AllowCloudTrailEncrypt',
    Effect: 'Allow',
    Principal: { Service: 'cloudtrail.amazonaws.com' },
    Action: 'kms:GenerateDataKey*',
    Resource: '*',
    Condition: condition,
  };
}

export const AUDITOR_DECRYPT = {
  Sid: 'AuditorReadsLogs',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/auditor` },
  Action: 'kms:Decrypt',
  Resource: '*',
  Condition: { Null: { 'kms:EncryptionContext:aws:cloudtrail:arn': 'false' } },
};

export function bucketPolicy(extra: object[] = [], withAcl = false) {
  const write: Record<string, unknown> = { 'aws:SourceArn': TRAIL_ARN };
  if (withAcl) write['s3:x-amz-acl'] = 'bucket-owner-full-control';
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AWSCloudTrailAclCheck',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: `arn:aws:s3:::${BUCKET}`,
        Condition: { StringEquals: { 'aws:SourceArn': TRAIL_ARN } },
      },
      {
        Sid: 'AWSCloudTrailWrite',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${BUCKET}/AWSLogs/${ACCOUNT}/*`,
        Condition: { StringEquals: write },
      },
      ...extra,
    ],
  };
}

/** Readers of the bucket: the auditor and dev may get objects (only the auditor may decrypt with the key). */
export const READERS = {
  Sid: 'Readers',
  Effect: 'Allow',
  Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:user/auditor`, `arn:aws:iam::${ACCOUNT}:user/dev`] },
  Action: ['s3:GetObject', 's3:ListBucket'],
  Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`],
};

export function trailWorld(o: { keyStatements?: object[]; bucket?: object | null } = {}) {
  const w = s3World();
  const auditor = { ...w.dev, principal: w.world.principal(`arn:aws:iam::${ACCOUNT}:user/auditor`) } as Caller;
  w.world.call('s3', 'CreateBucket', { Bucket: BUCKET }, w.admin);
  if (o.bucket !== null) w.world.call('s3', 'PutBucketPolicy', { Bucket: BUCKET, Policy: JSON.stringify(o.bucket ?? bucketPolicy([READERS])) }, w.admin);
  const keyArn = createKey(w.world, w.admin, { Version: '2012-10-17', Statement: o.keyStatements ?? [ROOT, DESCRIBE, encryptStatement(), AUDITOR_DECRYPT] });
  return { ...w, auditor, keyArn };
}

export function createTrail(world: World, admin: Caller, extra: Record<string, unknown> = {}) {
  return world.call('cloudtrail', 'CreateTrail', { Name: TRAIL, S3BucketName: BUCKET, ...extra }, admin);
}

/** The log file keys in the bucket (as the admin lists them). */
export function logKeys(world: World, admin: Caller): string[] {
  const out = world.call('s3', 'ListObjectsV2', { Bucket: BUCKET, Prefix: 'AWSLogs/' }, admin);
  return ((out.Contents as { Key: string }[] | undefined) ?? []).map((c) => c.Key);
}

/** The records of a log file read as `reader` (S3 decrypts with KMS on the reader's behalf). */
export function readLog(world: World, reader: Caller, key: string): { Records: { eventName: string; eventSource: string }[] } {
  const body = world.call('s3', 'GetObject', { Bucket: BUCKET, Key: key }, reader).Body as Uint8Array;
  return JSON.parse(gunzipSync(body).toString('utf8')) as { Records: { eventName: string; eventSource: string }[] };
}
