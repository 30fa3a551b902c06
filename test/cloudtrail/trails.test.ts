// Trails: create/update/describe/get/status/start/stop/delete with CloudTrail's checks of the bucket policy and the
// key policy (asked of the policy engine and of KMS as cloudtrail.amazonaws.com), and AWS's error codes and messages.
import { describe, expect, it } from '@jest/globals';
import {
  ACCOUNT,
  AUDITOR_DECRYPT,
  BUCKET,
  DESCRIBE,
  ROOT,
  TRAIL,
  TRAIL_ARN,
  bucketPolicy,
  codeOf,
  createTrail,
  encryptStatement,
  errorOf,
  trailWorld,
} from './helpers.js';

describe('CreateTrail', () => {
  it('creates a trail with a KMS key: the response and describe-trails show the key ARN', () => {
    const { world, admin, keyArn } = trailWorld();
    const out = createTrail(world, admin, { KmsKeyId: keyArn, IsMultiRegionTrail: true, EnableLogFileValidation: true });
    expect(out).toMatchObject({
      Name: TRAIL,
      S3BucketName: BUCKET,
      TrailARN: TRAIL_ARN,
      KmsKeyId: keyArn,
      IsMultiRegionTrail: true,
      LogFileValidationEnabled: true,
    });
    const list = world.call('cloudtrail', 'DescribeTrails', {}, admin).trailList as Record<string, unknown>[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ HomeRegion: 'us-east-1', KmsKeyId: keyArn });
    expect(world.call('cloudtrail', 'GetTrail', { Name: TRAIL_ARN }, admin).Trail).toMatchObject({ Name: TRAIL });
  });

  it('accepts an alias and stores the key ARN', () => {
    const { world, admin, keyArn } = trailWorld();
    world.call('kms', 'CreateAlias', { AliasName: 'alias/trail', TargetKeyId: keyArn }, admin);
    expect(createTrail(world, admin, { KmsKeyId: 'alias/trail' }).KmsKeyId).toBe(keyArn);
  });

  it('refuses a second trail of the same name with AWS words', () => {
    const { world, admin } = trailWorld();
    createTrail(world, admin);
    const e = errorOf(() => createTrail(world, admin));
    expect(e.code).toBe('TrailAlreadyExistsException');
    expect(e.message).toBe(`Trail ${TRAIL} already exists for customer: ${ACCOUNT}`);
  });

  it('refuses bad names, a missing bucket and a bucket policy that does not let CloudTrail write', () => {
    const { world, admin } = trailWorld();
    expect(codeOf(() => world.call('cloudtrail', 'CreateTrail', { Name: 'a--b', S3BucketName: BUCKET }, admin))).toBe('InvalidTrailNameException');
    expect(codeOf(() => world.call('cloudtrail', 'CreateTrail', { Name: 'ab', S3BucketName: BUCKET }, admin))).toBe('InvalidTrailNameException');
    expect(codeOf(() => world.call('cloudtrail', 'CreateTrail', { Name: TRAIL, S3BucketName: 'no-such-bucket-here' }, admin))).toBe(
      'S3BucketDoesNotExistException',
    );
    const { world: w2, admin: a2 } = trailWorld({ bucket: null });
    const e = errorOf(() => createTrail(w2, a2));
    expect(e.code).toBe('InsufficientS3BucketPolicyException');
    expect(e.message).toBe(`Incorrect S3 bucket policy is detected for bucket: ${BUCKET}`);
  });

  it("checks the bucket policy's aws:SourceArn and ACL conditions against this trail", () => {
    const other = JSON.parse(JSON.stringify(bucketPolicy([], true)).replaceAll(TRAIL_ARN, `${TRAIL_ARN}-old`)) as object;
    const { world, admin } = trailWorld({ bucket: other });
    expect(codeOf(() => createTrail(world, admin))).toBe('InsufficientS3BucketPolicyException');
    const { world: w2, admin: a2 } = trailWorld({ bucket: bucketPolicy([], true) });
    expect(codeOf(() => createTrail(w2, a2))).toBe('ok');
  });
});

