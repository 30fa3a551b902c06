// The whole quiz command in terminal mode (a TTY stdin the test types into) at 80 and 60 columns: every option
// is printed in full above the letter menu, no line is wider than the terminal, and `?` marks a guess.
import { describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { runCli, tempHome } from '../helpers/cli.js';
import { waitFor } from '../helpers/wait.js';
import { loadBanks } from '../../src/storage/banks.js';

const BANK = 'test/fixtures/banks/long-options';
const visible = (s: string) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '\n');

function ttyInput() {
  const input = new PassThrough() as PassThrough & { isTTY: boolean; setRawMode: (m: boolean) => void };
  input.isTTY = true;
  input.setRawMode = () => undefined;
  return input;
}

async function quizAt(columns: number, keys: string[][]) {
  const home = tempHome();
  const input = ttyInput();
  let screen = '';
  let menus = 0;
  const typed = (async () => {
    for (const k of keys) {
      menus++;
      const n = menus;
      await waitFor(() => (screen.match(/(Answer|Pick 2) [ ›]/g) ?? []).length >= n && !screen.endsWith('\n'), `menu ${n}`);
      for (const c of k) input.write(c);
    }
  })();
  const r = await runCli(['quiz', '--bank', BANK, '--no-shuffle'], { home, tty: true, columns, stdinStream: input, onStdout: (all) => (screen = all) });
  await typed;
  input.end();
  return { ...r, home };
}

describe.each([80, 60])('quiz on a %i-column terminal', (columns) => {
  it('prints every option in full, fits every line, takes letters and ? in the menu', async () => {
    const r = await quizAt(columns, [
      ['b', '?', '\r'],
      ['a', 'c', '\r'],
    ]);
    expect(r.code).toBe(0);
    const text = visible(r.stdout);
    const lines = text.split('\n').filter((l) => !/https?:\/\//.test(l));
    expect(lines.filter((l) => l.length > columns)).toEqual([]);
    // Each option's full text is on screen before the menu (rejoined over its wrapped lines).
    const flat = text.replace(/\n +/g, ' ');
    const [q] = loadBanks([BANK]).questions;
    for (const o of q.options) expect(flat).toContain(o.text.trim());
    expect(flat).toContain('LAST-WORD-OF-D');
    expect(text).toContain('Answer: B (guessed)');
    expect(text).toContain('Answers: A,C');
    expect(text).not.toContain('Did you guess');
    expect(text).toContain('Lucky guesses');
    const stats = JSON.parse((await runCli(['stats', '--json'], { home: r.home })).stdout);
    expect(stats.answers.map((a: { guessed: boolean; correct: boolean }) => [a.correct, a.guessed])).toEqual([
      [true, true],
      [true, false],
    ]);
  });
});
