// Encrypt, Decrypt, ReEncrypt, GenerateDataKey(WithoutPlaintext), GenerateRandom with symmetric AES-256-GCM keys.
// Differs: asymmetric (RSA/SM2) encryption is not simulated yet (UnsupportedOperationException); Recipient is refused.
import type { Call } from '../call.js';
import { openBlob, readHeader, sealBlob } from '../crypto/blob.js';
import { NONCE_LENGTH } from '../crypto/aes-gcm.js';
import {
  AccessDeniedException, DryRunOperationException, IncorrectKeyException, InvalidCiphertextException, InvalidKeyUsageException,
  UnsupportedOperationException, ValidationException, CustomKeyStoreNotFoundException } from '../errors.js';
import { currentMaterial, type KeyRecord } from '../model/key.js';
import type { KeyMaterial } from '../model/key-material.js';
import { optBool, optInt, optString, optStringList, optStringMap, reqBlob, reqString, type Req } from '../validate.js';
import { register } from './registry.js';
import { customKeyStoreNotFoundMessage } from './custom-key-stores.js';
import { relatedIn } from './multi-region.js';
import { isRsaSpec, rsaDecrypt, rsaEncrypt } from './rsa-keys.js';

const ALGORITHMS = ['SYMMETRIC_DEFAULT', 'RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'SM2PKE'] as const;
const DRY_RUN = 'The request would have succeeded, but the DryRun option is set.';
/** AWS's wording when the ciphertext names a key that is gone or in another Region. */
export const UNKNOWN_CIPHERTEXT_KEY =
  'The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.';

interface CryptoArgs {
  encryptionContext?: Record<string, string>;
  grantTokens?: string[];
  dryRun: boolean;
}

function common(req: Req, contextName = 'EncryptionContext'): CryptoArgs {
  if (req.Recipient !== undefined) throw new UnsupportedOperationException('Recipient (Nitro Enclaves attestation) is not simulated.');
  return {
    encryptionContext: optStringMap(req, contextName),
    grantTokens: optStringList(req, 'GrantTokens', { max: 10 }),
    dryRun: optBool(req, 'DryRun') ?? false,
  };
}

function algorithm(req: Req, name: string): string {
  return optString(req, name, { enum: ALGORITHMS }) ?? 'SYMMETRIC_DEFAULT';
}

/** The key must be a symmetric encryption key used with SYMMETRIC_DEFAULT. */
function assertSymmetric(key: KeyRecord, operation: string, alg: string): KeyMaterial {
  if (key.keyUsage !== 'ENCRYPT_DECRYPT') {
    throw new InvalidKeyUsageException(`${key.arn} key usage is ${key.keyUsage} which is not valid for ${operation}.`);
  }
  if (key.keySpec !== 'SYMMETRIC_DEFAULT') {
    if (operation.startsWith('GenerateDataKey')) throw new InvalidKeyUsageException(`${key.arn} key spec is ${key.keySpec} which is not valid for ${operation}.`);
    throw new UnsupportedOperationException(`Asymmetric encryption with ${key.keySpec} keys is not simulated.`);
  }
  if (alg !== 'SYMMETRIC_DEFAULT') throw new InvalidKeyUsageException(`The encryption algorithm ${alg} is not valid for a SYMMETRIC_DEFAULT key.`);
  const m = currentMaterial(key);
  if (!m) throw new UnsupportedOperationException(`${key.arn} has no key material.`);
  return m;
}

function seal(c: Call, key: KeyRecord, m: KeyMaterial, plaintext: Uint8Array, ctx?: Record<string, string>): Uint8Array {
  return sealBlob({ handle: key.handle, materialId: m.id }, m.bytes, c.core.random.bytes(NONCE_LENGTH), plaintext, ctx);
}

/** Finds the key inside a ciphertext, checks an optional KeyId against it, authorizes and state-checks it, and opens it. */
function openCiphertext(c: Call, blob: Uint8Array, keyIdParam: string | undefined, args: CryptoArgs, action: string, alg: string) {
  const header = readHeader(blob);
  if (!header) throw new InvalidCiphertextException('');
  const found = c.core.store.keyByHandle(header.handle);
  if (!found) {
    if (c.core.store.deletedHandles.has(header.handle)) throw new AccessDeniedException(UNKNOWN_CIPHERTEXT_KEY);
    throw new InvalidCiphertextException('');
  }
  // A multi-Region key's ciphertext decrypts with the related key in the caller's Region.
  const key = found.region === c.caller.region ? found : relatedIn(c.core.store, found, c.caller.region);
  if (!key) throw new AccessDeniedException(UNKNOWN_CIPHERTEXT_KEY);
  if (keyIdParam !== undefined) {
    const named = c.resolve(keyIdParam, { aliasOk: true, crossAccount: true });
    if (named !== key) throw new IncorrectKeyException('The key ID in the request does not identify a CMK that can perform this operation.');
  }
  c.use(key, { action, stateOp: c.operation, encryptionContext: args.encryptionContext, grantTokens: args.grantTokens, context: { 'kms:EncryptionAlgorithm': alg } }, keyIdParam);
  assertSymmetric(key, c.operation, alg);
  const material = key.materials.find((m) => m.id === header.materialId);
  if (!material) throw new InvalidCiphertextException('');
  const plaintext = openBlob(blob, material.bytes, args.encryptionContext);
  if (!plaintext) throw new InvalidCiphertextException('');
  return { key, material, plaintext };
}

register('Encrypt', true, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const plaintext = reqBlob(req, 'Plaintext', 1, 4096);
  const args = common(req);
  const alg = algorithm(req, 'EncryptionAlgorithm');
  const key = c.key(keyId, { aliasOk: true, crossAccount: true, encryptionContext: args.encryptionContext, grantTokens: args.grantTokens, context: { 'kms:EncryptionAlgorithm': alg } });
  if (isRsaSpec(key.keySpec)) {
    // RSA: the ciphertext has no header; Decrypt will need KeyId and EncryptionAlgorithm.
    const ct = rsaEncrypt(c, key, plaintext, alg);
    if (args.dryRun) throw new DryRunOperationException(DRY_RUN);
    return { CiphertextBlob: ct, KeyId: key.arn, EncryptionAlgorithm: alg };
  }
  const m = assertSymmetric(key, 'Encrypt', alg);
  if (args.dryRun) throw new DryRunOperationException(DRY_RUN);
  c.additionalEventData = { keyMaterialId: m.id };
  return { CiphertextBlob: seal(c, key, m, plaintext, args.encryptionContext), KeyId: key.arn, EncryptionAlgorithm: alg };
});

