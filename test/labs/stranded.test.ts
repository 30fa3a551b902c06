// Never stranded: a line that makes the lab impossible to finish is reported at once with what happened and
// the way back (reset-step, or restart when the damage predates the step); hint and solution then never
// propose a command that must fail. Found from the checks (a needed setup key is gone) or declared.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseLab } from '../../src/labs/parse.js';
import { LabRun } from '../../src/labs/runner.js';
import { LabSession, PLAIN_LAB_STYLE } from '../../src/labs/session.js';
import { DELETED_KEY_LESSON, LOCKOUT_LESSON, findStranded, requiredKeys } from '../../src/labs/stranded.js';
import type { Lab } from '../../src/labs/types.js';
import { PACKAGE_ROOT } from '../helpers/cli.js';

const io = { wallNow: () => 0 };
const keyDeletion = parseLab(readFileSync(`${PACKAGE_ROOT}/labs/key-deletion.yaml`, 'utf8'), 'labs/key-deletion.yaml').lab!;

async function atStep(lab: Lab, steps: number): Promise<LabRun> {
  const run = await LabRun.start(lab, 'stranded', io);
  for (let i = 0; i < steps; i++) for (const l of run.step(i)!.solution) await run.input(l);
  expect(run.stepIndex).toBe(steps);
  return run;
}

describe('key-deletion: the clock runs past the window of the key to rescue', () => {
  it('says so at once, with the lab\'s own lesson and reset-step', async () => {
    const run = await atStep(keyDeletion, 1);
    const r = await run.input('clock advance 8d');
    expect(r.stranded).toEqual(expect.objectContaining({ step: 1, missing: ['reports'], remedy: 'reset-step' }));
    expect(r.text).toContain('✗ This lab can no longer be finished from here: this step needs $REPORTS (alias/reports), which no longer exists.');
    expect(r.text).toContain('the one you were asked to rescue');
    expect(r.text).toContain('Type reset-step');
    expect(r.text).not.toMatch(/checks? still open/);
    // The next command repeats it in one line, without the long explanation.
    const again = await run.input('aws kms list-keys');
    expect(again.stranded?.remedy).toBe('reset-step');
    expect(again.text).toContain('✗ This lab can no longer be finished from here');
    expect(again.text).not.toContain('the one you were asked to rescue');
  });

  it('hint, check and solution never propose a command that must fail', async () => {
    const run = await atStep(keyDeletion, 1);
    await run.input('clock advance 8d');
    const hint = await run.input('hint');
    expect(hint.text).toContain('reset-step');
    expect(hint.text).not.toContain('cancel-key-deletion');
    expect(run.progress.hintsUsed).toBe(0);
    expect((await run.input('check')).text).toContain('reset-step');
    const sol = (await run.input('solution')).text;
    expect(sol).toMatch(/Reference solution from here:\n {2}reset-step\n {2}aws kms cancel-key-deletion/);
    // Following it completes the step.
    expect((await run.input('reset-step')).stranded).toBeUndefined();
    for (const l of run.step()!.solution) await run.input(l);
    expect(run.stepIndex).toBe(2);
  });

  it('deleting the legacy key before looking up its last use strands step 3; looking first does not', async () => {
    const run = await atStep(keyDeletion, 2);
    await run.input('aws kms schedule-key-deletion --key-id $LEGACY --pending-window-in-days 7');
    const r = await run.input('clock advance 8d');
    expect(r.stranded).toEqual(expect.objectContaining({ step: 2, remedy: 'reset-step' }));
    expect(r.text).toContain('a deleted key has no');
    const ok = await atStep(keyDeletion, 2);
    await ok.input('aws kms get-key-last-usage --key-id $LEGACY');
    await ok.input('aws kms schedule-key-deletion --key-id $LEGACY --pending-window-in-days 7');
    expect((await ok.input('clock advance 8d')).stranded).toBeUndefined();
  });

  it('a key policy that locks every principal of the lab out of the key strands the step that must manage it', async () => {
    const run = await atStep(keyDeletion, 0);
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'kms:*', Resource: '*' }] });
    const refused = await run.input(`aws kms put-key-policy --key-id $REPORTS --policy-name default --policy '${policy}'`);
    expect(refused.text).toContain('MalformedPolicyDocumentException');
    expect(refused.stranded).toBeUndefined();
    const r = await run.input(`aws kms put-key-policy --key-id $REPORTS --policy-name default --bypass-policy-lockout-safety-check --policy '${policy}'`);
    expect(r.stranded).toEqual({ step: 0, missing: ['reports'], message: LOCKOUT_LESSON, lockedOut: true, remedy: 'reset-step' });
    expect(r.text).toContain('this step needs $REPORTS (alias/reports), and no principal of this lab can manage it.');
    expect((await run.input('reset-step')).stranded).toBeUndefined();
  });

  it('a wait that is still within the window strands nothing', async () => {
    const run = await atStep(keyDeletion, 1);
    expect((await run.input('clock advance 6d')).stranded).toBeUndefined();
    for (const l of run.step()!.solution) await run.input(l);
    expect(run.stepIndex).toBe(2);
  });
});

