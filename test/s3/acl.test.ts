// The canned ACL of a PUT: buckets have ACLs disabled (Object Ownership "bucket owner enforced"), so only
// bucket-owner-full-control is accepted; the header reaches bucket policies as s3:x-amz-acl.
import { describe, expect, it } from '@jest/globals';
import { bytes, errorOf, s3World } from './helpers.js';

const requireAcl = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'RequireOwnerFullControl',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::drop/*',
      Condition: { StringNotEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
    },
  ],
});

describe('S3 canned ACLs', () => {
  it('accepts bucket-owner-full-control and refuses any other ACL with AccessControlListNotSupported', () => {
    const { world, admin } = s3World();
    world.call('s3', 'CreateBucket', { Bucket: 'drop' }, admin);
    expect(world.call('s3', 'PutObject', { Bucket: 'drop', Key: 'a', Body: bytes('a'), ACL: 'bucket-owner-full-control' }, admin).ETag).toBeDefined();
    for (const [op, req] of [
      ['PutObject', { Bucket: 'drop', Key: 'b', Body: bytes('b'), ACL: 'public-read' }],
      ['CopyObject', { Bucket: 'drop', Key: 'c', CopySource: 'drop/a', ACL: 'private' }],
      ['CreateMultipartUpload', { Bucket: 'drop', Key: 'd', ACL: 'authenticated-read' }],
    ] as const) {
      const e = errorOf(() => world.call('s3', op, req, admin));
      expect([op, e.code, e.message, e.httpStatus]).toEqual([op, 'AccessControlListNotSupported', 'The bucket does not allow ACLs', 400]);
    }
    const listed = world.call('s3', 'ListObjectsV2', { Bucket: 'drop' }, admin).Contents as { Key: string }[];
    expect(listed.map((o) => o.Key)).toEqual(['a']);
  });

  it('passes the ACL to the bucket policy as s3:x-amz-acl', () => {
    const { world, admin } = s3World();
    world.call('s3', 'CreateBucket', { Bucket: 'drop' }, admin);
    world.call('s3', 'PutBucketPolicy', { Bucket: 'drop', Policy: requireAcl }, admin);
    const e = errorOf(() => world.call('s3', 'PutObject', { Bucket: 'drop', Key: 'a', Body: bytes('a') }, admin));
    expect([e.code, e.message]).toEqual(['AccessDenied', 'Access Denied']);
    expect(world.call('s3', 'PutObject', { Bucket: 'drop', Key: 'a', Body: bytes('a'), ACL: 'bucket-owner-full-control' }, admin).ETag).toBeDefined();
  });
});
