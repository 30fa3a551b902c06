// Every lab in labs/: the file validates; a fresh run fails every step's checks; the reference solutions
// complete the lab (for every variant); each pitfall is rejected with its failure message.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLab } from '../../src/labs/parse.js';
import { LabRun } from '../../src/labs/runner.js';
import type { Lab } from '../../src/labs/types.js';
import { PACKAGE_ROOT } from '../helpers/cli.js';

const dir = join(PACKAGE_ROOT, 'labs');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const io = { wallNow: () => 0 };

function load(file: string): Lab {
  const { lab, errors } = parseLab(readFileSync(join(dir, file), 'utf8'), `labs/${file}`);
  expect(errors.map((e) => e.message)).toEqual([]);
  return lab!;
}

/** Lines after which the lab said it could no longer be finished (never along a reference solution). */
const strandedBy: string[] = [];

async function solveUpTo(lab: Lab, variant: string | undefined, stepCount: number): Promise<LabRun> {
  const run = await LabRun.start(lab, 'self-test', io, variant);
  for (let i = 0; i < stepCount; i++)
    for (const line of run.step(i)!.solution) if ((await run.input(line)).stranded) strandedBy.push(`${lab.id}/${variant ?? '-'}: ${line}`);
  return run;
}

describe.each(files)('lab %s', (file) => {
  it('validates', () => {
    load(file);
  });

  it('fails every step\'s checks on a fresh setup', async () => {
    const lab = load(file);
    for (const v of lab.variants.length ? lab.variants.map((x) => x.id) : [undefined]) {
      const run = await LabRun.start(lab, 'self-test', io, v);
      for (let i = 0; i < lab.steps.length; i++) {
        const passing = run.checkResults(i).filter((c) => c.ok).map((c) => c.message);
        expect({ variant: v, step: lab.steps[i].id, allPass: passing.length === run.checkResults(i).length }).toEqual({ variant: v, step: lab.steps[i].id, allPass: false });
      }
    }
  });

  it('is completed by its reference solutions', async () => {
    const lab = load(file);
    for (const v of lab.variants.length ? lab.variants.map((x) => x.id) : [undefined]) {
      const run = await solveUpTo(lab, v, lab.steps.length);
      expect({ variant: v, done: run.done, open: run.done ? [] : run.checkResults().filter((c) => !c.ok).map((c) => c.message) }).toEqual({ variant: v, done: true, open: [] });
    }
    expect(strandedBy).toEqual([]);
  });

  it('rejects its pitfalls with their failure messages', async () => {
    const lab = load(file);
    expect(lab.pitfalls.length).toBeGreaterThan(0);
    for (const p of lab.pitfalls) {
      const at = lab.steps.findIndex((s) => s.id === p.step);
      const run = await solveUpTo(lab, p.variant ?? lab.variants[0]?.id, at);
      // A pitfall is a plausible wrong fix: the learner can still recover from it.
      for (const line of p.lines) expect({ line, stranded: (await run.input(line)).stranded }).toEqual({ line, stranded: undefined });
      expect({ pitfall: p.lines, step: run.stepIndex, failing: run.checkResults().filter((c) => !c.ok).map((c) => c.message) }).toEqual({
        pitfall: p.lines,
        step: at,
        failing: expect.arrayContaining([p.fails]),
      });
    }
  });
});
