// Trail delivery on the simulated clock: log files under AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/, written by
// cloudtrail.amazonaws.com, SSE-KMS under the trail's key with aws:cloudtrail:arn (and S3's aws:s3:arn); a disabled
// key or a key policy that stops allowing CloudTrail shows in GetTrailStatus; readers need kms:Decrypt.
import { describe, expect, it } from '@jest/globals';
import { ACCOUNT, BUCKET, DESCRIBE, READERS, ROOT, TRAIL, TRAIL_ARN, bucketPolicy, codeOf, createTrail, logKeys, readLog, trailWorld } from './helpers.js';

const MIN = 60_000;

function loggingTrail(withKey = true) {
  const w = trailWorld();
  createTrail(w.world, w.admin, withKey ? { KmsKeyId: w.keyArn } : {});
  w.world.advance(MIN);
  w.world.call('cloudtrail', 'StartLogging', { Name: TRAIL }, w.admin);
  return w;
}

describe('delivery', () => {
  it('delivers nothing before the next 5-minute boundary, then one gzip JSON file with the management events', () => {
    const { world, admin } = loggingTrail();
    world.call('kms', 'ListKeys', {}, admin);
    expect(logKeys(world, admin)).toEqual([]);
    world.advance(6 * MIN);
    const keys = logKeys(world, admin);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(
      new RegExp(`^AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/11/28/${ACCOUNT}_CloudTrail_us-east-1_20261128T\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz$`),
    );
    const names = readLog(world, admin, keys[0]).Records.map((r) => r.eventName);
    expect(names).toEqual(expect.arrayContaining(['StartLogging', 'ListKeys']));
    expect(names).not.toContain('CreateTrail'); // before logging started
    expect(world.call('cloudtrail', 'GetTrailStatus', { Name: TRAIL }, admin)).toMatchObject({ IsLogging: true, LatestDeliveryTime: expect.any(Date) });
  });

  it('encrypts under the trail key with the trail ARN as context; the GenerateDataKey event is cloudtrail.amazonaws.com', () => {
    const { world, admin, keyArn } = loggingTrail();
    const before = world.trail.events.length;
    world.advance(6 * MIN);
    const key = logKeys(world, admin)[0];
    const head = world.call('s3', 'HeadObject', { Bucket: BUCKET, Key: key }, admin);
    expect(head).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn });
    const gdk = world.trail.events.slice(before).filter((e) => e.eventName === 'GenerateDataKey');
    expect(gdk).toHaveLength(1);
    expect(gdk[0].userIdentity).toMatchObject({ type: 'AWSService', invokedBy: 'cloudtrail.amazonaws.com' });
    expect(gdk[0].requestParameters?.encryptionContext).toEqual({ 'aws:cloudtrail:arn': TRAIL_ARN, 'aws:s3:arn': `arn:aws:s3:::${BUCKET}/${key}` });
    // The delivery's own KMS call is in the next log file.
    world.advance(5 * MIN);
    const next = logKeys(world, admin).filter((k) => k !== key);
    expect(readLog(world, admin, next[0]).Records.map((r) => r.eventName)).toContain('GenerateDataKey');
  });

  it("delivers into a bucket whose policy requires the bucket-owner-full-control ACL (AWS's recommended policy)", () => {
    const w = trailWorld({ bucket: bucketPolicy([READERS], true) });
    createTrail(w.world, w.admin, { KmsKeyId: w.keyArn });
    w.world.call('cloudtrail', 'StartLogging', { Name: TRAIL }, w.admin);
    w.world.advance(6 * MIN);
    expect(logKeys(w.world, w.admin)).toHaveLength(1);
    expect(w.world.call('cloudtrail', 'GetTrailStatus', { Name: TRAIL }, w.admin).LatestDeliveryError).toBeUndefined();
  });

  it('without a key the files are SSE-S3', () => {
    const { world, admin } = loggingTrail(false);
    world.advance(6 * MIN);
    const head = world.call('s3', 'HeadObject', { Bucket: BUCKET, Key: logKeys(world, admin)[0] }, admin);
    expect(head.ServerSideEncryption).toBe('AES256');
  });

  it('stops delivering after StopLogging', () => {
    const { world, admin } = loggingTrail();
    world.advance(6 * MIN);
    world.call('cloudtrail', 'StopLogging', { Name: TRAIL }, admin);
    const n = logKeys(world, admin).length;
    world.advance(30 * MIN);
    expect(logKeys(world, admin)).toHaveLength(n);
  });

  it('a disabled key: delivery fails with S3 code in LatestDeliveryError; after enabling, the held events arrive', () => {
    const { world, admin, keyArn } = loggingTrail();
    world.call('kms', 'DisableKey', { KeyId: keyArn }, admin);
    world.advance(6 * MIN);
    expect(logKeys(world, admin)).toEqual([]);
    const failed = world.call('cloudtrail', 'GetTrailStatus', { Name: TRAIL }, admin);
    expect(failed.LatestDeliveryError).toBe('KMS.DisabledException');
    expect(failed).not.toHaveProperty('LatestDeliveryTime');
    world.call('kms', 'EnableKey', { KeyId: keyArn }, admin);
    world.advance(5 * MIN);
    const keys = logKeys(world, admin);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.flatMap((k) => readLog(world, admin, k).Records.map((r) => r.eventName))).toContain('DisableKey');
    expect(world.call('cloudtrail', 'GetTrailStatus', { Name: TRAIL }, admin)).not.toHaveProperty('LatestDeliveryError');
  });

  it('a key policy that stops allowing CloudTrail: AccessDenied in LatestDeliveryError', () => {
    const { world, admin, keyArn } = loggingTrail();
    world.call(
      'kms',
      'PutKeyPolicy',
      { KeyId: keyArn, PolicyName: 'default', Policy: JSON.stringify({ Version: '2012-10-17', Statement: [ROOT, DESCRIBE] }) },
      admin,
    );
    world.advance(6 * MIN);
    expect(world.call('cloudtrail', 'GetTrailStatus', { Name: TRAIL }, admin).LatestDeliveryError).toBe('AccessDenied');
    const denied = world.trail.events.filter((e) => e.eventName === 'GenerateDataKey' && e.errorCode === 'AccessDenied');
    expect(denied[0]?.userIdentity.invokedBy).toBe('cloudtrail.amazonaws.com');
  });
});

