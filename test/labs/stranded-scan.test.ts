// Every lab, every step, every setup key: delete the key (schedule, then let the window pass) and compare
// what the lab says with what is possible. A lab that says it is stranded must really be: the reference
// solutions of the remaining steps cannot complete it. Listed: deletions that leave it unfinishable unnoticed.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLab } from '../../src/labs/parse.js';
import { LabRun } from '../../src/labs/runner.js';
import { effectiveSetup } from '../../src/labs/setup.js';
import { PACKAGE_ROOT } from '../helpers/cli.js';

const dir = join(PACKAGE_ROOT, 'labs');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const io = { wallNow: () => 0 };

describe.each(files)('deleting a setup key in lab %s', (file) => {
  it('(in every variant) is reported as stranding exactly when the remaining solutions can no longer finish the lab', async () => {
    const lab = parseLab(readFileSync(join(dir, file), 'utf8'), `labs/${file}`).lab!;
    const wrong: string[] = [];
    for (const v of lab.variants.length ? lab.variants : [undefined]) {
    const variant = v?.id;
    const keys = effectiveSetup(lab, v).keys;
    for (let k = 0; k < lab.steps.length; k++)
      for (const key of keys) {
        const run = await LabRun.start(lab, 'scan', io, variant);
        for (let i = 0; i < k; i++) for (const l of run.step(i)!.solution) await run.input(l);
        const region = key.region ? ` --region ${key.region}` : '';
        await run.input(`aws kms schedule-key-deletion --key-id $${key.ref.toUpperCase()}_ARN --pending-window-in-days 7${region}`);
        const said = (await run.input('clock advance 31d')).stranded;
        for (let i = run.stepIndex; i < lab.steps.length && !run.done; i++) {
          const at = run.stepIndex;
          for (const l of run.step(at)!.solution) await run.input(l);
          if (run.stepIndex === at) break;
        }
        if (said && run.done) wrong.push(`${variant ?? ''} step ${k + 1}, key ${key.ref}: said stranded, but the solutions finish the lab`);
        if (!said && !run.done) wrong.push(`${variant ?? ''} step ${k + 1}, key ${key.ref}: unfinishable, not reported (open at step ${run.stepIndex + 1})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
