// S3's own permissions from IAM policies and the bucket policy (same account: either; across accounts: both; a
// service principal: the bucket policy), the aws/s3 wall across accounts, and CloudTrail's S3 management events.
import { describe, expect, it } from '@jest/globals';
import { servicePrincipal, type Caller } from '../../src/aws/caller.js';
import { ACCOUNT, OTHER, bytes, codeOf, createKey, errorOf, s3World, sseKms, text } from './helpers.js';

const bucketPolicy = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

describe('S3 permissions', () => {
  it('denies a user with no policy, allows it by an IAM policy or by the bucket policy alone (same account)', () => {
    const { world, admin, dev } = s3World();
    world.call('s3', 'CreateBucket', { Bucket: 'docs' }, admin);
    world.call('s3', 'PutObject', { Bucket: 'docs', Key: 'a', Body: bytes('a') }, admin);
    const e = errorOf(() => world.call('s3', 'GetObject', { Bucket: 'docs', Key: 'a' }, dev));
    expect([e.code, e.message, e.httpStatus]).toEqual(['AccessDenied', 'Access Denied', 403]);
    world.call(
      's3',
      'PutBucketPolicy',
      {
        Bucket: 'docs',
        Policy: bucketPolicy([{ Effect: 'Allow', Principal: { AWS: dev.principal.arn }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::docs/*' }]),
      },
      admin,
    );
    expect(text(world.call('s3', 'GetObject', { Bucket: 'docs', Key: 'a' }, dev).Body)).toBe('a');
    // Without s3:ListBucket a missing key is AccessDenied, not NoSuchKey.
    expect(codeOf(() => world.call('s3', 'GetObject', { Bucket: 'docs', Key: 'missing' }, dev))).toBe('AccessDenied');
    expect(codeOf(() => world.call('s3', 'GetObject', { Bucket: 'docs', Key: 'missing' }, admin))).toBe('NoSuchKey');
  });

  it('lets an explicit Deny in the bucket policy win over an IAM allow, e.g. uploads without SSE-KMS', () => {
    const { world, admin } = s3World();
    world.call('s3', 'CreateBucket', { Bucket: 'docs' }, admin);
    world.call(
      's3',
      'PutBucketPolicy',
      {
        Bucket: 'docs',
        Policy: bucketPolicy([
          {
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:PutObject',
            Resource: 'arn:aws:s3:::docs/*',
            Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
          },
        ]),
      },
      admin,
    );
    expect(codeOf(() => world.call('s3', 'PutObject', { Bucket: 'docs', Key: 'a', Body: bytes('a') }, admin))).toBe('AccessDenied');
    expect(codeOf(() => world.call('s3', 'PutObject', { Bucket: 'docs', Key: 'a', Body: bytes('a'), ServerSideEncryption: 'aws:kms' }, admin))).toBe('ok');
  });

  it('lets a service principal put objects only where the bucket policy names it (CloudTrail log delivery)', () => {
    const { world, admin } = s3World();
    world.call('s3', 'CreateBucket', { Bucket: 'trail-logs' }, admin);
    const cloudtrail: Caller = { principal: servicePrincipal('cloudtrail.amazonaws.com'), accountId: ACCOUNT, region: 'us-east-1' };
    const put = () => world.call('s3', 'PutObject', { Bucket: 'trail-logs', Key: `AWSLogs/${ACCOUNT}/CloudTrail/x.json.gz`, Body: bytes('{}') }, cloudtrail);
    expect(codeOf(put)).toBe('AccessDenied');
    world.call(
      's3',
      'PutBucketPolicy',
      {
        Bucket: 'trail-logs',
        Policy: bucketPolicy([
          {
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: 's3:PutObject',
            Resource: `arn:aws:s3:::trail-logs/AWSLogs/${ACCOUNT}/*`,
          },
        ]),
      },
      admin,
    );
    expect(codeOf(put)).toBe('ok');
  });

  it("needs both the bucket policy and the other account's IAM policy across accounts", () => {
    const { world, admin, analyst } = s3World();
    world.call('s3', 'CreateBucket', { Bucket: 'shared' }, admin);
    world.call('s3', 'PutObject', { Bucket: 'shared', Key: 'a', Body: bytes('a') }, admin);
    // analyst has AdministratorAccess in its own account: not enough without the bucket policy.
    expect(codeOf(() => world.call('s3', 'GetObject', { Bucket: 'shared', Key: 'a' }, analyst))).toBe('AccessDenied');
    world.call(
      's3',
      'PutBucketPolicy',
      {
        Bucket: 'shared',
        Policy: bucketPolicy([
          { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::shared/*' },
        ]),
      },
      admin,
    );
    expect(text(world.call('s3', 'GetObject', { Bucket: 'shared', Key: 'a' }, analyst).Body)).toBe('a');
  });
});

describe('SSE-KMS across accounts', () => {
  function shared() {
    const w = s3World();
    w.world.call('s3', 'CreateBucket', { Bucket: 'shared' }, w.admin);
    w.world.call(
      's3',
      'PutBucketPolicy',
      {
        Bucket: 'shared',
        Policy: bucketPolicy([
          { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::shared/*' },
        ]),
      },
      w.admin,
    );
    return w;
  }

  it('cannot open an object under aws/s3 from another account: the AWS managed key policy allows its own account only', () => {
    const { world, admin, analyst } = shared();
    const put = world.call('s3', 'PutObject', { Bucket: 'shared', Key: 'a', Body: bytes('a'), ServerSideEncryption: 'aws:kms' }, admin);
    const described = world.call('kms', 'DescribeKey', { KeyId: 'alias/aws/s3' }, admin).KeyMetadata as { Arn: string; KeyManager: string };
    expect(put.SSEKMSKeyId).toBe(described.Arn);
    expect(described.KeyManager).toBe('AWS');
    expect(codeOf(() => world.call('s3', 'GetObject', { Bucket: 'shared', Key: 'a' }, analyst))).toBe('AccessDenied');
    expect(world.trail.events.at(-1)).toMatchObject({ eventName: 'Decrypt', errorCode: 'AccessDenied', userIdentity: { accountId: OTHER } });
    // And its key policy cannot be changed to let the other account in.
    expect(codeOf(() => world.call('kms', 'PutKeyPolicy', { KeyId: described.Arn, PolicyName: 'default', Policy: '{}' }, admin))).toBe('AccessDeniedException');
  });

  it('opens it with a customer managed key whose key policy names the other account and whose IAM policy allows', () => {
    const { world, admin, analyst } = shared();
    const key = createKey(world, admin, {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
        { Sid: 'Partner', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: ['kms:Decrypt'], Resource: '*' },
      ],
    });
    sseKms(world, admin, 'shared', key);
    world.call('s3', 'PutObject', { Bucket: 'shared', Key: 'a', Body: bytes('shared data') }, admin);
    expect(text(world.call('s3', 'GetObject', { Bucket: 'shared', Key: 'a' }, analyst).Body)).toBe('shared data');
  });
});

describe('buckets', () => {
  it('answers the bucket errors S3 gives', () => {
    const { world, admin, analyst } = s3World();
    world.call('s3', 'CreateBucket', { Bucket: 'docs' }, admin);
    expect(codeOf(() => world.call('s3', 'CreateBucket', { Bucket: 'docs' }, admin))).toBe('BucketAlreadyOwnedByYou');
    expect(codeOf(() => world.call('s3', 'CreateBucket', { Bucket: 'docs' }, analyst))).toBe('BucketAlreadyExists');
    expect(codeOf(() => world.call('s3', 'CreateBucket', { Bucket: 'Bad_Name' }, admin))).toBe('InvalidBucketName');
    expect(codeOf(() => world.call('s3', 'CreateBucket', { Bucket: 'west' }, { ...admin, region: 'us-west-2' }))).toBe('IllegalLocationConstraintException');
    expect(
      world.call('s3', 'CreateBucket', { Bucket: 'west', CreateBucketConfiguration: { LocationConstraint: 'us-west-2' } }, { ...admin, region: 'us-west-2' })
        .Location,
    ).toBe('http://west.s3.amazonaws.com/');
    expect(codeOf(() => world.call('s3', 'GetBucketPolicy', { Bucket: 'docs' }, admin))).toBe('NoSuchBucketPolicy');
    expect(codeOf(() => world.call('s3', 'PutBucketPolicy', { Bucket: 'docs', Policy: 'nope' }, admin))).toBe('MalformedPolicy');
    const wrong = bucketPolicy([{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::other/*' }]);
    expect(errorOf(() => world.call('s3', 'PutBucketPolicy', { Bucket: 'docs', Policy: wrong }, admin)).message).toBe('Policy has invalid resource');
    world.call('s3', 'PutObject', { Bucket: 'docs', Key: 'a', Body: bytes('a') }, admin);
    expect(codeOf(() => world.call('s3', 'DeleteBucket', { Bucket: 'docs' }, admin))).toBe('BucketNotEmpty');
    world.call('s3', 'DeleteObject', { Bucket: 'docs', Key: 'a' }, admin);
    world.call('s3', 'DeleteBucket', { Bucket: 'docs' }, admin);
    expect(codeOf(() => world.call('s3', 'ListObjectsV2', { Bucket: 'docs' }, admin))).toBe('NoSuchBucket');
  });

  it('goes back to SSE-S3 when the encryption configuration is deleted, and copies re-encrypt for the target', () => {
    const { world, admin } = s3World();
    world.call('s3', 'CreateBucket', { Bucket: 'docs' }, admin);
    const key = createKey(world, admin);
    world.call('s3', 'PutObject', { Bucket: 'docs', Key: 'plain', Body: bytes('p') }, admin);
    sseKms(world, admin, 'docs', key);
    const copy = world.call('s3', 'CopyObject', { Bucket: 'docs', Key: 'copy', CopySource: 'docs/plain' }, admin);
    expect(copy).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: key });
    expect(text(world.call('s3', 'GetObject', { Bucket: 'docs', Key: 'copy' }, admin).Body)).toBe('p');
    world.call('s3', 'DeleteBucketEncryption', { Bucket: 'docs' }, admin);
    expect(world.call('s3', 'PutObject', { Bucket: 'docs', Key: 'x', Body: bytes('x') }, admin).ServerSideEncryption).toBe('AES256');
  });
});

describe('CloudTrail', () => {
  it('records S3 management events (denied ones too) but no data events, and KMS events made through S3', () => {
    const { world, admin, dev } = s3World();
    const before = world.trail.events.length;
    world.call('s3', 'CreateBucket', { Bucket: 'docs' }, admin);
    world.call(
      's3',
      'PutBucketEncryption',
      { Bucket: 'docs', ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] } },
      admin,
    );
    expect(codeOf(() => world.call('s3', 'PutBucketPolicy', { Bucket: 'docs', Policy: '{}' }, dev))).toBe('AccessDenied');
    world.call('s3', 'PutObject', { Bucket: 'docs', Key: 'a', Body: bytes('a') }, admin);
    world.call('s3', 'GetObject', { Bucket: 'docs', Key: 'a' }, admin);
    const events = world.trail.events.slice(before).map((e) => `${e.eventSource} ${e.eventName}${e.errorCode ? ` ${e.errorCode}` : ''}`);
    expect(events).toEqual([
      's3.amazonaws.com CreateBucket',
      's3.amazonaws.com PutBucketEncryption',
      's3.amazonaws.com PutBucketPolicy AccessDenied',
      'kms.amazonaws.com GenerateDataKey',
      'kms.amazonaws.com Decrypt',
    ]);
    expect(world.trail.events.at(-1)?.requestParameters?.encryptionContext).toEqual({ 'aws:s3:arn': 'arn:aws:s3:::docs/a' });
  });
});

describe('state', () => {
  it('saves buckets and objects in the world document and reads them back', async () => {
    const { world, admin } = s3World();
    world.call('s3', 'CreateBucket', { Bucket: 'docs' }, admin);
    world.call('s3', 'PutObject', { Bucket: 'docs', Key: 'a', Body: bytes('kept') }, admin);
    const { aWorld } = await import('../helpers/world.js');
    const { world: again } = aWorld({ state: JSON.parse(JSON.stringify(world.toJSON())) });
    expect(text(again.call('s3', 'GetObject', { Bucket: 'docs', Key: 'a' }, admin).Body)).toBe('kept');
    expect(() => aWorld({ state: { ...world.toJSON(), services: { s3: { buckets: 'x' } } } })).toThrow(/Invalid S3 state document/);
  });
});

describe("the other account's side", () => {
  it('denies a principal of the other account whose own IAM policy does not allow, even with the bucket policy', () => {
    const { world, admin, analyst } = s3World();
    world.call('s3', 'CreateBucket', { Bucket: 'shared' }, admin);
    world.call('s3', 'PutObject', { Bucket: 'shared', Key: 'a', Body: bytes('a') }, admin);
    world.call(
      's3',
      'PutBucketPolicy',
      {
        Bucket: 'shared',
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/*' }],
        }),
      },
      admin,
    );
    world.call('iam', 'CreateUser', { UserName: 'intern' }, analyst);
    const intern = { principal: world.principal(`arn:aws:iam::${OTHER}:user/intern`), accountId: OTHER, region: 'us-east-1' };
    expect(codeOf(() => world.call('s3', 'GetObject', { Bucket: 'shared', Key: 'a' }, intern))).toBe('AccessDenied');
    world.call(
      'iam',
      'PutUserPolicy',
      {
        UserName: 'intern',
        PolicyName: 'read',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/*' }] }),
      },
      analyst,
    );
    expect(text(world.call('s3', 'GetObject', { Bucket: 'shared', Key: 'a' }, intern).Body)).toBe('a');
  });
});
