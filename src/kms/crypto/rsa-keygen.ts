// Deterministic RSA key generation from the Random port (probable primes by sieve + Miller-Rabin, e = 65537), so
// the same seed gives the same key pair. Differs: AWS generates keys in HSMs (FIPS 186 provable primes); ours are probable primes.
import type { Random } from '../../aws/ports.js';

export interface RsaPrivate {
  n: bigint;
  e: bigint;
  d: bigint;
  p: bigint;
  q: bigint;
}

export const E = 65537n;
/** The primes below 8000, sieved on the first RSA key generation (not at import: every aws command loads this). */
let smallPrimes: number[] | undefined;
function primesBelow8000(): number[] {
  if (smallPrimes) return smallPrimes;
  const out: number[] = [];
  const limit = 8000;
  const sieve = new Uint8Array(limit);
  for (let i = 2; i < limit; i++) {
    if (sieve[i]) continue;
    out.push(i);
    for (let j = i * i; j < limit; j += i) sieve[j] = 1;
  }
  return (smallPrimes = out);
}

export function bytesToBig(b: Uint8Array): bigint {
  let x = 0n;
  for (const v of b) x = (x << 8n) | BigInt(v);
  return x;
}

export function bigToBytes(x: bigint, len: number): Uint8Array {
  const out = new Uint8Array(len);
  for (let i = len - 1; i >= 0; i--) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

export function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let r = 1n;
  base %= mod;
  while (exp > 0n) {
    if (exp & 1n) r = (r * base) % mod;
    base = (base * base) % mod;
    exp >>= 1n;
  }
  return r;
}

export function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const qt = oldR / r;
    [oldR, r] = [r, oldR - qt * r];
    [oldS, s] = [s, oldS - qt * s];
  }
  return ((oldS % m) + m) % m;
}

function millerRabin(n: bigint, random: Random, rounds: number): boolean {
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  const len = Math.ceil(n.toString(16).length / 2);
  outer: for (let i = 0; i < rounds; i++) {
    const a = 2n + (bytesToBig(random.bytes(len)) % (n - 3n));
    let x = modPow(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    for (let r = 1; r < s; r++) {
      x = (x * x) % n;
      if (x === n - 1n) continue outer;
    }
    return false;
  }
  return true;
}

/** A probable prime of exactly `bits` bits (top two bits set so p*q has 2*bits bits), with p-1 coprime to e. */
export function generatePrime(bits: number, random: Random): bigint {
  const bytes = bits / 8;
  for (;;) {
    const b = random.bytes(bytes);
    b[0] |= 0xc0;
    b[bytes - 1] |= 1;
    const base = bytesToBig(b);
    // Incremental search: sieve residues once, then step by 2.
    const primes = primesBelow8000();
    const residues = primes.map((p) => Number(base % BigInt(p)));
    for (let delta = 0; delta < 20_000; delta += 2) {
      let composite = false;
      for (let i = 0; i < primes.length; i++) {
        if ((residues[i] + delta) % primes[i] === 0) {
          composite = true;
          break;
        }
      }
      if (composite) continue;
      const cand = base + BigInt(delta);
      if ((cand - 1n) % E === 0n) continue;
      if (millerRabin(cand, random, bits >= 1024 ? 4 : 8)) return cand;
    }
  }
}

export function generateRsa(bits: number, random: Random): RsaPrivate {
  for (;;) {
    const p = generatePrime(bits / 2, random);
    const q = generatePrime(bits / 2, random);
    if (p === q) continue;
    const n = p * q;
    const phi = (p - 1n) * (q - 1n);
    return { n, e: E, d: modInverse(E, phi), p, q };
  }
}