describe('readers of encrypted log files', () => {
  it('the auditor (kms:Decrypt with the cloudtrail context) reads; dev, who can read the bucket, cannot', () => {
    const { world, admin, auditor, dev } = loggingTrail();
    world.advance(6 * MIN);
    const key = logKeys(world, admin)[0];
    expect(readLog(world, auditor, key).Records.length).toBeGreaterThan(0);
    expect(codeOf(() => world.call('s3', 'GetObject', { Bucket: BUCKET, Key: key }, dev))).toBe('AccessDenied');
    expect(codeOf(() => world.call('s3', 'HeadObject', { Bucket: BUCKET, Key: key }, dev))).toBe('ok');
  });

  it("the auditor's Decrypt is limited to CloudTrail's context: other ciphertext under the same key stays closed", () => {
    const { world, admin, auditor, keyArn } = loggingTrail();
    const blob = world.call(
      'kms',
      'Encrypt',
      { KeyId: keyArn, Plaintext: new Uint8Array([1, 2]), EncryptionContext: { app: 'payroll' } },
      admin,
    ).CiphertextBlob;
    expect(codeOf(() => world.call('kms', 'Decrypt', { CiphertextBlob: blob, EncryptionContext: { app: 'payroll' } }, auditor))).toBe('AccessDeniedException');
  });
});

it('a single-Region trail gets its Region and IAM; a multi-Region trail gets every Region', () => {
  const { world, admin } = loggingTrail();
  const west = { ...admin, region: 'us-west-2' };
  world.call('kms', 'ListKeys', {}, west);
  world.advance(6 * MIN);
  expect(logKeys(world, admin).some((k) => k.includes('/us-west-2/'))).toBe(false);
  world.call('cloudtrail', 'UpdateTrail', { Name: TRAIL, IsMultiRegionTrail: true }, admin);
  world.call('kms', 'ListKeys', {}, west);
  world.advance(5 * MIN);
  expect(logKeys(world, admin).some((k) => k.includes('/CloudTrail/us-west-2/'))).toBe(true);
  expect(codeOf(() => world.call('cloudtrail', 'StopLogging', { Name: TRAIL }, west))).toBe('InvalidHomeRegionException');
  expect(world.call('cloudtrail', 'GetTrail', { Name: TRAIL }, west).Trail).toMatchObject({ HomeRegion: 'us-east-1' });
});
