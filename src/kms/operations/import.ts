// GetParametersForImport, ImportKeyMaterial and DeleteImportedKeyMaterial for symmetric keys with Origin EXTERNAL;
// expiry on the simulated clock; NEW_KEY_MATERIAL waits in PENDING_ROTATION for RotateKeyOnDemand. Differs: only
// SYMMETRIC_DEFAULT single-Region keys rotate imported material; wrapping keys are generated in pure TS.
import { noble } from '../../aws/noble.js';
import type { Call } from '../call.js';
import type { EngineCore } from '../core.js';
import { fromHex, toHex } from '../crypto/blob.js';
import { decodeRsaPrivate, encodeRsaPrivate, rsaPublicKeyDer } from '../crypto/rsa.js';
import { generateRsa } from '../crypto/rsa-keygen.js';
import { unwrapKeyMaterial, WRAPPING_ALGORITHMS } from '../crypto/wrap.js';
import { ExpiredImportTokenException, IncorrectKeyMaterialException, InvalidCiphertextException, InvalidImportTokenException, UnsupportedOperationException, ValidationException } from '../errors.js';
import type { ImportState } from '../model/imported.js';
import type { KeyRecord } from '../model/key.js';
import { hexFrom } from '../../aws/ports.js';
import { optString, reqBlob, reqString, type Req } from '../validate.js';
import { register } from './registry.js';

export const PARAMETERS_VALID_MS = 24 * 3_600_000;
const MAX_VALID_TO_MS = 365 * 86_400_000;
const WRAPPING_KEY_SPECS = ['RSA_2048', 'RSA_3072', 'RSA_4096', 'SM2'] as const;

function external(key: KeyRecord): ImportState {
  if (key.origin !== 'EXTERNAL') throw new UnsupportedOperationException(`${key.arn} origin is ${key.origin} which is not valid for this operation.`);
  if (key.keySpec !== 'SYMMETRIC_DEFAULT') throw new UnsupportedOperationException(`Importing key material into ${key.keySpec} keys is not simulated.`);
  return (key.imported ??= { known: [] });
}

register('GetParametersForImport', false, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const alg = reqString(req, 'WrappingAlgorithm', { enum: ['RSAES_PKCS1_V1_5', ...WRAPPING_ALGORITHMS] });
  const spec = reqString(req, 'WrappingKeySpec', { enum: WRAPPING_KEY_SPECS });
  const key = c.key(keyId);
  const imp = external(key);
  // RSAES_PKCS1_V1_5 is still in the model's enum, but AWS ended its support on 1 October 2023 (wording ours).
  if (alg === 'RSAES_PKCS1_V1_5') throw new ValidationException('The RSAES_PKCS1_V1_5 wrapping algorithm is no longer supported; use RSAES_OAEP_SHA_256 or RSA_AES_KEY_WRAP_SHA_256.');
  if (alg === 'SM2PKE' || spec === 'SM2') throw new UnsupportedOperationException('SM2 wrapping keys are only available in China Regions.');
  if (alg === 'RSA_AES_KEY_WRAP_SHA_1' || alg === 'RSA_AES_KEY_WRAP_SHA_256' || alg === 'RSAES_OAEP_SHA_1' || alg === 'RSAES_OAEP_SHA_256') {
    // Every RSA wrapping algorithm works with symmetric key material.
  }
  const rsa = generateRsa(Number(spec.slice(4)), c.core.random);
  const token = c.core.random.bytes(32);
  const validTo = c.now() + PARAMETERS_VALID_MS;
  imp.parameters = { token: toHex(token), wrappingAlgorithm: alg, wrappingKeySpec: spec, privateKey: toHex(encodeRsaPrivate(rsa)), validTo };
  return { KeyId: key.arn, ImportToken: token, PublicKey: rsaPublicKeyDer(rsa), ParametersValidTo: new Date(validTo) };
});

function dateMs(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  const t = v instanceof Date ? v.getTime() : typeof v === 'number' ? v * 1000 : typeof v === 'string' ? Date.parse(v) : NaN;
  if (!Number.isFinite(t)) throw new ValidationException("1 validation error detected: Value at 'validTo' failed to satisfy constraint: Member must be a timestamp");
  return t;
}

