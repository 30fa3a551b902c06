// Which encryption a new object gets: the request's x-amz-server-side-encryption headers, else the bucket's default
// encryption (SSE-S3 when none is set); and the response members S3 returns about it.
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html (ServerSideEncryption, SSEKMSKeyId,
// SSEKMSEncryptionContext, BucketKeyEnabled)
import type { ConditionContext } from '../aws/access.js';
import type { Req } from './core.js';
import type { SealRequest } from './envelope.js';
import { invalidArgument } from './errors.js';
import type { Bucket, Sealing, SseAlgorithm } from './model.js';
import { DEFAULT_RULE } from './buckets.js';

const ALGORITHMS: readonly string[] = ['AES256', 'aws:kms', 'aws:kms:dsse'];

/** The caller's encryption context: base64 of a JSON object of strings, as the API's header carries it. */
export function decodeContext(text: unknown): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  const bad = () =>
    invalidArgument("The header 'x-amz-server-side-encryption-context' shall be Base64-encoded UTF-8 string holding JSON which represents a string-string map");
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw bad();
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc) || Object.values(doc).some((v) => typeof v !== 'string')) throw bad();
  return doc as Record<string, string>;
}

/** The encryption for a new object, and the s3:x-amz-server-side-encryption* condition keys the request carries. */
export function sealRequestOf(req: Req, bucket: Bucket): { seal: SealRequest; conditions: ConditionContext } {
  const sse = req.ServerSideEncryption as string | undefined;
  if (sse !== undefined && !ALGORITHMS.includes(sse)) throw invalidArgument('The encryption method specified is not supported');
  const keyId = req.SSEKMSKeyId as string | undefined;
  const context = decodeContext(req.SSEKMSEncryptionContext);
  if ((keyId !== undefined || context !== undefined) && sse !== 'aws:kms' && sse !== 'aws:kms:dsse') {
    throw invalidArgument('Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms');
  }
  const conditions: ConditionContext = {};
  if (sse !== undefined) conditions['s3:x-amz-server-side-encryption'] = sse;
  if (keyId !== undefined) conditions['s3:x-amz-server-side-encryption-aws-kms-key-id'] = keyId;
  const rule = bucket.encryption ?? DEFAULT_RULE;
  const bucketKey = typeof req.BucketKeyEnabled === 'boolean' ? req.BucketKeyEnabled : rule.BucketKeyEnabled;
  if (sse === undefined) {
    // No header: the bucket's default encryption decides, its key included.
    return { seal: { sse: rule.SSEAlgorithm, kmsKeyId: rule.KMSMasterKeyID, bucketKey: rule.SSEAlgorithm === 'aws:kms' && bucketKey }, conditions };
  }
  // aws:kms without a key id means the AWS managed key aws/s3 (not the bucket default's key).
  return { seal: { sse: sse as SseAlgorithm, kmsKeyId: keyId, bucketKey: sse === 'aws:kms' && bucketKey, context }, conditions };
}

/** ServerSideEncryption, SSEKMSKeyId, BucketKeyEnabled (and the context when the caller gave one). */
export function sseFields(s: Sealing, withContext = false): Req {
  const out: Req = { ServerSideEncryption: s.sse };
  if (s.sse === 'AES256') return out;
  out.SSEKMSKeyId = s.kmsKeyArn;
  if (s.bucketKey) out.BucketKeyEnabled = true;
  if (withContext && s.context) out.SSEKMSEncryptionContext = Buffer.from(JSON.stringify(s.context)).toString('base64');
  return out;
}
