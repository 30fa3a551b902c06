import { describe, expect, it } from '@jest/globals';
import { anEngine, bytes, expectKmsError, OTHER_ACCOUNT, userCaller } from './builder.js';
import { THROTTLING_MESSAGE } from '../../src/kms/operations/throttling.js';

function limited(settings: Record<string, unknown>) {
  const b = anEngine().withKey().withKey({ keySpec: 'ECC_NIST_P256', keyUsage: 'SIGN_VERIFY' }).withKey({ keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' }).build();
  b.engine.settings = { ...b.engine.settings, throttling: { enabled: true, ...settings } };
  return b;
}

describe('throttling (token buckets on the simulated clock)', () => {
  it('is off by default: many calls in the same millisecond all succeed', () => {
    const b = anEngine().withKey().build();
    for (let i = 0; i < 200; i++) b.exec('Encrypt', { KeyId: b.keys[0], Plaintext: bytes('x') });
  });

  it('symmetric operations share one bucket; the call over the quota fails and is audited', () => {
    const b = limited({ symmetricPerSecond: 3 });
    const [sym, , mac] = b.keys;
    b.exec('Encrypt', { KeyId: sym, Plaintext: bytes('x') });
    b.exec('GenerateDataKey', { KeyId: sym, KeySpec: 'AES_256' });
    b.exec('GenerateMac', { KeyId: mac, Message: bytes('x'), MacAlgorithm: 'HMAC_SHA_256' });
    const e = expectKmsError(() => b.exec('GenerateRandom', { NumberOfBytes: 8 }), 'ThrottlingException');
    expect(e.message).toBe(THROTTLING_MESSAGE);
    const ev = b.engine.audit[b.engine.audit.length - 1];
    expect(ev.eventName).toBe('GenerateRandom');
    expect(ev.errorCode).toBe('ThrottlingException');
    // Control-plane calls are not in the bucket.
    b.exec('DescribeKey', { KeyId: sym });
  });

  it('refills with simulated time: 1/3 s brings back one token at 3 per second', () => {
    const b = limited({ symmetricPerSecond: 3 });
    const enc = () => b.exec('Encrypt', { KeyId: b.keys[0], Plaintext: bytes('x') });
    enc(); enc(); enc();
    expectKmsError(enc, 'ThrottlingException');
    b.clock.advance(200);
    expectKmsError(enc, 'ThrottlingException');
    b.clock.advance(140);
    enc();
    expectKmsError(enc, 'ThrottlingException');
    b.engine.advance(10_000);
    enc(); enc(); enc();
    expectKmsError(enc, 'ThrottlingException');
  });

  it('ECC operations have their own bucket, apart from the symmetric one', () => {
    const b = limited({ symmetricPerSecond: 1, eccPerSecond: 2 });
    const [sym, ecc] = b.keys;
    b.exec('Encrypt', { KeyId: sym, Plaintext: bytes('x') });
    expectKmsError(() => b.exec('Encrypt', { KeyId: sym, Plaintext: bytes('x') }), 'ThrottlingException');
    const sign = () => b.exec('Sign', { KeyId: ecc, Message: bytes('m'), SigningAlgorithm: 'ECDSA_SHA_256' });
    sign(); sign();
    expectKmsError(sign, 'ThrottlingException');
  });

  it('quotas are per account (and Region): another account has its own bucket', () => {
    const b = limited({ symmetricPerSecond: 1 });
    b.exec('GenerateRandom', { NumberOfBytes: 8 });
    expectKmsError(() => b.exec('GenerateRandom', { NumberOfBytes: 8 }), 'ThrottlingException');
    b.exec('GenerateRandom', { NumberOfBytes: 8 }, userCaller('bob', OTHER_ACCOUNT));
    b.exec('GenerateRandom', { NumberOfBytes: 8 }, userCaller('admin', undefined, 'eu-west-1'));
  });

  it('per-operation control-plane rates; settings survive the state document', () => {
    const b = limited({ perOperation: { CreateKey: 2 } });
    b.exec('CreateKey', {});
    b.exec('CreateKey', {});
    expectKmsError(() => b.exec('CreateKey', {}), 'ThrottlingException');
    const doc = b.engine.toJSON();
    expect(doc.settings.throttling).toEqual({ enabled: true, perOperation: { CreateKey: 2 } });
  });
});
