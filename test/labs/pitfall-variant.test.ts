// A pitfall can name the variant it is tried in; an unknown variant is refused with its position, and the
// named variant really is the one the self-test runs it in (the pitfall fails only there).
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseLab } from '../../src/labs/parse.js';
import { LabRun } from '../../src/labs/runner.js';
import { PACKAGE_ROOT } from '../helpers/cli.js';

const text = readFileSync(`${PACKAGE_ROOT}/labs/access-denied.yaml`, 'utf8');
const io = { wallNow: () => 0 };

describe('pitfall variants', () => {
  it('parses the variant a pitfall names', () => {
    const { lab, errors } = parseLab(text, 'labs/access-denied.yaml');
    expect(errors).toEqual([]);
    expect(lab!.pitfalls.map((p) => p.variant)).toContain('key-policy-deny');
  });

  it('refuses a pitfall naming a variant the lab does not have, at its line', () => {
    const bad = text.replace('    variant: key-policy-deny\n', '    variant: key-policy-denial\n');
    const line = bad.split('\n').findIndex((l) => l.includes('variant: key-policy-denial')) + 1;
    const msgs = parseLab(bad, 'labs/access-denied.yaml').errors.map((e) => e.message);
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatch(new RegExp(`^labs/access-denied\\.yaml:${line}:\\d+: pitfall \\d+: variant "key-policy-denial" is not a variant of the lab; expected one of: .*key-policy-deny`));
  });

  it('deleting the key-policy Deny is refused in that variant, while the reference fix passes', async () => {
    const lab = parseLab(text, 'labs/access-denied.yaml').lab!;
    const p = lab.pitfalls.find((x) => x.variant === 'key-policy-deny')!;
    const fixAt = lab.steps.findIndex((s) => s.id === 'fix');
    const start = async () => {
      const run = await LabRun.start(lab, 'pitfall-test', io, 'key-policy-deny');
      for (let i = 0; i < fixAt; i++) for (const line of run.step(i)!.solution) await run.input(line);
      return run;
    };
    const wrong = await start();
    for (const line of p.lines) await wrong.input(line);
    expect(wrong.stepIndex).toBe(fixAt);
    expect(wrong.checkResults().filter((c) => !c.ok).map((c) => c.message)).toEqual([p.fails]);
    const right = await start();
    for (const line of right.step(fixAt)!.solution) await right.input(line);
    expect(right.done).toBe(true);
  });
});
