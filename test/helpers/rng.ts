// A seeded integer source for fuzz tests: the simulator's SeededRandom, read four bytes at a time.
import { SeededRandom } from '../../src/aws/ports.js';

export class Rng {
  private r: SeededRandom;
  constructor(seed: string) {
    this.r = new SeededRandom(seed);
  }
  int(n: number): number {
    const b = this.r.bytes(4);
    return (((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0) % n;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
}
