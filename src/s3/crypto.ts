// The envelope S3 puts around object data: AES-256-GCM under a data key (SSE-KMS), under a key derived from a
// bucket-level key (S3 Bucket Key), or under a key derived from S3's own key (SSE-S3). Differs: our own layout.
// The noble libraries load on first use (src/aws/noble.ts), so commands that never touch an object do not pay.
import { noble } from '../aws/noble.js';

const utf8ToBytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const gcm = (key: Uint8Array, nonce: Uint8Array, aad: Uint8Array) => noble('@noble/ciphers/aes.js').gcm(key, nonce, aad);
const md5 = (data: Uint8Array): Uint8Array => noble('@noble/hashes/legacy.js').md5(data);

export const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
export const unb64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** The per-object key from a bucket-level key (or S3's own key) and the object's salt. */
export function deriveKey(parent: Uint8Array, salt: Uint8Array): Uint8Array {
  return noble('@noble/hashes/hmac.js').hmac(noble('@noble/hashes/sha2.js').sha256, parent, salt);
}

/** Seals data under `key`; the object ARN is the additional data, so a blob moved to another key does not open. */
export function seal(key: Uint8Array, nonce: Uint8Array, data: Uint8Array, arn: string): Uint8Array {
  return gcm(key, nonce, utf8ToBytes(arn)).encrypt(data);
}

export function open(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, arn: string): Uint8Array {
  return gcm(key, nonce, utf8ToBytes(arn)).decrypt(sealed);
}

/** An ETag as S3 quotes it: the MD5 of the data for a single upload. */
export function etagOf(data: Uint8Array): string {
  return `"${hex(md5(data))}"`;
}

/** A multipart ETag: MD5 of the parts' MD5s, then "-<number of parts>". */
export function multipartEtag(partEtags: string[]): string {
  const joined = new Uint8Array(partEtags.length * 16);
  partEtags.forEach((e, i) => joined.set(Buffer.from(e.replace(/"/g, ''), 'hex'), i * 16));
  return `"${hex(md5(joined))}-${partEtags.length}"`;
}