// A two-step lab whose second step needs the key "b": the check-derived mechanism, with no declaration.
const twoSteps = parseLab(
  `id: create-key
title: Two keys
tips: [deletion-wait-period]
level: guided
summary: test
setup:
  start: 2026-03-02T09:00:00Z
  profiles: {admin: {principal: "arn:aws:iam::111122223333:user/admin", region: us-east-1}}
  profile: admin
  keys:
    - {ref: a, aliases: [alias/a]}
    - {ref: b}
steps:
  - id: tag
    title: Tag a
    goal: Tag it.
    checks: [{type: tag, key: a, tag: env, fail: Tag a.}]
    hints: [tag-resource]
    solution: ["aws kms tag-resource --key-id $A --tags TagKey=env,TagValue=x"]
    explain: ok
  - id: keep-b
    title: Describe b
    goal: b stays.
    checks: [{type: key_state, key: b, state: Enabled, fail: b is Enabled.}, {type: command_ran, operation: DescribeKey, fail: Describe.}]
    hints: [describe]
    solution: ["aws kms describe-key --key-id $B"]
    explain: ok
`,
  'labs/create-key.yaml',
);

describe('found from the checks', () => {
  it('a later step that needs a deleted setup key strands the lab; restart once the step it happened in is done', async () => {
    expect(twoSteps.errors.map((e) => e.message)).toEqual([]);
    const run = await LabRun.start(twoSteps.lab!, 's', io);
    await run.input('aws kms schedule-key-deletion --key-id $B --pending-window-in-days 7');
    const r = await run.input('clock advance 7d');
    expect(r.stranded).toEqual({ step: 1, missing: ['b'], message: DELETED_KEY_LESSON, remedy: 'reset-step' });
    expect(r.text).toContain('step 2 ("Describe b") needs $B, which no longer exists');
    const done = await run.input('aws kms tag-resource --key-id $A --tags TagKey=env,TagValue=x');
    expect(done.completed).toEqual(['tag']);
    expect(done.stranded?.remedy).toBe('restart');
    expect(done.text).toContain('type restart');
    expect((await run.input('solution')).text).toMatch(/Reference solution from here:\n {2}restart\n/);
    expect((await run.input('reset-step')).stranded?.remedy).toBe('restart');
  });

  it('a prepared ciphertext whose key is gone can no longer be decrypted (key-rotation)', async () => {
    const lab = parseLab(readFileSync(`${PACKAGE_ROOT}/labs/key-rotation.yaml`, 'utf8'), 'labs/key-rotation.yaml').lab!;
    const run = await LabRun.start(lab, 's', io);
    await run.input('aws kms schedule-key-deletion --key-id $ORDERS --pending-window-in-days 7');
    const r = await run.input('clock advance 8d');
    expect(r.stranded).toEqual(expect.objectContaining({ missing: ['orders'], message: DELETED_KEY_LESSON }));
    expect(r.text).toContain('needs $ORDERS');
    // The old-data step alone: its only key need is the Decrypt of old-order.bin, prepared under $ORDERS.
    const oldData = lab.steps.find((x) => x.id === 'old-data')!;
    expect(oldData.checks.flatMap(requiredKeys)).toEqual([]);
    expect(findStranded([oldData], 0, lab.setup, run.context())?.missing).toEqual(['orders']);
  });

  it('only checks that cannot pass without their key count', () => {
    expect(requiredKeys({ type: 'key_state', key: 'a', state: 'Enabled', fail: '' })).toEqual(['a']);
    expect(requiredKeys({ type: 'key_deleted', key: 'a', fail: '' })).toEqual([]);
    expect(requiredKeys({ type: 'grant', key: 'a', grantee: 'x', present: false, fail: '' })).toEqual([]);
    expect(requiredKeys({ type: 'policy_statement', key: 'a', present: false, fail: '' })).toEqual([]);
    expect(requiredKeys({ type: 'simulate', key: 'a', profile: 'p', action: 'kms:Decrypt', expect: 'denied', fail: '' })).toEqual([]);
    expect(requiredKeys({ type: 'simulate', key: 'a', profile: 'p', action: 'kms:Decrypt', expect: 'allowed', fail: '' })).toEqual(['a']);
    expect(requiredKeys({ type: 'alias', alias: 'alias/x', target: 'a', fail: '' })).toEqual(['a', 'alias/x']);
  });
});

