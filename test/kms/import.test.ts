import { describe, expect, it } from '@jest/globals';
import { constants, createPublicKey, publicEncrypt } from 'node:crypto';
import { wrapKeyMaterial } from '../../src/kms/crypto/wrap.js';
import { KmsException } from '../../src/kms/errors.js';
import { KEY_STATES, ruleFor } from '../../src/kms/model/key-states.js';
import { anEngine, bytes, DAY, expectKmsError, text, type Built } from './builder.js';

const MATERIAL = new Uint8Array(32).map((_, i) => i + 1);
const seedBytes = (n: number) => new Uint8Array(n).fill(9);

function external(): Built {
  return anEngine().withKey({ origin: 'EXTERNAL' }).build();
}

function params(b: Built, alg = 'RSAES_OAEP_SHA_256') {
  return b.exec('GetParametersForImport', { KeyId: b.keys[0], WrappingAlgorithm: alg, WrappingKeySpec: 'RSA_2048' });
}

function importWith(b: Built, material = MATERIAL, extra: Record<string, unknown> = { ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }, alg = 'RSAES_OAEP_SHA_256') {
  const p = params(b, alg);
  const w = wrapKeyMaterial(p.PublicKey as Uint8Array, alg, material, seedBytes);
  return b.exec('ImportKeyMaterial', { KeyId: b.keys[0], ImportToken: p.ImportToken, EncryptedKeyMaterial: w.EncryptedKeyMaterial, ...extra });
}

