// End to end: the built binary (npm test builds it first) with piped stdin and a temp KMS_STUDY_HOME.
import { describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE } from '../helpers/shipped.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = BUNDLE;
const BANK = 'test/fixtures/banks/small';

function cli(args: string[], home: string, input = '') {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build (npm test does it in pretest)`);
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, KMS_STUDY_HOME: home, NO_COLOR: '1' } });
}

describe('quiz end to end (spawned binary, piped stdin)', () => {
  it('answers given on stdin show up in stats --json', () => {
    const home = mkdtempSync(join(tmpdir(), 'kms-e2e-'));
    // --seed 1 fixes the order: deletion-cancel, deletion-wait, cloudhsm-out, rotation-keeps, rotation-period.
    const r = cli(['quiz', '--bank', BANK, '--seed', '1', '--count', '5'], home, 'C\nB\nD\nB,E?\nB\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect([...r.stdout.matchAll(/^(Correct\.|Not quite\. The answer is [A-E, ]+\.)$/gm)].map((m) => m[1])).toEqual([
      'Correct.', 'Correct.', 'Not quite. The answer is A.', 'Correct.', 'Correct.',
    ]);
    expect(r.stdout).toContain('Score: 4/5 correct (80%)');
    const stats = JSON.parse(cli(['stats', '--json'], home).stdout);
    expect(stats.totals).toMatchObject({ answered: 5, correct: 4, sessions: 1 });
    expect(stats.answers.map((a: { questionId: string; correct: boolean; guessed: boolean; chosen: string[] }) => [a.questionId, a.correct, a.guessed, a.chosen])).toEqual([
      ['fx-deletion-cancel', true, false, ['C']],
      ['fx-deletion-wait', true, false, ['B']],
      ['fx-cloudhsm-out', false, false, ['B']], // display D is bank letter B after the shuffle
      ['fx-rotation-keeps', true, true, ['A', 'B']],
      ['fx-rotation-period', true, false, ['A']],
    ]);
    expect(stats.byTopic['custom-key-stores']).toEqual({ answered: 1, correct: 0, accuracy: 0 });
    // The same seed gives the same transcript.
    expect(cli(['quiz', '--bank', BANK, '--seed', '1', '--count', '5', '--mode', 'cram'], mkdtempSync(join(tmpdir(), 'kms-e2e-')), 'C\nB\nD\nB,E?\nB\n').stdout.replace(/^Cram.*\n/, '')).toBe(
      r.stdout.replace(/^Practice.*\n/, ''),
    );
  });

  it('end of input mid-quiz keeps the answers and exits 1', () => {
    const home = mkdtempSync(join(tmpdir(), 'kms-e2e-'));
    const r = cli(['quiz', '--bank', BANK, '--seed', '1', '--topic', 'deletion'], home, 'B\n');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('your 1 answer is saved');
    const stats = JSON.parse(cli(['stats', '--json'], home).stdout);
    expect(stats.totals.answered).toBe(1);
    expect(stats.answers[0].topic).toBe('deletion');
  });

  it('Ctrl-C (SIGINT) mid-quiz keeps the answers and exits 130', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kms-e2e-'));
    const child = spawn(process.execPath, [BIN, 'quiz', '--bank', BANK, '--seed', '1', '--topic', 'deletion'], { cwd: ROOT, env: { ...process.env, KMS_STUDY_HOME: home, NO_COLOR: '1' } });
    let out = '';
    let answered = false;
    let killed = false;
    const code = await new Promise<number | null>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (!answered && out.includes('Answer> ')) {
          answered = true;
          child.stdin.write('B\n');
        } else if (!killed && (out.match(/Answer> /g) ?? []).length === 2) {
          killed = true; // once: stdin stays open, so only the SIGINT handler can end the quiz
          child.kill('SIGINT');
        }
      });
      child.on('exit', (c) => resolve(c));
    });
    expect(code).toBe(130);
    expect(out).toContain('Stopped (quiz interrupted); your 1 answer is saved.');
    expect(JSON.parse(cli(['stats', '--json'], home).stdout).totals.answered).toBe(1);
  });
});
