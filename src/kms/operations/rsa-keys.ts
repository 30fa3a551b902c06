// RSA_2048/3072/4096 KMS keys: the key pair is generated from the Random port on first use; Encrypt/Decrypt with
// RSAES_OAEP_SHA_1/SHA_256 (no ciphertext header: Decrypt needs KeyId and EncryptionAlgorithm), Sign/Verify with PSS and PKCS#1 v1.5.
// Differs: generation is lazy (RSA_4096 takes seconds in pure TypeScript); PSS salt comes from the Random port.
import type { Call } from '../call.js';
import { decodeRsaPrivate, digest, encodeRsaPrivate, hashLength, oaepDecrypt, oaepEncrypt, oaepMaxPlaintext, rsaSign, rsaVerify, type RsaHash } from '../crypto/rsa.js';
import { generateRsa, type RsaPrivate } from '../crypto/rsa-keygen.js';
import { InvalidCiphertextException, InvalidKeyUsageException, UnsupportedOperationException, ValidationException } from '../errors.js';
import type { KeyRecord } from '../model/key.js';
import { hexFrom } from '../../aws/ports.js';

export function isRsaSpec(spec: string): boolean {
  return spec === 'RSA_2048' || spec === 'RSA_3072' || spec === 'RSA_4096';
}

/** The key pair of an RSA key, generated on first use. */
export function rsaKeyOf(c: Call, key: KeyRecord): RsaPrivate {
  if (key.materials.length === 0) {
    if (key.origin !== 'AWS_KMS') throw new UnsupportedOperationException(`${key.arn} has no key material.`);
    const k = generateRsa(Number(key.keySpec.slice(4)), c.core.random);
    key.materials.push({ id: hexFrom(c.core.random, 32), bytes: encodeRsaPrivate(k), createdAt: key.creationDate });
  }
  return decodeRsaPrivate(key.materials[key.materials.length - 1].bytes);
}

const oaepHash = (alg: string): RsaHash => (alg === 'RSAES_OAEP_SHA_1' ? 'SHA_1' : 'SHA_256');

function checkEncryptionKey(key: KeyRecord, alg: string, operation: string): void {
  if (key.keyUsage !== 'ENCRYPT_DECRYPT') throw new InvalidKeyUsageException(`${key.arn} key usage is ${key.keyUsage} which is not valid for ${operation}.`);
  if (alg !== 'RSAES_OAEP_SHA_1' && alg !== 'RSAES_OAEP_SHA_256') {
    throw new InvalidKeyUsageException(`The encryption algorithm ${alg} is not valid for a ${key.keySpec} key.`); // wording ours
  }
}

export function rsaEncrypt(c: Call, key: KeyRecord, plaintext: Uint8Array, alg: string): Uint8Array {
  checkEncryptionKey(key, alg, 'Encrypt');
  const k = rsaKeyOf(c, key);
  const h = oaepHash(alg);
  const max = oaepMaxPlaintext(Number(key.keySpec.slice(4)) / 8, h);
  if (plaintext.length > max) throw new ValidationException(`Algorithm ${alg} and key spec ${key.keySpec} cannot encrypt data larger than ${max} bytes.`);
  return oaepEncrypt(k, h, plaintext, c.core.random.bytes(hashLength(h)));
}

export function rsaDecrypt(c: Call, key: KeyRecord, blob: Uint8Array, alg: string): Uint8Array {
  checkEncryptionKey(key, alg, 'Decrypt');
  const out = oaepDecrypt(rsaKeyOf(c, key), oaepHash(alg), blob);
  if (!out) throw new InvalidCiphertextException('');
  return out;
}

const SIGNING = /^RSASSA_(PSS|PKCS1_V1_5)_SHA_(256|384|512)$/;

/** Digest to sign: the message hashed here (RAW) or given (DIGEST, length checked). */
function toDigest(alg: string, message: Uint8Array, isDigest: boolean): { h: RsaHash; pss: boolean; mHash: Uint8Array } {
  const m = SIGNING.exec(alg);
  if (!m) throw new InvalidKeyUsageException(`Algorithm ${alg} is incompatible with RSA key specs.`); // wording ours
  const h = `SHA_${m[2]}` as RsaHash;
  if (isDigest && message.length !== hashLength(h)) {
    throw new ValidationException(`Digest is invalid length for algorithm ${alg}: expected ${hashLength(h)} bytes, got ${message.length}.`);
  }
  return { h, pss: m[1] === 'PSS', mHash: isDigest ? message : digest(h, message) };
}

export function rsaSignMessage(c: Call, key: KeyRecord, alg: string, message: Uint8Array, isDigest: boolean): Uint8Array {
  const d = toDigest(alg, message, isDigest);
  return rsaSign(rsaKeyOf(c, key), d.h, d.pss, d.mHash, c.core.random.bytes(hashLength(d.h)));
}

export function rsaVerifyMessage(c: Call, key: KeyRecord, alg: string, message: Uint8Array, isDigest: boolean, signature: Uint8Array): boolean {
  const d = toDigest(alg, message, isDigest);
  return rsaVerify(rsaKeyOf(c, key), d.h, d.pss, d.mHash, signature);
}
