// Test worlds: every test that needs the simulated AWS gets it from src/sim (the world), through these
// builders. `allowAllAccess` is the test-only access control for tests of non-access behaviour.
import type { AccessControl } from '../../src/aws/access.js';
import { ManualClock, SeededRandom } from '../../src/aws/ports.js';
import type { ServiceFactory } from '../../src/aws/service.js';
import { awsManagedKeyPolicy, defaultKeyPolicy } from '../../src/policy/index.js';
import { World, freshWorld } from '../../src/sim/world.js';

/** Allows everything; accepts any key policy that is a JSON object. Tests of non-access behaviour only. */
export const allowAllAccess: AccessControl = {
  authorize: () => ({ allowed: true, reason: 'Allowed', allowedBy: 'key-policy', trace: [] }),
  keyPolicyProblem(document: string) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(document);
    } catch {
      return 'The policy document is not valid JSON.';
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'The policy document must be a JSON object.';
    return undefined;
  },
  // The same documents the real access control gives (src/policy/templates.ts).
  defaultKeyPolicy,
  awsManagedKeyPolicy,
};

export interface TestWorldOptions {
  clock?: ManualClock;
  seed?: string;
  /** Replace the policy-based access control (a fixed AccessControl such as allowAllAccess). */
  access?: AccessControl;
  /** Seed of the IAM/STS randomness (default `<seed>:iam`). */
  serviceSeed?: string;
  /** Extra services to register (test-only services). */
  services?: ServiceFactory[];
  /** Start from IAM's seeded state only (no sandbox profile users). */
  bare?: boolean;
  state?: unknown;
}

/** A world on a manual clock with seeded randomness: the study identities and real access control by default. */
export function aWorld(o: TestWorldOptions = {}): { world: World; clock: ManualClock } {
  const clock = o.clock ?? new ManualClock(Date.UTC(2026, 10, 28, 13, 48, 25, 123));
  const seed = o.seed ?? 'sim-test';
  const opts = {
    serviceRandom: new SeededRandom(o.serviceSeed ?? `${seed}:iam`),
    access: o.access ? () => o.access as AccessControl : undefined,
    services: o.services,
  };
  const random = new SeededRandom(seed);
  const world = o.state !== undefined || o.bare ? new World({ clock, random, state: o.state, ...opts }) : freshWorld(clock, random, opts);
  return { world, clock };
}
