// `kms-study` alone (the home screen on a terminal, help in a pipe) and `kms-study plan`, in-process with an
// injected clock and a temp data directory.
import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempHome } from '../helpers/cli.js';
import { LAB_IDS } from '../../src/content/taxonomy.js';

const SMALL = 'test/fixtures/banks/small';
const NOW = Date.UTC(2026, 11, 5, 12); // 2026-12-05, noon
const DAY = 86_400_000;
/** The course's first lab (the home screen and the plan follow the taxonomy's order). */
const FIRST_LAB = LAB_IDS[0];

describe('kms-study alone', () => {
  it('prints the help when stdout is not a terminal, as before', async () => {
    const r = await runCli([], { now: NOW });
    expect(r.stdout + r.stderr).toContain('Usage: kms-study');
    expect(r.stdout + r.stderr).not.toContain('Due for review');
  });

  it('shows the home screen on a terminal: a first-time learner is sent to a first quiz; rows fit 80 columns', async () => {
    const r = await runCli([], { now: NOW, tty: true, columns: 80 });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Due for review: +nothing due now/);
    expect(r.stdout).toMatch(/Plan: +no exam date set \(kms-study plan --exam-date YYYY-MM-DD\)/);
    expect(r.stdout).toMatch(new RegExp(`Next lab: +${FIRST_LAB} \\(`));
    expect(r.stdout).toMatch(/Last session: +none yet/);
    expect(r.stdout).toMatch(/Readiness: +estimate \d+ of 1000, below the 720 needed to pass/);
    expect(r.stdout).toContain('Next: kms-study quiz (start with a first practice set)');
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("after a session: due reviews, the weakest tip with its lab, the last score, today's share of the plan; --json the same", async () => {
    const home = tempHome();
    await runCli(['quiz', '--bank', SMALL, '--no-shuffle', '--topic', 'rotation'], { home, now: NOW, stdin: 'B\nA,B\n' }); // first wrong
    expect((await runCli(['plan', '--exam-date', '2027-01-20'], { home, now: NOW })).code).toBe(0);
    const later = NOW + 2 * DAY;
    const r = await runCli([], { home, now: later, tty: true, columns: 120 });
    expect(r.stdout).toMatch(/Due for review: +\d+ questions?/);
    expect(r.stdout).toMatch(new RegExp(`Plan for today: +\\d+ new, \\d+ reviews?, lab ${FIRST_LAB} \\(exam 2027-01-20, in 44 days\\)`));
    expect(r.stdout).toMatch(/Weakest exam tip: +key-rotation, 50% \(1\/2\); lab: key-rotation/);
    expect(r.stdout).toMatch(/Last session: +practice, 2026-12-05: 1\/2 \(50%\)/);
    expect(r.stdout).toMatch(/Next: kms-study quiz --mode review \(\d+ questions? due for review\)/);
    for (const line of (await runCli([], { home, now: later, tty: true, columns: 80 })).stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    const j = JSON.parse((await runCli(['--json'], { home, now: later })).stdout);
    expect(j.weakestTip).toEqual({ tip: 'key-rotation', accuracy: 0.5, correct: 1, answered: 2, lab: 'key-rotation' });
    expect(j.lastSession).toMatchObject({ mode: 'practice', answered: 2, correct: 1 });
    expect(j.plan).toMatchObject({ examDate: '2027-01-20', daysLeft: 44 });
    expect(j.plan.today.labs).toEqual([FIRST_LAB]);
    expect(j.next.command).toBe('kms-study quiz --mode review');
    expect(j.due).toBeGreaterThan(0);
    expect(j.nextLab).toMatchObject({ id: FIRST_LAB });
  });

  it('a mistyped command or option still fails as a usage error with a suggestion', async () => {
    const typo = await runCli(['quizz'], { now: NOW, tty: true });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown command 'quizz'[\s\S]*Did you mean quiz\?/);
    const opt = await runCli(['--bogus'], { now: NOW, tty: true });
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain("unknown option '--bogus'");
    // A subcommand's own --json is still its own.
    expect(JSON.parse((await runCli(['stats', '--json'], { now: NOW })).stdout).totals).toBeDefined();
  });
});

describe('kms-study plan', () => {
  it("stores the exam date, shows the plan with today's share, and clears it", async () => {
    const home = tempHome();
    const set = await runCli(['plan', '--exam-date', '2027-01-20'], { home, now: NOW, tty: true, columns: 80 });
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Exam on 2027-01-20, in 46 days.');
    expect(set.stdout).toMatch(
      new RegExp(
        `Today \\(2026-12-05\\): \\d+ new questions?, \\d+ reviews?, lab ${FIRST_LAB}\\.\\n {2}Run: kms-study quiz --count \\d+\\n {2}Then: kms-study lab ${FIRST_LAB}\\n`,
      ),
    );
    expect(set.stdout).toContain('The next 7 days:');
    for (const line of set.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    const stored = JSON.parse((await runCli(['stats', 'export'], { home })).stdout);
    expect(stored.config.examDate).toBe('2027-01-20');
    const show = await runCli(['plan'], { home, now: NOW });
    expect(show.stdout).toContain('Exam on 2027-01-20, in 46 days.');
    const j = JSON.parse((await runCli(['plan', '--json'], { home, now: NOW })).stdout);
    expect(j.plan.days).toHaveLength(46);
    expect(j.plan.days[45]).toMatchObject({ date: '2027-01-19', newQuestions: 0, labs: [] });
    const cleared = await runCli(['plan', '--clear'], { home, now: NOW });
    expect(cleared.stdout).toBe('Exam date cleared.\n');
    expect((await runCli(['plan'], { home, now: NOW })).stdout).toBe('No exam date set. Set one to get a plan: kms-study plan --exam-date YYYY-MM-DD\n');
    expect(JSON.parse((await runCli(['stats', 'export'], { home })).stdout).config.examDate).toBeUndefined();
  });

  it('a stored exam date that is not a string is dropped when the progress file is read', async () => {
    const home = tempHome();
    writeFileSync(
      join(home, 'progress.json'),
      JSON.stringify({ schemaVersion: 1, config: { bankDirs: [], examDate: 20270120 }, answers: [], sessions: [], cards: {}, labs: [] }),
    );
    expect((await runCli(['plan'], { home, now: NOW })).stdout).toContain('No exam date set.');
  });

  it('bad dates are usage errors (exit 2) naming the flag', async () => {
    for (const bad of ['2027-02-30', 'next week', '20-01-2027']) {
      const r = await runCli(['plan', '--exam-date', bad], { now: NOW });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`kms-study: --exam-date expects a calendar date as YYYY-MM-DD (e.g. 2027-01-20), got "${bad}"\n`);
    }
    const past = await runCli(['plan', '--exam-date', '2026-12-01'], { now: NOW });
    expect(past.code).toBe(2);
    expect(past.stderr).toBe('kms-study: --exam-date 2026-12-01 is in the past (today is 2026-12-05)\n');
    const both = await runCli(['plan', '--exam-date', '2027-01-20', '--clear'], { now: NOW });
    expect(both.code).toBe(2);
  });

  it('warns when the plan no longer fits: the exam date has passed, or too many questions a day', async () => {
    const home = tempHome();
    await runCli(['plan', '--exam-date', '2026-12-07'], { home, now: NOW });
    const tight = await runCli(['plan'], { home, now: NOW });
    expect(tight.stdout).toMatch(/The plan no longer fits: \d+ questions on 2026-12-05 \(more than 40 a day\)/);
    const passed = await runCli(['plan'], { home, now: NOW + 5 * DAY });
    expect(passed.stdout).toContain('Exam on 2026-12-07, 3 days ago.');
    expect(passed.stdout).toContain('The exam date 2026-12-07 has passed');
    const screen = await runCli([], { home, now: NOW + 5 * DAY, tty: true, columns: 80 });
    expect(screen.stdout).toContain('! The exam date 2026-12-07 has passed');
  });
});
