// Smoke test of bench/startup.ts: it spawns the launcher (which runs the bundle) and reports medians and ratios (the targets are
// checked by reading the report, not here: timings on a shared test machine are too noisy to assert).
import { describe, expect, it } from '@jest/globals';
import { benchStartup } from '../../bench/startup.js';

describe('bench/startup.ts', () => {
  it('reports node, --version, aws kms list-keys, the lab list and stats with ratios and met/missed', async () => {
    const report = await benchStartup(1);
    expect(report).toMatch(/^startup \(medians of 1 interleaved rounds\): node -e 0 [\d.]+ ms\n/);
    expect(report).toContain('\n  entry: bin/kms-study.js running dist/cli/bin.js (the bundle)\n');
    expect(report).toMatch(/kms-study --version +[\d.]+ ms +[\d.]+x +\(target <= 1\.3x: (met|MISSED)\)/);
    expect(report).toMatch(/kms-study aws kms list-keys +[\d.]+ ms +[\d.]+x +\(target <= 2x: (met|MISSED)\)/);
    expect(report).toMatch(/kms-study lab \(the list\) +[\d.]+ ms +[\d.]+x +\(target <= 2x: (met|MISSED)\)/);
    expect(report).toMatch(/kms-study stats +[\d.]+ ms +[\d.]+x +\(target <= 2x: (met|MISSED)\)/);
  }, 120_000);
});
