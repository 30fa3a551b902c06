// GetPublicKey, Sign and Verify with RSA, ECC_NIST_P256/P384/P521, ECC_SECG_P256K1 (RAW or DIGEST) and ML-DSA (RAW or EXTERNAL_MU) keys.
// Differs: ECDSA is deterministic (RFC 6979); RSA key pairs are generated on first use (operations/rsa-keys.ts).
import type { Call } from '../call.js';
import { eccAlgorithm, eccPublicKeyDer, eccSign, eccVerify, isEccSpec, type EccSpec } from '../crypto/ecc.js';
import { DryRunOperationException, InvalidKeyUsageException, KMSInvalidSignatureException, UnsupportedOperationException, ValidationException } from '../errors.js';
import { currentMaterial, keyMetadata, type KeyRecord } from '../model/key.js';
import { optBool, optString, optStringList, reqBlob, reqString, type Req } from '../validate.js';
import { register } from './registry.js';
import { rsaPublicKeyDer } from '../crypto/rsa.js';
import { ed25519PublicKeyDer, ed25519Sign, ed25519Verify } from '../crypto/ed25519.js';
import { isMlDsaSpec, mlDsaPublicKeyDer, mlDsaSign, mlDsaVerify, MU_LENGTH, type MlDsaSpec } from '../crypto/mldsa.js';
import { isRsaSpec, rsaKeyOf, rsaSignMessage, rsaVerifyMessage } from './rsa-keys.js';

export const SIGNING_ALGORITHMS = [
  'RSASSA_PSS_SHA_256', 'RSASSA_PSS_SHA_384', 'RSASSA_PSS_SHA_512', 'RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_384',
  'RSASSA_PKCS1_V1_5_SHA_512', 'ECDSA_SHA_256', 'ECDSA_SHA_384', 'ECDSA_SHA_512', 'SM2DSA', 'ML_DSA_SHAKE_256', 'ED25519_SHA_512', 'ED25519_PH_SHA_512',
] as const;
const DRY_RUN = 'The request would have succeeded, but the DryRun option is set.';

/** The key's private material for a simulated spec, or UnsupportedOperationException. */
function material(key: KeyRecord): Uint8Array {
  const m = currentMaterial(key);
  if (!m) throw new UnsupportedOperationException(`${key.arn} key spec is ${key.keySpec}, whose key pair the simulator does not generate.`);
  return m.bytes;
}

function signingKey(c: Call, req: Req, operation: 'Sign' | 'Verify') {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const message = reqBlob(req, 'Message', 1, 4096);
  const messageType = optString(req, 'MessageType', { enum: ['RAW', 'DIGEST', 'EXTERNAL_MU'] }) ?? 'RAW';
  const alg = reqString(req, 'SigningAlgorithm', { enum: SIGNING_ALGORITHMS });
  const grantTokens = optStringList(req, 'GrantTokens', { max: 10 });
  const dryRun = optBool(req, 'DryRun') ?? false;
  const key = c.key(keyId, {
    aliasOk: true, crossAccount: true, grantTokens, context: { 'kms:SigningAlgorithm': alg, 'kms:MessageType': messageType },
  });
  if (key.keyUsage !== 'SIGN_VERIFY') throw new InvalidKeyUsageException(`${key.arn} key usage is ${key.keyUsage} which is not valid for ${operation}.`);
  if (isRsaSpec(key.keySpec)) {
    if (messageType === 'EXTERNAL_MU') throw new ValidationException(`MessageType EXTERNAL_MU is only valid for ML_DSA key specs.`);
    const isDigest = messageType === 'DIGEST';
    if (dryRun) throw new DryRunOperationException(DRY_RUN);
    return {
      key, alg,
      sign: () => rsaSignMessage(c, key, alg, message, isDigest),
      verify: (sig: Uint8Array) => rsaVerifyMessage(c, key, alg, message, isDigest, sig),
    };
  }
  if (isMlDsaSpec(key.keySpec)) {
    const spec: MlDsaSpec = key.keySpec;
    // https://docs.aws.amazon.com/kms/latest/developerguide/mldsa.html: ML_DSA_SHAKE_256 with RAW or EXTERNAL_MU (wording ours).
    if (alg !== 'ML_DSA_SHAKE_256') throw new InvalidKeyUsageException(`Algorithm ${alg} is incompatible with key spec ${spec}.`);
    if (messageType === 'DIGEST') throw new ValidationException(`MessageType DIGEST is not supported for ${spec} keys; use RAW or EXTERNAL_MU.`);
    const externalMu = messageType === 'EXTERNAL_MU';
    if (externalMu && message.length !== MU_LENGTH) throw new ValidationException(`An EXTERNAL_MU message must be ${MU_LENGTH} bytes, got ${message.length}.`);
    if (dryRun) throw new DryRunOperationException(DRY_RUN);
    const seed = material(key);
    return {
      key, alg,
      sign: () => mlDsaSign(spec, seed, message, externalMu, c.core.random.bytes(32)),
      verify: (sig: Uint8Array) => mlDsaVerify(spec, seed, message, externalMu, sig),
    };
  }
  if (key.keySpec === 'ECC_NIST_EDWARDS25519') {
    // API_Sign: ED25519_SHA_512 requires MessageType RAW, ED25519_PH_SHA_512 requires DIGEST (a 64-byte SHA-512); wording ours.
    if (alg !== 'ED25519_SHA_512' && alg !== 'ED25519_PH_SHA_512') throw new InvalidKeyUsageException(`Algorithm ${alg} is incompatible with key spec ${key.keySpec}.`);
    const prehashed = alg === 'ED25519_PH_SHA_512';
    if (prehashed && messageType !== 'DIGEST') throw new ValidationException('ED25519_PH_SHA_512 requires MessageType DIGEST.');
    if (!prehashed && messageType !== 'RAW') throw new ValidationException('ED25519_SHA_512 requires MessageType RAW.');
    if (prehashed && message.length !== 64) throw new ValidationException(`Digest is invalid length for algorithm ${alg}: expected 64 bytes, got ${message.length}.`);
    if (dryRun) throw new DryRunOperationException(DRY_RUN);
    const secret = material(key);
    return {
      key, alg,
      sign: () => ed25519Sign(secret, message, prehashed),
      verify: (sig: Uint8Array) => ed25519Verify(secret, message, prehashed, sig),
    };
  }
  if (!isEccSpec(key.keySpec)) {
    material(key);
    throw new UnsupportedOperationException(`Signing with ${key.keySpec} keys is not simulated.`);
  }
  const spec: EccSpec = key.keySpec;
  const { algorithm, digestLength } = eccAlgorithm(spec);
  // Wording is ours: AWS answers an algorithm the key spec does not support with InvalidKeyUsageException.
  if (alg !== algorithm) throw new InvalidKeyUsageException(`Algorithm ${alg} is incompatible with key spec ${spec}.`);
  if (messageType === 'EXTERNAL_MU') throw new ValidationException(`MessageType EXTERNAL_MU is only valid for ML_DSA key specs.`);
  const isDigest = messageType === 'DIGEST';
  if (isDigest && message.length !== digestLength) {
    throw new ValidationException(`Digest is invalid length for algorithm ${alg}: expected ${digestLength} bytes, got ${message.length}.`);
  }
  if (dryRun) throw new DryRunOperationException(DRY_RUN);
  const priv = material(key);
  return {
    key, alg,
    sign: () => eccSign(spec, priv, message, isDigest),
    verify: (sig: Uint8Array) => eccVerify(spec, priv, message, isDigest, sig),
  };
}

