// Key material for KMS-generated asymmetric and HMAC keys (ECC private scalars, HMAC secrets) from the Random port.
// Differs: RSA key pairs are not generated (RSA keys are metadata only, their cryptographic operations are refused).
import type { Random } from '../../aws/ports.js';
import { eccPrivateKey, eccSeedLength, isEccSpec } from './ecc.js';
import { hmacKeyLength, isHmacSpec } from './hmac.js';
import { isMlDsaSpec, ML_DSA_SEED_LENGTH } from './mldsa.js';
import { ED25519_SECRET_LENGTH } from './ed25519.js';

/** Private material for a new AWS_KMS key of `spec`, or undefined when the simulator has none for it. */
export function generateKeyMaterial(spec: string, random: Random): Uint8Array | undefined {
  if (isHmacSpec(spec)) return random.bytes(hmacKeyLength(spec));
  if (isEccSpec(spec)) return eccPrivateKey(spec, random.bytes(eccSeedLength(spec)));
  if (isMlDsaSpec(spec)) return random.bytes(ML_DSA_SEED_LENGTH);
  if (spec === 'ECC_NIST_EDWARDS25519') return random.bytes(ED25519_SECRET_LENGTH);
  return undefined;
}
