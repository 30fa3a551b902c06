// The compiled Action and Resource matchers agree with the reference wildcard functions on seeded random patterns
// and values (ARNs with any number of parts, wildcards anywhere, case and non-ASCII letters), and statements with
// policy variables still expand per request.
import { describe, expect, it } from '@jest/globals';
import { compileAction, compileArn, prepareRequest } from '../../src/policy/matchers.js';
import { actionMatches, arnMatches } from '../../src/policy/wildcard.js';
import { evaluatePolicy, parsePolicyCached } from '../../src/policy/index.js';
import { explainPolicy } from '../../src/policy/evaluate.js';
import { Rng } from '../helpers/rng.js';

const PIECES = ['kms', 'KMS', 'Decrypt', 'decrypt', 'De', 'crypt', '*', '*', '?', ':', ':', '/', 'arn', 'aws', 'aws-cn', 'us-east-1', '111122223333', 'key', 'alias', '1234abcd', '-', '.', 'İ', 'ı', 'K', 'k', 'ß', 'SS', '\n', '[', '$', '(', '\\'];

function word(rng: Rng, max: number): string {
  let s = '';
  for (let i = rng.int(max + 1); i > 0; i--) s += rng.pick(PIECES);
  return s;
}

/** An ARN-shaped string with 4 to 8 parts (so some split into six parts and some do not), or a free word. */
function arnish(rng: Rng): string {
  if (rng.int(5) === 0) return word(rng, 4);
  const parts = Array.from({ length: 4 + rng.int(5) }, (_, i) => (i === 0 ? rng.pick(['arn', 'arn', 'ar*', '*', 'Arn']) : word(rng, 3)));
  return parts.join(':');
}

/** Mutates a value into a likely-matching pattern by replacing some pieces with wildcards. */
function patternFrom(rng: Rng, value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const r = rng.int(10);
    if (r === 0) out += '?';
    else if (r === 1) {
      out += '*';
      i += rng.int(4);
    } else if (r === 2) out += value[i].toUpperCase();
    else out += value[i];
  }
  return out;
}

describe('compiled matchers', () => {
  it('match actions exactly as actionMatches does', () => {
    const rng = new Rng('compiled-actions');
    let hits = 0;
    const differ: unknown[] = [];
    for (let k = 0; k < 8000; k++) {
      const action = rng.int(2) ? `${rng.pick(['kms', 'iam', 'KMS', 's3'])}:${word(rng, 3)}` : word(rng, 4);
      const pattern = rng.int(2) ? patternFrom(rng, action) : word(rng, 4);
      const expected = actionMatches(pattern, action);
      if (expected) hits++;
      if (compileAction(pattern)(prepareRequest(action, '*')) !== expected) differ.push({ pattern, action, expected });
    }
    expect(differ).toEqual([]);
    // Both outcomes occur often enough for the comparison to mean something.
    expect(hits).toBeGreaterThan(800);
    expect(hits).toBeLessThan(7200);
  });

  it('match resources exactly as arnMatches does', () => {
    const rng = new Rng('compiled-arns');
    let hits = 0;
    const differ: unknown[] = [];
    for (let k = 0; k < 8000; k++) {
      const arn = arnish(rng);
      const pattern = rng.int(3) ? patternFrom(rng, arn) : arnish(rng);
      const expected = arnMatches(pattern, arn);
      if (expected) hits++;
      if (compileArn(pattern)(prepareRequest('kms:Decrypt', arn)) !== expected) differ.push({ pattern, arn, expected });
    }
    expect(differ).toEqual([]);
    expect(hits).toBeGreaterThan(800);
    expect(hits).toBeLessThan(7200);
  });

  it('compile a cached document once and still expand policy variables for each request', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: 'arn:aws:kms:us-east-1:111122223333:alias/${aws:username}-*' }],
    });
    const doc = parsePolicyCached(text, 'identity');
    expect(parsePolicyCached(text, 'identity')).toBe(doc);
    const req = (user: string, resource: string) => ({ action: 'kms:Decrypt', resource, context: { 'aws:username': user } });
    expect(evaluatePolicy(doc, req('ana', 'arn:aws:kms:us-east-1:111122223333:alias/ana-app'))[0].matched).toBe(true);
    expect(evaluatePolicy(doc, req('bob', 'arn:aws:kms:us-east-1:111122223333:alias/ana-app'))[0].matched).toBe(false);
    expect(evaluatePolicy(doc, req('bob', 'arn:aws:kms:us-east-1:111122223333:alias/bob-app'))[0].matched).toBe(true);
  });
});