describe('the stranded declaration in a lab file', () => {
  const withStranded = (entry: string) =>
    parseLab(
      readFileSync(`${PACKAGE_ROOT}/labs/key-deletion.yaml`, 'utf8').replace('    stranded:\n', `    stranded:\n${entry}\n`),
      'labs/key-deletion.yaml',
    ).errors.map((e) => e.message);

  it('accepts a list of conditions and unless', () => {
    expect(withStranded('      - {when: [{type: key_deleted, key: legacy}, {type: key_deleted, key: reports}], unless: [{type: command_ran, operation: Decrypt}], message: Gone.}')).toEqual([]);
  });
  it('refuses an entry without when or message, and a fail inside when', () => {
    expect(withStranded('      - {message: Gone.}').join('\n')).toMatch(/stranded 1: missing "when"/);
    expect(withStranded('      - {when: {type: key_deleted, key: legacy}}').join('\n')).toMatch(/"message"/);
    expect(withStranded('      - {when: {type: key_deleted, key: legacy, fail: x}, message: Gone.}').join('\n')).toMatch(/fail/);
  });
});

describe('through the session API', () => {
  it('the reply of the line carries stranded and the printed notice', async () => {
    let out = '';
    const run = await atStep(keyDeletion, 1);
    const session = new LabSession(keyDeletion, run, {
      style: PLAIN_LAB_STYLE,
      width: () => 80,
      write: (s) => void (out += s),
      save: () => undefined,
      recordCompletion: async () => undefined,
      fresh: () => LabRun.start(keyDeletion, 'fresh', io),
      now: () => 0,
    });
    const r = await session.line('clock advance 8d');
    expect(r.stranded?.missing).toEqual(['reports']);
    expect(await session.runLines(['hint'], true)).toBe(false);
    expect(out).toContain('This lab can no longer be finished from here');
    expect(out.replace(/\s+/g, ' ')).toMatch(/Not complete: step 2 of 4 is open\. .* It can no longer be finished from here: reset-step goes back to the start of this step\. $/);
    for (const l of out.split('\n')) expect(l.length).toBeLessThanOrEqual(80);
  });
});
