import { describe, expect, it } from '@jest/globals';
import { benchBanks } from '../../bench/banks.js';

describe('bank benchmark (smoke, small sizes)', () => {
  it('generates valid banks, loads them cold and warm, and reports time, memory and growth', async () => {
    const report = await benchBanks([20, 200]);
    expect(report).toMatch(/cold +20 questions: +\d+ ms, [\d.]+ µs\/question, heap in use \d+ MB/);
    expect(report).toMatch(/warm +200 questions:/);
    expect(report).toMatch(/growth 200\/20 [\d.]+x \(linear = 10x: (linear|WORSE THAN LINEAR)\)/);
  });
});
