// The canned ACL of a PUT (`--acl`): new buckets have S3 Object Ownership "bucket owner enforced", so ACLs are
// disabled and a PUT may only name bucket-owner-full-control (or none); the header still reaches bucket policies as the
// s3:x-amz-acl condition key (CloudTrail's recommended bucket policy requires it). Differs: Object Ownership cannot be
// changed here, so no other ACL is ever accepted.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-ownership-error-responses.html
import type { ConditionContext } from '../aws/access.js';
import type { Req } from './core.js';
import { S3Exception, invalidArgument } from './errors.js';

export const BUCKET_OWNER_FULL_CONTROL = 'bucket-owner-full-control';

/** The s3:x-amz-acl condition of a write request (empty without --acl). */
export function aclConditions(req: Req): ConditionContext {
  const acl = req.ACL;
  if (acl === undefined || acl === null) return {};
  if (typeof acl !== 'string') throw invalidArgument('ACL must be a string');
  return { 's3:x-amz-acl': acl };
}

/** After authorization: any ACL but bucket-owner-full-control fails, as on a bucket with ACLs disabled. */
export function checkAcl(req: Req): void {
  if (req.ACL !== undefined && req.ACL !== null && req.ACL !== BUCKET_OWNER_FULL_CONTROL) {
    throw new S3Exception('AccessControlListNotSupported', 'The bucket does not allow ACLs', 400);
  }
}
