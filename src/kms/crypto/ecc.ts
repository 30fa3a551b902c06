// ECDSA for ECC_NIST_P256/P384/P521 and ECC_SECG_P256K1 keys via @noble/curves: DER signatures and DER
// SubjectPublicKeyInfo public keys, as KMS returns them. Differs: signing is deterministic (RFC 6979); AWS's is randomized.
import { noble } from '../../aws/noble.js';
import { fromHex } from './blob.js';

const CURVES = {
  ECC_NIST_P256: { curve: 'p256', alg: 'ECDSA_SHA_256', digest: 32, spki: '3059301306072a8648ce3d020106082a8648ce3d030107034200' },
  ECC_NIST_P384: { curve: 'p384', alg: 'ECDSA_SHA_384', digest: 48, spki: '3076301006072a8648ce3d020106052b81040022036200' },
  ECC_NIST_P521: { curve: 'p521', alg: 'ECDSA_SHA_512', digest: 64, spki: '30819b301006072a8648ce3d020106052b8104002303818600' },
  ECC_SECG_P256K1: { curve: 'secp256k1', alg: 'ECDSA_SHA_256', digest: 32, spki: '3056301006072a8648ce3d020106052b8104000a034200' },
} as const;
export type EccSpec = keyof typeof CURVES;

/** The curve's noble implementation, loaded (with its precomputation) on first use. */
function curveOf(spec: EccSpec) {
  const name = CURVES[spec].curve;
  return name === 'secp256k1' ? noble('@noble/curves/secp256k1.js').secp256k1 : noble('@noble/curves/nist.js')[name];
}

export function isEccSpec(spec: string): spec is EccSpec {
  return spec in CURVES;
}

/** The one SigningAlgorithm KMS offers for the curve, and its digest length in bytes. */
export function eccAlgorithm(spec: EccSpec): { algorithm: string; digestLength: number } {
  return { algorithm: CURVES[spec].alg, digestLength: CURVES[spec].digest };
}

/** A private scalar derived from `seed` (noble's seed length: 1.5 times the curve order's bytes). */
export function eccPrivateKey(spec: EccSpec, seed: Uint8Array): Uint8Array {
  return curveOf(spec).utils.randomSecretKey(seed);
}

export function eccSeedLength(spec: EccSpec): number {
  return curveOf(spec).lengths.seed ?? 48;
}

/** DER SubjectPublicKeyInfo (uncompressed point), what GetPublicKey returns. */
export function eccPublicKeyDer(spec: EccSpec, priv: Uint8Array): Uint8Array {
  const prefix = fromHex(CURVES[spec].spki);
  const point = curveOf(spec).getPublicKey(priv, false);
  const out = new Uint8Array(prefix.length + point.length);
  out.set(prefix);
  out.set(point, prefix.length);
  return out;
}

/** DER ECDSA signature over the message (RAW: hashed here) or over a precomputed digest (DIGEST). */
export function eccSign(spec: EccSpec, priv: Uint8Array, message: Uint8Array, isDigest: boolean): Uint8Array {
  return curveOf(spec).sign(message, priv, { prehash: !isDigest, format: 'der', lowS: false });
}

export function eccVerify(spec: EccSpec, priv: Uint8Array, message: Uint8Array, isDigest: boolean, signature: Uint8Array): boolean {
  const curve = curveOf(spec);
  try {
    return curve.verify(signature, message, curve.getPublicKey(priv, false), { prehash: !isDigest, format: 'der', lowS: false });
  } catch {
    return false;
  }
}
