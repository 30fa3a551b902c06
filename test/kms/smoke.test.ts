import { describe, expect, it } from '@jest/globals';
import { anEngine, bytes, text } from './builder.js';

describe('smoke', () => {
  it('encrypts and decrypts', () => {
    const { exec, keys } = anEngine().withKey({ alias: 'alias/app' }).build();
    const enc = exec('Encrypt', { KeyId: 'alias/app', Plaintext: bytes('hello') });
    expect(enc.KeyId).toBe(keys[0]);
    const dec = exec('Decrypt', { CiphertextBlob: enc.CiphertextBlob });
    expect(text(dec.Plaintext)).toBe('hello');
  });
});
