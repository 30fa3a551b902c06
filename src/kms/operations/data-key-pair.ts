// GenerateDataKeyPair and GenerateDataKeyPairWithoutPlaintext: a fresh RSA or ECC key pair, the private key (PKCS#8 DER)
// encrypted under a symmetric KMS key. Differs: pairs come from the Random port (RSA_4096 takes seconds in pure TypeScript).
import type { Call } from '../call.js';
import { sealBlob } from '../crypto/blob.js';
import { NONCE_LENGTH } from '../crypto/aes-gcm.js';
import { eccPrivateKey, eccPublicKeyDer, eccSeedLength, isEccSpec } from '../crypto/ecc.js';
import { derInt, rsaPublicKeyDer, tlv } from '../crypto/rsa.js';
import { generateRsa, modPow } from '../crypto/rsa-keygen.js';
import { fromHex } from '../crypto/blob.js';
import { DryRunOperationException, InvalidKeyUsageException, UnsupportedOperationException } from '../errors.js';
import { currentMaterial } from '../model/key.js';
import { optBool, optStringList, optStringMap, reqString, type Req } from '../validate.js';
import { register } from './registry.js';
import { DATA_KEY_PAIR_SPECS } from '../model/enums.js';

const cat = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));

/** The AlgorithmIdentifier inside a SubjectPublicKeyInfo (its first element). */
function algorithmId(spki: Uint8Array): Uint8Array {
  const off = spki[1] & 0x80 ? 2 + (spki[1] & 0x7f) : 2;
  return spki.subarray(off, off + 2 + spki[off + 1]);
}

function keyPair(c: Call, spec: string): { pub: Uint8Array; pkcs8: Uint8Array } {
  if (isEccSpec(spec)) {
    const priv = eccPrivateKey(spec, c.core.random.bytes(eccSeedLength(spec)));
    const pub = eccPublicKeyDer(spec, priv);
    const ecPrivateKey = tlv(0x30, cat(derInt(1n), tlv(0x04, priv)));
    return { pub, pkcs8: tlv(0x30, cat(derInt(0n), algorithmId(pub), tlv(0x04, ecPrivateKey))) };
  }
  if (spec.startsWith('RSA_')) {
    const k = generateRsa(Number(spec.slice(4)), c.core.random);
    const pub = rsaPublicKeyDer(k);
    const qi = modPow(k.q, k.p - 2n, k.p);
    const rsaPrivateKey = tlv(0x30, cat(...[0n, k.n, k.e, k.d, k.p, k.q, k.d % (k.p - 1n), k.d % (k.q - 1n), qi].map(derInt)));
    return { pub, pkcs8: tlv(0x30, cat(derInt(0n), fromHex('300d06092a864886f70d0101010500'), tlv(0x04, rsaPrivateKey))) };
  }
  throw new UnsupportedOperationException(`Key pairs of spec ${spec} are not simulated.`);
}

function dataKeyPair(c: Call, req: Req, withPlaintext: boolean): Record<string, unknown> {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const spec = reqString(req, 'KeyPairSpec', { enum: DATA_KEY_PAIR_SPECS });
  const ctx = optStringMap(req, 'EncryptionContext');
  const grantTokens = optStringList(req, 'GrantTokens', { max: 10 });
  const dryRun = optBool(req, 'DryRun') ?? false;
  if (req.Recipient !== undefined) throw new UnsupportedOperationException('Recipient (Nitro Enclaves attestation) is not simulated.');
  const key = c.key(keyId, { aliasOk: true, crossAccount: true, encryptionContext: ctx, grantTokens, context: { 'kms:DataKeyPairSpec': spec } });
  if (key.keyUsage !== 'ENCRYPT_DECRYPT' || key.keySpec !== 'SYMMETRIC_DEFAULT') {
    throw new InvalidKeyUsageException(`${key.arn} key usage is ${key.keyUsage} which is not valid for ${c.operation}.`);
  }
  const m = currentMaterial(key);
  if (!m) throw new UnsupportedOperationException(`${key.arn} has no key material.`);
  if (dryRun) throw new DryRunOperationException('The request would have succeeded, but the DryRun option is set.');
  const { pub, pkcs8 } = keyPair(c, spec);
  const blob = sealBlob({ handle: key.handle, materialId: m.id }, m.bytes, c.core.random.bytes(NONCE_LENGTH), pkcs8, ctx);
  c.additionalEventData = { keyMaterialId: m.id };
  const out: Record<string, unknown> = { PrivateKeyCiphertextBlob: blob };
  if (withPlaintext) out.PrivateKeyPlaintext = pkcs8;
  return { ...out, PublicKey: pub, KeyId: key.arn, KeyPairSpec: spec, KeyMaterialId: m.id };
}

register('GenerateDataKeyPair', true, (c, req) => dataKeyPair(c, req, true));
register('GenerateDataKeyPairWithoutPlaintext', true, (c, req) => dataKeyPair(c, req, false));
