// Lab questions are visible: a step that asks a question shows it (text, options, how to answer) in the step
// text and in `check`/`status`, and stops showing it once it is answered right.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseLab } from '../../src/labs/parse.js';
import { LabRun } from '../../src/labs/runner.js';
import { renderStep } from '../../src/labs/render.js';
import { PACKAGE_ROOT } from '../helpers/cli.js';

const io = { wallNow: () => 0 };
const lab = parseLab(readFileSync(`${PACKAGE_ROOT}/labs/access-denied.yaml`, 'utf8'), 'labs/access-denied.yaml').lab!;
const q = lab.questions.find((x) => x.id === 'cause')!;

describe('a step with a question', () => {
  it('shows the question when the step opens, and in check and status', async () => {
    const run = await LabRun.start(lab, 'seed', io, 'no-root-statement');
    expect(renderStep(run)).not.toContain(q.text); // step 1 asks nothing
    let opened = '';
    for (const l of run.step(0)!.solution) opened += (await run.input(l)).text;
    expect(run.stepIndex).toBe(1);
    for (const text of [opened, (await run.input('check')).text, (await run.input('status')).text, renderStep(run)]) {
      expect(text).toContain(`  Question: ${q.text}\n`);
      expect(text).toContain(`    A. ${q.options.A}\n`);
      expect(text).toContain(`    D. ${q.options.D}\n`);
      expect(text).toContain('  Answer with: answer cause <letter>\n');
    }
  });

  it('a wrong answer leaves it shown; the next step no longer shows it', async () => {
    const run = await LabRun.start(lab, 'seed', io, 'no-root-statement');
    for (const l of run.step(0)!.solution) await run.input(l);
    await run.input('answer cause B');
    expect((await run.input('check')).text).toContain(q.text);
    const done = (await run.input('answer cause A')).text;
    expect(run.stepIndex).toBe(2);
    expect(renderStep(run)).not.toContain(q.text);
    expect(done).toContain(`Step 3 of ${lab.steps.length}`);
  });
});