register('ImportKeyMaterial', false, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const token = reqBlob(req, 'ImportToken', 1, 6144);
  const wrapped = reqBlob(req, 'EncryptedKeyMaterial', 1, 6144);
  const model = (optString(req, 'ExpirationModel', { enum: ['KEY_MATERIAL_EXPIRES', 'KEY_MATERIAL_DOES_NOT_EXPIRE'] }) ?? 'KEY_MATERIAL_EXPIRES') as NonNullable<ImportState['expirationModel']>;
  const importType = optString(req, 'ImportType', { enum: ['NEW_KEY_MATERIAL', 'EXISTING_KEY_MATERIAL'] });
  const description = optString(req, 'KeyMaterialDescription', { min: 0, max: 256 });
  const wantedId = optString(req, 'KeyMaterialId', { min: 64, max: 64 });
  const validTo = dateMs(req.ValidTo);
  if (model === 'KEY_MATERIAL_EXPIRES' && validTo === undefined) throw new ValidationException('A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES');
  if (model === 'KEY_MATERIAL_DOES_NOT_EXPIRE' && validTo !== undefined) throw new ValidationException('A validTo date must not be set if the ExpirationModel is KEY_MATERIAL_DOES_NOT_EXPIRE'); // wording ours
  const key = c.key(keyId);
  const imp = external(key);
  const now = c.now();
  if (validTo !== undefined && (validTo <= now || validTo > now + MAX_VALID_TO_MS)) {
    throw new ValidationException('ValidTo must be in the future and no more than 365 days from now.'); // wording ours
  }
  const p = imp.parameters;
  if (!p || p.token !== toHex(token)) throw new InvalidImportTokenException('The import token is not valid for this key.'); // wording ours
  if (now > p.validTo) throw new ExpiredImportTokenException('The import token has expired. Call GetParametersForImport again.'); // wording ours
  const material = unwrapKeyMaterial(decodeRsaPrivate(fromHex(p.privateKey)), p.wrappingAlgorithm, wrapped);
  if (!material) throw new InvalidCiphertextException('The key material could not be decrypted with the wrapping key and algorithm of this import token.');
  if (material.length !== 32) throw new ValidationException('Symmetric key material must be 256 bits (32 bytes).'); // wording ours
  const digest = toHex(noble('@noble/hashes/sha2.js').sha256(material));
  const type = importType ?? (imp.known.length === 0 ? 'NEW_KEY_MATERIAL' : 'EXISTING_KEY_MATERIAL');
  let id: string;
  if (type === 'EXISTING_KEY_MATERIAL') {
    const target = wantedId ? imp.known.find((k) => k.id === wantedId) : imp.known[0];
    if (!target) throw new IncorrectKeyMaterialException(imp.known.length === 0 ? 'This key has no key material to reimport.' : `No key material ${wantedId} on ${key.arn}.`);
    if (target.digest !== digest) throw new IncorrectKeyMaterialException('The key material is different from the key material previously imported into this KMS key.');
    id = target.id;
  } else {
    if (imp.known.some((k) => k.digest === digest)) throw new IncorrectKeyMaterialException('This key material was already imported into this KMS key; import it with ImportType EXISTING_KEY_MATERIAL.'); // wording ours
    id = wantedId ?? hexFrom(c.core.random, 32);
    imp.known.push({ id, digest, ...(description !== undefined ? { description } : {}) });
    if (key.materials.length > 0) {
      // On-demand rotation of imported material (since June 2025): the new material waits in PENDING_ROTATION
      // until RotateKeyOnDemand makes it current; the key keeps using its current material until then.
      // https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-import-key-material.html
      if (key.multiRegion) throw new UnsupportedOperationException('Rotating imported key material of multi-Region keys is not simulated.');
      imp.pending = { id, material: toHex(material), expirationModel: model, ...(validTo !== undefined ? { validTo } : {}) };
      delete imp.parameters;
      c.additionalEventData = { keyMaterialId: id };
      return { KeyId: key.arn, KeyMaterialId: id };
    }
  }
  if (!key.materials.some((m) => m.id === id)) key.materials.push({ id, bytes: material, createdAt: now, origin: 'EXTERNAL' });
  imp.expirationModel = model;
  if (validTo !== undefined) imp.validTo = validTo;
  else delete imp.validTo;
  delete imp.parameters;
  if (key.state === 'PendingImport') key.state = 'Enabled';
  c.additionalEventData = { keyMaterialId: id };
  return { KeyId: key.arn, KeyMaterialId: id };
});

/** Removes the material of an EXTERNAL key; it returns to PendingImport (unless it is pending deletion). */
export function dropImported(key: KeyRecord): string | undefined {
  const id = key.materials[key.materials.length - 1]?.id;
  key.materials = [];
  if (key.imported) {
    delete key.imported.validTo;
    delete key.imported.expirationModel;
  }
  if (key.state !== 'PendingDeletion' && key.state !== 'PendingReplicaDeletion') key.state = 'PendingImport';
  return id;
}

register('DeleteImportedKeyMaterial', false, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  optString(req, 'KeyMaterialId', { min: 64, max: 64 });
  const key = c.key(keyId);
  external(key);
  const id = dropImported(key);
  return { KeyId: key.arn, ...(id ? { KeyMaterialId: id } : {}) };
});

/** When imported material expires (epoch ms), or undefined. */
export function importExpiry(key: KeyRecord): number | undefined {
  return key.origin === 'EXTERNAL' && key.materials.length > 0 ? key.imported?.validTo : undefined;
}

/** The timed event: KMS deletes expired material and logs DeleteExpiredKeyMaterial. */
export function expireImported(core: EngineCore, key: KeyRecord, at: number): void {
  const id = dropImported(key);
  core.serviceEvent('DeleteExpiredKeyMaterial', key, at, id ? { keyMaterialId: id } : undefined);
}
