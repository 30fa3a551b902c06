// The lab use case behind its ports: choosing and opening a run, running lines, saving after each one and
// recording the completion once. No files, no terminal.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { UsageError } from '../../src/errors.js';
import { findLab, openLabRun } from '../../src/labs/open.js';
import { parseLab } from '../../src/labs/parse.js';
import type { LabProgress } from '../../src/labs/progress.js';
import { LabRun } from '../../src/labs/runner.js';
import { LabSession, PLAIN_LAB_STYLE, type LabCompletion } from '../../src/labs/session.js';
import { PACKAGE_ROOT } from '../helpers/cli.js';

const lab = parseLab(readFileSync(`${PACKAGE_ROOT}/labs/key-deletion.yaml`, 'utf8'), 'labs/key-deletion.yaml').lab!;
const io = { wallNow: () => 0 };

function ports(width?: number) {
  let out = '';
  const saves: LabProgress[] = [];
  const completions: LabCompletion[] = [];
  return {
    out: () => out,
    saves,
    completions,
    ports: {
      style: PLAIN_LAB_STYLE,
      width: () => width,
      write: (s: string) => void (out += s),
      save: (p: LabProgress) => void saves.push(structuredClone(p)),
      recordCompletion: async (c: LabCompletion) => void completions.push(c),
      fresh: () => LabRun.start(lab, 'fresh', io),
      now: () => 0,
    },
  };
}

describe('running a lab', () => {
  it('runs the reference solution to completion, saving after every line and recording the completion once', async () => {
    const run = await LabRun.start(lab, 'seed', io);
    const p = ports();
    const session = new LabSession(lab, run, p.ports);
    const lines = lab.steps.flatMap((_, i) => run.step(i)!.solution);
    expect(await session.runLines(lines, true)).toBe(true);
    expect(p.saves.length).toBe(lines.length + 1);
    expect(p.completions).toEqual([expect.objectContaining({ labId: 'key-deletion', completed: true })]);
    await session.save();
    expect(p.completions).toHaveLength(1);
    expect(p.out()).toContain(`$ ${lines[0]}`);
  });

  it('clear prints nothing when the lines come from a script or a pipe', async () => {
    const p = ports();
    const session = new LabSession(lab, await LabRun.start(lab, 'seed', io), p.ports);
    await session.runLines(['clear'], false);
    expect(p.out()).not.toContain('\x1b');
  });

  it('reports what is still missing when the lines end early', async () => {
    const p = ports();
    const session = new LabSession(lab, await LabRun.start(lab, 'seed', io), p.ports);
    expect(await session.runLines(['status'], false)).toBe(false);
    expect(p.out()).toContain(`Not complete: step 1 of ${lab.steps.length} is open.`);
    expect(p.out()).toContain('  ✗ ');
    expect(p.completions).toEqual([]);
  });

  it('wraps prose to the width the port reports', async () => {
    const run = await LabRun.start(lab, 'seed', io);
    const wide = new LabSession(lab, run, ports().ports).intro();
    const narrow = new LabSession(lab, run, ports(40).ports).intro();
    expect(narrow.split('\n').length).toBeGreaterThan(wide.split('\n').length);
    expect(narrow.replace(/\s+/g, ' ')).toBe(wide.replace(/\s+/g, ' '));
  });

  it('at 80 columns the echoed line and the answer\'s explanation wrap between words, never inside one', async () => {
    const run = await LabRun.start(lab, 'seed', io);
    const p = ports(80);
    const session = new LabSession(lab, run, p.ports);
    await session.runLines(['answer alarm B'], true);
    const lines = p.out().split('\n');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    const why = lab.questions[0].why.replace(/\s+/g, ' ');
    expect(p.out().replace(/\s+/g, ' ')).toContain(why);
    // Every word of the explanation is whole on some line.
    const words = new Set(lines.flatMap((l) => l.trim().split(/\s+/)));
    for (const w of why.split(' ')) expect(words).toContain(w);
  });
});

describe('opening a lab', () => {
  it('finds a lab by id, or says which ids are close and which variants exist', () => {
    expect(findLab([lab], 'key-deletion')).toBe(lab);
    expect(() => findLab([lab], 'key-deleton')).toThrow(new UsageError('unknown lab "key-deleton"; did you mean key-deletion? (kms-study lab lists them)'));
    expect(() => findLab([lab], 'key-deletion', 'nope')).toThrow(/--variant: lab key-deletion has no variants/);
  });

  it('resumes the saved run unless told to restart, and starts fresh with a new seed otherwise', async () => {
    const started = await LabRun.start(lab, 'saved-seed', io);
    await started.input('status');
    const seeds: string[] = [];
    const warnings: string[] = [];
    const openPorts = { readSave: () => ({ progress: started.progress, warning: 'old save' }), warn: (w: string) => void warnings.push(w), newSeed: () => (seeds.push('new'), 'new'), io };
    const resumed = await openLabRun(lab, {}, openPorts);
    expect(resumed.run.progress.seed).toBe('saved-seed');
    expect(warnings).toEqual(['old save']);
    expect(seeds).toEqual([]);
    const restarted = await openLabRun(lab, { restart: true }, openPorts);
    expect(restarted.run.progress.seed).toBe('new');
    const otherSeed = await openLabRun(lab, { seed: 'other' }, openPorts);
    expect(otherSeed.run.progress.seed).toBe('other');
    expect((await otherSeed.fresh()).progress.seed).toBe('other');
  });
});