describe('imported key material', () => {
  it('an EXTERNAL key starts PendingImport without material; GetParametersForImport returns a real RSA key for 24 hours', () => {
    const b = external();
    const md = b.exec('DescribeKey', { KeyId: b.keys[0] }).KeyMetadata as Record<string, unknown>;
    expect(md).toMatchObject({ KeyState: 'PendingImport', Enabled: false, Origin: 'EXTERNAL' });
    expect(md.CurrentKeyMaterialId).toBeUndefined();
    expectKmsError(() => b.exec('Encrypt', { KeyId: b.keys[0], Plaintext: bytes('x') }), 'KMSInvalidStateException');
    const p = params(b);
    expect((p.ParametersValidTo as Date).getTime() - b.engine.now()).toBe(DAY);
    // Wrapped independently by node:crypto with the returned public key.
    const enc = publicEncrypt({ key: createPublicKey({ key: Buffer.from(p.PublicKey as Uint8Array), format: 'der', type: 'spki' }), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, MATERIAL);
    const out = b.exec('ImportKeyMaterial', { KeyId: b.keys[0], ImportToken: p.ImportToken, EncryptedKeyMaterial: enc, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' });
    expect(out.KeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    const after = b.exec('DescribeKey', { KeyId: b.keys[0] }).KeyMetadata as Record<string, unknown>;
    expect(after).toMatchObject({ KeyState: 'Enabled', ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE', CurrentKeyMaterialId: out.KeyMaterialId });
    const ct = b.exec('Encrypt', { KeyId: b.keys[0], Plaintext: bytes('secret') }).CiphertextBlob;
    expect(text(b.exec('Decrypt', { CiphertextBlob: ct }).Plaintext)).toBe('secret');
  });

  it('every RSA wrapping algorithm works through the helper, which also prints the openssl command', () => {
    for (const alg of ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'RSA_AES_KEY_WRAP_SHA_256']) {
      const b = external();
      expect(importWith(b, MATERIAL, { ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }, alg).KeyId).toBe(b.keys[0]);
      const p = params(b, alg);
      expect(wrapKeyMaterial(p.PublicKey as Uint8Array, alg, MATERIAL, seedBytes).openssl).toContain('openssl pkeyutl -encrypt');
    }
  });

  it('token, expiry model and material errors', () => {
    const b = external();
    const p = params(b);
    const w = wrapKeyMaterial(p.PublicKey as Uint8Array, 'RSAES_OAEP_SHA_256', MATERIAL, seedBytes).EncryptedKeyMaterial;
    const e = expectKmsError(() => b.exec('ImportKeyMaterial', { KeyId: b.keys[0], ImportToken: p.ImportToken, EncryptedKeyMaterial: w }), 'ValidationException');
    expect(e.message).toBe('A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES');
    expectKmsError(() => b.exec('ImportKeyMaterial', { KeyId: b.keys[0], ImportToken: bytes('nope'), EncryptedKeyMaterial: w, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }), 'InvalidImportTokenException');
    expectKmsError(() => b.exec('ImportKeyMaterial', { KeyId: b.keys[0], ImportToken: p.ImportToken, EncryptedKeyMaterial: bytes('garbage'), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }), 'InvalidCiphertextException');
    b.clock.advance(DAY + 1);
    expectKmsError(() => b.exec('ImportKeyMaterial', { KeyId: b.keys[0], ImportToken: p.ImportToken, EncryptedKeyMaterial: w, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }), 'ExpiredImportTokenException');
    const normal = anEngine().withKey().build();
    expectKmsError(() => normal.exec('GetParametersForImport', { KeyId: normal.keys[0], WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }), 'UnsupportedOperationException');
  });

  it('material expires on the clock: PendingImport again, a DeleteExpiredKeyMaterial event; reimport needs the same bytes', () => {
    const b = external();
    const validTo = new Date(b.engine.now() + 10 * DAY);
    const first = importWith(b, MATERIAL, { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: validTo });
    const md = b.exec('DescribeKey', { KeyId: b.keys[0] }).KeyMetadata as Record<string, unknown>;
    expect(md).toMatchObject({ ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: validTo });
    const ct = b.exec('Encrypt', { KeyId: b.keys[0], Plaintext: bytes('old data') }).CiphertextBlob;
    b.engine.advance(10 * DAY + 1);
    expect((b.exec('DescribeKey', { KeyId: b.keys[0] }).KeyMetadata as Record<string, unknown>).KeyState).toBe('PendingImport');
    const ev = b.engine.audit.find((x) => x.eventName === 'DeleteExpiredKeyMaterial');
    expect(ev?.userIdentity).toMatchObject({ type: 'AWSService' });
    expectKmsError(() => b.exec('Decrypt', { CiphertextBlob: ct }), 'KMSInvalidStateException');
    const other = new Uint8Array(32).fill(5);
    expectKmsError(() => importWith(b, other), 'IncorrectKeyMaterialException');
    expect(importWith(b).KeyMaterialId).toBe(first.KeyMaterialId);
    expect(text(b.exec('Decrypt', { CiphertextBlob: ct }).Plaintext)).toBe('old data');
  });

  it('DeleteImportedKeyMaterial returns the key to PendingImport; rotation is refused for imported keys', () => {
    const b = external();
    importWith(b);
    expectKmsError(() => b.exec('EnableKeyRotation', { KeyId: b.keys[0] }), 'UnsupportedOperationException');
    const out = b.exec('DeleteImportedKeyMaterial', { KeyId: b.keys[0] });
    expect(out.KeyId).toBe(b.keys[0]);
    expect((b.exec('DescribeKey', { KeyId: b.keys[0] }).KeyMetadata as Record<string, unknown>).KeyState).toBe('PendingImport');
    const copy = b.force(b.keys[0], 'PendingImport');
    expect(importWith(copy).KeyId).toBe(b.keys[0]);
  });

  it('state rows: GetParametersForImport in every state follows the one table', () => {
    for (const state of KEY_STATES) {
      const b = external();
      const f = state === 'PendingImport' ? b : b.force(b.keys[0], state);
      let code: string | undefined;
      try {
        params(f);
      } catch (e) {
        if (!(e instanceof KmsException)) throw e;
        code = e.code;
      }
      const rule = ruleFor('GetParametersForImport', state);
      expect({ state, code }).toEqual({ state, code: rule === 'ok' ? undefined : 'KMSInvalidStateException' });
    }
  });
});
