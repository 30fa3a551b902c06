// A `--profile NAME` option on an aws line runs the call as NAME; the command log records NAME, so
// command_ran checks with `profile:` accept it the same as switching with the `profile` meta-command.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseLab } from '../../src/labs/parse.js';
import { LabRun } from '../../src/labs/runner.js';
import { evaluate } from '../../src/labs/checks.js';
import { PACKAGE_ROOT } from '../helpers/cli.js';

const lab = parseLab(readFileSync(`${PACKAGE_ROOT}/labs/cloudtrail-investigation.yaml`, 'utf8'), 'labs/cloudtrail-investigation.yaml').lab!;
const io = { wallNow: () => 0 };
const ranAsFn = { type: 'command_ran' as const, operation: 'DescribeKey', outcome: 'success', profile: 'fn', fail: 'not as fn' };

describe('lab runner: --profile on a line', () => {
  it('logs the profile named by --profile, and the current profile otherwise', async () => {
    const run = await LabRun.start(lab, 'p', io);
    await run.input('aws kms describe-key --key-id alias/invoices');
    await run.input('aws kms describe-key --key-id alias/invoices --profile ops');
    expect(run.progress.log.map((l) => [l.operation, l.profile, l.outcome])).toEqual([
      ['DescribeKey', 'analyst', 'success'],
      ['DescribeKey', 'ops', 'success'],
    ]);
    expect(run.profile).toBe('analyst');
  });

  it('lets a profile check pass for --profile and for the profile meta-command alike, and not for another profile', async () => {
    const viaOption = await LabRun.start(lab, 'p', io);
    await viaOption.input('aws iam put-role-policy --role-name invoice-renderer --policy-name d --policy-document \'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:DescribeKey","Resource":"*"}]}\'');
    await viaOption.input('aws kms describe-key --key-id alias/invoices --profile fn');
    expect(evaluate(ranAsFn, viaOption.context()).ok).toBe(true);

    const viaMeta = await LabRun.start(lab, 'p', io);
    await viaMeta.input('aws iam put-role-policy --role-name invoice-renderer --policy-name d --policy-document \'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:DescribeKey","Resource":"*"}]}\'');
    await viaMeta.input('profile fn');
    await viaMeta.input('aws kms describe-key --key-id alias/invoices');
    expect(evaluate(ranAsFn, viaMeta.context()).ok).toBe(true);

    const other = await LabRun.start(lab, 'p', io);
    await other.input('aws kms describe-key --key-id alias/invoices');
    expect(evaluate(ranAsFn, other.context()).ok).toBe(false);
  });

  it('logs an unknown --profile as typed, with the CLI error as the outcome', async () => {
    const run = await LabRun.start(lab, 'p', io);
    const r = await run.input('aws kms describe-key --key-id alias/invoices --profile nobody');
    expect(r.text).toContain('The config profile (nobody) could not be found');
    expect(run.progress.log.map((l) => [l.profile, l.outcome === 'success'])).toEqual([['nobody', false]]);
  });
});
