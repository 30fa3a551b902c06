import { describe, expect, it } from '@jest/globals';
import { constants, createPrivateKey, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import { MATERIAL_FILE, TOKEN_FILE, wrapCommand } from '../../src/labs/wrap-command.js';

const rnd = (n: number) => new Uint8Array(n).fill(4);

describe('wrap-key-material meta-command', () => {
  it('wraps new material with a saved public key so that the private key unwraps it, and shows openssl', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const files: Record<string, string> = { 'pub.bin': publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
    const r = wrapCommand(['pub.bin', 'RSAES_OAEP_SHA_256', 'out.bin'], files, rnd);
    expect(r.exitCode).toBe(0);
    expect(r.text).toContain('openssl pkeyutl -encrypt');
    const plain = privateDecrypt({ key: createPrivateKey(privateKey.export({ type: 'pkcs8', format: 'pem' })), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(files['out.bin'], 'base64'));
    expect(plain.toString('base64')).toBe(files[MATERIAL_FILE]);
  });

  it('reads a saved JSON answer and saves its ImportToken; bad input gives usage and exit codes', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const json = JSON.stringify({ PublicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), ImportToken: 'dG9rZW4=' });
    const files: Record<string, string> = { 'params.json': Buffer.from(json).toString('base64') };
    expect(wrapCommand(['params.json', 'RSA_AES_KEY_WRAP_SHA_256', 'out.bin'], files, rnd).exitCode).toBe(0);
    expect(files[TOKEN_FILE]).toBe('dG9rZW4=');
    expect(wrapCommand(['params.json'], files, rnd).exitCode).toBe(2);
    expect(wrapCommand(['missing.bin', 'RSAES_OAEP_SHA_1', 'o'], files, rnd).exitCode).toBe(1);
    expect(wrapCommand(['params.json', 'SM2PKE', 'o'], files, rnd).exitCode).toBe(1);
  });
});