register('Decrypt', true, (c: Call, req: Req) => {
  const blob = reqBlob(req, 'CiphertextBlob', 1, 6144);
  const keyId = optString(req, 'KeyId', { min: 1, max: 2048 });
  const args = common(req);
  const alg = algorithm(req, 'EncryptionAlgorithm');
  if (keyId !== undefined && alg !== 'SYMMETRIC_DEFAULT') {
    const rsaKey = c.key(keyId, { aliasOk: true, crossAccount: true, action: 'kms:Decrypt', encryptionContext: args.encryptionContext, grantTokens: args.grantTokens, context: { 'kms:EncryptionAlgorithm': alg } });
    if (isRsaSpec(rsaKey.keySpec)) {
      const out = rsaDecrypt(c, rsaKey, blob, alg);
      if (args.dryRun) throw new DryRunOperationException(DRY_RUN);
      return { KeyId: rsaKey.arn, Plaintext: out, EncryptionAlgorithm: alg };
    }
  }
  const { key, material, plaintext } = openCiphertext(c, blob, keyId, args, 'kms:Decrypt', alg);
  if (args.dryRun) throw new DryRunOperationException(DRY_RUN);
  c.additionalEventData = { keyMaterialId: material.id };
  return { KeyId: key.arn, Plaintext: plaintext, EncryptionAlgorithm: alg, KeyMaterialId: material.id };
});

