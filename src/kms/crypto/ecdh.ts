// ECDH for KEY_AGREEMENT keys (NIST P-256/P-384/P-521) via @noble/curves: the shared secret is the x-coordinate of
// the shared point (raw Z, as DeriveSharedSecret returns it); the other party's key arrives as DER SubjectPublicKeyInfo.
import { noble } from '../../aws/noble.js';
import { fromHex } from './blob.js';

const CURVES = {
  ECC_NIST_P256: { curve: 'p256', spki: '3059301306072a8648ce3d020106082a8648ce3d030107034200' },
  ECC_NIST_P384: { curve: 'p384', spki: '3076301006072a8648ce3d020106052b81040022036200' },
  ECC_NIST_P521: { curve: 'p521', spki: '30819b301006072a8648ce3d020106052b8104002303818600' },
} as const;

export function isEcdhSpec(spec: string): spec is keyof typeof CURVES {
  return spec in CURVES;
}

/** The shared secret with the peer's SubjectPublicKeyInfo, or undefined when it is not an uncompressed point on the key's curve. */
export function ecdhSharedSecret(spec: keyof typeof CURVES, priv: Uint8Array, peerSpki: Uint8Array): Uint8Array | undefined {
  const { spki } = CURVES[spec];
  const curve = noble('@noble/curves/nist.js')[CURVES[spec].curve];
  const prefix = fromHex(spki);
  if (peerSpki.length <= prefix.length || prefix.some((b, i) => peerSpki[i] !== b)) return undefined;
  try {
    return curve.getSharedSecret(priv, peerSpki.subarray(prefix.length), true).subarray(1);
  } catch {
    return undefined;
  }
}
