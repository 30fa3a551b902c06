// S3 test worlds: the world with its registered S3, callers from the sandbox profiles, and short helpers for the
// calls the tests repeat (a bucket, a KMS key, an upload and a download, the KMS events S3 caused).
import { ServiceException } from '../../src/aws/errors.js';
import type { Caller } from '../../src/aws/caller.js';
import { callerFor, DEFAULT_PROFILES } from '../../src/awscli/profiles.js';
import type { World } from '../../src/sim/world.js';
import { aWorld } from '../helpers/world.js';

export const ACCOUNT = '111122223333';
export const OTHER = '444455556666';

export function s3World() {
  const { world, clock } = aWorld();
  const admin = callerFor(world, DEFAULT_PROFILES, 'default');
  const dev = callerFor(world, DEFAULT_PROFILES, 'dev');
  const analyst = callerFor(world, DEFAULT_PROFILES, 'analytics');
  return { world, clock, admin, dev, analyst };
}

export const bytes = (s: string) => new TextEncoder().encode(s);
export const text = (b: unknown) => new TextDecoder().decode(b as Uint8Array);

/** The error code a call throws ('ok' when it succeeds). */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ServiceException) return e.code;
    throw e;
  }
  return 'ok';
}

export function errorOf(fn: () => unknown): ServiceException {
  try {
    fn();
  } catch (e) {
    if (e instanceof ServiceException) return e;
    throw e;
  }
  throw new Error('expected an error');
}

export function createKey(world: World, admin: Caller, policy?: object): string {
  const req: Record<string, unknown> = policy ? { Policy: JSON.stringify(policy) } : {};
  return String((world.call('kms', 'CreateKey', req, admin).KeyMetadata as { Arn: string }).Arn);
}

/** KMS events S3 made (invokedBy S3) since event index `from`. */
export function kmsViaS3(world: World, from = 0) {
  return world.trail.events.slice(from).filter((e) => e.eventSource === 'kms.amazonaws.com' && String(e.userIdentity.invokedBy ?? '').startsWith('s3.'));
}

export function sseKms(world: World, admin: Caller, bucket: string, keyId: string, bucketKey = false): void {
  world.call(
    's3',
    'PutBucketEncryption',
    {
      Bucket: bucket,
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyId }, BucketKeyEnabled: bucketKey }],
      },
    },
    admin,
  );
}
