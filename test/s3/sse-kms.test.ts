// S3 with SSE-KMS through the world: GenerateDataKey on upload and Decrypt on download as the caller, with
// kms:ViaService and S3's encryption context; real ciphertext; S3's own errors when KMS refuses.
import { describe, expect, it } from '@jest/globals';
import { ACCOUNT, bytes, codeOf, createKey, errorOf, kmsViaS3, s3World, sseKms, text } from './helpers.js';

function withBucket() {
  const w = s3World();
  w.world.call('s3', 'CreateBucket', { Bucket: 'reports' }, w.admin);
  return w;
}

describe('SSE-S3, the default', () => {
  it('encrypts a new object with SSE-S3 when the bucket has no configuration, with no KMS call', () => {
    const { world, admin } = withBucket();
    const before = world.trail.events.length;
    const put = world.call('s3', 'PutObject', { Bucket: 'reports', Key: 'a.txt', Body: bytes('hello') }, admin);
    expect(put.ServerSideEncryption).toBe('AES256');
    expect(put.SSEKMSKeyId).toBeUndefined();
    expect(kmsViaS3(world, before)).toHaveLength(0);
    expect(text(world.call('s3', 'GetObject', { Bucket: 'reports', Key: 'a.txt' }, admin).Body)).toBe('hello');
    const enc = world.call('s3', 'GetBucketEncryption', { Bucket: 'reports' }, admin);
    expect(enc).toEqual({
      ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }] },
    });
  });

  it('stores ciphertext, not the plaintext', () => {
    const { world, admin } = withBucket();
    world.call('s3', 'PutObject', { Bucket: 'reports', Key: 'a.txt', Body: bytes('plain words here') }, admin);
    const doc = JSON.stringify(world.serviceState('s3'));
    expect(doc).not.toContain(Buffer.from('plain words here').toString('base64'));
    expect(doc).not.toContain('plain words here');
  });
});

