// A piped quiz ends on SIGINT (Ctrl-C), SIGTERM and SIGHUP alike, heard through the injected signals: answers kept, the session recorded, exit 130, no handler left.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Signal } from '../../src/cli/io.js';
import { EXIT } from '../../src/exit-codes.js';
import { FakeSignals, runCli, tempHome } from '../helpers/cli.js';

async function quizStoppedBy(signal: Signal) {
  const signals = new FakeSignals();
  const stdin = new PassThrough();
  const home = tempHome();
  let prompts = 0;
  const r = await runCli(['quiz', '--count', '3', '--seed', '1', '--topic', 'rotation'], {
    home,
    stdinStream: stdin,
    signals,
    onStdout: (all) => {
      const n = all.split('Answer> ').length - 1;
      if (n === prompts) return;
      prompts = n;
      // The first question may be multiple response: answer with as many letters as it asks for.
      const many = /choose (two|three)/i.exec(all)?.[1];
      const answer = many === 'three' ? 'A,B,C' : many === 'two' ? 'A,B' : 'A';
      if (n === 1) setImmediate(() => stdin.write(`${answer}\n`));
      if (n === 2) setImmediate(() => signals.raise(signal));
    },
  });
  return { r, prompts, signals, home };
}

describe('a piped quiz and the stop signals', () => {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    it(`${signal} ends it: exit 130, the answer kept, the session recorded, every handler removed`, async () => {
      const { r, prompts, signals, home } = await quizStoppedBy(signal);
      expect(r.code).toBe(EXIT.INTERRUPTED);
      expect(prompts).toBe(2);
      for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) expect(signals.listening(s)).toBe(0);
      const stats = await runCli(['stats', '--json'], { home });
      expect((JSON.parse(stats.stdout) as { totals: { answered: number } }).totals.answered).toBe(1);
      const progress = readFileSync(join(home, 'progress.json'), 'utf8');
      expect(progress).toMatch(/"ended":\s*"interrupted"/);
    });
  }

  it('a finished quiz leaves no signal handler behind', async () => {
    const signals = new FakeSignals();
    await runCli(['quiz', '--count', '1', '--seed', '1'], { stdin: 'A\n', signals });
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) expect(signals.listening(s)).toBe(0);
  });
});
