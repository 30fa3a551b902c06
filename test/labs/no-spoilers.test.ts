// No spoilers: a diagnosis lab never names its drawn root cause (the variant's title) in the introduction,
// the status or the step text before the step that classifies it is complete; afterwards it is a summary.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseLab } from '../../src/labs/parse.js';
import { LabRun } from '../../src/labs/runner.js';
import { LabSession, PLAIN_LAB_STYLE } from '../../src/labs/session.js';
import { PACKAGE_ROOT } from '../helpers/cli.js';

const io = { wallNow: () => 0 };
const load = (id: string) => parseLab(readFileSync(`${PACKAGE_ROOT}/labs/${id}.yaml`, 'utf8'), `labs/${id}.yaml`).lab!;

function session(run: LabRun) {
  let out = '';
  const s = new LabSession(run.lab, run, {
    style: PLAIN_LAB_STYLE,
    width: () => undefined,
    write: (t: string) => void (out += t),
    save: () => undefined,
    recordCompletion: async () => undefined,
    fresh: () => LabRun.start(run.lab, 'fresh', io),
    now: () => 0,
  });
  return { s, out: () => out };
}

describe.each(['access-denied', 'access-denied-beyond-policies'])('lab %s keeps its root cause hidden until it is named', (id) => {
  const lab = load(id);
  it('has variants and a classifying step', () => {
    expect(lab.variants.length).toBeGreaterThan(1);
  });

  it.each(lab.variants.map((v) => v.id))('variant %s', async (variantId) => {
    const run = await LabRun.start(lab, 'seed', io, variantId);
    const title = run.variant!.title;
    const { s } = session(run);
    const classify = run.classifyingStep;
    expect(lab.steps[classify].checks.some((c) => c.type === 'answered')).toBe(true);
    const seen: string[] = [s.intro()];
    for (let i = 0; i < classify; i++) for (const l of run.step(i)!.solution) seen.push((await s.line(l)).text);
    for (const cmd of ['status', 'check', 'steps', 'hint']) seen.push((await s.line(cmd)).text);
    expect(run.stepIndex).toBe(classify);
    for (const text of seen) expect(text).not.toContain(title);
    // A wrong answer does not give it away either.
    const q = lab.questions[0];
    const right = run.variant!.answer?.[q.id] ?? q.answer;
    const wrong = Object.keys(q.options).find((k) => k !== right)!;
    expect((await s.line(`answer ${q.id} ${wrong}`)).text).not.toContain(title);
    // Naming it completes the step and shows the cause as a summary, in the status and a resumed intro too.
    const done = await s.line(`answer ${q.id} ${right}`);
    expect(done.text).toContain(`Cause in this run: ${title}`);
    expect((await s.line('status')).text).toContain(`Cause in this run: ${title}`);
    expect(s.intro()).toContain(`Cause in this run: ${title}`);
  });
});