describe('SSE-KMS with a customer managed key', () => {
  it('calls GenerateDataKey on upload and Decrypt on download as the caller, via S3, with the object ARN as context', () => {
    const { world, admin } = withBucket();
    const key = createKey(world, admin);
    sseKms(world, admin, 'reports', key);
    const before = world.trail.events.length;
    const put = world.call('s3', 'PutObject', { Bucket: 'reports', Key: 'q1/sales.csv', Body: bytes('1,2,3') }, admin);
    expect(put).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: key });
    const got = world.call('s3', 'GetObject', { Bucket: 'reports', Key: 'q1/sales.csv' }, admin);
    expect(text(got.Body)).toBe('1,2,3');
    const events = kmsViaS3(world, before);
    expect(events.map((e) => e.eventName)).toEqual(['GenerateDataKey', 'Decrypt']);
    for (const e of events) {
      expect(e.userIdentity.arn).toBe(admin.principal.arn);
      expect(e.userIdentity.invokedBy).toBe('s3.amazonaws.com');
      expect(e.requestParameters?.encryptionContext).toEqual({ 'aws:s3:arn': 'arn:aws:s3:::reports/q1/sales.csv' });
    }
  });

  it("adds the caller's encryption context and refuses an aws:s3:arn that is not the object", () => {
    const { world, admin } = withBucket();
    const key = createKey(world, admin);
    const ctx = Buffer.from(JSON.stringify({ project: 'apollo' })).toString('base64');
    const before = world.trail.events.length;
    const put = world.call(
      's3',
      'PutObject',
      { Bucket: 'reports', Key: 'x', Body: bytes('x'), ServerSideEncryption: 'aws:kms', SSEKMSKeyId: key, SSEKMSEncryptionContext: ctx },
      admin,
    );
    expect(JSON.parse(Buffer.from(String(put.SSEKMSEncryptionContext), 'base64').toString())).toEqual({
      project: 'apollo',
      'aws:s3:arn': 'arn:aws:s3:::reports/x',
    });
    expect(kmsViaS3(world, before)[0].requestParameters?.encryptionContext).toEqual({ project: 'apollo', 'aws:s3:arn': 'arn:aws:s3:::reports/x' });
    const wrong = Buffer.from(JSON.stringify({ 'aws:s3:arn': 'arn:aws:s3:::reports/other' })).toString('base64');
    expect(
      codeOf(() => world.call('s3', 'PutObject', { Bucket: 'reports', Key: 'x', ServerSideEncryption: 'aws:kms', SSEKMSEncryptionContext: wrong }, admin)),
    ).toBe('InvalidArgument');
    expect(
      codeOf(() =>
        world.call('s3', 'PutObject', { Bucket: 'reports', Key: 'x', ServerSideEncryption: 'aws:kms', SSEKMSEncryptionContext: 'not base64 json!' }, admin),
      ),
    ).toBe('InvalidArgument');
    expect(errorOf(() => world.call('s3', 'PutObject', { Bucket: 'reports', Key: 'x', SSEKMSKeyId: key }, admin)).message).toBe(
      'Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms',
    );
  });

  it('answers AccessDenied "Access Denied" on GetObject when the reader may get the object but not kms:Decrypt', () => {
    const { world, admin, dev } = withBucket();
    const key = createKey(world, admin);
    sseKms(world, admin, 'reports', key);
    world.call('s3', 'PutObject', { Bucket: 'reports', Key: 'r.txt', Body: bytes('secret') }, admin);
    world.call(
      'iam',
      'PutUserPolicy',
      {
        UserName: 'dev',
        PolicyName: 'read',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'] }],
        }),
      },
      admin,
    );
    const e = errorOf(() => world.call('s3', 'GetObject', { Bucket: 'reports', Key: 'r.txt' }, dev));
    expect([e.code, e.message, e.httpStatus]).toEqual(['AccessDenied', 'Access Denied', 403]);
    const denied = world.trail.events.at(-1)!;
    expect(denied).toMatchObject({ eventName: 'Decrypt', errorCode: 'AccessDenied', userIdentity: { arn: dev.principal.arn } });
    // HEAD needs no KMS call, so it still works: the object is there, only the key is closed.
    expect(world.call('s3', 'HeadObject', { Bucket: 'reports', Key: 'r.txt' }, dev)).toMatchObject({ ServerSideEncryption: 'aws:kms', ContentLength: 6 });
    world.call(
      'iam',
      'PutUserPolicy',
      {
        UserName: 'dev',
        PolicyName: 'kms',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 'kms:Decrypt', Resource: key, Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } } },
          ],
        }),
      },
      admin,
    );
    expect(text(world.call('s3', 'GetObject', { Bucket: 'reports', Key: 'r.txt' }, dev).Body)).toBe('secret');
    // The same permission does not open the key directly (no kms:ViaService on a direct call).
    const ct = world.call('kms', 'Encrypt', { KeyId: key, Plaintext: bytes('x') }, admin).CiphertextBlob;
    expect(codeOf(() => world.call('kms', 'Decrypt', { CiphertextBlob: ct }, dev))).toBe('AccessDeniedException');
  });

  it('reports a disabled key as KMS.DisabledException and a key pending deletion as KMS.KMSInvalidStateException', () => {
    const { world, admin } = withBucket();
    const key = createKey(world, admin);
    sseKms(world, admin, 'reports', key);
    world.call('s3', 'PutObject', { Bucket: 'reports', Key: 'a', Body: bytes('a') }, admin);
    world.call('kms', 'DisableKey', { KeyId: key }, admin);
    expect(codeOf(() => world.call('s3', 'PutObject', { Bucket: 'reports', Key: 'b', Body: bytes('b') }, admin))).toBe('KMS.DisabledException');
    expect(codeOf(() => world.call('s3', 'GetObject', { Bucket: 'reports', Key: 'a' }, admin))).toBe('KMS.DisabledException');
    world.call('kms', 'ScheduleKeyDeletion', { KeyId: key, PendingWindowInDays: 7 }, admin);
    const e = errorOf(() => world.call('s3', 'GetObject', { Bucket: 'reports', Key: 'a' }, admin));
    expect([e.code, e.httpStatus]).toEqual(['KMS.KMSInvalidStateException', 400]);
  });

  it('makes objects unreadable for good once the key is deleted', () => {
    const { world, admin, clock } = withBucket();
    const key = createKey(world, admin);
    sseKms(world, admin, 'reports', key);
    world.call('s3', 'PutObject', { Bucket: 'reports', Key: 'a', Body: bytes('a') }, admin);
    world.call('kms', 'ScheduleKeyDeletion', { KeyId: key, PendingWindowInDays: 7 }, admin);
    clock.advance(8 * 86_400_000);
    world.advance(0);
    expect(codeOf(() => world.call('s3', 'GetObject', { Bucket: 'reports', Key: 'a' }, admin))).toBe('AccessDenied');
  });

  it('reports a key of another Region, and a key that does not exist, as KMS.NotFoundException', () => {
    const { world, admin } = withBucket();
    const west = createKey(world, { ...admin, region: 'us-west-2' });
    sseKms(world, admin, 'reports', west);
    const e = errorOf(() => world.call('s3', 'PutObject', { Bucket: 'reports', Key: 'a', Body: bytes('a') }, admin));
    expect([e.code, e.message]).toEqual(['KMS.NotFoundException', 'Invalid arn us-east-1']);
    sseKms(world, admin, 'reports', `arn:aws:kms:us-east-1:${ACCOUNT}:key/00000000-0000-0000-0000-000000000000`);
    expect(codeOf(() => world.call('s3', 'PutObject', { Bucket: 'reports', Key: 'a', Body: bytes('a') }, admin))).toBe('KMS.NotFoundException');
  });

  it('refuses an asymmetric key as KMS.InvalidKeyUsageException', () => {
    const { world, admin } = withBucket();
    const rsa = String((world.call('kms', 'CreateKey', { KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' }, admin).KeyMetadata as { Arn: string }).Arn);
    sseKms(world, admin, 'reports', rsa);
    expect(codeOf(() => world.call('s3', 'PutObject', { Bucket: 'reports', Key: 'a', Body: bytes('a') }, admin))).toBe('KMS.InvalidKeyUsageException');
  });
});
