import { describe, expect, it } from '@jest/globals';
import { createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { KmsException } from '../../src/kms/errors.js';
import { KEY_STATES, ruleFor } from '../../src/kms/model/key-states.js';
import { anEngine, bytes, expectKmsError } from './builder.js';

describe('GenerateDataKeyPair', () => {
  for (const spec of ['ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1', 'RSA_2048']) {
    it(`${spec}: node:crypto reads both halves and they match; the encrypted private key decrypts to the plaintext one`, () => {
      const b = anEngine().withKey().build();
      const out = b.exec('GenerateDataKeyPair', { KeyId: b.keys[0], KeyPairSpec: spec, EncryptionContext: { app: 'x' } });
      const priv = createPrivateKey({ key: Buffer.from(out.PrivateKeyPlaintext as Uint8Array), format: 'der', type: 'pkcs8' });
      const pub = createPublicKey({ key: Buffer.from(out.PublicKey as Uint8Array), format: 'der', type: 'spki' });
      const msg = bytes('pair');
      expect(nodeVerify('sha256', msg, pub, nodeSign('sha256', msg, priv))).toBe(true);
      const dec = b.exec('Decrypt', { CiphertextBlob: out.PrivateKeyCiphertextBlob, EncryptionContext: { app: 'x' } });
      expect(dec.Plaintext).toEqual(out.PrivateKeyPlaintext);
      expect(out.KeyPairSpec).toBe(spec);
    });
  }

  it('WithoutPlaintext omits the private key; asymmetric keys and bad specs are refused; state rows follow the table', () => {
    const b = anEngine().withKey().withKey({ keySpec: 'ECC_NIST_P256', keyUsage: 'SIGN_VERIFY' }).build();
    const out = b.exec('GenerateDataKeyPairWithoutPlaintext', { KeyId: b.keys[0], KeyPairSpec: 'ECC_NIST_P256' });
    expect(out.PrivateKeyPlaintext).toBeUndefined();
    expect(out.PublicKey).toBeInstanceOf(Uint8Array);
    expectKmsError(() => b.exec('GenerateDataKeyPair', { KeyId: b.keys[1], KeyPairSpec: 'ECC_NIST_P256' }), 'InvalidKeyUsageException');
    expectKmsError(() => b.exec('GenerateDataKeyPair', { KeyId: b.keys[0], KeyPairSpec: 'AES_256' }), 'ValidationException');
    for (const op of ['GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext']) {
      for (const state of KEY_STATES) {
        const base = anEngine().withKey().build();
        const f = state === 'Enabled' ? base : base.force(base.keys[0], state);
        let code: string | undefined;
        try {
          f.exec(op, { KeyId: base.keys[0], KeyPairSpec: 'ECC_NIST_P256' });
        } catch (e) {
          if (!(e instanceof KmsException)) throw e;
          code = e.code;
        }
        const rule = ruleFor(op, state);
        expect({ op, state, code }).toEqual({ op, state, code: rule === 'ok' ? undefined : rule === 'disabled' ? 'DisabledException' : 'KMSInvalidStateException' });
      }
    }
  });
});
