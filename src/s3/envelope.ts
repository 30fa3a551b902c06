// How S3 gets the key for an object: SSE-S3 from its own key; SSE-KMS from KMS (GenerateDataKey on write, Decrypt
// on read) called as the requester through the world (kms:ViaService = s3.<bucket Region>.amazonaws.com) with S3's
// encryption context; with an S3 Bucket Key from a bucket-level key S3 keeps for a while. Differs: see BUCKET_KEY_WINDOW_MS.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html#encryption-context
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-key.html
import type { Caller } from '../aws/caller.js';
import { ServiceException } from '../aws/errors.js';
import type { ServiceContext } from '../aws/service.js';
import { b64, deriveKey, unb64 } from './crypto.js';
import { fromKms, invalidArgument } from './errors.js';
import { bucketArn, objectArn, type Bucket, type S3State, type Sealing, type SseAlgorithm } from './model.js';

/**
 * How long S3 reuses one bucket-level key. AWS says only "for a time-limited period"; we choose 5 minutes of simulated
 * time, one bucket-level key per (bucket, KMS key, encryption context, requester), so every requester is still
 * authorized by KMS at least once per window and a denied requester is always denied. A key S3 got from
 * GenerateDataKey only seals; reading needs one Decrypt of the requester's own (kms:Decrypt stays necessary).
 */
export const BUCKET_KEY_WINDOW_MS = 5 * 60_000;

/** The AWS managed key S3 uses when SSE-KMS names no key (created by KMS on first use in the account and Region). */
export const AWS_S3_ALIAS = 'alias/aws/s3';

export interface SealRequest {
  sse: SseAlgorithm;
  kmsKeyId?: string;
  bucketKey: boolean;
  /** The caller's own encryption context (x-amz-server-side-encryption-context), aws:s3:arn optional. */
  context?: Record<string, string>;
}

export class Envelope {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly state: () => S3State,
  ) {}

  /** A key for new data at bucket/key and the metadata to store beside it. */
  sealFor(bucket: Bucket, key: string, req: SealRequest, caller: Caller): { sealing: Sealing; dataKey: Uint8Array } {
    if (req.sse === 'AES256') {
      const salt = this.ctx.random.bytes(16);
      return { sealing: { sse: 'AES256', bucketKey: false, salt: b64(salt) }, dataKey: deriveKey(unb64(this.state().s3Key), salt) };
    }
    const bucketKey = req.bucketKey && req.sse === 'aws:kms';
    const arn = bucketKey ? bucketArn(bucket.name) : objectArn(bucket.name, key);
    const given = req.context?.['aws:s3:arn'];
    // S3 adds aws:s3:arn when the caller leaves it out and refuses any other value (UsingKMSEncryption.html#encryption-context).
    if (given !== undefined && given !== arn)
      throw invalidArgument('The encryption context aws:s3:arn value must be the ARN of the object (or of the bucket with an S3 Bucket Key).');
    const context = { ...req.context, 'aws:s3:arn': arn };
    const requested = req.kmsKeyId ?? AWS_S3_ALIAS;
    if (!bucketKey) {
      const r = this.kms('GenerateDataKey', { KeyId: requested, KeySpec: 'AES_256', EncryptionContext: context }, bucket, caller);
      const sealing: Sealing = { sse: req.sse, bucketKey: false, kmsKeyArn: String(r.KeyId), context, encryptedKey: b64(r.CiphertextBlob as Uint8Array) };
      return { sealing, dataKey: r.Plaintext as Uint8Array };
    }
    const contextJson = JSON.stringify(context);
    const now = this.ctx.now();
    const who = caller.principal.arn;
    let entry = this.entries().find(
      (e) =>
        e.use === 'generate' && e.bucket === bucket.name && e.principal === who && e.requested === requested && e.contextJson === contextJson && e.until > now,
    );
    if (!entry) {
      const r = this.kms('GenerateDataKey', { KeyId: requested, KeySpec: 'AES_256', EncryptionContext: context }, bucket, caller);
      entry = {
        use: 'generate',
        bucket: bucket.name,
        principal: who,
        requested,
        kmsKeyArn: String(r.KeyId),
        contextJson,
        encrypted: b64(r.CiphertextBlob as Uint8Array),
        plaintext: b64(r.Plaintext as Uint8Array),
        until: now + BUCKET_KEY_WINDOW_MS,
      };
      this.state().bucketKeys.push(entry);
    }
    const salt = this.ctx.random.bytes(16);
    const sealing: Sealing = { sse: 'aws:kms', bucketKey: true, kmsKeyArn: entry.kmsKeyArn, context, encryptedKey: entry.encrypted, salt: b64(salt) };
    return { sealing, dataKey: deriveKey(unb64(entry.plaintext), salt) };
  }

  /** The key that opens data sealed as `sealing` (KMS Decrypt as the caller, unless a bucket-level key is held). */
  openFor(bucket: Bucket, sealing: Sealing, caller: Caller): Uint8Array {
    if (sealing.sse === 'AES256') return deriveKey(unb64(this.state().s3Key), unb64(sealing.salt ?? ''));
    const blob = unb64(sealing.encryptedKey ?? '');
    if (!sealing.bucketKey) return this.kms('Decrypt', { CiphertextBlob: blob, EncryptionContext: sealing.context }, bucket, caller).Plaintext as Uint8Array;
    const now = this.ctx.now();
    const who = caller.principal.arn;
    let entry = this.entries().find(
      (e) => e.use === 'decrypt' && e.bucket === bucket.name && e.principal === who && e.encrypted === sealing.encryptedKey && e.until > now,
    );
    if (!entry) {
      const r = this.kms('Decrypt', { CiphertextBlob: blob, EncryptionContext: sealing.context }, bucket, caller);
      const contextJson = JSON.stringify(sealing.context ?? {});
      entry = {
        use: 'decrypt',
        bucket: bucket.name,
        principal: who,
        requested: String(r.KeyId),
        kmsKeyArn: String(r.KeyId),
        contextJson,
        encrypted: sealing.encryptedKey ?? '',
        plaintext: b64(r.Plaintext as Uint8Array),
        until: now + BUCKET_KEY_WINDOW_MS,
      };
      this.state().bucketKeys.push(entry);
    }
    return deriveKey(unb64(entry.plaintext), unb64(sealing.salt ?? ''));
  }

  /** Live cache entries (expired ones dropped). */
  private entries() {
    const s = this.state();
    const now = this.ctx.now();
    s.bucketKeys = s.bucketKeys.filter((e) => e.until > now);
    return s.bucketKeys;
  }

  /** One KMS call on the caller's behalf in the bucket's Region; a KMS refusal becomes S3's error. */
  private kms(operation: string, request: Record<string, unknown>, bucket: Bucket, caller: Caller): Record<string, unknown> {
    try {
      return this.ctx.callFor('kms', operation, request, { ...caller, region: bucket.region });
    } catch (e) {
      if (e instanceof ServiceException && e.service === 'kms') throw fromKms(e);
      throw e;
    }
  }
}
