// Every lab, every variant, every step, every setup key: delete the key (schedule, then let the window pass),
// or lock every principal of the lab out of it (a key policy put with the lockout safety check bypassed),
// and compare what the lab says with what is possible. A lab that says it is stranded must really be (the
// reference solutions of the remaining steps cannot finish it), and one that cannot be finished must say so.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLab } from '../../src/labs/parse.js';
import { LabRun } from '../../src/labs/runner.js';
import { effectiveSetup } from '../../src/labs/setup.js';
import type { SetupKey } from '../../src/labs/types.js';
import { PACKAGE_ROOT } from '../helpers/cli.js';

const dir = join(PACKAGE_ROOT, 'labs');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const io = { wallNow: () => 0 };
const OTHER_ACCOUNT_ONLY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'kms:*', Resource: '*' }] });

/** A lockout is found for steps whose checks must manage the key; a step that only uses it may go unnoticed. */
const damages: Record<string, (key: SetupKey) => string[]> = {
  deleted: (key) => [`aws kms schedule-key-deletion --key-id $${key.ref.toUpperCase()}_ARN --pending-window-in-days 7${key.region ? ` --region ${key.region}` : ''}`, 'clock advance 8d'], // the 7-day window has passed
  'locked out': (key) => [`aws kms put-key-policy --key-id $${key.ref.toUpperCase()}_ARN --policy-name default --bypass-policy-lockout-safety-check --policy '${OTHER_ACCOUNT_ONLY}'`],
};

describe.each(files)('damaging a setup key in lab %s', (file) => {
  for (const [damage, lines] of Object.entries(damages))
    it(`${damage}: reported as stranding only when the remaining solutions can no longer finish the lab (and always, for a deletion)`, async () => {
      const lab = parseLab(readFileSync(join(dir, file), 'utf8'), `labs/${file}`).lab!;
      const wrong: string[] = [];
      for (const v of lab.variants.length ? lab.variants : [undefined])
        for (let k = 0; k < lab.steps.length; k++)
          for (const key of effectiveSetup(lab, v).keys) {
            const run = await LabRun.start(lab, 'scan', io, v?.id);
            for (let i = 0; i < k; i++) for (const l of run.step(i)!.solution) await run.input(l);
            let said;
            let failed = false;
            for (const l of lines(key)) {
              const r = await run.input(l);
              said = r.stranded;
              failed ||= (r.exitCode ?? 0) !== 0;
            }
            if (failed) continue; // the damage was refused: nothing to compare
            for (let i = run.stepIndex; i < lab.steps.length && !run.done; i++) {
              const at = run.stepIndex;
              for (const l of run.step(at)!.solution) await run.input(l);
              if (run.stepIndex === at) break;
            }
            const where = `${v?.id ?? ''} step ${k + 1}, key ${key.ref}`;
            if (said && run.done) wrong.push(`${where}: said stranded, but the solutions finish the lab`);
            if (!said && !run.done && damage === 'deleted') wrong.push(`${where}: unfinishable, not reported (open at step ${run.stepIndex + 1})`);
          }
      expect(wrong).toEqual([]);
    });
});
