// RSA for KMS: RSAES-OAEP (SHA-1/SHA-256, MGF1 with the same hash), RSASSA-PSS (salt = digest length) and
// RSASSA-PKCS1-v1_5 per RFC 8017, DER SubjectPublicKeyInfo in and out. Differs: BigInt arithmetic, not constant-time (study tool).
import { noble } from '../../aws/noble.js';
import { fromHex } from './blob.js';
import { bigToBytes, bytesToBig, modPow, type RsaPrivate } from './rsa-keygen.js';

export type RsaHash = 'SHA_1' | 'SHA_256' | 'SHA_384' | 'SHA_512';
/** The hash functions, loaded when an RSA operation first needs one. */
const HASH = {
  get SHA_1() {
    return noble('@noble/hashes/legacy.js').sha1;
  },
  get SHA_256() {
    return noble('@noble/hashes/sha2.js').sha256;
  },
  get SHA_384() {
    return noble('@noble/hashes/sha2.js').sha384;
  },
  get SHA_512() {
    return noble('@noble/hashes/sha2.js').sha512;
  },
};
const DIGEST_INFO: Record<string, string> = {
  SHA_256: '3031300d060960864801650304020105000420',
  SHA_384: '3041300d060960864801650304020205000430',
  SHA_512: '3051300d060960864801650304020305000440',
};

export function hashLength(h: RsaHash): number {
  return HASH[h].outputLen;
}
export function digest(h: RsaHash, m: Uint8Array): Uint8Array {
  return HASH[h](m);
}
const byteLen = (n: bigint) => Math.ceil(n.toString(2).length / 8);

function mgf1(h: RsaHash, seed: Uint8Array, len: number): Uint8Array {
  const out = new Uint8Array(len);
  const hl = hashLength(h);
  for (let c = 0, off = 0; off < len; c++, off += hl) {
    const block = new Uint8Array(seed.length + 4);
    block.set(seed);
    new DataView(block.buffer).setUint32(seed.length, c);
    out.set(HASH[h](block).subarray(0, Math.min(hl, len - off)), off);
  }
  return out;
}

function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] ^ b[i];
  return out;
}

function priv(k: RsaPrivate, c: bigint): bigint {
  const dp = k.d % (k.p - 1n);
  const dq = k.d % (k.q - 1n);
  const m1 = modPow(c, dp, k.p);
  const m2 = modPow(c, dq, k.q);
  const qInv = modPow(k.q, k.p - 2n, k.p);
  const hh = (((m1 - m2) % k.p) + k.p) % k.p * qInv % k.p;
  return m2 + hh * k.q;
}

/** Largest plaintext RSAES-OAEP can encrypt with this modulus and hash (k - 2hLen - 2). */
export function oaepMaxPlaintext(modulusBytes: number, h: RsaHash): number {
  return modulusBytes - 2 * hashLength(h) - 2;
}

export function oaepEncrypt(pub: { n: bigint; e: bigint }, h: RsaHash, m: Uint8Array, seed: Uint8Array): Uint8Array {
  const k = byteLen(pub.n);
  const hl = hashLength(h);
  if (m.length > oaepMaxPlaintext(k, h)) throw new RangeError('message too long');
  const db = new Uint8Array(k - hl - 1);
  db.set(HASH[h](new Uint8Array(0)));
  db[db.length - m.length - 1] = 1;
  db.set(m, db.length - m.length);
  const maskedDb = xor(db, mgf1(h, seed, db.length));
  const maskedSeed = xor(seed, mgf1(h, maskedDb, hl));
  const em = new Uint8Array(k);
  em.set(maskedSeed, 1);
  em.set(maskedDb, 1 + hl);
  return bigToBytes(modPow(bytesToBig(em), pub.e, pub.n), k);
}

/** Undefined when the ciphertext does not decode (wrong key, hash or tampering). */
export function oaepDecrypt(key: RsaPrivate, h: RsaHash, c: Uint8Array): Uint8Array | undefined {
  const k = byteLen(key.n);
  const hl = hashLength(h);
  if (c.length !== k || bytesToBig(c) >= key.n) return undefined;
  const em = bigToBytes(priv(key, bytesToBig(c)), k);
  const maskedSeed = em.subarray(1, 1 + hl);
  const maskedDb = em.subarray(1 + hl);
  const seed = xor(maskedSeed, mgf1(h, maskedDb, hl));
  const db = xor(maskedDb, mgf1(h, seed, maskedDb.length));
  const lHash = HASH[h](new Uint8Array(0));
  let ok = em[0] === 0;
  for (let i = 0; i < hl; i++) ok = ok && db[i] === lHash[i];
  let i = hl;
  while (i < db.length && db[i] === 0) i++;
  if (!ok || i >= db.length || db[i] !== 1) return undefined;
  return db.slice(i + 1);
}

function emsaPss(h: RsaHash, mHash: Uint8Array, emBits: number, salt: Uint8Array): Uint8Array {
  const hl = hashLength(h);
  const emLen = Math.ceil(emBits / 8);
  const mPrime = new Uint8Array(8 + hl + salt.length);
  mPrime.set(mHash, 8);
  mPrime.set(salt, 8 + hl);
  const H = HASH[h](mPrime);
  const db = new Uint8Array(emLen - hl - 1);
  db[db.length - salt.length - 1] = 1;
  db.set(salt, db.length - salt.length);
  const masked = xor(db, mgf1(h, H, db.length));
  masked[0] &= 0xff >> (8 * emLen - emBits);
  const em = new Uint8Array(emLen);
  em.set(masked);
  em.set(H, masked.length);
  em[emLen - 1] = 0xbc;
  return em;
}