register('Sign', true, (c: Call, req: Req) => {
  const s = signingKey(c, req, 'Sign');
  return { KeyId: s.key.arn, Signature: s.sign(), SigningAlgorithm: s.alg };
});

register('Verify', true, (c: Call, req: Req) => {
  // Signature is read first so a missing one is a ValidationException before any key lookup.
  const signature = reqBlob(req, 'Signature', 1, 6144);
  const s = signingKey(c, req, 'Verify');
  // KMS throws rather than returning SignatureValid: false.
  if (!s.verify(signature)) throw new KMSInvalidSignatureException('');
  return { KeyId: s.key.arn, SignatureValid: true, SigningAlgorithm: s.alg };
});

register('GetPublicKey', true, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const grantTokens = optStringList(req, 'GrantTokens', { max: 10 });
  const key = c.key(keyId, { aliasOk: true, crossAccount: true, grantTokens });
  if (key.keySpec === 'SYMMETRIC_DEFAULT' || key.keyUsage === 'GENERATE_VERIFY_MAC') {
    throw new UnsupportedOperationException(`${key.arn} key spec is ${key.keySpec} which is not valid for GetPublicKey.`);
  }
  let publicKey: Uint8Array;
  if (isRsaSpec(key.keySpec)) publicKey = rsaPublicKeyDer(rsaKeyOf(c, key));
  else if (isEccSpec(key.keySpec)) publicKey = eccPublicKeyDer(key.keySpec, material(key));
  else if (isMlDsaSpec(key.keySpec)) publicKey = mlDsaPublicKeyDer(key.keySpec, material(key));
  else if (key.keySpec === 'ECC_NIST_EDWARDS25519') publicKey = ed25519PublicKeyDer(material(key));
  else throw new UnsupportedOperationException(`Public keys of ${key.keySpec} keys are not simulated.`);
  const md = keyMetadata(key);
  const out: Record<string, unknown> = {
    KeyId: key.arn, PublicKey: publicKey, CustomerMasterKeySpec: key.keySpec, KeySpec: key.keySpec, KeyUsage: key.keyUsage,
  };
  if (md.SigningAlgorithms) out.SigningAlgorithms = md.SigningAlgorithms;
  if (md.EncryptionAlgorithms) out.EncryptionAlgorithms = md.EncryptionAlgorithms;
  if (key.keyUsage === 'KEY_AGREEMENT') out.KeyAgreementAlgorithms = ['ECDH'];
  return out;
});
