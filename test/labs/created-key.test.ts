// `key: created` names the newest key the learner created, never a replica ReplicateKey made from it.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseLab } from '../../src/labs/parse.js';
import { LabRun } from '../../src/labs/runner.js';
import { findKey } from '../../src/labs/checks.js';
import { PACKAGE_ROOT } from '../helpers/cli.js';

const lab = parseLab(readFileSync(`${PACKAGE_ROOT}/labs/key-deletion.yaml`, 'utf8'), 'labs/key-deletion.yaml').lab!;

describe('the created-key selector', () => {
  it('skips multi-Region replicas', async () => {
    const run = await LabRun.start(lab, '1', { wallNow: () => 0 });
    await run.input('aws kms create-key --multi-region --description mine');
    const primary = findKey(run.context(), 'created');
    expect(primary?.KeyMetadata.Description).toBe('mine');
    await run.input(`aws kms replicate-key --key-id ${String(primary?.KeyMetadata.KeyId)} --replica-region eu-west-1`);
    const after = findKey(run.context(), 'created');
    expect(after?.KeyMetadata.Arn).toBe(primary?.KeyMetadata.Arn);
  });
});
