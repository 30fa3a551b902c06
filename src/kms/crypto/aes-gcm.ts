// AES-256-GCM as KMS uses it for symmetric keys (via @noble/ciphers), 12-byte nonce, 16-byte tag appended.
// Differs: nothing at this level; the blob around it is our own format (see blob.ts).
import { noble } from '../../aws/noble.js';

export const NONCE_LENGTH = 12;
export const TAG_LENGTH = 16;

/** Returns ciphertext ‖ tag. */
export function aesGcmEncrypt(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array): Uint8Array {
  return noble('@noble/ciphers/aes.js').gcm(key, nonce, aad).encrypt(plaintext);
}

/** Takes ciphertext ‖ tag; throws on any authentication failure. */
export function aesGcmDecrypt(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad?: Uint8Array): Uint8Array {
  return noble('@noble/ciphers/aes.js').gcm(key, nonce, aad).decrypt(sealed);
}