register('ReEncrypt', true, (c: Call, req: Req) => {
  const blob = reqBlob(req, 'CiphertextBlob', 1, 6144);
  const sourceKeyId = optString(req, 'SourceKeyId', { min: 1, max: 2048 });
  const destKeyId = reqString(req, 'DestinationKeyId', { max: 2048 });
  const src = common(req, 'SourceEncryptionContext');
  const destContext = optStringMap(req, 'DestinationEncryptionContext');
  const srcAlg = algorithm(req, 'SourceEncryptionAlgorithm');
  const destAlg = algorithm(req, 'DestinationEncryptionAlgorithm');
  const from = openCiphertext(c, blob, sourceKeyId, src, 'kms:ReEncryptFrom', srcAlg);
  const destKey = c.resolve(destKeyId, { aliasOk: true, crossAccount: true });
  const dest = c.use(destKey, {
    action: 'kms:ReEncryptTo', encryptionContext: destContext, grantTokens: src.grantTokens,
    context: { 'kms:ReEncryptOnSameKey': destKey === from.key, 'kms:EncryptionAlgorithm': destAlg },
  }, destKeyId);
  const m = assertSymmetric(dest, 'ReEncrypt', destAlg);
  if (src.dryRun) throw new DryRunOperationException(DRY_RUN);
  c.additionalEventData = { sourceKeyMaterialId: from.material.id, destinationKeyMaterialId: m.id };
  return {
    CiphertextBlob: seal(c, dest, m, from.plaintext, destContext),
    SourceKeyId: from.key.arn,
    KeyId: dest.arn,
    SourceEncryptionAlgorithm: srcAlg,
    DestinationEncryptionAlgorithm: destAlg,
    SourceKeyMaterialId: from.material.id,
    DestinationKeyMaterialId: m.id,
  };
});

function dataKey(c: Call, req: Req, withPlaintext: boolean): Record<string, unknown> {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const spec = optString(req, 'KeySpec', { enum: ['AES_256', 'AES_128'] });
  const n = optInt(req, 'NumberOfBytes', 1, 1024);
  if (spec === undefined && n === undefined) throw new ValidationException('Please specify either number of bytes or key spec.');
  if (spec !== undefined && n !== undefined) throw new ValidationException('Please specify either number of bytes or key spec, not both.');
  const args = common(req);
  const key = c.key(keyId, { aliasOk: true, crossAccount: true, encryptionContext: args.encryptionContext, grantTokens: args.grantTokens });
  const m = assertSymmetric(key, c.operation, 'SYMMETRIC_DEFAULT');
  if (args.dryRun) throw new DryRunOperationException(DRY_RUN);
  const plaintext = c.core.random.bytes(n ?? (spec === 'AES_128' ? 16 : 32));
  c.additionalEventData = { keyMaterialId: m.id };
  const out: Record<string, unknown> = { CiphertextBlob: seal(c, key, m, plaintext, args.encryptionContext) };
  if (withPlaintext) out.Plaintext = plaintext;
  out.KeyId = key.arn;
  out.KeyMaterialId = m.id;
  return out;
}

register('GenerateDataKey', true, (c, req) => dataKey(c, req, true));
register('GenerateDataKeyWithoutPlaintext', true, (c, req) => dataKey(c, req, false));

register('GenerateRandom', true, (c: Call, req: Req) => {
  // The account has no custom key store (custom-key-stores.ts).
  if (req.CustomKeyStoreId !== undefined) throw new CustomKeyStoreNotFoundException(customKeyStoreNotFoundMessage(req.CustomKeyStoreId));
  if (req.Recipient !== undefined) throw new UnsupportedOperationException('Recipient (Nitro Enclaves attestation) is not simulated.');
  const n = optInt(req, 'NumberOfBytes', 1, 1024);
  if (n === undefined) throw new ValidationException('NumberOfBytes is required.');
  c.authorize('kms:GenerateRandom', undefined);
  return { Plaintext: c.core.random.bytes(n) };
});

