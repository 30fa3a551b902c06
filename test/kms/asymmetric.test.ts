import { describe, expect, it } from '@jest/globals';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { anEngine, bytes, expectKmsError } from './builder.js';

const CURVES = [
  { spec: 'ECC_NIST_P256', alg: 'ECDSA_SHA_256', hash: 'sha256', curve: 'prime256v1' },
  { spec: 'ECC_NIST_P384', alg: 'ECDSA_SHA_384', hash: 'sha384', curve: 'secp384r1' },
  { spec: 'ECC_NIST_P521', alg: 'ECDSA_SHA_512', hash: 'sha512', curve: 'secp521r1' },
  { spec: 'ECC_SECG_P256K1', alg: 'ECDSA_SHA_256', hash: 'sha256', curve: 'secp256k1' },
] as const;

describe('ECC signing keys checked against node:crypto', () => {
  for (const c of CURVES) {
    it(`${c.spec}: a KMS RAW signature verifies with node:crypto on the GetPublicKey key`, () => {
      const b = anEngine().withKey({ keySpec: c.spec, keyUsage: 'SIGN_VERIFY' }).build();
      const pk = b.exec('GetPublicKey', { KeyId: b.keys[0] });
      expect(pk.KeySpec).toBe(c.spec);
      expect(pk.KeyUsage).toBe('SIGN_VERIFY');
      expect(pk.SigningAlgorithms).toEqual([c.alg]);
      const pub = createPublicKey({ key: Buffer.from(pk.PublicKey as Uint8Array), format: 'der', type: 'spki' });
      expect(pub.asymmetricKeyDetails?.namedCurve).toBe(c.curve);
      const msg = bytes('hello signing');
      const out = b.exec('Sign', { KeyId: b.keys[0], Message: msg, SigningAlgorithm: c.alg });
      expect(out.SigningAlgorithm).toBe(c.alg);
      expect(nodeVerify(c.hash, msg, pub, out.Signature as Uint8Array)).toBe(true);
      expect(nodeVerify(c.hash, bytes('other message'), pub, out.Signature as Uint8Array)).toBe(false);
    });

    it(`${c.spec}: a DIGEST signature equals a RAW one in meaning, and KMS verifies node:crypto signatures`, () => {
      const b = anEngine().withKey({ keySpec: c.spec, keyUsage: 'SIGN_VERIFY' }).build();
      const pk = b.exec('GetPublicKey', { KeyId: b.keys[0] });
      const pub = createPublicKey({ key: Buffer.from(pk.PublicKey as Uint8Array), format: 'der', type: 'spki' });
      const msg = bytes('digest me');
      const digest = createHash(c.hash).update(msg).digest();
      const s = b.exec('Sign', { KeyId: b.keys[0], Message: digest, MessageType: 'DIGEST', SigningAlgorithm: c.alg });
      expect(nodeVerify(c.hash, msg, pub, s.Signature as Uint8Array)).toBe(true);
      // Independent signer: node:crypto cannot sign with KMS's private key, so KMS verifies its own
      // signature through Verify and rejects one made by an unrelated node:crypto key.
      const v = b.exec('Verify', { KeyId: b.keys[0], Message: msg, Signature: s.Signature, SigningAlgorithm: c.alg });
      expect(v.SignatureValid).toBe(true);
      const other = generateKeyPairSync('ec', { namedCurve: c.curve });
      const foreign = nodeSign(c.hash, msg, other.privateKey);
      expectKmsError(() => b.exec('Verify', { KeyId: b.keys[0], Message: msg, Signature: foreign, SigningAlgorithm: c.alg }), 'KMSInvalidSignatureException');
      expectKmsError(() => b.exec('Sign', { KeyId: b.keys[0], Message: digest.subarray(1), MessageType: 'DIGEST', SigningAlgorithm: c.alg }), 'ValidationException');
    });
  }

  it('Verify accepts a signature node:crypto made with the same key (material round-trip through the state document)', () => {
    const b = anEngine().withKey({ keySpec: 'ECC_NIST_P256', keyUsage: 'SIGN_VERIFY' }).build();
    const doc = b.engine.toJSON();
    const priv = Buffer.from(doc.keys[0].materials[0].bytes, 'base64');
    const pk = b.exec('GetPublicKey', { KeyId: b.keys[0] });
    const spki = Buffer.from(pk.PublicKey as Uint8Array);
    // Rebuild the private key for node:crypto from the scalar and the public point (JWK).
    const point = spki.subarray(spki.length - 65);
    const jwk = { kty: 'EC', crv: 'P-256', d: priv.toString('base64url'), x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') };
    const msg = bytes('signed outside KMS');
    const sig = nodeSign('sha256', msg, createPrivateKey({ key: jwk, format: 'jwk' }));
    expect(b.exec('Verify', { KeyId: b.keys[0], Message: msg, Signature: sig, SigningAlgorithm: 'ECDSA_SHA_256' }).SignatureValid).toBe(true);
    expectKmsError(() => b.exec('Verify', { KeyId: b.keys[0], Message: bytes('tampered'), Signature: sig, SigningAlgorithm: 'ECDSA_SHA_256' }), 'KMSInvalidSignatureException');
  });

  it('wrong key usage, wrong algorithm and missing algorithm are refused', () => {
    const b = anEngine().withKey({ keySpec: 'ECC_NIST_P256', keyUsage: 'SIGN_VERIFY' }).withKey().withKey({ keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' }).build();
    const [ecc, sym, mac] = b.keys;
    const e = expectKmsError(() => b.exec('Encrypt', { KeyId: ecc, Plaintext: bytes('x') }), 'InvalidKeyUsageException');
    expect(e.message).toBe(`${ecc} key usage is SIGN_VERIFY which is not valid for Encrypt.`);
    expectKmsError(() => b.exec('Sign', { KeyId: sym, Message: bytes('x'), SigningAlgorithm: 'ECDSA_SHA_256' }), 'InvalidKeyUsageException');
    expectKmsError(() => b.exec('Sign', { KeyId: ecc, Message: bytes('x'), SigningAlgorithm: 'ECDSA_SHA_384' }), 'InvalidKeyUsageException');
    expectKmsError(() => b.exec('Sign', { KeyId: ecc, Message: bytes('x') }), 'ValidationException');
    expectKmsError(() => b.exec('GetPublicKey', { KeyId: sym }), 'UnsupportedOperationException');
    expectKmsError(() => b.exec('GetPublicKey', { KeyId: mac }), 'UnsupportedOperationException');
    expectKmsError(() => b.exec('EnableKeyRotation', { KeyId: ecc }), 'UnsupportedOperationException');
    expectKmsError(() => b.exec('RotateKeyOnDemand', { KeyId: mac }), 'UnsupportedOperationException');
  });

  it('key states: a disabled key cannot sign; the same key and its signature survive a state round-trip', () => {
    const b = anEngine().withKey({ keySpec: 'ECC_SECG_P256K1', keyUsage: 'SIGN_VERIFY', state: 'Disabled' }).build();
    expectKmsError(() => b.exec('Sign', { KeyId: b.keys[0], Message: bytes('x'), SigningAlgorithm: 'ECDSA_SHA_256' }), 'DisabledException');
    expectKmsError(() => b.exec('GetPublicKey', { KeyId: b.keys[0] }), 'DisabledException');
    b.exec('EnableKey', { KeyId: b.keys[0] });
    const pk1 = b.exec('GetPublicKey', { KeyId: b.keys[0] }).PublicKey;
    const copy = b.force(b.keys[0], 'Enabled');
    expect(copy.exec('GetPublicKey', { KeyId: b.keys[0] }).PublicKey).toEqual(pk1);
  });

  it('same seed, same key pair (deterministic from the Random port)', () => {
    const a = anEngine().withKey({ keySpec: 'ECC_NIST_P384', keyUsage: 'SIGN_VERIFY' }).build();
    const b = anEngine().withKey({ keySpec: 'ECC_NIST_P384', keyUsage: 'SIGN_VERIFY' }).build();
    expect(a.exec('GetPublicKey', { KeyId: a.keys[0] }).PublicKey).toEqual(b.exec('GetPublicKey', { KeyId: b.keys[0] }).PublicKey);
  });
});
