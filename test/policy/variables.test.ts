// IAM policy variables in Resource and condition values (2012-10-17 documents only).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
import { describe, expect, it } from '@jest/globals';
import { normaliseContext } from '../../src/policy/conditions.js';
import { expandVariables } from '../../src/policy/variables.js';
import { evaluatePolicy, parsePolicy } from '../../src/policy/index.js';
import { A, ALICE, KEY } from './fixtures.js';

describe('expandVariables', () => {
  const ctx = normaliseContext({ 'aws:username': 'alice', 'aws:PrincipalTag/team': 'blue', 'kms:EncryptionContextKeys': ['a', 'b'] });
  it.each([
    ['alias/${aws:username}-*', 'alias/alice-*'],
    ['${aws:principaltag/team}', 'blue'],
    ["${aws:userid, 'nobody'}", 'nobody'],
    ['plain', 'plain'],
    ['${$}{x}', '${x}'],
  ])('%s -> %s', (input, want) => {
    expect(expandVariables(input, ctx)).toBe(want);
  });
  it('gives undefined for a missing or multi-valued variable without a default', () => {
    expect(expandVariables('${aws:userid}', ctx)).toBeUndefined();
    expect(expandVariables('${kms:EncryptionContextKeys}', ctx)).toBeUndefined();
  });
});

describe('policy variables in evaluation', () => {
  const doc = (version: string) =>
    parsePolicy(
      JSON.stringify({
        Version: version,
        Statement: [
          { Sid: 'OwnKeys', Effect: 'Allow', Action: 'kms:Decrypt', Resource: `arn:aws:kms:*:${A}:key/*`, Condition: { StringEquals: { 'kms:EncryptionContext:owner': '${aws:username}' } } },
          { Sid: 'Literal', Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:111122223333:key/${aws:username}' },
        ],
      }),
      'identity',
    );
  const req = (owner: string | undefined, resource = KEY) => ({
    action: 'kms:Decrypt',
    resource,
    principal: { arn: ALICE, accountId: A, type: 'IAMUser' as const },
    context: { 'aws:username': 'alice', ...(owner ? { 'kms:EncryptionContext:owner': owner } : {}) },
  });
  it('expands ${aws:username} in a condition value', () => {
    expect(evaluatePolicy(doc('2012-10-17'), req('alice'))[0].matched).toBe(true);
    expect(evaluatePolicy(doc('2012-10-17'), req('bob'))[0].matched).toBe(false);
  });
  it('expands variables in Resource', () => {
    expect(evaluatePolicy(doc('2012-10-17'), req(undefined, 'arn:aws:kms:us-east-1:111122223333:key/alice'))[1].matched).toBe(true);
  });
  it('treats variables literally in a 2008-10-17 document', () => {
    expect(evaluatePolicy(doc('2008-10-17'), req('alice'))[0].matched).toBe(false);
    expect(evaluatePolicy(doc('2008-10-17'), req(undefined, 'arn:aws:kms:us-east-1:111122223333:key/${aws:username}'))[1].matched).toBe(true);
  });
});