function pkcs1Encode(h: RsaHash, mHash: Uint8Array, k: number): Uint8Array {
  const t = new Uint8Array([...fromHex(DIGEST_INFO[h]), ...mHash]);
  const em = new Uint8Array(k).fill(0xff);
  em[0] = 0;
  em[1] = 1;
  em[k - t.length - 1] = 0;
  em.set(t, k - t.length);
  return em;
}

/** Signature over a digest (the caller hashes RAW messages). PSS salt = digest length, as KMS uses. */
export function rsaSign(key: RsaPrivate, h: RsaHash, pss: boolean, mHash: Uint8Array, salt: Uint8Array): Uint8Array {
  const k = byteLen(key.n);
  const modBits = key.n.toString(2).length;
  const em = pss ? emsaPss(h, mHash, modBits - 1, salt) : pkcs1Encode(h, mHash, k);
  return bigToBytes(priv(key, bytesToBig(em)), k);
}

export function rsaVerify(pub: { n: bigint; e: bigint }, h: RsaHash, pss: boolean, mHash: Uint8Array, sig: Uint8Array): boolean {
  const k = byteLen(pub.n);
  if (sig.length !== k || bytesToBig(sig) >= pub.n) return false;
  const modBits = pub.n.toString(2).length;
  const emLen = Math.ceil((modBits - 1) / 8);
  const em = bigToBytes(modPow(bytesToBig(sig), pub.e, pub.n), emLen);
  if (!pss) return eq(em, pkcs1Encode(h, mHash, k).subarray(k - emLen));
  const hl = hashLength(h);
  if (em[emLen - 1] !== 0xbc) return false;
  const H = em.subarray(emLen - hl - 1, emLen - 1);
  const db = xor(em.subarray(0, emLen - hl - 1), mgf1(h, H, emLen - hl - 1));
  db[0] &= 0xff >> (8 * emLen - (modBits - 1));
  const salt = db.subarray(db.length - hl);
  return eq(emsaPss(h, mHash, modBits - 1, salt), em);
}

function eq(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}

// ---- DER ---------------------------------------------------------------------------------------------------

function derLen(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  while (n > 0) {
    out.unshift(n & 0xff);
    n >>= 8;
  }
  return [0x80 | out.length, ...out];
}
export function tlv(tag: number, body: Uint8Array): Uint8Array {
  return new Uint8Array([tag, ...derLen(body.length), ...body]);
}
export function derInt(x: bigint): Uint8Array {
  let b = bigToBytes(x, byteLen(x) || 1);
  if (b[0] & 0x80) b = new Uint8Array([0, ...b]);
  return tlv(0x02, b);
}
const RSA_ALG_ID = fromHex('300d06092a864886f70d0101010500');

/** DER SubjectPublicKeyInfo of an RSA public key (what GetPublicKey and GetParametersForImport return). */
export function rsaPublicKeyDer(pub: { n: bigint; e: bigint }): Uint8Array {
  const rsaKey = tlv(0x30, new Uint8Array([...derInt(pub.n), ...derInt(pub.e)]));
  return tlv(0x30, new Uint8Array([...RSA_ALG_ID, ...tlv(0x03, new Uint8Array([0, ...rsaKey]))]));
}

/** Reads an RSA SubjectPublicKeyInfo; undefined when it is not one. */
export function parseRsaPublicKeyDer(der: Uint8Array): { n: bigint; e: bigint } | undefined {
  let pos = 0;
  const read = (tag: number): Uint8Array | undefined => {
    if (der[pos] !== tag) return undefined;
    let len = der[pos + 1];
    pos += 2;
    if (len & 0x80) {
      const nb = len & 0x7f;
      len = 0;
      for (let i = 0; i < nb; i++) len = (len << 8) | der[pos++];
    }
    const body = der.subarray(pos, pos + len);
    return body.length === len ? body : undefined;
  };
  try {
    if (!read(0x30)) return undefined;
    const alg = read(0x30);
    if (!alg || !eq(alg, RSA_ALG_ID.subarray(2))) return undefined;
    pos += alg.length;
    const bits = read(0x03);
    if (!bits) return undefined;
    pos += 1;
    if (!read(0x30)) return undefined;
    const n = read(0x02);
    if (!n) return undefined;
    pos += n.length;
    const e = read(0x02);
    if (!e) return undefined;
    return { n: bytesToBig(n), e: bytesToBig(e) };
  } catch {
    return undefined;
  }
}

/** Private key <-> bytes for the state document (n, e, d, p, q as length-prefixed big-endian integers). */
export function encodeRsaPrivate(k: RsaPrivate): Uint8Array {
  const parts = [k.n, k.e, k.d, k.p, k.q].map((x) => bigToBytes(x, byteLen(x) || 1));
  const out: number[] = [];
  for (const p of parts) out.push((p.length >> 8) & 0xff, p.length & 0xff, ...p);
  return new Uint8Array(out);
}

export function decodeRsaPrivate(b: Uint8Array): RsaPrivate {
  const xs: bigint[] = [];
  let pos = 0;
  for (let i = 0; i < 5; i++) {
    const len = (b[pos] << 8) | b[pos + 1];
    xs.push(bytesToBig(b.subarray(pos + 2, pos + 2 + len)));
    pos += 2 + len;
  }
  const [n, e, d, p, q] = xs;
  return { n, e, d, p, q };
}
