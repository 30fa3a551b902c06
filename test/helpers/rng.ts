// A seeded integer source for fuzz tests: the simulator's SeededRandom, read four bytes at a time.
import { SERVICES, kebab } from '../../src/awscli/index.js';
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

/** `<service> <operation> --member value...` drawn from the AWS CLI model: enum values, small integers, or the given junk. */
export function randomOperationArgv(rng: Rng, values: { blobs: readonly string[]; other: readonly string[] }): string[] {
  const service = rng.pick(['kms', 'kms', 'kms', 'iam', 'sts', 'cloudtrail'] as const);
  const op = rng.pick(SERVICES[service].operations);
  const words: string[] = [service, kebab(op.name)];
  for (const [m, shape] of Object.entries(op.input.members)) {
    if (rng.int(3) === 0) continue;
    words.push(`--${kebab(m)}`);
    if (shape.type === 'boolean') continue;
    if (shape.type === 'string' && shape.enum && rng.int(2)) words.push(rng.pick(shape.enum));
    else if (shape.type === 'integer') words.push(String(rng.int(40) - 5));
    else if (shape.type === 'blob') words.push(rng.pick(values.blobs));
    else words.push(rng.pick(values.other));
  }
  return words;
}
