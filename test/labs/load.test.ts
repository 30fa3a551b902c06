// Throttling in labs: the `throttling:` setup field, the `load` meta-command (rate, data key cache, retries
// with seeded jitter) and the `load_result` check.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseLab } from '../../src/labs/parse.js';
import { LabRun } from '../../src/labs/runner.js';
import { evaluate, type CheckContext } from '../../src/labs/checks.js';
import { parseLoadArgs, type LoadResult } from '../../src/labs/load.js';
import { META_HELP } from '../../src/labs/render.js';
import { completeLabLine } from '../../src/cli/lab-complete.js';
import { PACKAGE_ROOT } from '../helpers/cli.js';

// A small lab of its own, so these tests do not depend on the catalogue's wording.
const text = `id: throttling-and-caching
title: Load test
tips: [cost-optimization]
level: guided
summary: A load.
setup:
  start: 2026-04-14T11:00:00Z
  profiles:
    app: {principal: "arn:aws:iam::111122223333:user/order-service"}
  profile: app
  principals:
    - user: order-service
      policies:
        p: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: ["kms:GenerateDataKey", "cloudtrail:LookupEvents"], Resource: "*"}]}
  keys:
    - {ref: orders, aliases: [alias/orders]}
  throttling: {symmetricPerSecond: 20}
steps:
  - id: fix
    title: Fix
    goal: No throttling at peak.
    checks:
      - {type: load_result, max_throttled: 0, min_requests: 150, fail: still throttled}
    hints: [cache]
    solution: ["load --rps 50 --seconds 3 --key-id alias/orders --cache-seconds 60"]
    explain: Cached.
pitfalls:
  - {step: fix, lines: ["load --rps 50 --seconds 3 --key-id alias/orders --retries 3"], fails: still throttled}
`;
const lab = parseLab(text, 'labs/throttling-and-caching.yaml').lab!;
const io = { wallNow: () => 0 };
const numbers = (out: string) => Object.fromEntries([...out.matchAll(/^\s+([a-zA-Z ]+):\s+(\d+)/gm)].map((m) => [m[1].trim(), Number(m[2])]));

describe('throttling setup field', () => {
  it('turns throttling on in the lab engine with the given rates', async () => {
    const run = await LabRun.start(lab, '1', io);
    expect(lab.setup.throttling).toEqual({ symmetricPerSecond: 20 });
    expect((run.progress.engine as { settings: { throttling?: unknown } }).settings.throttling).toEqual({ enabled: true, symmetricPerSecond: 20 });
  });

  it('leaves throttling off when absent', async () => {
    const other = parseLab(readFileSync(`${PACKAGE_ROOT}/labs/key-deletion.yaml`, 'utf8'), 'labs/key-deletion.yaml').lab!;
    const run = await LabRun.start(other, '1', io);
    expect((run.progress.engine as { settings: { throttling?: unknown } }).settings.throttling).toBeUndefined();
  });

  it('rejects a non-positive rate and an unknown field with their positions', () => {
    const bad = text.replace('throttling: {symmetricPerSecond: 20}', 'throttling: {symmetricPerSecond: 0, perSecond: 5}');
    const msgs = parseLab(bad, 'labs/throttling-and-caching.yaml').errors.map((e) => e.message).join('\n');
    expect(msgs).toMatch(/throttling-and-caching\.yaml:\d+:\d+: .*"symmetricPerSecond" must be a positive number/);
    expect(msgs).toContain('perSecond');
  });

  it('parses perOperation rates', () => {
    const t = text.replace('throttling: {symmetricPerSecond: 20}', 'throttling: {symmetricPerSecond: 20, perOperation: {CreateKey: 5}}');
    expect(parseLab(t, 'labs/throttling-and-caching.yaml').lab!.setup.throttling).toEqual({ symmetricPerSecond: 20, perOperation: { CreateKey: 5 } });
  });
});

