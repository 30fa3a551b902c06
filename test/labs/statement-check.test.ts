// The policy_statement check reads the key policy's statements: effect, principal (ARN, account id or
// profile), action with wildcards, Sid and condition keys; a bad effect is refused at its position.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { hasStatement } from '../../src/labs/statement-check.js';
import { parseLab } from '../../src/labs/parse.js';
import { PACKAGE_ROOT } from '../helpers/cli.js';

const policy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
    { Sid: 'App', Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:role/app'] }, Action: ['kms:Decrypt', 'kms:Encrypt'], Resource: '*' },
    { Sid: 'Partner', Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 'kms:De*', Resource: '*' },
    { Sid: 'Guard', Effect: 'Deny', Principal: '*', Action: 'kms:Decrypt', Resource: '*', Condition: { StringNotEquals: { 'kms:EncryptionContext:app': 'billing' } } },
  ],
});

describe('policy_statement', () => {
  it.each([
    [{ effect: 'Allow', principal: '111122223333', action: 'kms:PutKeyPolicy' }, true],
    [{ effect: 'Allow', principal: 'arn:aws:iam::111122223333:role/app', action: 'kms:Decrypt' }, true],
    [{ effect: 'Allow', principal: 'arn:aws:iam::111122223333:role/app', action: 'kms:ScheduleKeyDeletion' }, false],
    [{ effect: 'Allow', principal: 'arn:aws:iam::444455556666:root', action: 'kms:DescribeKey' }, true],
    [{ effect: 'Allow', principal: '444455556666', action: 'kms:Encrypt' }, false],
    [{ effect: 'Deny', sid: 'Guard', condition_key: 'kms:encryptioncontext:app' }, true],
    [{ effect: 'Deny', principal: '*', condition_key: 'kms:ViaService' }, false],
    [{ effect: 'Allow', principal: '*' }, false],
  ] as const)('%j -> %s', (want, ok) => {
    expect(hasStatement(policy, want)).toBe(ok);
  });

  it('matches nothing in a policy that is not JSON', () => {
    expect(hasStatement('{not json', { effect: 'Allow' })).toBe(false);
  });

  it('refuses an effect other than Allow or Deny, at its line', () => {
    const text = readFileSync(`${PACKAGE_ROOT}/labs/create-key.yaml`, 'utf8');
    const bad = text.replace('        principal: "111122223333"\n', '        effect: Permit\n        principal: "111122223333"\n');
    const line = bad.split('\n').findIndex((l) => l.includes('effect: Permit')) + 1;
    const msgs = parseLab(bad, 'labs/create-key.yaml').errors.map((e) => e.message);
    expect(msgs).toEqual([expect.stringMatching(new RegExp(`^labs/create-key\\.yaml:${line}:\\d+: .*"effect" must be one of Allow, Deny, got "Permit"`))]);
  });
});