describe('the key-policy check (InsufficientEncryptionPolicyException)', () => {
  it('refuses a key whose policy does not name cloudtrail.amazonaws.com, with the bucket and key in the message', () => {
    const { world, admin, keyArn } = trailWorld({ keyStatements: [ROOT] });
    const e = errorOf(() => createTrail(world, admin, { KmsKeyId: keyArn }));
    expect(e.code).toBe('InsufficientEncryptionPolicyException');
    expect(e.message).toBe(`Insufficient permissions to access S3 bucket ${BUCKET} or KMS key ${keyArn}.`);
    expect(codeOf(() => world.call('cloudtrail', 'GetTrail', { Name: TRAIL }, admin))).toBe('TrailNotFoundException');
  });

  it('needs DescribeKey as well as GenerateDataKey*; the message names a key id or alias as an ARN', () => {
    const { world, admin, keyArn } = trailWorld({ keyStatements: [ROOT, encryptStatement()] });
    expect(codeOf(() => createTrail(world, admin, { KmsKeyId: keyArn }))).toBe('InsufficientEncryptionPolicyException');
    const keyId = keyArn.slice(keyArn.indexOf('/') + 1);
    expect(errorOf(() => createTrail(world, admin, { KmsKeyId: keyId })).message).toBe(
      `Insufficient permissions to access S3 bucket ${BUCKET} or KMS key ${keyArn}.`,
    );
    world.call('kms', 'CreateAlias', { AliasName: 'alias/trail', TargetKeyId: keyArn }, admin);
    expect(errorOf(() => createTrail(world, admin, { KmsKeyId: 'alias/trail' })).message).toContain(`KMS key arn:aws:kms:us-east-1:${ACCOUNT}:alias/trail.`);
  });

  it('refuses when aws:SourceArn names another trail, or the context condition names another account', () => {
    const wrongSource = encryptStatement({ StringEquals: { 'aws:SourceArn': `${TRAIL_ARN}-other` } });
    const { world, admin, keyArn } = trailWorld({ keyStatements: [ROOT, DESCRIBE, wrongSource] });
    expect(codeOf(() => createTrail(world, admin, { KmsKeyId: keyArn }))).toBe('InsufficientEncryptionPolicyException');
    const wrongAccount = encryptStatement({ StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': 'arn:aws:cloudtrail:*:444455556666:trail/*' } });
    const w2 = trailWorld({ keyStatements: [ROOT, DESCRIBE, wrongAccount] });
    expect(codeOf(() => createTrail(w2.world, w2.admin, { KmsKeyId: w2.keyArn }))).toBe('InsufficientEncryptionPolicyException');
    const sourceAccount = encryptStatement({ StringEquals: { 'aws:SourceAccount': ACCOUNT } });
    const w3 = trailWorld({ keyStatements: [ROOT, DESCRIBE, sourceAccount] });
    expect(codeOf(() => createTrail(w3.world, w3.admin, { KmsKeyId: w3.keyArn }))).toBe('ok');
  });

  it('asks KMS as the service principal: DescribeKey and a dry-run GenerateDataKey with the trail context are in the history', () => {
    const { world, admin, keyArn } = trailWorld();
    const before = world.trail.events.length;
    createTrail(world, admin, { KmsKeyId: keyArn });
    const kms = world.trail.events.slice(before).filter((e) => e.eventSource === 'kms.amazonaws.com');
    expect(kms.map((e) => [e.eventName, e.errorCode ?? 'ok', e.userIdentity.invokedBy])).toEqual([
      ['DescribeKey', 'ok', 'cloudtrail.amazonaws.com'],
      ['GenerateDataKey', 'DryRunOperationException', 'cloudtrail.amazonaws.com'],
    ]);
    expect(kms[1].requestParameters?.encryptionContext).toEqual({ 'aws:cloudtrail:arn': TRAIL_ARN });
  });

  it('maps a missing key, a malformed id and a disabled key to CloudTrail errors', () => {
    const { world, admin, keyArn } = trailWorld();
    expect(codeOf(() => createTrail(world, admin, { KmsKeyId: 'alias/nothing-here' }))).toBe('KmsKeyNotFoundException');
    expect(codeOf(() => createTrail(world, admin, { KmsKeyId: 'not a key!' }))).toBe('InvalidKmsKeyIdException');
    world.call('kms', 'DisableKey', { KeyId: keyArn }, admin);
    expect(codeOf(() => createTrail(world, admin, { KmsKeyId: keyArn }))).toBe('KmsException');
  });
});

describe('UpdateTrail, status, logging and DeleteTrail', () => {
  it('adds a key with the same check, removes it with an empty KmsKeyId', () => {
    const { world, admin, keyArn } = trailWorld({ keyStatements: [ROOT, DESCRIBE] });
    createTrail(world, admin);
    expect(codeOf(() => world.call('cloudtrail', 'UpdateTrail', { Name: TRAIL, KmsKeyId: keyArn }, admin))).toBe('InsufficientEncryptionPolicyException');
    world.call(
      'kms',
      'PutKeyPolicy',
      {
        KeyId: keyArn,
        PolicyName: 'default',
        Policy: JSON.stringify({ Version: '2012-10-17', Statement: [ROOT, DESCRIBE, encryptStatement(), AUDITOR_DECRYPT] }),
      },
      admin,
    );
    expect(world.call('cloudtrail', 'UpdateTrail', { Name: TRAIL, KmsKeyId: keyArn }, admin).KmsKeyId).toBe(keyArn);
    const off = world.call('cloudtrail', 'UpdateTrail', { Name: TRAIL, KmsKeyId: '' }, admin);
    expect(off).not.toHaveProperty('KmsKeyId');
    expect(world.call('cloudtrail', 'GetTrail', { Name: TRAIL }, admin).Trail).not.toHaveProperty('KmsKeyId');
  });

  it('starts and stops logging; GetTrailStatus shows it', () => {
    const { world, admin } = trailWorld();
    createTrail(world, admin);
    expect(world.call('cloudtrail', 'GetTrailStatus', { Name: TRAIL }, admin).IsLogging).toBe(false);
    world.call('cloudtrail', 'StartLogging', { Name: TRAIL }, admin);
    const on = world.call('cloudtrail', 'GetTrailStatus', { Name: TRAIL }, admin);
    expect(on.IsLogging).toBe(true);
    expect(on.StartLoggingTime).toBeInstanceOf(Date);
    world.call('cloudtrail', 'StopLogging', { Name: TRAIL }, admin);
    expect(world.call('cloudtrail', 'GetTrailStatus', { Name: TRAIL }, admin)).toMatchObject({ IsLogging: false, StopLoggingTime: expect.any(Date) });
  });

  it('deletes a trail; an unknown trail is TrailNotFoundException with AWS words', () => {
    const { world, admin } = trailWorld();
    createTrail(world, admin);
    world.call('cloudtrail', 'DeleteTrail', { Name: TRAIL }, admin);
    const e = errorOf(() => world.call('cloudtrail', 'GetTrailStatus', { Name: TRAIL }, admin));
    expect(e.code).toBe('TrailNotFoundException');
    expect(e.message).toBe(`Unknown trail: ${TRAIL_ARN} for the user: ${ACCOUNT}`);
  });

  it('needs cloudtrail:* permissions from IAM: dev may not create trails', () => {
    const { world, dev } = trailWorld();
    expect(codeOf(() => createTrail(world, dev))).toBe('AccessDeniedException');
  });

  it('records its own events (CreateTrail, and a failed one with its error code)', () => {
    const { world, admin } = trailWorld({ keyStatements: [ROOT] });
    createTrail(world, admin);
    expect(codeOf(() => createTrail(world, admin))).toBe('TrailAlreadyExistsException');
    const mine = world.trail.events.filter((e) => e.eventSource === 'cloudtrail.amazonaws.com');
    expect(mine.map((e) => [e.eventName, e.errorCode])).toEqual([
      ['CreateTrail', undefined],
      ['CreateTrail', 'TrailAlreadyExistsException'],
    ]);
  });

  it('keeps trails in the world document and continues from it', async () => {
    const { world, admin } = trailWorld();
    createTrail(world, admin);
    const doc = JSON.parse(JSON.stringify(world.toJSON())) as unknown;
    expect(world.serviceState('cloudtrail')).toMatchObject({ trails: [{ Name: TRAIL }] });
    const { aWorld } = await import('../helpers/world.js');
    const { world: again } = aWorld({ state: doc });
    expect(again.call('cloudtrail', 'GetTrail', { Name: TRAIL }, admin).Trail).toMatchObject({ TrailARN: TRAIL_ARN });
  });
});
