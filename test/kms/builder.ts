// Test builder for the KMS engine: `anEngine().withKey({ state: 'Disabled' }).build()` and one helper that asserts
// the AWS exception name. States the API cannot reach (Creating, Updating, ...) are set through the state document.
import { expect } from '@jest/globals';
import { KmsEngine } from '../../src/kms/engine.js';
import { KmsException } from '../../src/kms/errors.js';
import type { KeyState } from '../../src/kms/model/key-states.js';
import { ManualClock, SeededRandom } from '../../src/kms/ports.js';
import type { AccessControl, Caller } from '../../src/kms/types.js';

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
  engine: KmsEngine;
  clock: ManualClock;
  /** ARNs of the keys added with withKey, in order. */
  keys: string[];
  exec(op: string, req?: Record<string, unknown>, caller?: Caller): Record<string, unknown>;
  /** A copy of this engine (through the state document) with a key forced into any state. */
  force(arn: string, state: KeyState): Built;
}

function wrap(engine: KmsEngine, clock: ManualClock, keys: string[], seed: string, access?: AccessControl): Built {
  return {
    engine,
    clock,
    keys,
    exec: (op, req = {}, caller = ADMIN) => engine.execute(op, req, caller),
    force(arn, state) {
      const doc = engine.toJSON();
      doc.keys.find((k) => k.arn === arn)!.state = state;
      return wrap(KmsEngine.fromJSON(doc, { clock, random: new SeededRandom(seed), access }), clock, keys, seed, access);
    },
  };
}

export class EngineBuilder {
  private seed = 'test-seed';
  private access?: AccessControl;
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
    const random = new SeededRandom(this.seed);
    const engine = new KmsEngine({ clock, random, access: this.access });
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
    let built = wrap(engine, clock, keys, this.seed, this.access);
    for (const [arn, state] of forced) built = built.force(arn, state);
    return built;
  }
}

export function anEngine(): EngineBuilder {
  return new EngineBuilder();
}

/** Runs `fn`, expects a KmsException with the AWS exception name `code`, and returns it. */
export function expectKmsError(fn: () => unknown, code: string): KmsException {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(KmsException);
  expect((caught as KmsException).code).toBe(code);
  return caught as KmsException;
}

export const bytes = (s: string) => new TextEncoder().encode(s);
export const text = (b: unknown) => new TextDecoder().decode(b as Uint8Array);
