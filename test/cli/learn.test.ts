// `kms-study learn` end to end in-process: the topic list with mastery, a note, the cheat sheet, Markdown.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli as run, tempHome, type RunOptions } from '../helpers/cli.js';

// The notes were verified up to 2026-12-05: the clock must not be before that.
const NOW = Date.UTC(2026, 11, 5, 12);
const runCli = (argv: string[], opts: RunOptions = {}) => run(argv, { now: NOW, ...opts });

describe('kms-study learn', () => {
  it('lists every topic, with "not practised yet" before any quiz', async () => {
    const r = await runCli(['learn']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/rotation\s+Key rotation\s+not practised yet/);
    expect(r.stdout.match(/not practised yet/g)?.length).toBe(18);
  });

  it('shows mastery from the progress store', async () => {
    const home = tempHome();
    const { ProgressStore } = await import('../../src/storage/progress.js');
    const { store } = ProgressStore.open(home, () => Date.UTC(2026, 10, 1));
    for (const correct of [true, true, true, false])
      store.recordAnswer({ questionId: 'rotation-x', topic: 'rotation', tips: ['key-rotation'], correct, guessed: false, chosen: ['A'], at: Date.UTC(2026, 10, 1), durationMs: 1000, mode: 'practice' });
    const r = await runCli(['learn', '--json'], { home });
    const rows = JSON.parse(r.stdout) as { topic: string; mastery: { answered: number; accuracy: number } | null }[];
    expect(rows.find((x) => x.topic === 'rotation')?.mastery).toMatchObject({ answered: 4, accuracy: 0.75 });
    expect(rows.find((x) => x.topic === 'grants')?.mastery ?? null).toBeNull();
  });

  it('shows a note with what to drill and which lab to try', async () => {
    const r = await runCli(['learn', 'deletion']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Deleting and disabling keys');
    expect(r.stdout).toContain('Drill these tips: kms-study quiz --topic deletion');
    expect(r.stdout).toContain('Try it: kms-study lab key-deletion');
  });

  it('refuses an unknown topic with a suggestion and exit 2', async () => {
    const r = await runCli(['learn', 'rotate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown topic "rotate" \(argument <topic>\); did you mean rotation\?/);
  });

  it('prints every exam tip on the cheat sheet', async () => {
    const r = await runCli(['learn', '--cheatsheet']);
    expect(r.code).toBe(0);
    for (let n = 1; n <= 10; n++) expect(r.stdout).toMatch(new RegExp(`^${n}\\. `, 'm'));
  });

  it('fits the cheat sheet on one printed page: at most 60 lines of 80 columns in a pipe, two columns from 120', async () => {
    const piped = (await runCli(['learn', '--cheatsheet'])).stdout;
    const lines = piped.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(60);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    const wide = (await runCli(['learn', '--cheatsheet', '--no-pager'], { tty: true, columns: 130 })).stdout.trimEnd().split('\n');
    expect(wide.length).toBeLessThan(lines.length * 0.8);
    for (const l of wide) expect(l.length).toBeLessThanOrEqual(130);
    // Tips 1 and 6 side by side: two columns.
    expect(wide.some((l) => /^1\. .* {3}6\. /.test(l))).toBe(true);
    for (let n = 1; n <= 10; n++) expect(wide.join('\n')).toMatch(new RegExp(`(^|   )${n}\\. `, 'm'));
  });

  for (const columns of [80, 60]) {
    it(`lists the topics within ${columns} columns with every title whole`, async () => {
      const out = (await runCli(['learn'], { tty: true, columns })).stdout;
      for (const l of out.split('\n')) expect(l.length).toBeLessThanOrEqual(columns);
      expect(out.replace(/\s+/g, ' ')).toContain('Monitoring: CloudTrail, CloudWatch, EventBridge');
      expect(out).toMatch(/^ {2}monitoring +not practised yet$/m);
    });
  }

  it('lists one line per topic in a pipe or a wide terminal', async () => {
    for (const r of [await runCli(['learn']), await runCli(['learn'], { tty: true, columns: 120 })])
      expect(r.stdout).toMatch(/^ {2}monitoring +Monitoring: CloudTrail, CloudWatch, EventBridge +not practised yet$/m);
  });

  it('writes Markdown to a file', async () => {
    const dir = tempHome();
    const r = await runCli(['learn', '--markdown', 'notes.md'], { cwd: dir });
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, 'notes.md'), 'utf8');
    expect(md).toMatch(/^# KMS study notes/);
    expect(md.match(/^## /gm)?.length).toBe(19);
  });
});

describe('kms-study learn --json', () => {
  it('prints one topic\'s note as JSON (not the text view), with mastery and without the file path', async () => {
    const r = await runCli(['learn', 'rotation', '--json']);
    expect(r.code).toBe(0);
    const note = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(note).toMatchObject({ topic: 'rotation', title: 'Key rotation', mastery: null });
    expect(Array.isArray(note.sections)).toBe(true);
    expect(note).not.toHaveProperty('file');
  });

  it('refuses --json with --cheatsheet instead of printing text', async () => {
    const r = await runCli(['learn', '--cheatsheet', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--json prints the topic list');
  });
});
