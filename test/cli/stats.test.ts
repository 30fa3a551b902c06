import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempHome } from '../helpers/cli.js';

const SMALL = 'test/fixtures/banks/small';

describe('kms-study stats', () => {
  it('says there is nothing yet on a fresh home', async () => {
    const r = await runCli(['stats']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('No answers recorded yet. Start with: kms-study quiz\n');
  });

  it('shows totals, topic bars, the trend, the weakest tips with what to do next, and the labelled estimate', async () => {
    const home = tempHome();
    await runCli(['quiz', '--bank', SMALL, '--no-shuffle', '--topic', 'deletion'], { home, stdin: 'A\nC\n' });
    await runCli(['quiz', '--bank', SMALL, '--no-shuffle', '--topic', 'rotation'], { home, stdin: 'A\nA,B\n' });
    const r = await runCli(['stats'], { home });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Answered 4 .* 3 correct \(75%\), 2 sessions/);
    expect(r.stdout).toMatch(/deletion +█{12}·{12} 50% \(1\/2\)/);
    expect(r.stdout).toMatch(/rotation +█{24} 100% \(2\/2\)/);
    expect(r.stdout).toContain('Scores over time');
    expect(r.stdout).toMatch(/deletion-wait-period: 50% \(1\/2\)/);
    expect(r.stdout).toContain('kms-study quiz --tip deletion-wait-period');
    expect(r.stdout).toMatch(/Readiness \(estimate\): \d+ on the 100–1000 scale, (at or above|below) the 720 needed to pass\./);
    expect(r.stdout).toContain('It is not an AWS score.');
    const j = JSON.parse((await runCli(['stats', '--json'], { home })).stdout);
    expect(j.trend.map((t: { accuracy: number }) => t.accuracy)).toEqual([0.5, 1]);
    expect(j.weakestTips[0]).toMatchObject({ tip: 'deletion-wait-period', answered: 2, correct: 1 });
  });

  it('shows a session stopped after one answer apart from the trend, and says so', async () => {
    const home = tempHome();
    await runCli(['quiz', '--bank', SMALL, '--no-shuffle', '--topic', 'deletion'], { home, stdin: 'A\n' }); // stopped after 1 of 2
    await runCli(['quiz', '--bank', SMALL, '--no-shuffle', '--topic', 'rotation'], { home, stdin: 'A\nA,B\n' });
    const r = await runCli(['stats'], { home });
    expect(r.stdout).toContain('1 short session (stopped after 1 or 2 answers) left out of the trend: 0/1 correct.');
    const j = JSON.parse((await runCli(['stats', '--json'], { home })).stdout);
    expect(j.trend.map((t: { accuracy: number }) => t.accuracy)).toEqual([1]);
    expect(j.shortSessions).toMatchObject({ count: 1, answered: 1, correct: 0 });
  });

  it('lists lab completions recorded by the labs', async () => {
    const home = tempHome();
    writeFileSync(
      join(home, 'progress.json'),
      JSON.stringify({ schemaVersion: 1, config: { bankDirs: [] }, answers: [], sessions: [], cards: {}, labs: [{ labId: 'key-deletion', completed: true, startedAt: 1, finishedAt: 2, hintsUsed: 0, attempts: 1 }, { labId: 'grants', completed: false, startedAt: 1, hintsUsed: 2, attempts: 3 }] }),
    );
    const r = await runCli(['stats'], { home });
    expect(r.stdout).toContain('Labs: 1 completed (key-deletion); 2 attempted');
  });

  it('reports a corrupt progress file on stderr and keeps it aside', async () => {
    const home = tempHome();
    writeFileSync(join(home, 'progress.json'), 'not json');
    const r = await runCli(['stats'], { home });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^kms-study: warning: progress file .* was unreadable .*moved it to .*progress\.json\.corrupt-/);
    expect(readdirSync(home).some((f) => f.startsWith('progress.json.corrupt-'))).toBe(true);
  });

  it('reset refuses without a terminal unless --yes, and --yes resets', async () => {
    const home = tempHome();
    await runCli(['quiz', '--bank', SMALL, '--no-shuffle', '--topic', 'deletion'], { home, stdin: 'B\nC\n' });
    const refused = await runCli(['stats', 'reset'], { home });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/needs confirmation: run it in a terminal, or pass --yes/);
    expect(JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')).answers).toHaveLength(2);
    const ok = await runCli(['stats', 'reset', '--yes'], { home });
    expect(ok.stdout).toBe('Progress reset.\n');
    expect(JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')).answers).toEqual([]);
  });

  it('export writes JSON to stdout or to --output', async () => {
    const home = tempHome();
    await runCli(['quiz', '--bank', SMALL, '--no-shuffle', '--topic', 'deletion'], { home, stdin: 'B\nC\n' });
    const out = join(home, 'export.json');
    const r = await runCli(['stats', 'export', '--output', out], { home });
    expect(r.stderr).toBe(`Progress written to ${out}\n`);
    const data = JSON.parse(readFileSync(out, 'utf8'));
    expect(data).toMatchObject({ schemaVersion: 1 });
    expect(data.answers).toHaveLength(2);
    expect(JSON.parse((await runCli(['stats', 'export'], { home })).stdout)).toEqual(data);
  });
});

describe('stats on a narrow terminal', () => {
  it('wraps long lines to the terminal width at word boundaries and says "1 session", not "1 sessions"', async () => {
    const home = tempHome();
    await runCli(['quiz', '--bank', SMALL, '--no-shuffle', '--topic', 'deletion'], { home, stdin: 'B\nA\n' });
    const piped = await runCli(['stats'], { home });
    expect(piped.stdout).toContain(', 1 session, about');
    expect(piped.stdout.split('\n').some((l) => l.length > 80)).toBe(true); // the readiness method is one long line when piped
    const r = await runCli(['stats'], { home, tty: true, columns: 80 });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.length > 79)).toEqual([]);
    const words = (t: string) => t.split(/\s+/).filter(Boolean).join(' ');
    expect(words(r.stdout)).toBe(words(piped.stdout)); // same words, only the line breaks differ
  });
});
