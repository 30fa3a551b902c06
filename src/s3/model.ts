// S3's own state: buckets (Region, owner account, default encryption, bucket policy), objects stored as real
// ciphertext with their encryption metadata, open multipart uploads, and the Bucket Key cache. JSON-safe (base64).

export type SseAlgorithm = 'AES256' | 'aws:kms' | 'aws:kms:dsse';

export interface EncryptionRule {
  SSEAlgorithm: SseAlgorithm;
  KMSMasterKeyID?: string;
  BucketKeyEnabled: boolean;
}

/** How one object (or one open multipart upload) is encrypted. */
export interface Sealing {
  sse: SseAlgorithm;
  /** The KMS key ARN KMS returned (SSE-KMS). */
  kmsKeyArn?: string;
  bucketKey: boolean;
  /** The encryption context S3 sent to KMS (aws:s3:arn included). */
  context?: Record<string, string>;
  /** KMS's CiphertextBlob of the data key (or of the bucket-level key), base64. */
  encryptedKey?: string;
  /** Salt for the per-object key derived from a bucket-level key (or from S3's own key for SSE-S3), base64. */
  salt?: string;
}

export interface StoredObject extends Sealing {
  key: string;
  size: number;
  etag: string;
  lastModified: number;
  contentType: string;
  metadata: Record<string, string>;
  nonce: string;
  body: string;
}

export interface Part {
  partNumber: number;
  etag: string;
  size: number;
  nonce: string;
  body: string;
}

export interface Upload extends Sealing {
  uploadId: string;
  key: string;
  initiated: number;
  initiator: string;
  contentType: string;
  metadata: Record<string, string>;
  parts: Part[];
}

export interface Bucket {
  name: string;
  accountId: string;
  region: string;
  creationDate: number;
  policy?: string;
  encryption?: EncryptionRule;
  objects: StoredObject[];
  uploads: Upload[];
}

/** A bucket-level key S3 holds for one requester, one bucket and one KMS key, for a limited time. */
export interface BucketKeyEntry {
  bucket: string;
  principal: string;
  /** What KMS authorized: a key from GenerateDataKey seals new objects only; opening needs a Decrypt of its own. */
  use: 'generate' | 'decrypt';
  /** The key as the request named it (alias, key id or ARN) and as KMS answered (ARN). */
  requested: string;
  kmsKeyArn: string;
  contextJson: string;
  encrypted: string;
  plaintext: string;
  until: number;
}

export interface S3State {
  /** S3's own key for SSE-S3 (base64): stands for the keys S3 manages itself. */
  s3Key: string;
  buckets: Bucket[];
  bucketKeys: BucketKeyEntry[];
}

export const bucketArn = (bucket: string): string => `arn:aws:s3:::${bucket}`;
export const objectArn = (bucket: string, key: string): string => `arn:aws:s3:::${bucket}/${key}`;

/** S3's timestamps have whole seconds (LastModified, CreationDate). */
export const s3Time = (ms: number): Date => new Date(Math.floor(ms / 1000) * 1000);
