// ML-DSA signing keys (June 2025): signatures from Sign verify outside the simulator with @noble/post-quantum on the
// public key parsed from GetPublicKey's SubjectPublicKeyInfo; EXTERNAL_MU signs a mu computed by the caller (FIPS 204).
// https://docs.aws.amazon.com/kms/latest/developerguide/mldsa.html , https://docs.aws.amazon.com/kms/latest/APIReference/API_Sign.html
import { describe, expect, it } from '@jest/globals';
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';
import { shake256 } from '@noble/hashes/sha3.js';
import { anEngine, bytes, expectKmsError } from './builder.js';

const SPECS = [
  ['ML_DSA_44', ml_dsa44, '2.16.840.1.101.3.4.3.17', 0x11],
  ['ML_DSA_65', ml_dsa65, '2.16.840.1.101.3.4.3.18', 0x12],
  ['ML_DSA_87', ml_dsa87, '2.16.840.1.101.3.4.3.19', 0x13],
] as const;

/** The raw public key inside a SubjectPublicKeyInfo, after checking the algorithm OID (last arc given). */
function parseSpki(spki: Uint8Array, oidLast: number, keyLength: number): Uint8Array {
  const oid = [0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, oidLast];
  const at = spki.findIndex((_, i) => oid.every((b, j) => spki[i + j] === b));
  expect(at).toBeGreaterThan(0);
  expect(spki[spki.length - keyLength - 1]).toBe(0); // BIT STRING: no unused bits
  return spki.subarray(spki.length - keyLength);
}

describe('ML-DSA keys', () => {
  it.each(SPECS)('%s: DescribeKey, GetPublicKey and RAW signatures that verify independently', (spec, dsa, _oid, oidLast) => {
    const { exec, keys } = anEngine().withKey({ keySpec: spec, keyUsage: 'SIGN_VERIFY' }).build();
    expect(exec('DescribeKey', { KeyId: keys[0] }).KeyMetadata).toMatchObject({ KeySpec: spec, SigningAlgorithms: ['ML_DSA_SHAKE_256'] });
    const pub = exec('GetPublicKey', { KeyId: keys[0] });
    expect(pub).toMatchObject({ KeySpec: spec, KeyUsage: 'SIGN_VERIFY', SigningAlgorithms: ['ML_DSA_SHAKE_256'] });
    const pk = parseSpki(pub.PublicKey as Uint8Array, oidLast, dsa.lengths.publicKey!);
    const msg = bytes('release v1.2.3');
    const { Signature } = exec('Sign', { KeyId: keys[0], Message: msg, MessageType: 'RAW', SigningAlgorithm: 'ML_DSA_SHAKE_256' });
    expect(dsa.verify(Signature as Uint8Array, msg, pk)).toBe(true);
    expect(dsa.verify(Signature as Uint8Array, bytes('release v1.2.4'), pk)).toBe(false);
    expect(exec('Verify', { KeyId: keys[0], Message: msg, Signature, SigningAlgorithm: 'ML_DSA_SHAKE_256' }).SignatureValid).toBe(true);
    expectKmsError(() => exec('Verify', { KeyId: keys[0], Message: bytes('other'), Signature, SigningAlgorithm: 'ML_DSA_SHAKE_256' }), 'KMSInvalidSignatureException');
  });

  it('EXTERNAL_MU signs the 64-byte mu = SHAKE256(SHAKE256(pk, 64) || 0 || 0 || M), which verifies as a pure ML-DSA signature of M', () => {
    const { exec, keys } = anEngine().withKey({ keySpec: 'ML_DSA_65', keyUsage: 'SIGN_VERIFY' }).build();
    const pk = parseSpki(exec('GetPublicKey', { KeyId: keys[0] }).PublicKey as Uint8Array, 0x12, ml_dsa65.lengths.publicKey!);
    const msg = bytes('a large document hashed on the client');
    const tr = shake256(pk, { dkLen: 64 });
    const mu = shake256(new Uint8Array([...tr, 0, 0, ...msg]), { dkLen: 64 });
    const { Signature } = exec('Sign', { KeyId: keys[0], Message: mu, MessageType: 'EXTERNAL_MU', SigningAlgorithm: 'ML_DSA_SHAKE_256' });
    expect(ml_dsa65.verify(Signature as Uint8Array, msg, pk)).toBe(true);
    expect(exec('Verify', { KeyId: keys[0], Message: mu, MessageType: 'EXTERNAL_MU', Signature, SigningAlgorithm: 'ML_DSA_SHAKE_256' }).SignatureValid).toBe(true);
  });

  it('refuses other algorithms, DIGEST, a mu of the wrong length, and EXTERNAL_MU for other key specs', () => {
    const { exec, keys } = anEngine().withKey({ keySpec: 'ML_DSA_44', keyUsage: 'SIGN_VERIFY' }).withKey({ keySpec: 'ECC_NIST_P256', keyUsage: 'SIGN_VERIFY' }).build();
    const sign = (KeyId: string, extra: Record<string, unknown>) => () => exec('Sign', { KeyId, Message: new Uint8Array(64), SigningAlgorithm: 'ML_DSA_SHAKE_256', ...extra });
    expectKmsError(sign(keys[0], { SigningAlgorithm: 'ECDSA_SHA_256' }), 'InvalidKeyUsageException');
    expectKmsError(sign(keys[0], { MessageType: 'DIGEST' }), 'ValidationException');
    expectKmsError(sign(keys[0], { MessageType: 'EXTERNAL_MU', Message: new Uint8Array(32) }), 'ValidationException');
    expectKmsError(sign(keys[1], { MessageType: 'EXTERNAL_MU', SigningAlgorithm: 'ECDSA_SHA_256' }), 'ValidationException');
  });
});

