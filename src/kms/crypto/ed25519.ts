// Ed25519 for ECC_NIST_EDWARDS25519 keys (November 2025) via @noble/curves: ED25519_SHA_512 is pure Ed25519 over a RAW
// message; ED25519_PH_SHA_512 is Ed25519ph (RFC 8032 HashEdDSA) over a 64-byte SHA-512 DIGEST the caller computed.
// Public keys are DER SubjectPublicKeyInfo (RFC 8410). Differs: nothing known; signatures are deterministic as Ed25519's are.
import { noble } from '../../aws/noble.js';
import { fromHex } from './blob.js';

export const ED25519_SECRET_LENGTH = 32;
const SPKI_PREFIX = '302a300506032b6570032100';

/** RFC 8032 clamping of the hashed secret (what noble's ed25519 applies). */
function adjustScalarBytes(bytes: Uint8Array): Uint8Array {
  bytes[0] &= 248;
  bytes[31] &= 127;
  bytes[31] |= 64;
  return bytes;
}

const ed25519 = () => noble('@noble/curves/ed25519.js').ed25519;

/** Ed25519ph whose "prehash" is the identity: the message given is already SHA-512(M) (MessageType DIGEST). Built on first use. */
let phOfDigest: ReturnType<typeof import('@noble/curves/abstract/edwards.js').eddsa> | undefined;
function ed25519phOfDigest() {
  phOfDigest ??= noble('@noble/curves/abstract/edwards.js').eddsa(ed25519().Point, noble('@noble/hashes/sha2.js').sha512, {
    adjustScalarBytes,
    prehash: (digest: Uint8Array) => digest,
    domain: (data: Uint8Array, ctx: Uint8Array, phflag: boolean) =>
      new Uint8Array([...new TextEncoder().encode('SigEd25519 no Ed25519 collisions'), phflag ? 1 : 0, ctx.length, ...ctx, ...data]),
  });
  return phOfDigest;
}

export function ed25519PublicKeyDer(secret: Uint8Array): Uint8Array {
  return new Uint8Array([...fromHex(SPKI_PREFIX), ...ed25519().getPublicKey(secret)]);
}

export function ed25519Sign(secret: Uint8Array, message: Uint8Array, prehashed: boolean): Uint8Array {
  return prehashed ? ed25519phOfDigest().sign(message, secret) : ed25519().sign(message, secret);
}

export function ed25519Verify(secret: Uint8Array, message: Uint8Array, prehashed: boolean, signature: Uint8Array): boolean {
  const pub = ed25519().getPublicKey(secret);
  try {
    return prehashed ? ed25519phOfDigest().verify(signature, message, pub, { zip215: false }) : ed25519().verify(signature, message, pub, { zip215: false });
  } catch {
    return false;
  }
}