describe('the fast verdict and the explained one', () => {
  it('agree on every statement of seeded random policies and requests', () => {
    const rng = new Rng('verdict-vs-explain');
    const A = '111122223333';
    const actions = ['kms:Decrypt', 'kms:Encrypt', 'kms:De*', 'kms:*', '*', 'kms:?ncrypt', 'iam:*', 'KMS:DECRYPT'];
    const resources = ['*', `arn:aws:kms:us-east-1:${A}:key/*`, `arn:aws:kms:*:${A}:key/1234*`, 'arn:aws:kms:us-east-1:444455556666:key/*', 'arn:aws:kms:us-east-1:${aws:PrincipalAccount}:key/*'];
    const principals = ['*', { AWS: `arn:aws:iam::${A}:root` }, { AWS: A }, { AWS: `arn:aws:iam::${A}:user/ana` }, { Service: 's3.amazonaws.com' }];
    const conditions = [undefined, { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } }, { StringLike: { 'kms:EncryptionContext:app': 'web-*' } }, { Null: { 'kms:EncryptionContext:app': 'true' } }, { 'ForAnyValue:StringEquals': { 'kms:EncryptionContextKeys': 'app' } }];
    const differ: unknown[] = [];
    for (let k = 0; k < 1500; k++) {
      const kind = rng.pick(['key', 'identity'] as const);
      const statements = Array.from({ length: 1 + rng.int(4) }, () => {
        const st: Record<string, unknown> = { Effect: rng.pick(['Allow', 'Deny']) };
        st[rng.int(4) ? 'Action' : 'NotAction'] = rng.int(2) ? rng.pick(actions) : [rng.pick(actions), rng.pick(actions)];
        st[rng.int(4) ? 'Resource' : 'NotResource'] = rng.pick(resources);
        if (kind === 'key') st[rng.int(5) ? 'Principal' : 'NotPrincipal'] = rng.pick(principals);
        const c = rng.pick(conditions);
        if (c) st.Condition = c;
        return st;
      });
      const doc = parsePolicyCached(JSON.stringify({ Version: '2012-10-17', Statement: statements }), kind);
      const req = {
        action: rng.pick(['kms:Decrypt', 'kms:Encrypt', 'kms:CreateKey', 'iam:GetUser']),
        resource: rng.pick([`arn:aws:kms:us-east-1:${A}:key/1234abcd`, 'arn:aws:kms:us-east-1:444455556666:key/9', '*']),
        principal: rng.pick([
          { arn: `arn:aws:iam::${A}:user/ana`, accountId: A, type: 'IAMUser' as const },
          { arn: `arn:aws:iam::${A}:root`, accountId: A, type: 'Root' as const },
          { arn: 's3.amazonaws.com', accountId: A, type: 'AWSService' as const },
        ]),
        context: rng.pick([{}, { 'kms:ViaService': 's3.us-east-1.amazonaws.com', 'aws:PrincipalAccount': A }, { 'kms:EncryptionContext:app': 'web-1', 'kms:EncryptionContextKeys': ['app'] }]),
      };
      const fast = evaluatePolicy(doc, req).map((r) => [r.matched, r.principal, r.failedOn]);
      const slow = explainPolicy(doc, req).map((r) => [r.matched, r.principal, r.failedOn]);
      if (JSON.stringify(fast) !== JSON.stringify(slow)) differ.push({ statements, req, fast, slow });
    }
    expect(differ).toEqual([]);
  });
});
