import { describe, expect, it } from '@jest/globals';
import { runCli, tempHome } from '../helpers/cli.js';

const ARGS = ['quiz', '--generated', '--count', '3', '--seed', '7'];

/** The right display letter of each question, read from the feedback lines. */
function rightLetters(stdout: string, given: string[]): string[] {
  const verdicts = [...stdout.matchAll(/^(Correct\.|Not quite\. The answer is ([A-D])\.)$/gm)];
  return verdicts.map((m, i) => m[2] ?? given[i]);
}

describe('kms-study quiz --generated (piped stdin, in-process)', () => {
  it('runs 3 seeded drills in practice mode, explains each from the decision, and stores answers without cards', async () => {
    const home = tempHome();
    const first = await runCli(ARGS, { home, stdin: 'A\nA\nA\n' });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Generated policy-evaluation drills (seed 7; repeat with --seed 7)');
    expect(first.stdout).toContain('Practice: 3 questions.');
    for (const n of [1, 2, 3]) expect(first.stdout).toContain(`Question ${n} of 3`);
    expect(first.stdout).toMatch(/^Key policy: \{"Version":"2012-10-17"/m);
    expect(first.stdout).toMatch(/^Request: arn:aws:/m);
    expect(first.stdout).toMatch(/Correct: KMS decides (Allowed|Denied) \(/);
    expect(first.stdout).toMatch(/Score: \d\/3 correct/);

    // Same seed, same drills: answering with the letters the first run revealed scores 3/3.
    const right = rightLetters(first.stdout, ['A', 'A', 'A']);
    expect(right).toHaveLength(3);
    const second = await runCli(ARGS, { home, stdin: right.join('\n') + '\n' });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Score: 3/3 correct (100%)');
    const asked = (out: string) => [...out.matchAll(/^Question \d of 3[^]*?^Choose one\./gm)].map((m) => m[0]);
    expect(asked(first.stdout)).toHaveLength(3);
    expect(asked(second.stdout)).toEqual(asked(first.stdout));

    const data = JSON.parse((await runCli(['stats', 'export'], { home })).stdout);
    expect(data.answers).toHaveLength(6);
    expect(data.answers.map((a: { questionId: string }) => a.questionId).slice(0, 3)).toEqual(['drill-7-1', 'drill-7-2', 'drill-7-3']);
    for (const a of data.answers) expect(['troubleshooting-access', 'key-policies-iam']).toContain(a.topic);
    expect(data.answers.slice(3).every((a: { correct: boolean }) => a.correct)).toBe(true);
    expect(data).toHaveProperty('cards');
    expect(Object.keys(data.cards)).toEqual([]); // a bank practice quiz would have stored 3 cards here
    const stats = JSON.parse((await runCli(['stats', '--json'], { home })).stdout);
    expect(stats.totals).toMatchObject({ answered: 6 });
  });

  it('another seed gives other drills', async () => {
    const a = await runCli(ARGS, { stdin: '' });
    const b = await runCli(['quiz', '--generated', '--count', '3', '--seed', '8'], { stdin: '' });
    const stem = (s: string) => s.split('\n').filter((l) => l.startsWith('Key policy: ') || l.startsWith('Request: ')).join('\n');
    expect(stem(a.stdout)).not.toBe('');
    expect(stem(b.stdout)).not.toBe(stem(a.stdout));
    expect(a.code).toBe(1); // end of input before the last question
  });

  it('without --seed picks one and prints it so the run can be repeated', async () => {
    const r = await runCli(['quiz', '--generated', '--count', '1'], { stdin: 'B\n' });
    expect(r.code).toBe(0);
    const seed = /seed ([0-9a-f]{8});/.exec(r.stdout)?.[1];
    expect(seed).toBeDefined();
    const again = await runCli(['quiz', '--generated', '--count', '1', '--seed', seed!], { stdin: 'B\n' });
    expect(again.stdout.split('\n').filter((l) => l.startsWith('Key policy: '))).toEqual(r.stdout.split('\n').filter((l) => l.startsWith('Key policy: ')));
  });

  it('refuses options that do not fit generated practice drills', async () => {
    const r = await runCli(['quiz', '--generated', '--mode', 'exam'], { stdin: '' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--generated .* cannot be combined with --mode exam/);
    const t = await runCli(['quiz', '--generated', '--topic', 'grants', '--bank', 'questions'], { stdin: '' });
    expect(t.stderr).toMatch(/cannot be combined with --bank, --topic/);
    const c = await runCli(['quiz', '--generated', '--count', '0'], { stdin: '' });
    expect(c.stderr).toMatch(/--count expects a whole number/);
  });

  it('help says drills create no review cards', async () => {
    const r = await runCli(['quiz', '--help']);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/--generated .*create no review \(FSRS\) cards/);
  });
});
