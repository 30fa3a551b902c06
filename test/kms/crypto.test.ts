import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { aesGcmDecrypt, aesGcmEncrypt } from '../../src/kms/crypto/aes-gcm.js';
import { canonicalContext } from '../../src/kms/crypto/context.js';
import { fromHex, toHex } from '../../src/kms/crypto/blob.js';
import { ACCOUNT, anEngine, bytes, expectKmsError, text, userCaller } from './builder.js';

interface Vector { name: string; key: string; iv: string; pt: string; aad: string; ct: string; tag: string }
const suite = JSON.parse(readFileSync(new URL('../vectors/aes-256-gcm.json', import.meta.url), 'utf8')) as { source: string; vectors: Vector[] };

describe('AES-256-GCM through src/kms/crypto (McGrew/Viega GCM spec vectors)', () => {
  it('names its published source', () => {
    expect(suite.source).toMatch(/McGrew.*Viega/);
    expect(suite.vectors.length).toBeGreaterThanOrEqual(5);
  });
  it.each(suite.vectors.map((v) => [v.name, v] as const))('%s encrypts to the published ciphertext and tag', (_n, v) => {
    const out = aesGcmEncrypt(fromHex(v.key), fromHex(v.iv), fromHex(v.pt), fromHex(v.aad));
    expect(toHex(out)).toBe(v.ct + v.tag);
  });
  it.each(suite.vectors.map((v) => [v.name, v] as const))('%s decrypts back to the published plaintext', (_n, v) => {
    expect(toHex(aesGcmDecrypt(fromHex(v.key), fromHex(v.iv), fromHex(v.ct + v.tag), fromHex(v.aad)))).toBe(v.pt);
  });
  it('rejects a vector with one tag bit flipped', () => {
    const v = suite.vectors[3];
    const sealed = fromHex(v.ct + v.tag);
    sealed[sealed.length - 1] ^= 1;
    expect(() => aesGcmDecrypt(fromHex(v.key), fromHex(v.iv), sealed, fromHex(v.aad))).toThrow();
  });
});

describe('canonical encryption context', () => {
  it('is independent of insertion order', () => {
    expect(toHex(canonicalContext({ b: '2', a: '1' }))).toBe(toHex(canonicalContext({ a: '1', b: '2' })));
  });
  it('keeps {"a":"bc"} and {"ab":"c"} apart', () => {
    expect(toHex(canonicalContext({ a: 'bc' }))).not.toBe(toHex(canonicalContext({ ab: 'c' })));
  });
});

