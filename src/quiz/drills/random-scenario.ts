// Seeded random drill scenarios and one-element changes to them. Only scenario data is chosen here; what
// the answer is comes from the access-control decision (see generate.ts).
import type { Random } from '../../aws/ports.js';
import type { CallerKind, Cond, DrillAction, DrillScenario, GrantSpec, NamedPrincipal, RequestSpec, ScenarioElement } from './scenario.js';
import { CALLER_KINDS, ORG_ID } from './scenario.js';

/** A whole number in [0, n) from four random bytes. */
export function intBelow(random: Random, n: number): number {
  const b = random.bytes(4);
  return (((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0) % n;
}
export function pick<T>(random: Random, items: readonly T[]): T {
  return items[intBelow(random, items.length)];
}
const chance = (random: Random, percent: number): boolean => intBelow(random, 100) < percent;

export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = intBelow(random, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const ACTIONS: DrillAction[] = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:ScheduleKeyDeletion'];
const ACTION_SETS: DrillAction[][] = [
  ['kms:Decrypt'],
  ['kms:Encrypt', 'kms:Decrypt'],
  ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'],
  ['kms:GenerateDataKey'],
  ['kms:ScheduleKeyDeletion'],
];
const GRANT_OPERATIONS = [['Decrypt'], ['Encrypt', 'Decrypt'], ['GenerateDataKey'], ['Encrypt', 'Decrypt', 'GenerateDataKey']];
const CONDITIONS: Cond[] = [
  { kind: 'encryption-context', key: 'Dept', value: 'IT' },
  { kind: 'via-service', service: 's3.us-east-1.amazonaws.com' },
  { kind: 'source-ip', cidr: '203.0.113.0/24' },
  { kind: 'org', orgId: ORG_ID },
];
const CONTEXTS: Record<string, string>[] = [{ Dept: 'IT' }, { Dept: 'HR' }, { Dept: 'IT', Project: 'alpha' }];

const condition = (r: Random, percent: number): Cond | undefined => (chance(r, percent) ? pick(r, CONDITIONS) : undefined);

export function randomNamed(r: Random): DrillScenario['named'] {
  const principal = pick<NamedPrincipal>(r, ['user', 'role', 'other-account-root']);
  const c = condition(r, 45);
  return { principal, actions: pick(r, ACTION_SETS), ...(c ? { condition: c } : {}) };
}

export function randomKeyDeny(r: Random): DrillScenario['keyDeny'] {
  if (!chance(r, 35)) return undefined;
  const c = condition(r, 85);
  return { actions: pick(r, ACTION_SETS.slice(0, 3).concat([['kms:ScheduleKeyDeletion']])), ...(c ? { condition: c } : {}) };
}

export function randomIdentity(r: Random): DrillScenario['identity'] {
  if (!chance(r, 70)) return undefined;
  const c = condition(r, 30);
  const deny = chance(r, 20) ? pick(r, ACTION_SETS) : undefined;
  return { allow: chance(r, 30) ? [...ACTIONS] : pick(r, ACTION_SETS), ...(c ? { condition: c } : {}), ...(deny ? { deny } : {}) };
}

export function randomGrant(r: Random, caller: CallerKind): GrantSpec | undefined {
  if (!chance(r, 40)) return undefined;
  const g: GrantSpec = { grantee: chance(r, 75) ? caller : pick(r, CALLER_KINDS), operations: pick(r, GRANT_OPERATIONS), propagated: chance(r, 60), tokenPassed: chance(r, 40) };
  if (chance(r, 40)) g.constraint = { type: pick(r, ['EncryptionContextEquals', 'EncryptionContextSubset'] as const), context: { Dept: 'IT' } };
  return g;
}

export function randomRequest(r: Random): RequestSpec {
  const out: RequestSpec = {};
  if (chance(r, 65)) out.encryptionContext = { ...pick(r, CONTEXTS) };
  if (chance(r, 30)) out.viaService = pick(r, ['s3.us-east-1.amazonaws.com', 'ec2.us-east-1.amazonaws.com']);
  if (chance(r, 50)) out.sourceIp = pick(r, ['203.0.113.25', '198.51.100.7']);
  return out;
}

export function randomScenario(r: Random): DrillScenario {
  const s: DrillScenario = {
    delegation: chance(r, 55),
    named: randomNamed(r),
    caller: pick(r, CALLER_KINDS),
    action: pick(r, ACTIONS),
    request: randomRequest(r),
  };
  const keyDeny = randomKeyDeny(r);
  if (keyDeny) s.keyDeny = keyDeny;
  const identity = randomIdentity(r);
  if (identity) s.identity = identity;
  const grant = randomGrant(r, s.caller);
  if (grant) s.grant = grant;
  return s;
}

/** A copy of `base` with only `element` replaced by a freshly drawn value (which may happen to be equal). */
export function withNewElement(r: Random, base: DrillScenario, element: ScenarioElement): DrillScenario {
  const next: DrillScenario = structuredClone(base);
  const set = <K extends keyof DrillScenario>(k: K, v: DrillScenario[K] | undefined) => {
    if (v === undefined) delete next[k];
    else next[k] = v;
  };
  switch (element) {
    case 'delegation':
      next.delegation = !base.delegation;
      break;
    case 'named':
      next.named = randomNamed(r);
      break;
    case 'keyDeny':
      set('keyDeny', base.keyDeny && chance(r, 40) ? undefined : (randomKeyDeny(r) ?? { actions: pick(r, ACTION_SETS), condition: pick(r, CONDITIONS) }));
      break;
    case 'identity':
      set('identity', base.identity && chance(r, 30) ? undefined : (randomIdentity(r) ?? { allow: pick(r, ACTION_SETS) }));
      break;
    case 'grant':
      set('grant', base.grant && chance(r, 30) ? undefined : (randomGrant(r, base.caller) ?? { grantee: base.caller, operations: pick(r, GRANT_OPERATIONS), propagated: chance(r, 50), tokenPassed: chance(r, 50) }));
      break;
    case 'caller':
      next.caller = pick(r, CALLER_KINDS);
      break;
    case 'action':
      next.action = pick(r, ACTIONS);
      break;
    case 'request':
      next.request = randomRequest(r);
      break;
  }
  return next;
}
