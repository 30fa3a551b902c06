// Smoke test of bench/startup.ts: it spawns the built CLI and reports medians and ratios (the targets are
// checked by reading the report, not here: timings on a shared test machine are too noisy to assert).
import { describe, expect, it } from '@jest/globals';
import { benchStartup } from '../../bench/startup.js';

describe('bench/startup.ts', () => {
  it('reports node, --version and aws kms list-keys with ratios', async () => {
    const report = await benchStartup(1);
    expect(report).toMatch(/^startup \(median of 1 runs\): node -e 0 [\d.]+ ms\n/);
    expect(report).toMatch(/kms-study --version +[\d.]+ ms +[\d.]+x +\(target <= 1\.3x: /);
    expect(report).toMatch(/kms-study aws kms list-keys +[\d.]+ ms +[\d.]+x +\(target <= 2x: /);
  }, 120_000);
});
