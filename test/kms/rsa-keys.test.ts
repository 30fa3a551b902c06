import { describe, expect, it } from '@jest/globals';
import { constants, createPrivateKey, createPublicKey, publicEncrypt, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { decodeRsaPrivate } from '../../src/kms/crypto/rsa.js';
import { anEngine, bytes, expectKmsError, text, type Built } from './builder.js';

const signing = anEngine().withKey({ keySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY' }).withKey({ keySpec: 'RSA_2048', keyUsage: 'ENCRYPT_DECRYPT' }).build();
const [SIGN, ENC] = signing.keys;

function nodePublic(b: Built, keyId: string) {
  return createPublicKey({ key: Buffer.from(b.exec('GetPublicKey', { KeyId: keyId }).PublicKey as Uint8Array), format: 'der', type: 'spki' });
}

function nodePrivate(b: Built, arn: string) {
  const k = decodeRsaPrivate(new Uint8Array(Buffer.from(b.engine.toJSON().keys.find((x) => x.arn === arn)!.materials[0].bytes, 'base64')));
  const u = (x: bigint) => { const h = x.toString(16); return Buffer.from(h.length % 2 ? `0${h}` : h, 'hex').toString('base64url'); };
  const inv = (a: bigint, m: bigint) => { let [r0, r1, s0, s1] = [a % m, m, 1n, 0n]; while (r1) { const q = r0 / r1; [r0, r1] = [r1, r0 - q * r1]; [s0, s1] = [s1, s0 - q * s1]; } return ((s0 % m) + m) % m; };
  return createPrivateKey({ format: 'jwk', key: { kty: 'RSA', n: u(k.n), e: u(k.e), d: u(k.d), p: u(k.p), q: u(k.q), dp: u(k.d % (k.p - 1n)), dq: u(k.d % (k.q - 1n)), qi: u(inv(k.q, k.p)) } });
}

describe('RSA KMS keys checked against node:crypto', () => {
  it('GetPublicKey lists the algorithms; KMS PSS and PKCS#1 v1.5 signatures verify in node:crypto', () => {
    const pk = signing.exec('GetPublicKey', { KeyId: SIGN });
    expect(pk).toMatchObject({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });
    expect(pk.SigningAlgorithms).toContain('RSASSA_PSS_SHA_256');
    const pub = nodePublic(signing, SIGN);
    const msg = bytes('invoice 42');
    const pss = signing.exec('Sign', { KeyId: SIGN, Message: msg, SigningAlgorithm: 'RSASSA_PSS_SHA_384' }).Signature as Uint8Array;
    expect(nodeVerify('sha384', msg, { key: pub, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 48 }, pss)).toBe(true);
    const v15 = signing.exec('Sign', { KeyId: SIGN, Message: msg, SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256' }).Signature as Uint8Array;
    expect(nodeVerify('sha256', msg, pub, v15)).toBe(true);
  });

  it('KMS verifies node:crypto signatures and rejects tampered ones', () => {
    const priv = nodePrivate(signing, SIGN);
    const msg = bytes('signed by node');
    const sig = nodeSign('sha512', msg, { key: priv, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 64 });
    expect(signing.exec('Verify', { KeyId: SIGN, Message: msg, Signature: sig, SigningAlgorithm: 'RSASSA_PSS_SHA_512' }).SignatureValid).toBe(true);
    expectKmsError(() => signing.exec('Verify', { KeyId: SIGN, Message: bytes('other'), Signature: sig, SigningAlgorithm: 'RSASSA_PSS_SHA_512' }), 'KMSInvalidSignatureException');
    expectKmsError(() => signing.exec('Sign', { KeyId: SIGN, Message: bytes('x'), SigningAlgorithm: 'ECDSA_SHA_256' }), 'InvalidKeyUsageException');
  });

  it('Encrypt/Decrypt with OAEP: node:crypto encrypts to the public key, KMS decrypts with KeyId and algorithm; limits and usage', () => {
    const pub = nodePublic(signing, ENC);
    const ct = publicEncrypt({ key: pub, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from('from node'));
    expect(text(signing.exec('Decrypt', { KeyId: ENC, CiphertextBlob: ct, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }).Plaintext)).toBe('from node');
    const own = signing.exec('Encrypt', { KeyId: ENC, Plaintext: bytes('round trip'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' }).CiphertextBlob;
    expect(text(signing.exec('Decrypt', { KeyId: ENC, CiphertextBlob: own, EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' }).Plaintext)).toBe('round trip');
    expectKmsError(() => signing.exec('Decrypt', { CiphertextBlob: own }), 'InvalidCiphertextException');
    const e = expectKmsError(() => signing.exec('Encrypt', { KeyId: ENC, Plaintext: new Uint8Array(191), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }), 'ValidationException');
    expect(e.message).toBe('Algorithm RSAES_OAEP_SHA_256 and key spec RSA_2048 cannot encrypt data larger than 190 bytes.');
    signing.exec('Encrypt', { KeyId: ENC, Plaintext: new Uint8Array(214), EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' });
    expectKmsError(() => signing.exec('Encrypt', { KeyId: SIGN, Plaintext: bytes('x'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }), 'InvalidKeyUsageException');
    expectKmsError(() => signing.exec('EnableKeyRotation', { KeyId: ENC }), 'UnsupportedOperationException');
  });
});
