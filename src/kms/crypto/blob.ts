// KMS's opaque symmetric ciphertext: a cleartext header naming the backing key (never the key ARN), then AES-GCM.
// Our own versioned layout: magic "KS", version 1, 16-byte key handle, 32-byte material id, 12-byte nonce, ct‖tag.
import { aesGcmDecrypt, aesGcmEncrypt, NONCE_LENGTH, TAG_LENGTH } from './aes-gcm.js';
import { canonicalContext, type EncryptionContext } from './context.js';

const MAGIC0 = 0x4b; // 'K'
const MAGIC1 = 0x53; // 'S'
export const BLOB_VERSION = 1;
const HANDLE_LEN = 16;
const MATERIAL_LEN = 32;
const HEADER_LEN = 3 + HANDLE_LEN + MATERIAL_LEN;
export const BLOB_OVERHEAD = HEADER_LEN + NONCE_LENGTH + TAG_LENGTH;

export interface BlobHeader {
  /** Backing-key handle, hex. */
  handle: string;
  /** KeyMaterialId, hex. */
  materialId: string;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += HEX[b[i]];
  return s;
}

export function fromHex(s: string): Uint8Array {
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Reads the header; undefined when the blob is not one of ours (wrong magic/version, too short). */
export function readHeader(blob: Uint8Array): BlobHeader | undefined {
  if (blob.length < BLOB_OVERHEAD || blob[0] !== MAGIC0 || blob[1] !== MAGIC1 || blob[2] !== BLOB_VERSION) return undefined;
  return {
    handle: toHex(blob.subarray(3, 3 + HANDLE_LEN)),
    materialId: toHex(blob.subarray(3 + HANDLE_LEN, HEADER_LEN)),
  };
}

/** AAD = the whole header ‖ canonical encryption context, so header tampering also fails authentication. */
function aad(header: Uint8Array, ctx: EncryptionContext | undefined): Uint8Array {
  const c = canonicalContext(ctx);
  const out = new Uint8Array(header.length + c.length);
  out.set(header);
  out.set(c, header.length);
  return out;
}

export function sealBlob(h: BlobHeader, key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, ctx?: EncryptionContext): Uint8Array {
  const header = new Uint8Array(HEADER_LEN);
  header[0] = MAGIC0;
  header[1] = MAGIC1;
  header[2] = BLOB_VERSION;
  header.set(fromHex(h.handle), 3);
  header.set(fromHex(h.materialId), 3 + HANDLE_LEN);
  const sealed = aesGcmEncrypt(key, nonce, plaintext, aad(header, ctx));
  const out = new Uint8Array(HEADER_LEN + NONCE_LENGTH + sealed.length);
  out.set(header);
  out.set(nonce, HEADER_LEN);
  out.set(sealed, HEADER_LEN + NONCE_LENGTH);
  return out;
}

/** Undefined when authentication fails (wrong key, context, tampered or truncated blob). */
export function openBlob(blob: Uint8Array, key: Uint8Array, ctx?: EncryptionContext): Uint8Array | undefined {
  if (blob.length < BLOB_OVERHEAD) return undefined;
  const header = blob.subarray(0, HEADER_LEN);
  const nonce = blob.subarray(HEADER_LEN, HEADER_LEN + NONCE_LENGTH);
  try {
    return aesGcmDecrypt(key, nonce, blob.subarray(HEADER_LEN + NONCE_LENGTH), aad(header, ctx));
  } catch {
    return undefined;
  }
}
