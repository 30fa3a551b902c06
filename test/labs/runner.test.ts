// The lab runner's behaviours: meta-commands, hints, reset-step, answers, redirects, variables, saving.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseLab } from '../../src/labs/parse.js';
import { LabRun } from '../../src/labs/runner.js';
import { broaderThan } from '../../src/labs/checks.js';
import { PACKAGE_ROOT } from '../helpers/cli.js';

const lab = parseLab(readFileSync(`${PACKAGE_ROOT}/labs/key-deletion.yaml`, 'utf8'), 'labs/key-deletion.yaml').lab!;
const io = { wallNow: () => 1000 };
const start = () => LabRun.start(lab, '7', io);

describe('lab runner', () => {
  it('gives the same key ids for the same seed', async () => {
    expect((await start()).vars).toEqual((await start()).vars);
    expect((await LabRun.start(lab, '8', io)).vars.REPORTS).not.toBe((await start()).vars.REPORTS);
  });

  it('expands $VARIABLES and logs each command with its outcome', async () => {
    const run = await start();
    const r = await run.input('aws kms describe-key --key-id $REPORTS --query KeyMetadata.KeyState --output text');
    expect(r.text.trim().split('\n')[0]).toBe('Enabled');
    await run.input('aws kms describe-key --key-id alias/nothing');
    expect(run.progress.log.map((l) => [l.operation, l.outcome])).toEqual([
      ['DescribeKey', 'success'],
      ['DescribeKey', 'NotFoundException'],
    ]);
  });

  it('gives hints one at a time, counts them, and then points to the solution', async () => {
    const run = await start();
    expect((await run.input('hint')).text).toMatch(/^Hint 1 of 2: /);
    expect((await run.input('hint')).text).toMatch(/^Hint 2 of 2: /);
    expect((await run.input('hint')).text).toMatch(/No more hints .* solution/);
    expect(run.progress.hintsUsed).toBe(2);
    expect((await run.input('solution')).text).toContain(`aws kms schedule-key-deletion --key-id ${run.vars.REPORTS} --pending-window-in-days 7`);
  });

  it('hints speak about the first check still open, not the first check of the step', async () => {
    const run = await start();
    await run.input('aws kms schedule-key-deletion --key-id $REPORTS --pending-window-in-days 7');
    const h = (await run.input('hint')).text;
    expect(h).toMatch(/^Still open: Try an encrypt call with the pending key/);
    expect(h).toMatch(/\nHint 2 of 2: Encrypt needs a base64 blob/);
    expect(h).not.toContain('schedule-key-deletion');
    expect(run.progress.hintsUsed).toBe(1);
    expect((await run.input('hint')).text).toMatch(/^Still open: .*\nNo more hints/);
  });

  it('says which checks fail and why', async () => {
    const run = await start();
    await run.input('aws kms schedule-key-deletion --key-id $REPORTS --pending-window-in-days 7');
    const status = (await run.input('check')).text;
    expect(status).not.toContain('The reports key is not pending deletion');
    expect(status).toContain('✗ Try an encrypt call with the pending key and read the exception it gives.');
  });

  it('completes a step when its checks pass and shows the explanation', async () => {
    const run = await start();
    await run.input('aws kms schedule-key-deletion --key-id $REPORTS --pending-window-in-days 7');
    const r = await run.input('aws kms encrypt --key-id alias/reports --plaintext aGVsbG8=');
    expect(r.completed).toEqual(['schedule-by-mistake']);
    expect(r.text).toContain('✓ Step 1 complete');
    expect(r.text).toContain('Step 2 of 4: Take the deletion back');
  });

  it('reset-step puts the simulator back where the step started', async () => {
    const run = await start();
    await run.input('aws kms disable-key --key-id $REPORTS');
    await run.input('reset-step');
    const r = await run.input('aws kms describe-key --key-id $REPORTS --query KeyMetadata.KeyState --output text');
    expect(r.text.trim().split('\n')[0]).toBe('Enabled');
    expect(run.progress.log).toHaveLength(1);
  });

  it('moves the clock and switches profiles, refusing unknown ones', async () => {
    const run = await start();
    expect((await run.input('clock advance 2d')).text).toContain('2026-03-04T09:00:00.000Z');
    expect((await run.input('clock advance soon')).exitCode).toBe(2);
    expect((await run.input('profile nobody')).text).toMatch(/unknown profile "nobody"; profiles: admin/);
    expect((await run.input('aws kms list-keys --profile nobody')).exitCode).toBe(253);
  });

  it('saves command output to a lab file with | base64 --decode > FILE', async () => {
    const run = await start();
    const r = await run.input('aws kms encrypt --key-id alias/reports --plaintext aGVsbG8= --query CiphertextBlob --output text | base64 --decode > mine.bin');
    expect(r.text).toContain('saved to mine.bin');
    const d = await run.input('aws kms decrypt --ciphertext-blob fileb://mine.bin --query Plaintext --output text');
    expect(d.text.trim().split('\n')[0]).toBe('aGVsbG8=');
  });

  it('checks lab answers and explains them', async () => {
    const run = await start();
    expect((await run.input('answer alarm A')).text).toMatch(/^✗ Not that one/);
    expect((await run.input('answer alarm B')).text).toMatch(/^✓ Right\./);
    expect((await run.input('answer')).text).toBe('There is no question to answer.\n');
  });

  it('resumes from its saved progress exactly', async () => {
    const run = await start();
    await run.input('aws kms schedule-key-deletion --key-id $REPORTS --pending-window-in-days 7');
    const saved = JSON.parse(JSON.stringify(run.progress));
    const again = LabRun.resume(lab, saved, io);
    const r = await again.input('aws kms encrypt --key-id alias/reports --plaintext aGVsbG8=');
    expect(r.completed).toEqual(['schedule-by-mistake']);
  });

  it('refuses unknown commands and reports quit and restart', async () => {
    const run = await start();
    expect((await run.input('delete everything')).text).toMatch(/unknown command "delete"/);
    const typo = await run.input('hnit');
    expect(typo).toMatchObject({ text: 'unknown command hnit; did you mean hint?\n', exitCode: 2 });
    expect(run.progress.hintsUsed).toBe(0);
    expect((await run.input('stauts')).text).toBe('unknown command stauts; did you mean status?\n');
    expect(await run.input('clear')).toEqual({ text: '', action: 'clear', completed: [] });
    expect((await run.input('aws kms delete-key --key-id $REPORTS')).text).toContain('KMS has no DeleteKey: keys are deleted by schedule-key-deletion after a 7–30 day wait');
    expect((await run.input('quit')).action).toBe('quit');
    expect((await run.input('restart')).action).toBe('restart');
    expect((await run.input('# a comment')).text).toBe('');
  });
});

describe('anti-shortcut policy check', () => {
  const stmt = (s: object) => JSON.stringify({ Version: '2012-10-17', Statement: [s] });
  it('flags kms:* for a non-root principal and Principal "*" without a condition', () => {
    expect(broaderThan(stmt({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'kms:*', Resource: '*' }), ['kms:*'])).toBe(true);
    expect(broaderThan(stmt({ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }), ['Principal:*'])).toBe(true);
  });
  it('allows the account statement and conditioned or narrow statements', () => {
    expect(broaderThan(stmt({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }), ['kms:*'])).toBe(false);
    expect(broaderThan(stmt({ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:CallerAccount': '111122223333' } } }), ['Principal:*'])).toBe(false);
    expect(broaderThan(stmt({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'kms:Decrypt', Resource: '*' }), ['kms:*', 'Principal:*'])).toBe(false);
  });
});
