// The policy parser: what it accepts, and a precise message for each kind of mistake.
import { describe, expect, it } from '@jest/globals';
import { parsePolicy, parsePolicyCached, PolicyParseError } from '../../src/policy/index.js';

const ok = (st: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ Version: '2012-10-17', Statement: st, ...extra });
const base = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' };

function errorOf(text: string, kind?: 'key' | 'identity' | 'trust'): string {
  try {
    parsePolicy(text, kind);
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyParseError);
    return (e as Error).message;
  }
  throw new Error('expected a PolicyParseError');
}

describe('parsePolicy', () => {
  it('normalises a statement object, string lists and conditions', () => {
    const doc = parsePolicy(ok({ ...base, Sid: 'One', Condition: { 'ForAnyValue:StringLikeIfExists': { 'KMS:EncryptionContextKeys': ['a*', 'b'] }, Bool: { 'aws:ViaAWSService': true } } }, { Id: 'key-default-1' }));
    expect(doc.id).toBe('key-default-1');
    expect(doc.statements).toHaveLength(1);
    const st = doc.statements[0];
    expect(st).toMatchObject({ index: 1, sid: 'One', effect: 'Allow', action: ['kms:*'], resource: ['*'] });
    expect(st.principal).toEqual({ any: false, aws: ['arn:aws:iam::111122223333:root'], service: [], federated: [] });
    expect(st.conditions[0]).toMatchObject({ base: 'StringLike', setOp: 'ForAnyValue', ifExists: true, keyLower: 'kms:encryptioncontextkeys', values: ['a*', 'b'] });
    expect(st.conditions[1]).toMatchObject({ base: 'Bool', values: ['true'] });
  });

  it('accepts Principal "*", Service principals, NotAction and NotResource', () => {
    const doc = parsePolicy(ok([{ Effect: 'Deny', Principal: '*', NotAction: 'kms:Decrypt', NotResource: 'arn:aws:kms:*:*:key/*' }, { Effect: 'Allow', Principal: { Service: ['logs.us-east-1.amazonaws.com'] }, Action: ['kms:Encrypt'], Resource: '*' }]));
    expect(doc.statements[0]).toMatchObject({ principal: { any: true }, notAction: ['kms:Decrypt'], notResource: ['arn:aws:kms:*:*:key/*'] });
    expect(doc.statements[1].principal!.service).toEqual(['logs.us-east-1.amazonaws.com']);
  });

  it('accepts an identity policy without Principal and a trust policy without Resource', () => {
    expect(parsePolicy(ok({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }), 'identity').kind).toBe('identity');
    expect(parsePolicy(ok({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }), 'trust').statements).toHaveLength(1);
  });

  const MISTAKES: [string, string, string, ('key' | 'identity' | 'trust')?][] = ([
    ['not JSON', '{"Version": "2012-10-17",', 'Policy: is not valid JSON'],
    ['a JSON array', '[]', 'Policy: must be a JSON object'],
    ['unknown top-level element', JSON.stringify({ Version: '2012-10-17', Statement: [base], Statements: [] }), 'Policy: unknown top-level element "Statements"'],
    ['wrong Version', ok([base], { Version: '2012-10-18' }), 'Policy: Version must be "2012-10-17"'],
    ['missing Statement', JSON.stringify({ Version: '2012-10-17' }), 'Policy: Statement is required'],
    ['empty Statement list', ok([]), 'Policy: Statement must contain at least one statement'],
    ['bad Effect in statement 2', ok([base, { ...base, Effect: 'allow' }]), 'Statement 2: Effect must be Allow or Deny'],
    ['misspelt element', ok([{ ...base, Actions: 'kms:*' }]), 'Statement 1: unknown element "Actions"'],
    ['Action and NotAction', ok([{ ...base, NotAction: 'kms:Decrypt' }]), 'Statement 1: exactly one of Action or NotAction is required'],
    ['no Action', ok([{ Effect: 'Allow', Principal: '*', Resource: '*' }]), 'Statement 1: exactly one of Action or NotAction is required'],
    ['action without service prefix', ok([{ ...base, Action: 'Decrypt' }]), 'Statement 1: Action "Decrypt" must be "*" or look like "kms:Decrypt"'],
    ['no Resource', ok([{ Effect: 'Allow', Principal: '*', Action: 'kms:*' }]), 'Statement 1: Resource is required'],
    ['resource not an ARN', ok([{ ...base, Resource: 'alias/app' }]), 'Statement 1: Resource "alias/app" must be "*" or an ARN'],
    ['key policy without Principal', ok([{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }]), 'Statement 1: Principal is required in a key policy'],
    ['identity policy with Principal', ok([base]), 'Statement 1: Principal is not allowed in an identity-based policy', 'identity'],
    ['wildcard inside a principal ARN', ok([{ ...base, Principal: { AWS: 'arn:aws:iam::111122223333:role/*' } }]), 'wildcards are not allowed in principals'],
    ['principal that is no ARN', ok([{ ...base, Principal: { AWS: 'bob' } }]), 'Principal AWS value "bob" is not an account id or an IAM ARN'],
    ['unknown principal type', ok([{ ...base, Principal: { Aws: '*' } }]), 'Principal has unknown type "Aws"'],
    ['unknown condition operator', ok([{ ...base, Condition: { StringEqual: { 'kms:ViaService': 'x' } } }]), 'Condition operator "StringEqual" is not a known operator'],
    ['NullIfExists', ok([{ ...base, Condition: { NullIfExists: { 'kms:ViaService': 'true' } } }]), 'Condition operator "NullIfExists" is not a known operator'],
    ['condition without keys', ok([{ ...base, Condition: { StringEquals: 'kms:ViaService' } }]), 'Condition operator StringEquals must map condition keys to values'],
    ['condition value object', ok([{ ...base, Condition: { StringEquals: { 'kms:ViaService': { a: 1 } } } }]), 'values must be strings, numbers or booleans'],
    ['condition key without prefix', ok([{ ...base, Condition: { StringEquals: { ViaService: 'x' } } }]), 'Condition key "ViaService" must look like'],
    ['duplicate Sid', ok([{ ...base, Sid: 'A' }, { ...base, Sid: 'A' }]), 'Statement 2: Sid "A" is used twice'],
    ['Principal and NotPrincipal', ok([{ ...base, NotPrincipal: { AWS: '111122223333' } }]), 'Statement 1: use Principal or NotPrincipal, not both'],
    ['empty Action list', ok([{ ...base, Action: [] }]), 'Statement 1: Action must not be an empty list'],
  ] as [string, string, string, ('key' | 'identity' | 'trust')?][]).map(([a, b, c, d]) => [a, b, c, d ?? 'key']);
  it.each(MISTAKES)('rejects %s', (...[, text, message, kind]) => {
    expect(errorOf(text, kind)).toContain(message);
  });

  it('reports where and what separately', () => {
    try {
      parsePolicy(ok([base, { ...base, Effect: 'Maybe' }]));
    } catch (e) {
      expect((e as PolicyParseError).where).toBe('Statement 2');
      expect((e as PolicyParseError).what).toBe('Effect must be Allow or Deny');
    }
    expect.assertions(2);
  });

  it('caches parsed documents by kind and text', () => {
    const text = ok([base]);
    expect(parsePolicyCached(text)).toBe(parsePolicyCached(text));
    expect(() => parsePolicyCached(text, 'identity')).toThrow('Principal is not allowed');
  });
});