describe('load meta-command', () => {
  it('reproduces throttling at 50 rps against a 20 rps quota and records it in the audit log', async () => {
    const run = await LabRun.start(lab, '1', io);
    const r = await run.input('load --rps 50 --seconds 3 --key-id alias/orders');
    const n = numbers(r.text);
    expect(n['requests made']).toBe(150);
    expect(n.throttled).toBeGreaterThan(50);
    expect(n.succeeded + n.throttled).toBe(150);
    // About the burst (20) plus 20 per second for the rest of the window.
    expect(n.succeeded).toBeGreaterThanOrEqual(75);
    expect(n.succeeded).toBeLessThanOrEqual(82);
    expect(run.progress.lastLoad).toMatchObject({ op: 'GenerateDataKey', requests: 150, throttled: n.throttled });
    const check = (await run.input('aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=GenerateDataKey --max-results 1')).text;
    expect(check).toContain('ThrottlingException');
  });

  it('retries smooth the excess but do not remove it; a data key cache does', async () => {
    const run = await LabRun.start(lab, '1', io);
    const plain = numbers((await run.input('load --rps 50 --seconds 3 --key-id alias/orders')).text);
    const retried = numbers((await run.input('load --rps 50 --seconds 3 --key-id alias/orders --retries 3')).text);
    expect(retried.throttled).toBeGreaterThan(0);
    expect(retried.throttled).toBeLessThan(plain.throttled);
    const cached = (await run.input('load --rps 50 --seconds 3 --key-id alias/orders --cache-seconds 60')).text;
    expect(numbers(cached)).toMatchObject({ 'requests made': 150, succeeded: 150, throttled: 0 });
    expect(cached).toContain('149 from the cache');
    expect(run.progress.lastLoad).toMatchObject({ kmsCalls: 1, fromCache: 149 });
  });

  it('moves the simulated clock by the load window plus a quiet second', async () => {
    const run = await LabRun.start(lab, '1', io);
    const before = Date.parse((await run.input('clock advance 0s')).text.match(/now (\S+)\./)![1]);
    await run.input('load --rps 10 --seconds 2 --key-id alias/orders');
    const after = Date.parse((await run.input('clock advance 0s')).text.match(/now (\S+)\./)![1]);
    expect(after - before).toBe(3000);
  });

  it('is repeatable for the same seed (jitter comes from the lab seed)', async () => {
    const a = await LabRun.start(lab, '5', io);
    const b = await LabRun.start(lab, '5', io);
    const line = 'load --rps 50 --seconds 3 --key-id alias/orders --retries 2';
    expect((await a.input(line)).text).toBe((await b.input(line)).text);
  });

  it('reports usage errors with exit code 2 and keeps no result', async () => {
    const run = await LabRun.start(lab, '1', io);
    for (const line of ['load', 'load --rps 50', 'load --rps 0 --seconds 3 --key-id alias/orders', 'load --rps 5 --seconds 3 --key-id alias/orders --op Sign', 'load --rps 5 --seconds 3 --key-id k --op Encrypt --cache-seconds 5', 'load --rps 5 --seconds 3 --key-id k --bogus 1']) {
      const r = await run.input(line);
      expect({ line, code: r.exitCode }).toEqual({ line, code: 2 });
    }
    expect(run.progress.lastLoad).toBeUndefined();
    expect(parseLoadArgs(['--rps', '5', '--seconds', '1', '--op', 'GenerateRandom'])).toMatchObject({ op: 'GenerateRandom', retries: 0 });
  });

  it('counts other errors separately (an unknown key)', async () => {
    const run = await LabRun.start(lab, '1', io);
    const r = await run.input('load --rps 5 --seconds 1 --key-id alias/nothing');
    expect(r.text).toContain('5 with NotFoundException');
    expect(run.progress.lastLoad).toMatchObject({ succeeded: 0, throttled: 0 });
  });

  it('is in the help text and tab completion', () => {
    expect(META_HELP).toContain('load --rps N --seconds N');
    expect(completeLabLine('lo')[0]).toEqual(['load']);
    expect(completeLabLine('load --rps 5 --ca')[0]).toEqual(['--cache-seconds']);
    expect(completeLabLine('load --op GenerateDataKeyW')[0]).toEqual(['GenerateDataKeyWithoutPlaintext']);
  });
});

describe('load_result check', () => {
  const base: LoadResult = { op: 'GenerateDataKey', rps: 50, seconds: 3, retries: 0, requests: 150, succeeded: 150, throttled: 0, kmsCalls: 1, throttledCalls: 0, retried: 0, fromCache: 149, errors: {} };
  const ctx = (lastLoad?: LoadResult) => ({ lastLoad }) as unknown as CheckContext;
  const check = { type: 'load_result' as const, op: 'GenerateDataKey', max_throttled: 0, min_requests: 100, min_from_cache: 1, fail: 'still throttled' };

  it('passes only when the last load meets every field', () => {
    expect(evaluate(check, ctx(base))).toEqual({ ok: true, message: 'still throttled' });
    expect(evaluate(check, ctx()).ok).toBe(false);
    expect(evaluate(check, ctx({ ...base, throttled: 1 })).ok).toBe(false);
    expect(evaluate(check, ctx({ ...base, requests: 60 })).ok).toBe(false);
    expect(evaluate(check, ctx({ ...base, fromCache: 0 })).ok).toBe(false);
    expect(evaluate(check, ctx({ ...base, op: 'Encrypt' })).ok).toBe(false);
  });

  it('is parsed with numeric fields and rejects a text value', () => {
    const bad = text.replace('max_throttled: 0', 'max_throttled: none');
    expect(parseLab(bad, 'labs/throttling-and-caching.yaml').errors.map((e) => e.message).join('\n')).toMatch(/expected "max_throttled" to be a number/);
  });
});
