// Condition operators one by one, with AWS's rules for missing keys, negation, IfExists and set operators.
import { describe, expect, it } from '@jest/globals';
import { evaluateClause, normaliseContext } from '../../src/policy/conditions.js';
import { parsePolicy } from '../../src/policy/index.js';
import { ipInCidr } from '../../src/policy/ip.js';
import { arnMatches, wildcardMatch, actionMatches } from '../../src/policy/wildcard.js';
import type { ConditionContext } from '../../src/aws/access.js';

function check(operator: string, key: string, values: unknown, ctx: ConditionContext): boolean {
  const doc = parsePolicy(JSON.stringify({ Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { [operator]: { [key]: values } } } }), 'identity');
  return evaluateClause(doc.statements[0].conditions[0], normaliseContext(ctx)).ok;
}

describe('condition operators', () => {
  const CASES: [string, string, unknown, ConditionContext, boolean][] = [
    ['StringEquals', 'k:a', 'x', { 'k:a': 'x' }, true],
    ['StringEquals', 'k:a', ['y', 'x'], { 'k:a': 'x' }, true], // values are ORed
    ['StringEquals', 'k:a', 'x', {}, false],
    ['StringNotEquals', 'k:a', ['x', 'y'], { 'k:a': 'z' }, true],
    ['StringNotEquals', 'k:a', ['x', 'y'], { 'k:a': 'y' }, false],
    ['StringNotEquals', 'k:a', 'x', {}, true], // missing key satisfies a negated operator
    ['StringEqualsIgnoreCase', 'k:a', 'ABC', { 'k:a': 'abc' }, true],
    ['StringNotEqualsIgnoreCase', 'k:a', 'ABC', { 'k:a': 'abc' }, false],
    ['StringLike', 'k:a', 'al?as/*', { 'k:a': 'alias/app' }, true],
    ['StringNotLike', 'k:a', 'alias/*', { 'k:a': 'alias/app' }, false],
    ['ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/app', { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/app' }, true],
    ['ArnEquals', 'aws:PrincipalArn', 'arn:aws:iam::111122223333:role/app', { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/App' }, false],
    ['ArnNotLike', 'aws:PrincipalArn', 'arn:aws:iam::111122223333:*', { 'aws:PrincipalArn': 'arn:aws:iam::444455556666:role/x' }, true],
    ['Bool', 'aws:SecureTransport', 'true', { 'aws:SecureTransport': true }, true],
    ['Bool', 'aws:SecureTransport', 'true', { 'aws:SecureTransport': 'FALSE' }, false],
    ['NumericEquals', 'k:n', '10', { 'k:n': 10 }, true],
    ['NumericNotEquals', 'k:n', '10', { 'k:n': 11 }, true],
    ['NumericLessThan', 'k:n', '10', { 'k:n': 10 }, false],
    ['NumericGreaterThanEquals', 'k:n', '10', { 'k:n': 10 }, true],
    ['NumericGreaterThan', 'k:n', '10', { 'k:n': 'abc' }, false], // not a number never matches
    ['DateGreaterThan', 'aws:CurrentTime', '2026-01-01T00:00:00Z', { 'aws:CurrentTime': '2026-01-02T00:00:00Z' }, true],
    ['DateLessThanEquals', 'aws:EpochTime', '1767225600', { 'aws:EpochTime': 1767225600 }, true], // epoch seconds on both sides
    ['DateEquals', 'aws:CurrentTime', '2026-01-01T00:00:00Z', { 'aws:CurrentTime': '2026-01-01T00:00:00.000Z' }, true],
    ['DateNotEquals', 'aws:CurrentTime', '2026-01-01T00:00:00Z', { 'aws:CurrentTime': '2026-01-01T00:00:01Z' }, true],
    ['IpAddress', 'aws:SourceIp', '192.0.2.0/24', { 'aws:SourceIp': '192.0.2.255' }, true],
    ['IpAddress', 'aws:SourceIp', '192.0.2.0/24', { 'aws:SourceIp': '192.0.3.1' }, false],
    ['NotIpAddress', 'aws:SourceIp', '192.0.2.0/24', { 'aws:SourceIp': '192.0.3.1' }, true],
    ['Null', 'k:a', 'true', {}, true],
    ['Null', 'k:a', 'true', { 'k:a': [] }, true], // an empty set counts as absent
    ['Null', 'k:a', 'false', { 'k:a': 'x' }, true],
    ['Null', 'k:a', 'false', {}, false],
    ['StringEqualsIfExists', 'k:a', 'x', {}, true],
    ['StringEqualsIfExists', 'k:a', 'x', { 'k:a': 'y' }, false],
    ['NumericLessThanIfExists', 'k:n', '5', { 'k:n': 3 }, true],
    ['ForAnyValue:StringEquals', 'k:s', ['a', 'b'], { 'k:s': ['c', 'b'] }, true],
    ['ForAnyValue:StringEquals', 'k:s', ['a', 'b'], { 'k:s': [] }, false],
    ['ForAllValues:StringEquals', 'k:s', ['a', 'b'], { 'k:s': ['a', 'b'] }, true],
    ['ForAllValues:StringEquals', 'k:s', ['a', 'b'], { 'k:s': ['a', 'c'] }, false],
    ['ForAllValues:StringEquals', 'k:s', ['a'], {}, true],
    ['ForAllValues:StringNotEquals', 'k:s', ['secret'], { 'k:s': ['a', 'b'] }, true],
    ['ForAnyValue:StringNotLike', 'k:s', ['a*'], { 'k:s': ['ab', 'ac'] }, false],
    ['StringEquals', 'K:A', 'x', { 'k:a': 'x' }, true], // key names are case-insensitive
  ];
  it.each(CASES)('%s %s %j with %j -> %s', (op, key, values, ctx, want) => {
    expect(check(op, key, values, ctx)).toBe(want);
  });

  it('explains the failing key, operator and request value', () => {
    const doc = parsePolicy(JSON.stringify({ Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } } } }), 'identity');
    const c = doc.statements[0].conditions[0];
    expect(evaluateClause(c, normaliseContext({})).detail).toBe('condition kms:ViaService StringEquals "s3.us-east-1.amazonaws.com" failed: request has no value');
    expect(evaluateClause(c, normaliseContext({ 'kms:ViaService': 'ec2.us-east-1.amazonaws.com' })).detail).toContain('failed: request value "ec2.us-east-1.amazonaws.com"');
  });
});

describe('IP ranges', () => {
  it.each([
    ['10.1.2.3', '10.0.0.0/8', true],
    ['11.0.0.1', '10.0.0.0/8', false],
    ['203.0.113.5', '203.0.113.5', true],
    ['0.0.0.0', '0.0.0.0/0', true],
    ['2001:db8::1', '2001:db8::/32', true],
    ['2001:db9::1', '2001:db8::/32', false],
    ['::1', '::1/128', true],
    ['2001:db8::ffff:192.0.2.1', '2001:db8::/64', true],
    ['2001:db8::ffff:192.0.2.1', '2001:db8::ffff:c000:0/112', true],
    ['10.0.0.1', '2001:db8::/32', false],
    ['not-an-ip', '10.0.0.0/8', false],
    ['10.0.0.1', '10.0.0.0/33', false],
    ['256.0.0.1', '0.0.0.0/0', false],
  ])('%s in %s -> %s', (ip, cidr, want) => {
    expect(ipInCidr(ip, cidr)).toBe(want);
  });
});

describe('wildcards', () => {
  it('matches actions case-insensitively and ARNs case-sensitively', () => {
    expect(actionMatches('KMS:decrypt', 'kms:Decrypt')).toBe(true);
    expect(actionMatches('kms:ReEncrypt*', 'kms:ReEncryptFrom')).toBe(true);
    expect(actionMatches('kms:Get*', 'kms:ListKeys')).toBe(false);
    expect(arnMatches('arn:aws:kms:*:111122223333:key/*', 'arn:aws:kms:eu-west-1:111122223333:key/abc')).toBe(true);
    expect(arnMatches('arn:aws:kms:us-east-1:111122223333:key/ABC', 'arn:aws:kms:us-east-1:111122223333:key/abc')).toBe(false);
    expect(arnMatches('arn:aws:kms:us-east-1:111122223333:key/*', '*')).toBe(false);
    expect(wildcardMatch('a.c', 'abc')).toBe(false); // regex characters are literal
    expect(wildcardMatch('a?c', 'abc')).toBe(true);
  });
});