describe('Encrypt / Decrypt', () => {
  const setup = () => anEngine().withKey({ alias: 'alias/app' }).withKey().build();

  it('round-trips through key id, key ARN, alias name and alias ARN, and Decrypt needs no KeyId', () => {
    const { exec, keys } = setup();
    const keyId = keys[0].split('/')[1];
    for (const ref of [keyId, keys[0], 'alias/app', `arn:aws:kms:us-east-1:${ACCOUNT}:alias/app`]) {
      const enc = exec('Encrypt', { KeyId: ref, Plaintext: bytes('secret') });
      expect(enc).toMatchObject({ KeyId: keys[0], EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
      const dec = exec('Decrypt', { CiphertextBlob: enc.CiphertextBlob });
      expect(text(dec.Plaintext)).toBe('secret');
      expect(dec.KeyId).toBe(keys[0]);
      expect(typeof dec.KeyMaterialId).toBe('string');
    }
  });

  it('never puts the key ARN or key id in the ciphertext', () => {
    const { exec, keys } = setup();
    const blob = exec('Encrypt', { KeyId: keys[0], Plaintext: bytes('x') }).CiphertextBlob as Uint8Array;
    const latin = Buffer.from(blob).toString('latin1');
    expect(latin).not.toContain(keys[0].split('/')[1]);
    expect(toHex(blob)).not.toContain(keys[0].split('/')[1].replace(/-/g, ''));
  });

  it('accepts 1 and 4096 bytes and rejects 0 and 4097 with AWS wording', () => {
    const { exec, keys } = setup();
    exec('Encrypt', { KeyId: keys[0], Plaintext: new Uint8Array(4096) });
    exec('Encrypt', { KeyId: keys[0], Plaintext: new Uint8Array(1) });
    const e = expectKmsError(() => exec('Encrypt', { KeyId: keys[0], Plaintext: new Uint8Array(4097) }), 'ValidationException');
    expect(e.message).toBe("1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096");
    expectKmsError(() => exec('Encrypt', { KeyId: keys[0], Plaintext: new Uint8Array(0) }), 'ValidationException');
    expectKmsError(() => exec('Encrypt', { KeyId: keys[0] }), 'ValidationException');
  });

  it('binds the encryption context: wrong, missing or extra context fails with an empty InvalidCiphertextException', () => {
    const { exec, keys } = setup();
    const blob = exec('Encrypt', { KeyId: keys[0], Plaintext: bytes('x'), EncryptionContext: { Dept: 'IT' } }).CiphertextBlob;
    expect(text(exec('Decrypt', { CiphertextBlob: blob, EncryptionContext: { Dept: 'IT' } }).Plaintext)).toBe('x');
    for (const ctx of [{ Dept: 'HR' }, undefined, { Dept: 'IT', Extra: '1' }, { dept: 'IT' }]) {
      const e = expectKmsError(() => exec('Decrypt', { CiphertextBlob: blob, EncryptionContext: ctx }), 'InvalidCiphertextException');
      expect(e.message).toBe('');
    }
  });

  it('does not decrypt with {"ab":"c"} what {"a":"bc"} encrypted', () => {
    const { exec, keys } = setup();
    const blob = exec('Encrypt', { KeyId: keys[0], Plaintext: bytes('x'), EncryptionContext: { a: 'bc' } }).CiphertextBlob;
    expectKmsError(() => exec('Decrypt', { CiphertextBlob: blob, EncryptionContext: { ab: 'c' } }), 'InvalidCiphertextException');
  });

  it('rejects tampered and truncated blobs', () => {
    const { exec, keys } = setup();
    const blob = exec('Encrypt', { KeyId: keys[0], Plaintext: bytes('hello') }).CiphertextBlob as Uint8Array;
    for (const i of [0, 2, 10, 30, 60, blob.length - 1]) {
      const t = blob.slice();
      t[i] ^= 0x01;
      expectKmsError(() => exec('Decrypt', { CiphertextBlob: t }), 'InvalidCiphertextException');
    }
    expectKmsError(() => exec('Decrypt', { CiphertextBlob: blob.slice(0, blob.length - 1) }), 'InvalidCiphertextException');
    expectKmsError(() => exec('Decrypt', { CiphertextBlob: blob.slice(0, 20) }), 'InvalidCiphertextException');
  });

  it('answers IncorrectKeyException when Decrypt names another key', () => {
    const { exec, keys } = setup();
    const blob = exec('Encrypt', { KeyId: keys[0], Plaintext: bytes('x') }).CiphertextBlob;
    expectKmsError(() => exec('Decrypt', { CiphertextBlob: blob, KeyId: keys[1] }), 'IncorrectKeyException');
    expect(text(exec('Decrypt', { CiphertextBlob: blob, KeyId: 'alias/app' }).Plaintext)).toBe('x');
  });

  it('refuses a blob made by another simulator instance', () => {
    const a = anEngine().withSeed('a').withKey().build();
    const b = anEngine().withSeed('b').withKey().build();
    const blob = a.exec('Encrypt', { KeyId: a.keys[0], Plaintext: bytes('x') }).CiphertextBlob;
    expectKmsError(() => b.exec('Decrypt', { CiphertextBlob: blob }), 'InvalidCiphertextException');
  });

  it('supports DryRun after the checks', () => {
    const { exec, keys } = setup();
    expectKmsError(() => exec('Encrypt', { KeyId: keys[0], Plaintext: bytes('x'), DryRun: true }), 'DryRunOperationException');
    const d = anEngine().withKey({ state: 'Disabled' }).build();
    expectKmsError(() => d.exec('Encrypt', { KeyId: d.keys[0], Plaintext: bytes('x'), DryRun: true }), 'DisabledException');
  });

  it('refuses keys that cannot encrypt', () => {
    const { exec, keys } = anEngine().withKey({ keySpec: 'ECC_NIST_P256', keyUsage: 'SIGN_VERIFY' }).withKey({ keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' }).build();
    const [ecc, hmac] = keys;
    const e = expectKmsError(() => exec('Encrypt', { KeyId: ecc, Plaintext: bytes('x') }), 'InvalidKeyUsageException');
    expect(e.message).toBe(`${ecc} key usage is SIGN_VERIFY which is not valid for Encrypt.`);
    expectKmsError(() => exec('GenerateDataKey', { KeyId: hmac, KeySpec: 'AES_256' }), 'InvalidKeyUsageException');
  });

  it('answers NotFoundException for unknown keys, bad ids and other Regions', () => {
    const { exec, keys } = setup();
    const e = expectKmsError(() => exec('Encrypt', { KeyId: 'fake-key-id', Plaintext: bytes('x') }), 'NotFoundException');
    expect(e.message).toBe("Invalid keyId 'fake-key-id'");
    const missing = keys[0].replace(/key\/.*/, 'key/00000000-0000-4000-8000-000000000000');
    expect(expectKmsError(() => exec('Encrypt', { KeyId: missing, Plaintext: bytes('x') }), 'NotFoundException').message).toBe(`Key '${missing}' does not exist`);
    const otherRegion = keys[0].replace('us-east-1', 'eu-west-1');
    expect(expectKmsError(() => exec('Encrypt', { KeyId: otherRegion, Plaintext: bytes('x') }), 'NotFoundException').message).toBe('Invalid arn us-east-1');
    const inEu = userCaller('admin', ACCOUNT, 'eu-west-1');
    expectKmsError(() => exec('Encrypt', { KeyId: keys[0].split('/')[1], Plaintext: bytes('x') }, inEu), 'NotFoundException');
    expect(expectKmsError(() => exec('Encrypt', { KeyId: 'alias/none', Plaintext: bytes('x') }), 'NotFoundException').message).toBe(
      `Alias arn:aws:kms:us-east-1:${ACCOUNT}:alias/none is not found.`,
    );
  });
});

describe('ReEncrypt, GenerateDataKey, GenerateRandom', () => {
  it('re-encrypts under another key and context, reporting both material ids', () => {
    const { exec, keys } = anEngine().withKey().withKey().build();
    const blob = exec('Encrypt', { KeyId: keys[0], Plaintext: bytes('move me'), EncryptionContext: { a: '1' } }).CiphertextBlob;
    const re = exec('ReEncrypt', { CiphertextBlob: blob, SourceEncryptionContext: { a: '1' }, DestinationKeyId: keys[1], DestinationEncryptionContext: { b: '2' } });
    expect(re).toMatchObject({ SourceKeyId: keys[0], KeyId: keys[1], SourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT', DestinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
    expect(re.SourceKeyMaterialId).not.toBe(re.DestinationKeyMaterialId);
    expect(text(exec('Decrypt', { CiphertextBlob: re.CiphertextBlob, EncryptionContext: { b: '2' } }).Plaintext)).toBe('move me');
    expectKmsError(() => exec('ReEncrypt', { CiphertextBlob: blob, DestinationKeyId: keys[1] }), 'InvalidCiphertextException');
    expectKmsError(() => exec('ReEncrypt', { CiphertextBlob: blob, SourceKeyId: keys[1], SourceEncryptionContext: { a: '1' }, DestinationKeyId: keys[1] }), 'IncorrectKeyException');
    expectKmsError(() => exec('ReEncrypt', { CiphertextBlob: blob, SourceEncryptionContext: { a: '1' } }), 'ValidationException');
  });

  it('generates data keys by KeySpec xor NumberOfBytes, whose ciphertext decrypts to the plaintext key', () => {
    const { exec, keys } = anEngine().withKey().build();
    const dk = exec('GenerateDataKey', { KeyId: keys[0], KeySpec: 'AES_256', EncryptionContext: { app: 'x' } });
    expect((dk.Plaintext as Uint8Array).length).toBe(32);
    expect(dk.KeyId).toBe(keys[0]);
    expect(typeof dk.KeyMaterialId).toBe('string');
    expect(exec('Decrypt', { CiphertextBlob: dk.CiphertextBlob, EncryptionContext: { app: 'x' } }).Plaintext).toEqual(dk.Plaintext);
    expect((exec('GenerateDataKey', { KeyId: keys[0], KeySpec: 'AES_128' }).Plaintext as Uint8Array).length).toBe(16);
    expect((exec('GenerateDataKey', { KeyId: keys[0], NumberOfBytes: 1024 }).Plaintext as Uint8Array).length).toBe(1024);
    expectKmsError(() => exec('GenerateDataKey', { KeyId: keys[0] }), 'ValidationException');
    expectKmsError(() => exec('GenerateDataKey', { KeyId: keys[0], KeySpec: 'AES_256', NumberOfBytes: 32 }), 'ValidationException');
    expectKmsError(() => exec('GenerateDataKey', { KeyId: keys[0], NumberOfBytes: 1025 }), 'ValidationException');
    expectKmsError(() => exec('GenerateDataKey', { KeyId: keys[0], KeySpec: 'AES_512' }), 'ValidationException');
    const wp = exec('GenerateDataKeyWithoutPlaintext', { KeyId: keys[0], KeySpec: 'AES_256' });
    expect(wp.Plaintext).toBeUndefined();
    expect((exec('Decrypt', { CiphertextBlob: wp.CiphertextBlob }).Plaintext as Uint8Array).length).toBe(32);
  });

  it('generates 1–1024 random bytes', () => {
    const { exec } = anEngine().build();
    expect((exec('GenerateRandom', { NumberOfBytes: 1 }).Plaintext as Uint8Array).length).toBe(1);
    expect((exec('GenerateRandom', { NumberOfBytes: 1024 }).Plaintext as Uint8Array).length).toBe(1024);
    expect(expectKmsError(() => exec('GenerateRandom', { NumberOfBytes: 1025 }), 'ValidationException').message).toBe(
      "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024",
    );
    expect(expectKmsError(() => exec('GenerateRandom', {}), 'ValidationException').message).toBe('NumberOfBytes is required.');
  });
});
