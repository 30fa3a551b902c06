// ML-DSA (FIPS 204) signing keys ML_DSA_44/65/87 via @noble/post-quantum (the audited, pure-TypeScript noble family the
// engine already uses): key pairs from a 32-byte seed, pure ML-DSA over RAW messages (empty context) and signing of an
// externally computed 64-byte mu (EXTERNAL_MU); public keys as DER SubjectPublicKeyInfo with the NIST ML-DSA OIDs.
// Differs: the hedged signing randomness comes from the simulator's seeded Random port.
import { noble } from '../../aws/noble.js';
import { tlv } from './rsa.js';

const SPECS = {
  ML_DSA_44: { dsa: 'ml_dsa44', oidLast: 0x11 },
  ML_DSA_65: { dsa: 'ml_dsa65', oidLast: 0x12 },
  ML_DSA_87: { dsa: 'ml_dsa87', oidLast: 0x13 },
} as const;
export type MlDsaSpec = keyof typeof SPECS;
export const ML_DSA_SEED_LENGTH = 32;
export const MU_LENGTH = 64;

export function isMlDsaSpec(spec: string): spec is MlDsaSpec {
  return spec in SPECS;
}

/** The parameter set's noble implementation, loaded on first use. */
function dsaOf(spec: MlDsaSpec) {
  return noble('@noble/post-quantum/ml-dsa.js')[SPECS[spec].dsa];
}

function keys(spec: MlDsaSpec, seed: Uint8Array) {
  return dsaOf(spec).keygen(seed);
}

/** SubjectPublicKeyInfo: AlgorithmIdentifier id-ml-dsa-44/65/87 (2.16.840.1.101.3.4.3.17-19, no parameters), raw key. */
export function mlDsaPublicKeyDer(spec: MlDsaSpec, seed: Uint8Array): Uint8Array {
  const oid = new Uint8Array([0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, SPECS[spec].oidLast]);
  const pub = keys(spec, seed).publicKey;
  return tlv(0x30, new Uint8Array([...tlv(0x30, oid), ...tlv(0x03, new Uint8Array([0, ...pub]))]));
}

/** RAW: pure ML-DSA of the message; EXTERNAL_MU: the 64-byte mu representative signed directly. */
export function mlDsaSign(spec: MlDsaSpec, seed: Uint8Array, message: Uint8Array, externalMu: boolean, entropy: Uint8Array): Uint8Array {
  const dsa = dsaOf(spec);
  const { secretKey } = keys(spec, seed);
  return externalMu ? dsa.internal.sign(message, secretKey, { externalMu: true, extraEntropy: entropy }) : dsa.sign(message, secretKey, { extraEntropy: entropy });
}

export function mlDsaVerify(spec: MlDsaSpec, seed: Uint8Array, message: Uint8Array, externalMu: boolean, signature: Uint8Array): boolean {
  const dsa = dsaOf(spec);
  const { publicKey } = keys(spec, seed);
  try {
    return externalMu ? dsa.internal.verify(signature, message, publicKey, { externalMu: true }) : dsa.verify(signature, message, publicKey);
  } catch {
    return false;
  }
}
