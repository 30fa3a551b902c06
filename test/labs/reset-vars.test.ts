// reset-step and restart-from-save bring the lab's variables back with the engine: $CREATED and $GRANT_ID
// must not keep naming a key or grant that the reset removed.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseLab } from '../../src/labs/parse.js';
import { LabRun } from '../../src/labs/runner.js';
import { PACKAGE_ROOT } from '../helpers/cli.js';

const load = (id: string) => parseLab(readFileSync(`${PACKAGE_ROOT}/labs/${id}.yaml`, 'utf8'), `labs/${id}.yaml`).lab!;
const io = { wallNow: () => 0 };

describe('variables and reset-step', () => {
  it('forgets $CREATED when the key it names is undone', async () => {
    const run = await LabRun.start(load('create-key'), 'reset-vars', io);
    await run.input('aws kms create-key --description scratch');
    expect(run.vars.CREATED).toMatch(/^[0-9a-f-]{36}$/);
    await run.input('reset-step');
    expect(run.vars.CREATED).toBeUndefined();
    expect((await run.input('aws kms describe-key --key-id $CREATED')).text).not.toMatch(/does not exist/);
  });

  it('keeps the variables of completed steps, and restores them after a reset in a later step', async () => {
    const lab = load('grants');
    const run = await LabRun.start(lab, 'reset-vars', io);
    for (const line of run.step(0)!.solution) await run.input(line);
    expect(run.stepIndex).toBe(1);
    const grantId = run.vars.GRANT_ID;
    expect(grantId).toMatch(/^[0-9a-f]{64}$/);
    await run.input('profile admin');
    await run.input('aws kms create-grant --key-id $REPORTS --grantee-principal arn:aws:iam::111122223333:role/ops --operations Encrypt');
    expect(run.vars.GRANT_ID).not.toBe(grantId);
    await run.input('reset-step');
    expect(run.vars.GRANT_ID).toBe(grantId);
    const resumed = LabRun.resume(lab, JSON.parse(JSON.stringify(run.progress)), io);
    expect(resumed.vars.GRANT_ID).toBe(grantId);
  });
});
