// Time and randomness enter the pure core only through these ports, so tests and labs are repeatable:
// a test fast-forwards 30 days with a manual clock and gets the same key IDs from the same seed.
import { noble } from './noble.js';

/** Wall-clock source in epoch milliseconds. */
export interface Clock {
  now(): number;
}

/** A source of random bytes. `snapshot()` is present when the source is seeded and can be resumed. */
export interface Random {
  bytes(n: number): Uint8Array;
  snapshot?(): RandomSnapshot;
}

export interface RandomSnapshot {
  seed: string;
  counter: number;
}

/** A clock that stands still until told to move (tests, benchmarks). */
export class ManualClock implements Clock {
  constructor(private t: number = Date.UTC(2026, 0, 1)) {}
  now(): number {
    return this.t;
  }
  set(t: number): void {
    this.t = t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

/**
 * Deterministic random bytes: ChaCha20 keystream keyed by SHA-256(seed), one 64-byte block per counter
 * step. Same seed, same bytes; `snapshot()` lets a saved lab resume the same sequence.
 */
export class SeededRandom implements Random {
  private key: Uint8Array | undefined;
  private counter: number;
  constructor(
    private readonly seed: string,
    counter = 0,
  ) {
    this.counter = counter;
  }
  bytes(n: number): Uint8Array {
    const blocks = Math.ceil(n / 64) || 1;
    const nonce = new Uint8Array(12);
    // The key is derived on first use, so a command that draws no random bytes loads no cipher.
    this.key ??= noble('@noble/hashes/sha2.js').sha256(new TextEncoder().encode(`kms-study:${this.seed}`));
    const out = noble('@noble/ciphers/chacha.js').chacha20(this.key, nonce, new Uint8Array(blocks * 64), undefined, this.counter);
    this.counter += blocks;
    return out.slice(0, n);
  }
  snapshot(): RandomSnapshot {
    return { seed: this.seed, counter: this.counter };
  }
}

/** A UUID v4 string from a Random port. */
export function uuidFrom(random: Random): string {
  const b = random.bytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Lower-case hex of n random bytes. */
export function hexFrom(random: Random, n: number): string {
  return Array.from(random.bytes(n), (x) => x.toString(16).padStart(2, '0')).join('');
}
