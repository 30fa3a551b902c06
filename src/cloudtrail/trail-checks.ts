// The checks CreateTrail and UpdateTrail make before they accept a destination: the S3 bucket exists and its bucket
// policy lets cloudtrail.amazonaws.com check the ACL and write under AWSLogs/<account>/ (InsufficientS3BucketPolicy),
// and the KMS key exists in the bucket's Region and lets CloudTrail describe it and generate data keys with the
// trail's encryption context (KmsKeyNotFound, InsufficientEncryptionPolicy, KmsException). Differs: how AWS probes the
// key is not documented; we ask KMS itself, as the service principal: DescribeKey, then GenerateDataKey with DryRun
// (both recorded in the event history, the dry run with errorCode DryRunOperationException).
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
import { ServiceException } from '../aws/errors.js';
import type { ServiceContext } from '../aws/service.js';
import {
  InsufficientEncryptionPolicyException,
  InsufficientS3BucketPolicyException,
  InvalidKmsKeyIdException,
  KmsException,
  KmsKeyNotFoundException,
  S3BucketDoesNotExistException,
  badBucketPolicy,
  insufficientEncryption,
  invalidKeyId,
  keyNotFound,
  keyUnusable,
  noSuchBucket,
} from './trail-errors.js';

/** The service principal CloudTrail acts as (global, not Regional). */
export const CLOUDTRAIL_PRINCIPAL = 'cloudtrail.amazonaws.com';

/** What CloudTrail reads of a bucket in S3's state document (owner, Region, bucket policy). */
export interface BucketFacts {
  name: string;
  accountId: string;
  region: string;
  policy?: string;
}

/** The bucket as S3's state document shows it, or undefined when S3 has no such bucket (or S3 is not registered). */
export function bucketFacts(ctx: ServiceContext, name: string): BucketFacts | undefined {
  const doc = ctx.serviceState?.('s3') as { buckets?: BucketFacts[] } | undefined;
  const b = doc?.buckets?.find((x) => x.name === name);
  return b ? { name: b.name, accountId: b.accountId, region: b.region, policy: b.policy } : undefined;
}

/** The prefix every log file of the account goes under: [<S3KeyPrefix>/]AWSLogs/<account>/. */
export function logPrefix(prefix: string | undefined, accountId: string): string {
  return `${prefix ? `${prefix}/` : ''}AWSLogs/${accountId}/`;
}

export interface Destination {
  bucket: string;
  prefix?: string;
  accountId: string;
  region: string;
  trailArn: string;
}

/** The bucket must exist and allow CloudTrail s3:GetBucketAcl on the bucket and s3:PutObject under AWSLogs/<account>/. */
export function checkBucket(ctx: ServiceContext, d: Destination): BucketFacts {
  const b = bucketFacts(ctx, d.bucket);
  if (!b) throw new S3BucketDoesNotExistException(noSuchBucket(d.bucket));
  const caller = {
    principal: { type: 'AWSService' as const, arn: CLOUDTRAIL_PRINCIPAL, accountId: '' },
    accountId: d.accountId,
    region: d.region,
    sourceArn: d.trailArn,
  };
  // aws:SourceArn / aws:SourceAccount as CloudTrail sends them, and the ACL header its PutObject carries.
  const context = { 'aws:SourceArn': d.trailArn, 'aws:SourceAccount': d.accountId, 's3:x-amz-acl': 'bucket-owner-full-control' };
  const ask = (action: string, resourceArn: string) =>
    ctx.access.authorize({ action, caller, resourceArn, grants: [], context, now: ctx.now(), resourcePolicy: { document: b.policy, accountId: b.accountId } })
      .allowed;
  const objects = `arn:aws:s3:::${b.name}/${logPrefix(d.prefix, d.accountId)}CloudTrail/${d.region}/log.json.gz`;
  if (!ask('s3:GetBucketAcl', `arn:aws:s3:::${b.name}`) || !ask('s3:PutObject', objects))
    throw new InsufficientS3BucketPolicyException(badBucketPolicy(b.name));
  return b;
}

const KEY_ID =
  /^(alias\/[A-Za-z0-9/_-]+|arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[A-Za-z0-9/_-]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;

/**
 * The key ARN for `keyId` once KMS agrees that CloudTrail may use it for this trail: the key exists in the bucket's
 * Region (else KmsKeyNotFoundException), its policy lets cloudtrail.amazonaws.com DescribeKey and GenerateDataKey with
 * aws:cloudtrail:arn = the trail ARN and aws:SourceArn = the trail ARN (else InsufficientEncryptionPolicyException),
 * and it is enabled and symmetric (else KmsException; AWS lists KmsKeyDisabledException as no longer in use).
 */
export function checkKey(ctx: ServiceContext, keyId: string, d: Destination, bucket: BucketFacts): string {
  if (!KEY_ID.test(keyId)) throw new InvalidKmsKeyIdException(invalidKeyId(keyId));
  const as = { principal: CLOUDTRAIL_PRINCIPAL, accountId: d.accountId, region: bucket.region, sourceArn: d.trailArn };
  const refused = (keyArn: string, e: unknown): never => {
    if (!(e instanceof ServiceException)) throw e;
    if (e.code === 'NotFoundException') throw new KmsKeyNotFoundException(keyNotFound(keyId));
    if (e.code === 'AccessDeniedException') throw new InsufficientEncryptionPolicyException(insufficientEncryption(d.bucket, keyArn));
    throw new KmsException(keyUnusable(keyArn, e.message));
  };
  let meta: { Arn: string; KeyUsage?: string; KeySpec?: string };
  try {
    meta = ctx.callAsService('kms', 'DescribeKey', { KeyId: keyId }, as).KeyMetadata as typeof meta;
  } catch (e) {
    // The message names the key as an ARN even when the request gave a key id or an alias (Azure/Azure-Sentinel#12242).
    return refused(keyId.startsWith('arn:') ? keyId : `arn:aws:kms:${bucket.region}:${d.accountId}:${keyId.startsWith('alias/') ? keyId : `key/${keyId}`}`, e);
  }
  if (meta.KeyUsage !== 'ENCRYPT_DECRYPT' || meta.KeySpec !== 'SYMMETRIC_DEFAULT')
    throw new KmsException(keyUnusable(meta.Arn, 'CloudTrail needs a symmetric encryption key.'));
  try {
    ctx.callAsService(
      'kms',
      'GenerateDataKey',
      { KeyId: meta.Arn, KeySpec: 'AES_256', EncryptionContext: { 'aws:cloudtrail:arn': d.trailArn }, DryRun: true },
      as,
    );
  } catch (e) {
    if (!(e instanceof ServiceException && e.code === 'DryRunOperationException')) refused(meta.Arn, e);
  }
  return meta.Arn;
}
