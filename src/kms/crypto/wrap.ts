// Wrapping imported key material as a learner does with openssl: RSAES_OAEP_SHA_1/SHA_256 with the wrapping public key,
// or RSA_AES_KEY_WRAP_SHA_256 (an AES-256 key wrapped with OAEP-SHA-256, the material with AES key wrap with padding, RFC 5649).
import { noble } from '../../aws/noble.js';
import { oaepDecrypt, oaepEncrypt, parseRsaPublicKeyDer, type RsaHash } from './rsa.js';
import type { RsaPrivate } from './rsa-keygen.js';

export const WRAPPING_ALGORITHMS = ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'RSA_AES_KEY_WRAP_SHA_1', 'RSA_AES_KEY_WRAP_SHA_256', 'SM2PKE'] as const;

const hashOf = (alg: string): RsaHash => (alg.endsWith('SHA_1') ? 'SHA_1' : 'SHA_256');

/** The equivalent openssl commands (files as the AWS documentation names them). */
export function opensslCommand(alg: string): string {
  const md = hashOf(alg) === 'SHA_1' ? 'sha1' : 'sha256';
  const oaep = `-pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:${md} -pkeyopt rsa_mgf1_md:${md}`;
  if (alg.startsWith('RSAES_OAEP')) {
    return `openssl pkeyutl -encrypt -in PlaintextKeyMaterial.bin -out EncryptedKeyMaterial.bin -inkey WrappingPublicKey.bin -keyform DER -pubin ${oaep}`;
  }
  return [
    'openssl rand -out aes-key.bin 32',
    'openssl enc -id-aes256-wrap-pad -K "$(xxd -p < aes-key.bin | tr -d \'\\n\')" -iv A65959A6 -in PlaintextKeyMaterial.bin -out key-material-wrapped.bin',
    `openssl pkeyutl -encrypt -in aes-key.bin -out aes-key-wrapped.bin -inkey WrappingPublicKey.bin -keyform DER -pubin ${oaep}`,
    'cat aes-key-wrapped.bin key-material-wrapped.bin > EncryptedKeyMaterial.bin',
  ].join('\n');
}

/**
 * Wraps `material` for ImportKeyMaterial. `randomBytes` supplies the OAEP seed (and the ephemeral AES key).
 * Throws RangeError for a public key that is not RSA or an algorithm we do not simulate.
 */
export function wrapKeyMaterial(publicKeyDer: Uint8Array, alg: string, material: Uint8Array, randomBytes: (n: number) => Uint8Array): { EncryptedKeyMaterial: Uint8Array; openssl: string } {
  const pub = parseRsaPublicKeyDer(publicKeyDer);
  if (!pub) throw new RangeError('the wrapping public key is not a DER RSA SubjectPublicKeyInfo');
  const h = hashOf(alg);
  const seedLen = h === 'SHA_1' ? 20 : 32;
  let out: Uint8Array;
  if (alg === 'RSAES_OAEP_SHA_1' || alg === 'RSAES_OAEP_SHA_256') {
    out = oaepEncrypt(pub, h, material, randomBytes(seedLen));
  } else if (alg === 'RSA_AES_KEY_WRAP_SHA_1' || alg === 'RSA_AES_KEY_WRAP_SHA_256') {
    const aesKey = randomBytes(32);
    const wrappedKey = oaepEncrypt(pub, h, aesKey, randomBytes(seedLen));
    const wrapped = noble('@noble/ciphers/aes.js').aeskwp(aesKey).encrypt(material);
    out = new Uint8Array(wrappedKey.length + wrapped.length);
    out.set(wrappedKey);
    out.set(wrapped, wrappedKey.length);
  } else {
    throw new RangeError(`wrapping algorithm ${alg} is not simulated`);
  }
  return { EncryptedKeyMaterial: out, openssl: opensslCommand(alg) };
}

/** The engine's side: undefined when the blob does not unwrap with this private key and algorithm. */
export function unwrapKeyMaterial(key: RsaPrivate, alg: string, blob: Uint8Array): Uint8Array | undefined {
  const h = hashOf(alg);
  if (alg.startsWith('RSAES_OAEP')) return oaepDecrypt(key, h, blob);
  const k = Math.ceil(key.n.toString(2).length / 8);
  if (blob.length <= k) return undefined;
  const aesKey = oaepDecrypt(key, h, blob.subarray(0, k));
  if (!aesKey || aesKey.length !== 32) return undefined;
  try {
    return noble('@noble/ciphers/aes.js').aeskwp(aesKey).decrypt(blob.subarray(k));
  } catch {
    return undefined;
  }
}