// Ed25519 keys (November 2025): https://docs.aws.amazon.com/kms/latest/APIReference/API_Sign.html
describe('ECC_NIST_EDWARDS25519 keys', () => {
  it('ED25519_SHA_512 over RAW verifies with node:crypto; ED25519_PH_SHA_512 over a SHA-512 DIGEST verifies as Ed25519ph', async () => {
    const { createPublicKey, verify, createHash } = await import('node:crypto');
    const { ed25519ph } = await import('@noble/curves/ed25519.js');
    const { exec, keys } = anEngine().withKey({ keySpec: 'ECC_NIST_EDWARDS25519', keyUsage: 'SIGN_VERIFY' }).build();
    expect((exec('DescribeKey', { KeyId: keys[0] }).KeyMetadata as Record<string, unknown>).SigningAlgorithms).toEqual(['ED25519_SHA_512', 'ED25519_PH_SHA_512']);
    const spki = exec('GetPublicKey', { KeyId: keys[0] }).PublicKey as Uint8Array;
    const pub = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    expect(pub.asymmetricKeyType).toBe('ed25519');
    const msg = bytes('ship it');
    const raw = exec('Sign', { KeyId: keys[0], Message: msg, MessageType: 'RAW', SigningAlgorithm: 'ED25519_SHA_512' }).Signature as Uint8Array;
    expect(verify(null, msg, pub, raw)).toBe(true);
    const digest = new Uint8Array(createHash('sha512').update(msg).digest());
    const ph = exec('Sign', { KeyId: keys[0], Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ED25519_PH_SHA_512' }).Signature as Uint8Array;
    expect(ed25519ph.verify(ph, msg, spki.subarray(12))).toBe(true);
    expect(exec('Verify', { KeyId: keys[0], Message: digest, MessageType: 'DIGEST', Signature: ph, SigningAlgorithm: 'ED25519_PH_SHA_512' }).SignatureValid).toBe(true);
    expectKmsError(() => exec('Sign', { KeyId: keys[0], Message: msg, MessageType: 'DIGEST', SigningAlgorithm: 'ED25519_SHA_512' }), 'ValidationException');
    expectKmsError(() => exec('Sign', { KeyId: keys[0], Message: msg, MessageType: 'RAW', SigningAlgorithm: 'ED25519_PH_SHA_512' }), 'ValidationException');
    expectKmsError(() => exec('Sign', { KeyId: keys[0], Message: msg, SigningAlgorithm: 'ECDSA_SHA_256' }), 'InvalidKeyUsageException');
  });
});
