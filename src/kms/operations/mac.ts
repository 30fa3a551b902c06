// GenerateMac and VerifyMac with HMAC_224/256/384/512 keys (KeyUsage GENERATE_VERIFY_MAC), HMAC per RFC 2104.
// Differs: none known beyond our wording for an algorithm that does not match the key spec.
import type { Call } from '../call.js';
import { computeMac, isHmacSpec, macAlgorithmOf, macEquals } from '../crypto/hmac.js';
import { DryRunOperationException, InvalidKeyUsageException, KMSInvalidMacException, UnsupportedOperationException } from '../errors.js';
import { currentMaterial } from '../model/key.js';
import { optBool, optStringList, reqBlob, reqString, type Req } from '../validate.js';
import { register } from './registry.js';

export const MAC_ALGORITHMS = ['HMAC_SHA_224', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512'] as const;
const DRY_RUN = 'The request would have succeeded, but the DryRun option is set.';

function macKey(c: Call, req: Req, operation: 'GenerateMac' | 'VerifyMac') {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const message = reqBlob(req, 'Message', 1, 4096);
  const alg = reqString(req, 'MacAlgorithm', { enum: MAC_ALGORITHMS });
  const grantTokens = optStringList(req, 'GrantTokens', { max: 10 });
  const dryRun = optBool(req, 'DryRun') ?? false;
  const key = c.key(keyId, { aliasOk: true, crossAccount: true, grantTokens, context: { 'kms:MacAlgorithm': alg } });
  if (key.keyUsage !== 'GENERATE_VERIFY_MAC' || !isHmacSpec(key.keySpec)) {
    throw new InvalidKeyUsageException(`${key.arn} key usage is ${key.keyUsage} which is not valid for ${operation}.`);
  }
  if (alg !== macAlgorithmOf(key.keySpec)) throw new InvalidKeyUsageException(`Algorithm ${alg} is incompatible with key spec ${key.keySpec}.`);
  const m = currentMaterial(key);
  if (!m) throw new UnsupportedOperationException(`${key.arn} has no key material.`);
  if (dryRun) throw new DryRunOperationException(DRY_RUN);
  return { key, mac: computeMac(key.keySpec, m.bytes, message), alg };
}

register('GenerateMac', true, (c: Call, req: Req) => {
  const { key, mac, alg } = macKey(c, req, 'GenerateMac');
  return { Mac: mac, MacAlgorithm: alg, KeyId: key.arn };
});

register('VerifyMac', true, (c: Call, req: Req) => {
  const given = reqBlob(req, 'Mac', 1, 6144);
  const { key, mac, alg } = macKey(c, req, 'VerifyMac');
  // KMS throws rather than returning MacValid: false.
  if (!macEquals(mac, given)) throw new KMSInvalidMacException('');
  return { KeyId: key.arn, MacValid: true, MacAlgorithm: alg };
});
