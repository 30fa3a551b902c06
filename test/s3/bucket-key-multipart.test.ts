// S3 Bucket Keys (far fewer KMS calls, the bucket ARN as encryption context, reuse for a limited time per
// requester) and multipart uploads with SSE-KMS (GenerateDataKey at the start, kms:Decrypt for parts and completion).
import { describe, expect, it } from '@jest/globals';
import { BUCKET_KEY_WINDOW_MS } from '../../src/s3/envelope.js';
import { bytes, codeOf, createKey, errorOf, kmsViaS3, s3World, sseKms, text } from './helpers.js';

function setup(bucketKey: boolean) {
  const w = s3World();
  w.world.call('s3', 'CreateBucket', { Bucket: 'logs' }, w.admin);
  const key = createKey(w.world, w.admin);
  sseKms(w.world, w.admin, 'logs', key, bucketKey);
  return { ...w, key };
}

describe('S3 Bucket Key', () => {
  it('ten uploads and ten downloads make 20 KMS calls without a Bucket Key and 2 with one', () => {
    for (const [bucketKey, expected] of [
      [false, 20],
      [true, 2],
    ] as const) {
      const { world, admin } = setup(bucketKey);
      const before = world.trail.events.length;
      for (let i = 0; i < 10; i++) world.call('s3', 'PutObject', { Bucket: 'logs', Key: `k${i}`, Body: bytes(`v${i}`) }, admin);
      for (let i = 0; i < 10; i++) expect(text(world.call('s3', 'GetObject', { Bucket: 'logs', Key: `k${i}` }, admin).Body)).toBe(`v${i}`);
      expect(kmsViaS3(world, before)).toHaveLength(expected);
    }
  });

  it('sends the bucket ARN as aws:s3:arn and says BucketKeyEnabled', () => {
    const { world, admin } = setup(true);
    const before = world.trail.events.length;
    expect(world.call('s3', 'PutObject', { Bucket: 'logs', Key: 'a/b', Body: bytes('x') }, admin).BucketKeyEnabled).toBe(true);
    expect(kmsViaS3(world, before)[0].requestParameters?.encryptionContext).toEqual({ 'aws:s3:arn': 'arn:aws:s3:::logs' });
  });

  it('asks KMS again once the reuse window has passed', () => {
    const { world, admin, clock } = setup(true);
    const before = world.trail.events.length;
    world.call('s3', 'PutObject', { Bucket: 'logs', Key: 'a', Body: bytes('x') }, admin);
    clock.advance(BUCKET_KEY_WINDOW_MS - 1);
    world.call('s3', 'PutObject', { Bucket: 'logs', Key: 'b', Body: bytes('x') }, admin);
    expect(kmsViaS3(world, before)).toHaveLength(1);
    clock.advance(1);
    world.call('s3', 'PutObject', { Bucket: 'logs', Key: 'c', Body: bytes('x') }, admin);
    expect(kmsViaS3(world, before)).toHaveLength(2);
  });

  it('still asks KMS for each requester, so a reader without kms:Decrypt is refused', () => {
    const { world, admin, dev } = setup(true);
    world.call('s3', 'PutObject', { Bucket: 'logs', Key: 'a', Body: bytes('x') }, admin);
    world.call('s3', 'GetObject', { Bucket: 'logs', Key: 'a' }, admin);
    world.call(
      's3',
      'PutBucketPolicy',
      {
        Bucket: 'logs',
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: dev.principal.arn }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::logs/*' }],
        }),
      },
      admin,
    );
    expect(codeOf(() => world.call('s3', 'GetObject', { Bucket: 'logs', Key: 'a' }, dev))).toBe('AccessDenied');
  });

  it('breaks a key policy condition written for object ARNs (the context is now the bucket ARN)', () => {
    const { world, admin, dev, key } = setup(false);
    world.call(
      'iam',
      'PutUserPolicy',
      {
        UserName: 'dev',
        PolicyName: 'rw',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: 'arn:aws:s3:::logs/*' },
            {
              Effect: 'Allow',
              Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
              Resource: key,
              Condition: { StringLike: { 'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::logs/*' } },
            },
          ],
        }),
      },
      admin,
    );
    expect(codeOf(() => world.call('s3', 'PutObject', { Bucket: 'logs', Key: 'a', Body: bytes('x') }, dev))).toBe('ok');
    sseKms(world, admin, 'logs', key, true);
    expect(codeOf(() => world.call('s3', 'PutObject', { Bucket: 'logs', Key: 'b', Body: bytes('x') }, dev))).toBe('AccessDenied');
  });
});

describe('multipart upload with SSE-KMS', () => {
  const policy = (key: string, kms: string[]) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject', 's3:AbortMultipartUpload'], Resource: 'arn:aws:s3:::logs/*' },
        { Effect: 'Allow', Action: kms, Resource: key },
      ],
    });

  it('needs kms:Decrypt as well as kms:GenerateDataKey: without it the part upload is denied', () => {
    const { world, admin, dev, key } = setup(false);
    world.call('iam', 'PutUserPolicy', { UserName: 'dev', PolicyName: 'up', PolicyDocument: policy(key, ['kms:GenerateDataKey']) }, admin);
    expect(codeOf(() => world.call('s3', 'PutObject', { Bucket: 'logs', Key: 'small', Body: bytes('x') }, dev))).toBe('ok');
    const id = world.call('s3', 'CreateMultipartUpload', { Bucket: 'logs', Key: 'big' }, dev).UploadId;
    const e = errorOf(() => world.call('s3', 'UploadPart', { Bucket: 'logs', Key: 'big', UploadId: id, PartNumber: 1, Body: bytes('part') }, dev));
    expect([e.code, e.message]).toEqual(['AccessDenied', 'Access Denied']);
    expect(world.trail.events.at(-1)).toMatchObject({ eventName: 'Decrypt', errorCode: 'AccessDenied' });
    world.call('iam', 'PutUserPolicy', { UserName: 'dev', PolicyName: 'up', PolicyDocument: policy(key, ['kms:GenerateDataKey', 'kms:Decrypt']) }, admin);
    const part = world.call('s3', 'UploadPart', { Bucket: 'logs', Key: 'big', UploadId: id, PartNumber: 1, Body: bytes('part') }, dev);
    const done = world.call(
      's3',
      'CompleteMultipartUpload',
      { Bucket: 'logs', Key: 'big', UploadId: id, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] } },
      dev,
    );
    expect(done).toMatchObject({ Bucket: 'logs', Key: 'big', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: key });
    expect(String(done.ETag)).toMatch(/^"[0-9a-f]{32}-1"$/);
    expect(text(world.call('s3', 'GetObject', { Bucket: 'logs', Key: 'big' }, dev).Body)).toBe('part');
  });

  it('assembles parts in order, checks order, ETags and the 5 MiB minimum, and aborts', () => {
    const { world, admin } = setup(false);
    const id = world.call('s3', 'CreateMultipartUpload', { Bucket: 'logs', Key: 'big' }, admin).UploadId;
    const big = new Uint8Array(5 * 1024 * 1024).fill(65);
    const p1 = world.call('s3', 'UploadPart', { Bucket: 'logs', Key: 'big', UploadId: id, PartNumber: 1, Body: big }, admin);
    const p2 = world.call('s3', 'UploadPart', { Bucket: 'logs', Key: 'big', UploadId: id, PartNumber: 2, Body: bytes('tail') }, admin);
    const complete = (parts: unknown[]) =>
      world.call('s3', 'CompleteMultipartUpload', { Bucket: 'logs', Key: 'big', UploadId: id, MultipartUpload: { Parts: parts } }, admin);
    expect(
      codeOf(() =>
        complete([
          { PartNumber: 2, ETag: p2.ETag },
          { PartNumber: 1, ETag: p1.ETag },
        ]),
      ),
    ).toBe('InvalidPartOrder');
    expect(codeOf(() => complete([{ PartNumber: 1, ETag: '"00"' }]))).toBe('InvalidPart');
    expect(
      codeOf(() =>
        complete([
          { PartNumber: 1, ETag: p1.ETag },
          { PartNumber: 2, ETag: p2.ETag },
        ]),
      ),
    ).toBe('ok');
    const got = world.call('s3', 'GetObject', { Bucket: 'logs', Key: 'big' }, admin);
    expect(got.ContentLength).toBe(big.length + 4);
    expect(text((got.Body as Uint8Array).slice(-4))).toBe('tail');
    const small = world.call('s3', 'CreateMultipartUpload', { Bucket: 'logs', Key: 's' }, admin).UploadId;
    const a = world.call('s3', 'UploadPart', { Bucket: 'logs', Key: 's', UploadId: small, PartNumber: 1, Body: bytes('a') }, admin);
    const b = world.call('s3', 'UploadPart', { Bucket: 'logs', Key: 's', UploadId: small, PartNumber: 2, Body: bytes('b') }, admin);
    expect(
      codeOf(() =>
        world.call(
          's3',
          'CompleteMultipartUpload',
          {
            Bucket: 'logs',
            Key: 's',
            UploadId: small,
            MultipartUpload: {
              Parts: [
                { PartNumber: 1, ETag: a.ETag },
                { PartNumber: 2, ETag: b.ETag },
              ],
            },
          },
          admin,
        ),
      ),
    ).toBe('EntityTooSmall');
    world.call('s3', 'AbortMultipartUpload', { Bucket: 'logs', Key: 's', UploadId: small }, admin);
    expect(codeOf(() => world.call('s3', 'UploadPart', { Bucket: 'logs', Key: 's', UploadId: small, PartNumber: 3, Body: bytes('c') }, admin))).toBe(
      'NoSuchUpload',
    );
  });
});
