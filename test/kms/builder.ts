// Test builder for the KMS engine (inside a world from test/helpers, allow-all access unless told otherwise): `anEngine().withKey({ state: 'Disabled' }).build()` and one helper that asserts
// the AWS exception name. States the API cannot reach (Creating, Updating, ...) are set through the state document.
import { expect } from '@jest/globals';
import type { KmsEngine } from '../../src/kms/engine.js';
import type { AuditEvent } from '../../src/aws/cloudtrail.js';
import type { World } from '../../src/sim/world.js';
import { aWorld, allowAllAccess } from '../helpers/world.js';
import { ServiceException } from '../../src/aws/errors.js';
import type { KeyState } from '../../src/kms/model/key-states.js';
import { ManualClock } from '../../src/aws/ports.js';
import type { AccessControl } from '../../src/aws/access.js';
import type { Caller } from '../../src/aws/caller.js';

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const REGION = 'us-east-1';
export const T0 = Date.UTC(2026, 0, 1);
export const DAY = 86_400_000;

export function userCaller(name = 'admin', accountId = ACCOUNT, region = REGION): Caller {
  return {
    principal: { type: 'IAMUser', arn: `arn:aws:iam::${accountId}:user/${name}`, accountId, name, principalId: `AIDA${name.toUpperCase()}` },
    accountId,
    region,
  };
}

export function roleCaller(role: string, session: string, accountId = ACCOUNT, region = REGION): Caller {
  return {
    principal: {
      type: 'AssumedRole', arn: `arn:aws:sts::${accountId}:assumed-role/${role}/${session}`, accountId, name: session,
      roleArn: `arn:aws:iam::${accountId}:role/${role}`, principalId: `AROA${role.toUpperCase()}:${session}`,
    },
    accountId,
    region,
  };
}

export const ADMIN = userCaller();

export interface KeySpecForBuilder {
  state?: KeyState;
  alias?: string;
  keySpec?: string;
  keyUsage?: string;
  origin?: 'AWS_KMS' | 'EXTERNAL';
  rotation?: number;
  description?: string;
  caller?: Caller;
}

export interface Built {
  world: World;
  engine: KmsEngine;
  /** The world's CloudTrail event history. */
  audit: readonly AuditEvent[];
  clock: ManualClock;
  /** ARNs of the keys added with withKey, in order. */
  keys: string[];
  exec(op: string, req?: Record<string, unknown>, caller?: Caller): Record<string, unknown>;
  /** A copy of this engine (through the state document) with a key forced into any state. */
  force(arn: string, state: KeyState): Built;
}

function wrap(world: World, clock: ManualClock, keys: string[], seed: string, access: AccessControl): Built {
  const engine = world.kms;
  return {
    world,
    engine,
    audit: world.trail.events,
    clock,
    keys,
    exec: (op, req = {}, caller = ADMIN) => engine.execute(op, req, caller),
    force(arn, state) {
      const doc = world.toJSON();
      doc.keys.find((k) => k.arn === arn)!.state = state;
      return wrap(aWorld({ clock, seed, access, state: doc }).world, clock, keys, seed, access);
    },
  };
}

export class EngineBuilder {
  private seed = 'test-seed';
  private access: AccessControl = allowAllAccess;
  private readonly specs: KeySpecForBuilder[] = [];

  withSeed(seed: string): this {
    this.seed = seed;
    return this;
  }
  withAccess(access: AccessControl): this {
    this.access = access;
    return this;
  }
  withKey(spec: KeySpecForBuilder = {}): this {
    this.specs.push(spec);
    return this;
  }

  build(): Built {
    const clock = new ManualClock(T0);
    const { world } = aWorld({ clock, seed: this.seed, access: this.access, bare: true });
    const engine = world.kms;
    const keys: string[] = [];
    const forced: [string, KeyState][] = [];
    for (const s of this.specs) {
      const caller = s.caller ?? ADMIN;
      const req: Record<string, unknown> = { Description: s.description ?? 'test key' };
      if (s.keySpec) req.KeySpec = s.keySpec;
      if (s.keyUsage) req.KeyUsage = s.keyUsage;
      if (s.origin) req.Origin = s.origin;
      const md = engine.execute('CreateKey', req, caller).KeyMetadata as { Arn: string };
      keys.push(md.Arn);
      if (s.alias) engine.execute('CreateAlias', { AliasName: s.alias, TargetKeyId: md.Arn }, caller);
      if (s.rotation) engine.execute('EnableKeyRotation', { KeyId: md.Arn, RotationPeriodInDays: s.rotation }, caller);
      if (s.state === 'Disabled') engine.execute('DisableKey', { KeyId: md.Arn }, caller);
      else if (s.state === 'PendingDeletion') engine.execute('ScheduleKeyDeletion', { KeyId: md.Arn, PendingWindowInDays: 7 }, caller);
      else if (s.state && s.state !== 'Enabled' && !(s.state === 'PendingImport' && s.origin === 'EXTERNAL')) forced.push([md.Arn, s.state]);
    }
    let built = wrap(world, clock, keys, this.seed, this.access);
    for (const [arn, state] of forced) built = built.force(arn, state);
    return built;
  }
}

export function anEngine(): EngineBuilder {
  return new EngineBuilder();
}

/** Runs `fn`, expects a service error (KMS's, or the world's UnknownOperationException) named `code`, and returns it. */
export function expectKmsError(fn: () => unknown, code: string): ServiceException {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ServiceException);
  expect((caught as ServiceException).code).toBe(code);
  return caught as ServiceException;
}

export const bytes = (s: string) => new TextEncoder().encode(s);
export const text = (b: unknown) => new TextDecoder().decode(b as Uint8Array);
