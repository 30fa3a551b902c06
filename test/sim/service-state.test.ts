// A registered service's own state: saved in the world document under services.<name>, restored when the
// world is loaded again, told when simulated time moves, and queried by the lab's service_state check.
import { describe, expect, it } from '@jest/globals';
import type { ServiceFactory } from '../../src/aws/service.js';
import { DEFAULT_PROFILES, callerFor } from '../../src/awscli/profiles.js';
import { evaluate, type CheckContext } from '../../src/labs/checks.js';
import { aWorld } from '../helpers/world.js';

/** A counter service: Bump adds one; every simulated day that passes is counted in `days`. */
const counterService: ServiceFactory = () => {
  let state = { count: 0, days: 0, names: [] as string[] };
  return {
    name: 'counter',
    operations: () => ['Bump'],
    call(_op, request) {
      state.count += 1;
      if (typeof request.Name === 'string') state.names.push(request.Name);
      return { Count: state.count };
    },
    saveState: () => state,
    restoreState(doc) {
      state = doc as typeof state;
    },
    onAdvance(from, to) {
      state.days += Math.floor((to - from) / 86_400_000);
    },
  };
};

describe('service state in the world', () => {
  it('is saved in the world document and restored when the world loads it', () => {
    const { world } = aWorld({ services: [counterService] });
    const admin = callerFor(world, DEFAULT_PROFILES, 'default');
    world.call('counter', 'Bump', { Name: 'a' }, admin);
    world.call('counter', 'Bump', { Name: 'b' }, admin);
    const doc = JSON.parse(JSON.stringify(world.toJSON())) as { services?: Record<string, unknown> };
    expect(doc.services).toEqual({ counter: { count: 2, days: 0, names: ['a', 'b'] } });
    const { world: again } = aWorld({ services: [counterService], state: doc });
    expect(again.call('counter', 'Bump', {}, admin)).toEqual({ Count: 3 });
  });

  it('leaves a world with no stateful service without a services member, and refuses a services member that is not an object', () => {
    const { world } = aWorld();
    expect(world.toJSON()).not.toHaveProperty('services');
    const doc = { ...JSON.parse(JSON.stringify(world.toJSON())), services: [1] };
    expect(() => aWorld({ state: doc })).toThrow(/services must be an object/);
  });

  it('tells each service how far simulated time moved', () => {
    const { world } = aWorld({ services: [counterService] });
    world.advance(3 * 86_400_000);
    world.advance(86_400_000 / 2);
    expect(world.serviceState('counter')).toMatchObject({ days: 3 });
  });

  it('lets a lab check query a service state with JMESPath', () => {
    const { world } = aWorld({ services: [counterService] });
    const admin = callerFor(world, DEFAULT_PROFILES, 'default');
    world.call('counter', 'Bump', { Name: 'reports' }, admin);
    const ctx = { world, vars: { BUCKET: 'reports' }, log: [], answers: {}, profiles: {}, setupKeys: [], home: { account: '111122223333', region: 'us-east-1' } } as CheckContext;
    const check = (extra: Record<string, unknown>) => evaluate({ type: 'service_state', service: 'counter', fail: 'no', query: 'count', ...extra } as never, ctx).ok;
    expect(check({ equals: 1 })).toBe(true);
    expect(check({ equals: 2 })).toBe(false);
    expect(check({ query: 'names', contains: '$BUCKET' })).toBe(true);
    expect(check({ query: "names[?@ == '$BUCKET']", present: true })).toBe(true);
    expect(check({ query: "names[?@ == 'other']", present: true })).toBe(false);
    expect(check({ query: "names[?@ == 'other']", present: false })).toBe(true);
    expect(check({ query: 'missing' })).toBe(false);
    expect(check({ query: "names[?@ == 'other']" })).toBe(false);
    expect(check({ query: "names[?@ == 'reports']" })).toBe(true);
    expect(evaluate({ type: 'service_state', service: 'nothing', query: 'count', fail: 'no' }, ctx).ok).toBe(false);
  });
});

describe('service_state in a lab file', () => {
  it('reads the check and refuses a query that is not JMESPath, at its position', async () => {
    const { Reader } = await import('../../src/labs/reader.js');
    const { readCheck } = await import('../../src/labs/parse-checks.js');
    const good = new Reader('type: service_state\nservice: s3\nquery: "buckets[0].name"\nequals: {a: 1}\nfail: no bucket\n', 'lab.yaml');
    expect(readCheck(good, good.root!, 'step 1 check 1')).toEqual({ type: 'service_state', service: 's3', query: 'buckets[0].name', equals: { a: 1 }, fail: 'no bucket' });
    expect(good.errors).toEqual([]);
    const bad = new Reader('type: service_state\nservice: s3\nquery: "buckets[?"\nfail: no bucket\n', 'lab.yaml');
    readCheck(bad, bad.root!, 'step 1 check 1');
    expect(bad.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^lab\.yaml:3:8: step 1 check 1 \(service_state\): "query" is not a JMESPath expression/)]);
  });
});
