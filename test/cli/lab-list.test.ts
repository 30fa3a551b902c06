// The lab list remembers completion (date, best run) through a reopened or restarted lab, agrees with stats,
// and fits 80 and 60 columns: no row wider than the terminal, titles whole, statuses shortened with "…".
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { ellipsis, labRow, renderLabList, statusText } from '../../src/cli/lab-list.js';
import { loadLabs } from '../../src/storage/lab-session.js';
import { PACKAGE_ROOT, runCli, tempHome } from '../helpers/cli.js';

type Row = { id: string; status: string; completedAt?: string; best?: { hintsUsed: number; attempts: number }; current?: string };
const labs = loadLabs(join(PACKAGE_ROOT, 'labs')).labs;
const rowOf = async (home: string, id: string) => (JSON.parse((await runCli(['lab', '--json'], { home })).stdout) as Row[]).find((r) => r.id === id)!;

describe('the lab list remembers completion', () => {
  it('a completed lab stays completed, with its date and best run, when restarted and when reopened', async () => {
    const home = tempHome();
    await runCli(['lab', 'key-deletion', '--solve'], { home, now: Date.UTC(2026, 10, 1, 12) });
    const first = await rowOf(home, 'key-deletion');
    expect(first).toMatchObject({ status: 'completed', completedAt: '2026-11-01T12:00:00.000Z', best: { hintsUsed: 0 } });
    expect(first.current).toBeUndefined();
    // Restarted, with a hint and one command: the list still says completed, shows the best run and where the new run is.
    await runCli(['lab', 'key-deletion', '--restart'], { home, stdin: 'hint\naws kms list-keys\n', now: Date.UTC(2026, 10, 2) });
    const again = await rowOf(home, 'key-deletion');
    expect(again).toMatchObject({ status: 'completed', completedAt: '2026-11-01T12:00:00.000Z', best: first.best, current: 'step 1 of 4' });
    // Peeking in (status only) changes nothing.
    await runCli(['lab', 'key-deletion'], { home, stdin: 'status\n' });
    expect(await rowOf(home, 'key-deletion')).toEqual(again);
    const text = (await runCli(['lab'], { home })).stdout;
    expect(text).toMatch(
      /key-deletion\s+Schedule, cancel and complete a key deletion\s+completed 2026-11-01 · best: 0 hints, \d+ commands · again at step 1 of 4/,
    );
    // stats counts the same completed labs.
    const stats = (await runCli(['stats'], { home })).stdout;
    expect(stats).toMatch(/Labs: 1 completed \(key-deletion\)/);
  });

  it('the best run is the one with the fewest hints, then the fewest commands; the date is the latest', () => {
    const lab = labs.find((l) => l.id === 'grants')!;
    const r = (hintsUsed: number, attempts: number, finishedAt: number) => ({
      labId: 'grants',
      completed: true,
      startedAt: 0,
      finishedAt,
      hintsUsed,
      attempts,
    });
    const row = labRow(lab, undefined, [
      r(2, 5, Date.UTC(2026, 0, 1)),
      r(0, 12, Date.UTC(2026, 0, 3)),
      r(0, 9, Date.UTC(2026, 0, 2)),
      { ...r(0, 1, 0), completed: false },
    ]);
    expect(row).toMatchObject({ status: 'completed', best: { hintsUsed: 0, attempts: 9 }, completedAt: '2026-01-03T00:00:00.000Z' });
    expect(statusText(row)).toBe('completed 2026-01-03 · best: 0 hints, 9 commands');
    expect(statusText({ ...row, best: { hintsUsed: 1, attempts: 1 } })).toBe('completed 2026-01-03 · best: 1 hint, 1 command');
    expect(labRow(lab, undefined, []).status).toBe('not started');
  });
});

describe('the lab list at 80 and 60 columns', () => {
  for (const columns of [80, 60]) {
    it(`fits ${columns} columns with every title whole`, async () => {
      const home = tempHome();
      await runCli(['lab', 'key-deletion', '--solve'], { home });
      await runCli(['lab', 'key-deletion', '--restart'], { home, stdin: 'status\n' });
      const out = (await runCli(['lab'], { home, tty: true, columns })).stdout;
      for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(columns);
      const words = out.replace(/\s+/g, ' ');
      for (const l of labs) {
        expect(words).toContain(l.title);
        expect(out).toMatch(new RegExp(`^ {2}${l.id}\\b`, 'm'));
      }
      expect(out).toContain('completed 2026-11-01');
    });
  }

  it('one line per lab in a pipe or on a wide terminal', async () => {
    const home = tempHome();
    for (const out of [(await runCli(['lab'], { home })).stdout, (await runCli(['lab'], { home, tty: true, columns: 140 })).stdout]) {
      for (const l of labs) expect(out).toMatch(new RegExp(`^ {2}${l.id} +${l.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +not started$`, 'm'));
    }
  });

  it('shortens a status, never a title, with an ellipsis', () => {
    expect(ellipsis('completed 2026-11-01 · best: 0 hints', 20)).toBe('completed 2026-11-0…');
    expect(ellipsis('short', 20)).toBe('short');
    const row = {
      ...labRow(labs[0], undefined, [{ labId: labs[0].id, completed: true, startedAt: 0, finishedAt: 0, hintsUsed: 3, attempts: 40 }]),
      current: 'step 2 of 3',
    };
    const out = renderLabList([row], 50, { status: (_r, t) => t });
    expect(out).toContain('…');
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(50);
    expect(out.replace(/\s+/g, ' ')).toContain(labs[0].title);
  });
});
