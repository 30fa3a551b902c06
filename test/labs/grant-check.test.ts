// The grant check: constraint_context must equal the constraint's pairs, count counts matching grants, and
// present: false passes once they are gone. Driven through the grants lab's own world.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { evaluate } from '../../src/labs/checks.js';
import { parseLab } from '../../src/labs/parse.js';
import { LabRun } from '../../src/labs/runner.js';
import type { Check } from '../../src/labs/types.js';
import { PACKAGE_ROOT } from '../helpers/cli.js';

const lab = parseLab(readFileSync(`${PACKAGE_ROOT}/labs/grants.yaml`, 'utf8'), 'labs/grants.yaml').lab!;
const io = { wallNow: () => 0 };
const grant = (line: string) =>
  `aws kms create-grant --key-id $REPORTS --grantee-principal arn:aws:iam::111122223333:role/batch --operations Decrypt Encrypt ${line}`;
const check = (extra: Partial<Extract<Check, { type: 'grant' }>>): Check => ({ type: 'grant', key: 'reports', grantee: 'batch', fail: 'x', ...extra });

describe('grant check', () => {
  it('matches the constraint pairs exactly, counts grants, and sees them go', async () => {
    const run = await LabRun.start(lab, 'grant-check', io);
    const ok = (c: Check) => evaluate(c, run.context()).ok;
    expect(ok(check({ count: 0 }))).toBe(true);
    expect(ok(check({ present: false }))).toBe(true);

    await run.input(grant('--constraints EncryptionContextSubset={report=q1,team=fin}'));
    expect(ok(check({ count: 1, operations: ['Decrypt'] }))).toBe(true);
    expect(ok(check({ constraint_context: { report: 'q1', team: 'fin' } }))).toBe(true); // either constraint kind
    expect(ok(check({ constraint: 'EncryptionContextSubset', constraint_context: { report: 'q1', team: 'fin' } }))).toBe(true);
    expect(ok(check({ constraint: 'EncryptionContextEquals', constraint_context: { report: 'q1', team: 'fin' } }))).toBe(false);
    expect(ok(check({ constraint_context: { report: 'q1' } }))).toBe(false); // a subset of the pairs is not enough
    expect(ok(check({ operations: ['Decrypt', 'CreateGrant'] }))).toBe(false);

    await run.input(grant('--constraints EncryptionContextEquals={report=q2}'));
    expect(ok(check({ count: 2 }))).toBe(true);
    expect(ok(check({ count: 1 }))).toBe(false);
    expect(ok(check({ constraint: 'EncryptionContextEquals', constraint_context: { report: 'q2' }, count: 1 }))).toBe(true);

    await run.input('aws kms revoke-grant --key-id $REPORTS --grant-id $GRANT_ID');
    expect(ok(check({ count: 1 }))).toBe(true);
    expect(ok(check({ constraint_context: { report: 'q2' } }))).toBe(false);
  });
});
