import { describe, expect, it } from '@jest/globals';
import { benchEngine } from '../../bench/engine.js';

describe('bench/engine.ts', () => {
  it('reports engine, noble and node round trips with ratios for 100 B and 4 KB', async () => {
    const out = await benchEngine({ durationMs: 20 });
    expect(out).toMatch(/^100 B\s+\d+\s+\d+\s+\d+\s+\d+\.\d\dx\s+\d+\.\d\dx$/m);
    expect(out).toMatch(/^4 KB\s+\d+\s+\d+\s+\d+\s+\d+\.\d\dx\s+\d+\.\d\dx$/m);
    expect(out).toContain('target: engine >= 0.50x noble raw at 4 KB');
  });
});
