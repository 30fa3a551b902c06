import { describe, expect, it } from '@jest/globals';
import { constants, createHash, createPrivateKey, createPublicKey, privateDecrypt, publicEncrypt, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { generateRsa } from '../../src/kms/crypto/rsa-keygen.js';
import { digest, oaepDecrypt, oaepEncrypt, parseRsaPublicKeyDer, rsaPublicKeyDer, rsaSign, rsaVerify, decodeRsaPrivate, encodeRsaPrivate } from '../../src/kms/crypto/rsa.js';
import { SeededRandom } from '../../src/aws/ports.js';

const key = generateRsa(2048, new SeededRandom('rsa-test'));
const spki = rsaPublicKeyDer(key);
const pub = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
const b64u = (x: bigint) => Buffer.from(x.toString(16).padStart(Math.ceil(x.toString(16).length / 2) * 2, '0'), 'hex').toString('base64url');
const nodePriv = createPrivateKey({
  format: 'jwk',
  key: { kty: 'RSA', n: b64u(key.n), e: b64u(key.e), d: b64u(key.d), p: b64u(key.p), q: b64u(key.q), dp: b64u(key.d % (key.p - 1n)), dq: b64u(key.d % (key.q - 1n)), qi: b64u(modInv(key.q, key.p)) },
});
function modInv(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [a % m, m, 1n, 0n];
  while (r1 !== 0n) { const q = r0 / r1; [r0, r1] = [r1, r0 - q * r1]; [s0, s1] = [s1, s0 - q * s1]; }
  return ((s0 % m) + m) % m;
}

describe('RSA primitives against node:crypto', () => {
  it('the deterministic key pair is a real 2048-bit RSA key; SPKI round-trips', () => {
    expect(pub.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(parseRsaPublicKeyDer(spki)).toEqual({ n: key.n, e: key.e });
    expect(decodeRsaPrivate(encodeRsaPrivate(key))).toEqual(key);
    expect(generateRsa(2048, new SeededRandom('rsa-test')).n).toBe(key.n);
  });

  it('OAEP both ways with SHA-1 and SHA-256', () => {
    for (const [h, nh] of [['SHA_1', 'sha1'], ['SHA_256', 'sha256']] as const) {
      const m = new TextEncoder().encode('key material 32 bytes long......');
      const ours = oaepEncrypt(key, h, m, new Uint8Array(h === 'SHA_1' ? 20 : 32).fill(7));
      expect(privateDecrypt({ key: nodePriv, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: nh }, ours)).toEqual(Buffer.from(m));
      const theirs = publicEncrypt({ key: pub, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: nh }, m);
      expect(oaepDecrypt(key, h, theirs)).toEqual(m);
      expect(oaepDecrypt(key, h === 'SHA_1' ? 'SHA_256' : 'SHA_1', theirs)).toBeUndefined();
    }
  });

  it('PSS and PKCS#1 v1.5 signatures both ways', () => {
    const msg = Buffer.from('sign me');
    for (const [h, nh] of [['SHA_256', 'sha256'], ['SHA_384', 'sha384'], ['SHA_512', 'sha512']] as const) {
      const mHash = digest(h, msg);
      const salt = new Uint8Array(mHash.length).fill(3);
      const pss = rsaSign(key, h, true, mHash, salt);
      expect(nodeVerify(nh, msg, { key: pub, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: mHash.length }, pss)).toBe(true);
      const v15 = rsaSign(key, h, false, mHash, salt);
      expect(nodeVerify(nh, msg, pub, v15)).toBe(true);
      const nodePss = nodeSign(nh, msg, { key: nodePriv, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: mHash.length });
      expect(rsaVerify(key, h, true, mHash, nodePss)).toBe(true);
      expect(rsaVerify(key, h, false, mHash, nodeSign(nh, msg, nodePriv))).toBe(true);
      expect(rsaVerify(key, h, true, createHash(nh).update('other').digest(), nodePss)).toBe(false);
    }
  });
});
