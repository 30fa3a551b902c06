// HMAC key material and GenerateMac/VerifyMac (HMAC_SHA_224/256/384/512) via @noble/hashes.
// Differs: none known; the key length equals the digest length, as AWS's HMAC key specs define.
import { noble } from '../../aws/noble.js';

/** Key spec -> the SHA-2 function of @noble/hashes/sha2.js it uses (loaded when a MAC is computed). */
const HASHES = { HMAC_224: 'sha224', HMAC_256: 'sha256', HMAC_384: 'sha384', HMAC_512: 'sha512' } as const;
export type HmacSpec = keyof typeof HASHES;

export function isHmacSpec(spec: string): spec is HmacSpec {
  return spec in HASHES;
}

/** The one MacAlgorithm of a key spec: HMAC_256 -> HMAC_SHA_256. */
export function macAlgorithmOf(spec: HmacSpec): string {
  return `HMAC_SHA_${spec.slice(5)}`;
}

/** Key length in bytes (224 bits for HMAC_224, ...). */
export function hmacKeyLength(spec: HmacSpec): number {
  return Number(spec.slice(5)) / 8;
}

export function computeMac(spec: HmacSpec, key: Uint8Array, message: Uint8Array): Uint8Array {
  return noble('@noble/hashes/hmac.js').hmac(noble('@noble/hashes/sha2.js')[HASHES[spec]], key, message);
}

/** Constant-time comparison of two MACs. */
export function macEquals(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}
