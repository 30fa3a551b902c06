// DeriveSharedSecret (June 2024) for KEY_AGREEMENT keys on NIST curves: ECDH with the other party's public key.
// Differs: SM2 key agreement (China Regions) and the Recipient (Nitro Enclaves) parameter are not simulated.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_DeriveSharedSecret.html
import type { Call } from '../call.js';
import { ecdhSharedSecret, isEcdhSpec } from '../crypto/ecdh.js';
import { DryRunOperationException, InvalidKeyUsageException, UnsupportedOperationException, ValidationException } from '../errors.js';
import { KEY_AGREEMENT_ALGORITHMS } from '../model/enums.js';
import { currentMaterial } from '../model/key.js';
import { optBool, optStringList, reqBlob, reqString, type Req } from '../validate.js';
import { register } from './registry.js';

register('DeriveSharedSecret', true, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const alg = reqString(req, 'KeyAgreementAlgorithm', { enum: KEY_AGREEMENT_ALGORITHMS });
  const publicKey = reqBlob(req, 'PublicKey', 1, 8192);
  const grantTokens = optStringList(req, 'GrantTokens', { max: 10 });
  const dryRun = optBool(req, 'DryRun') ?? false;
  if (req.Recipient !== undefined) throw new UnsupportedOperationException('Recipient (Nitro Enclaves attestation) is not simulated.');
  const key = c.key(keyId, { aliasOk: true, crossAccount: true, grantTokens, context: { 'kms:KeyAgreementAlgorithm': alg } });
  if (key.keyUsage !== 'KEY_AGREEMENT') throw new InvalidKeyUsageException(`${key.arn} key usage is ${key.keyUsage} which is not valid for DeriveSharedSecret.`);
  const m = currentMaterial(key);
  if (!isEcdhSpec(key.keySpec) || !m) throw new UnsupportedOperationException(`Key agreement with ${key.keySpec} keys is not simulated.`);
  const secret = ecdhSharedSecret(key.keySpec, m.bytes, publicKey);
  // Wording ours: the public key must be a DER SubjectPublicKeyInfo on the KMS key's curve.
  if (!secret) throw new ValidationException(`PublicKey is not a valid ${key.keySpec} public key (DER-encoded SubjectPublicKeyInfo).`);
  if (dryRun) throw new DryRunOperationException('The request would have succeeded, but the DryRun option is set.');
  return { KeyId: key.arn, SharedSecret: secret, KeyAgreementAlgorithm: alg, KeyOrigin: key.origin };
});
