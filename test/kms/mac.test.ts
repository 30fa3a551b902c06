import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { anEngine, bytes, expectKmsError } from './builder.js';

const SPECS = [['HMAC_224', 'sha224', 28], ['HMAC_256', 'sha256', 32], ['HMAC_384', 'sha384', 48], ['HMAC_512', 'sha512', 64]] as const;

describe('HMAC keys: GenerateMac / VerifyMac', () => {
  for (const [spec, hash, len] of SPECS) {
    it(`${spec}: the MAC equals node:crypto's HMAC with the key material, and VerifyMac accepts it`, () => {
      const b = anEngine().withKey({ keySpec: spec, keyUsage: 'GENERATE_VERIFY_MAC' }).build();
      const alg = `HMAC_SHA_${spec.slice(5)}`;
      const md = b.exec('DescribeKey', { KeyId: b.keys[0] }).KeyMetadata as Record<string, unknown>;
      expect(md.MacAlgorithms).toEqual([alg]);
      const secret = Buffer.from(b.engine.toJSON().keys[0].materials[0].bytes, 'base64');
      expect(secret.length).toBe(len);
      const msg = bytes('mac this');
      const out = b.exec('GenerateMac', { KeyId: b.keys[0], Message: msg, MacAlgorithm: alg });
      expect(Buffer.from(out.Mac as Uint8Array).toString('hex')).toBe(createHmac(hash, secret).update(msg).digest('hex'));
      expect(out.MacAlgorithm).toBe(alg);
      expect(b.exec('VerifyMac', { KeyId: b.keys[0], Message: msg, Mac: out.Mac, MacAlgorithm: alg }).MacValid).toBe(true);
      const bad = new Uint8Array(out.Mac as Uint8Array);
      bad[0] ^= 1;
      expectKmsError(() => b.exec('VerifyMac', { KeyId: b.keys[0], Message: msg, Mac: bad, MacAlgorithm: alg }), 'KMSInvalidMacException');
    });
  }

  it('wrong algorithm, wrong key usage, disabled key, missing message', () => {
    const b = anEngine().withKey({ keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' }).withKey().build();
    const [mac, sym] = b.keys;
    expectKmsError(() => b.exec('GenerateMac', { KeyId: mac, Message: bytes('x'), MacAlgorithm: 'HMAC_SHA_512' }), 'InvalidKeyUsageException');
    expectKmsError(() => b.exec('GenerateMac', { KeyId: sym, Message: bytes('x'), MacAlgorithm: 'HMAC_SHA_256' }), 'InvalidKeyUsageException');
    expectKmsError(() => b.exec('Encrypt', { KeyId: mac, Plaintext: bytes('x') }), 'InvalidKeyUsageException');
    expectKmsError(() => b.exec('GenerateMac', { KeyId: mac, MacAlgorithm: 'HMAC_SHA_256' }), 'ValidationException');
    expectKmsError(() => b.exec('GenerateMac', { KeyId: mac, Message: bytes('x'), MacAlgorithm: 'HMAC_SHA_256', DryRun: true }), 'DryRunOperationException');
    b.exec('DisableKey', { KeyId: mac });
    expectKmsError(() => b.exec('GenerateMac', { KeyId: mac, Message: bytes('x'), MacAlgorithm: 'HMAC_SHA_256' }), 'DisabledException');
    const ev = b.engine.audit[b.engine.audit.length - 1];
    expect(ev.eventName).toBe('GenerateMac');
    expect(ev.errorCode).toBe('DisabledException');
  });
});
