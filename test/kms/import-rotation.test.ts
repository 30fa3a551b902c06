// On-demand rotation of imported key material (symmetric keys, since June 2025): new material is imported with
// ImportType NEW_KEY_MATERIAL, waits in PENDING_ROTATION, and RotateKeyOnDemand makes it current; old ciphertext
// still decrypts with the earlier material.
import { describe, expect, it } from '@jest/globals';
import { wrapKeyMaterial } from '../../src/kms/crypto/wrap.js';
import { aWorld, allowAllAccess } from '../helpers/world.js';
import { anEngine, bytes, expectKmsError, text, type Built } from './builder.js';

const FIRST = new Uint8Array(32).map((_, i) => i + 1);
const SECOND = new Uint8Array(32).map((_, i) => 200 - i);
const seedBytes = (n: number) => new Uint8Array(n).fill(7);

function importWith(b: Built, material: Uint8Array, extra: Record<string, unknown> = {}) {
  const p = b.exec('GetParametersForImport', { KeyId: b.keys[0], WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' });
  const w = wrapKeyMaterial(p.PublicKey as Uint8Array, 'RSAES_OAEP_SHA_256', material, seedBytes);
  return b.exec('ImportKeyMaterial', { KeyId: b.keys[0], ImportToken: p.ImportToken, EncryptedKeyMaterial: w.EncryptedKeyMaterial, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE', ...extra });
}

describe('on-demand rotation of imported key material', () => {
  it('refuses to rotate until new material is pending, then makes it current and keeps old ciphertext readable', () => {
    const b = anEngine().withKey({ origin: 'EXTERNAL' }).build();
    const first = importWith(b, FIRST);
    const old = b.exec('Encrypt', { KeyId: b.keys[0], Plaintext: bytes('before rotation') }).CiphertextBlob;
    expectKmsError(() => b.exec('RotateKeyOnDemand', { KeyId: b.keys[0] }), 'KMSInvalidStateException');

    const second = importWith(b, SECOND, { ImportType: 'NEW_KEY_MATERIAL' });
    expect(second.KeyMaterialId).not.toBe(first.KeyMaterialId);
    let md = b.exec('DescribeKey', { KeyId: b.keys[0] }).KeyMetadata as Record<string, unknown>;
    expect(md.CurrentKeyMaterialId).toBe(first.KeyMaterialId);
    const listed = b.exec('ListKeyRotations', { KeyId: b.keys[0], IncludeKeyMaterial: 'ALL_KEY_MATERIAL' }).Rotations as Record<string, unknown>[];
    expect(listed.map((r) => r.KeyMaterialState)).toEqual(['CURRENT', 'PENDING_ROTATION']);

    b.exec('RotateKeyOnDemand', { KeyId: b.keys[0] });
    md = b.exec('DescribeKey', { KeyId: b.keys[0] }).KeyMetadata as Record<string, unknown>;
    expect(md.CurrentKeyMaterialId).toBe(second.KeyMaterialId);
    const rotations = b.exec('ListKeyRotations', { KeyId: b.keys[0] }).Rotations as Record<string, unknown>[];
    expect(rotations).toEqual([expect.objectContaining({ KeyMaterialId: second.KeyMaterialId, RotationType: 'ON_DEMAND', KeyMaterialState: 'CURRENT' })]);
    expect(text(b.exec('Decrypt', { CiphertextBlob: old }).Plaintext)).toBe('before rotation');
    const fresh = b.exec('Encrypt', { KeyId: b.keys[0], Plaintext: bytes('after') });
    expect(b.exec('Decrypt', { CiphertextBlob: fresh.CiphertextBlob }).KeyMaterialId).toBe(second.KeyMaterialId);
    expectKmsError(() => b.exec('RotateKeyOnDemand', { KeyId: b.keys[0] }), 'KMSInvalidStateException');
  });

  it('still refuses automatic rotation for imported material', () => {
    const b = anEngine().withKey({ origin: 'EXTERNAL' }).build();
    importWith(b, FIRST);
    expectKmsError(() => b.exec('EnableKeyRotation', { KeyId: b.keys[0] }), 'UnsupportedOperationException');
  });

  it('refuses NEW_KEY_MATERIAL that repeats material already imported', () => {
    const b = anEngine().withKey({ origin: 'EXTERNAL' }).build();
    importWith(b, FIRST);
    expectKmsError(() => importWith(b, FIRST, { ImportType: 'NEW_KEY_MATERIAL' }), 'IncorrectKeyMaterialException');
  });

  it('keeps pending material across a save and load of the state', () => {
    const b = anEngine().withKey({ origin: 'EXTERNAL' }).build();
    importWith(b, FIRST);
    const second = importWith(b, SECOND, { ImportType: 'NEW_KEY_MATERIAL' });
    const again = aWorld({ clock: b.clock, seed: 'reload', access: allowAllAccess, state: JSON.parse(JSON.stringify(b.world.toJSON())) }).world.kms;
    const admin = { principal: { type: 'Root' as const, arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333' }, accountId: '111122223333', region: 'us-east-1' };
    again.execute('RotateKeyOnDemand', { KeyId: b.keys[0] }, admin);
    expect((again.execute('DescribeKey', { KeyId: b.keys[0] }, admin).KeyMetadata as Record<string, unknown>).CurrentKeyMaterialId).toBe(second.KeyMaterialId);
  });
});
