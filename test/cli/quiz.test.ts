import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBanks } from '../../src/storage/banks.js';
import { PACKAGE_ROOT, runCli, tempHome } from '../helpers/cli.js';

const SMALL = 'test/fixtures/banks/small';

describe('kms-study quiz (piped stdin, in-process)', () => {
  it('runs a practice quiz from a bank, one answer per line, and stores the answers', async () => {
    const home = tempHome();
    const r = await runCli(['quiz', '--bank', SMALL, '--no-shuffle', '--topic', 'deletion'], { home, stdin: 'B\nA?\n' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Practice: 2 questions.');
    expect(r.stdout).toContain('Answer> B\nCorrect.');
    expect(r.stdout).toContain('Not quite. The answer is C.');
    expect(r.stdout).toContain('Score: 1/2 correct (50%)');
    const stats = JSON.parse((await runCli(['stats', '--json'], { home })).stdout);
    expect(stats.totals).toMatchObject({ answered: 2, correct: 1 });
    expect(stats.answers.map((a: { questionId: string; guessed: boolean }) => [a.questionId, a.guessed])).toEqual([['fx-deletion-wait', false], ['fx-deletion-cancel', true]]);
    expect(stats.byTopic.deletion).toEqual({ answered: 2, correct: 1, accuracy: 0.5 });
  });

  it('end of input before the last question keeps the answers and exits 1', async () => {
    const home = tempHome();
    const r = await runCli(['quiz', '--bank', SMALL, '--no-shuffle', '--topic', 'deletion'], { home, stdin: 'B\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Stopped (end of input before the last question); your 1 answer is saved.');
    const data = JSON.parse((await runCli(['stats', 'export'], { home })).stdout);
    expect(data.answers.map((a: { questionId: string }) => a.questionId)).toEqual(['fx-deletion-wait']);
    expect(data.sessions[0]).toMatchObject({ ended: 'end-of-input', answered: 1, questions: 2 });
  });

  it('the same --seed gives the same questions and option order', async () => {
    const a = await runCli(['quiz', '--bank', SMALL, '--seed', '42', '--mode', 'cram'], { stdin: '' });
    const b = await runCli(['quiz', '--bank', SMALL, '--seed', '42', '--mode', 'cram'], { stdin: '' });
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain('Question 1 of 5');
  });

  it('says which filter matched nothing and exits 2 (a usage error)', async () => {
    const r = await runCli(['quiz', '--bank', SMALL, '--topic', 'grants'], { stdin: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kms-study: no questions match --topic grants (available: custom-key-stores, deletion, rotation)\n');
    const t = await runCli(['quiz', '--bank', SMALL, '--tip', 'cost-optimization'], { stdin: '' });
    expect(t.stderr).toMatch(/no questions match --tip cost-optimization/);
    expect(t.code).toBe(2);
    const typo = await runCli(['quiz', '--bank', SMALL, '--topic', 'rotaton'], { stdin: '' });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('kms-study: no questions match --topic rotaton (available: custom-key-stores, deletion, rotation); did you mean rotation?\n');
  });

  it('a piped word is not an option: quoted whole, with the letters the question has', async () => {
    const r = await runCli(['quiz', '--bank', SMALL, '--no-shuffle', '--topic', 'deletion'], { stdin: 'hello\n' });
    expect(r.stdout).toMatch(/"hello" is not an option \(answer with letters A–[A-E]\)/);
    expect(r.stdout).not.toContain('H, E, L, L, O');
  });

  it('prints no "Score: 0/0" when nothing was answered', async () => {
    const r = await runCli(['quiz', '--bank', SMALL, '--no-shuffle', '--topic', 'deletion'], { stdin: '' });
    expect(r.stdout).not.toContain('Score:');
    expect(r.stdout).toContain('No answers given; 2 questions not answered.');
  });

  it('says "Exam: 1 question" in the singular', async () => {
    const r = await runCli(['quiz', '--bank', SMALL, '--no-shuffle', '--mode', 'exam', '--count', '1'], { stdin: 'submit\n' });
    expect(r.stdout).toContain('Exam: 1 question in 2 minutes');
  });

  it('says the bank is empty and where it looked', async () => {
    const home = tempHome();
    const r = await runCli(['quiz', '--bank', home], { home, stdin: '' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`kms-study: the question bank is empty (looked in: ${home})\n`);
  });

  it('reports a --bank path that does not exist as a usage error (exit 2)', async () => {
    const r = await runCli(['quiz', '--bank', 'test/fixtures/banks/nope'], { stdin: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope:0:0: cannot read bank path \(ENOENT\)/);
  });

  it('rejects a bad --count and an unknown --mode as usage errors', async () => {
    expect((await runCli(['quiz', '--count', '0'], { stdin: '' })).code).toBe(2);
    const m = await runCli(['quiz', '--mode', 'speedrun'], { stdin: '' });
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/Allowed choices are practice, exam, review, cram/);
  });

  it('review mode asks only what was missed', async () => {
    const home = tempHome();
    await runCli(['quiz', '--bank', SMALL, '--no-shuffle', '--topic', 'deletion'], { home, stdin: 'A\nC\n' });
    const r = await runCli(['quiz', '--bank', SMALL, '--no-shuffle', '--mode', 'review'], { home, stdin: 'B\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Review: 1 question.');
    expect(r.stdout).toContain('default deletion waiting period');
    const again = await runCli(['quiz', '--bank', SMALL, '--mode', 'review'], { home, stdin: '' });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/nothing to review/);
  });

  it('exam mode over piped stdin: answers, submit, scaled score stored with the session', async () => {
    const home = tempHome();
    const r = await runCli(['quiz', '--bank', SMALL, '--no-shuffle', '--mode', 'exam'], { home, stdin: 'B\nC\nD\nA,B\nsubmit\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Exam: 4 questions in 8 minutes');
    expect(r.stdout).not.toContain('custom-key-stores');
    expect(r.stdout).toContain('Result: 3/4 correct (75%), scaled score 750 — PASS (720 to pass)');
    const data = JSON.parse((await runCli(['stats', 'export'], { home })).stdout);
    expect(data.sessions[0]).toMatchObject({ mode: 'exam', ended: 'submitted', scaledScore: 750, passed: true });
    expect(Object.keys(data.cards)).toHaveLength(4);
    // Readable names, not ids: the review list and stats' next steps show titles.
    expect(r.stdout).toMatch(/Review these:\n {2}\d\. Fixture question [a-z]+: .*: answer /);
    expect(r.stdout).not.toMatch(/fx-[a-z-]+: answer/);
    const stats = (await runCli(['stats'], { home })).stdout;
    expect(stats).toMatch(/\(next: "[A-Z][^"]+"/);
    expect(stats).not.toMatch(/next: [a-z0-9]+-[a-z0-9-]+/);
  });

  it('reads extra bank folders from the progress config (bankDirs), relative to the current directory', async () => {
    const home = tempHome();
    const packaged = loadBanks([join(PACKAGE_ROOT, 'questions')]).questions.length;
    writeFileSync(join(home, 'progress.json'), JSON.stringify({ schemaVersion: 1, config: { bankDirs: [SMALL] }, answers: [], sessions: [], cards: {}, labs: [] }));
    const stats = JSON.parse((await runCli(['stats', '--json'], { home })).stdout);
    expect(stats.totals.bankQuestions).toBe(packaged + 5);
    const r = await runCli(['quiz', '--mode', 'exam', '--count', '65'], { home, stdin: '' });
    expect(r.stdout).toContain(`Exam: ${Math.min(65, packaged + 4)} questions`);
  });

  it('warns about a bankDirs entry that does not exist and goes on with the rest', async () => {
    const home = tempHome();
    writeFileSync(join(home, 'progress.json'), JSON.stringify({ schemaVersion: 1, config: { bankDirs: ['/nonexistent/banks', SMALL] }, answers: [], sessions: [], cards: {}, labs: [] }));
    const r = await runCli(['quiz', '--mode', 'cram', '--count', '1'], { home, stdin: '' });
    expect(r.stdout).toContain('Question 1 of 1');
    expect(r.stderr).toMatch(/warning: \/nonexistent\/banks:0:0: cannot read bank path \(ENOENT\).*check bankDirs in .*progress\.json/);
  });

  it('colours output only on a terminal without NO_COLOR or --no-color', async () => {
    const args = ['quiz', '--bank', SMALL, '--no-shuffle', '--topic', 'deletion', '--difficulty', 'hard'];
    const colour = await runCli(args, { stdin: 'C\n', tty: true, env: { NO_COLOR: undefined as unknown as string } });
    expect(colour.stdout).toContain('\u001b[');
    expect((await runCli(args, { stdin: 'C\n', tty: true })).stdout).not.toContain('\u001b[');
    expect((await runCli(['--no-color', ...args], { stdin: 'C\n', tty: true, env: { NO_COLOR: undefined as unknown as string } })).stdout).not.toContain('\u001b[');
    expect((await runCli(args, { stdin: 'C\n', env: { NO_COLOR: undefined as unknown as string } })).stdout).not.toContain('\u001b[');
  });
});
