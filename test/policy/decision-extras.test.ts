// The decision beyond the case table: the trace and its explanation, the policy-ARN message switch,
// the aws:* keys the decision adds, NotPrincipal, key policy validation and the policies AWS writes itself.
import { describe, expect, it } from '@jest/globals';
import { evaluatePolicy, explainDecision, parsePolicy } from '../../src/policy/index.js';
import { DEFAULT_SOURCE_IP, requestContext } from '../../src/policy/context.js';
import { KeyPolicyError } from '../../src/policy/index.js';
import { identityDirectory } from '../../src/iam/directory.js';
import { A, ADMIN, ALICE, APP_ROLE, APP_SESSION, B, KEY, T0, grant, policy, request, rootStatement, studyIam, withIdentityPolicy, studyAccess } from './fixtures.js';

const ac = studyAccess();

describe('trace and explanation', () => {
  it('lists every key policy statement, identity statement and grant with what matched or failed', () => {
    const iam = studyIam();
    withIdentityPolicy(iam, APP_SESSION, policy({ Sid: 'UseKey', Effect: 'Allow', Action: 'kms:Encrypt', Resource: KEY }));
    const keyPolicy = policy(rootStatement(), { Sid: 'ViaS3', Effect: 'Allow', Principal: { AWS: APP_ROLE }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } } });
    const d = ac.authorize(request(iam, { caller: APP_SESSION, action: 'kms:Decrypt', keyPolicy, grants: [grant({ Operations: ['Encrypt'] })] }), iam);
    expect(d.reason).toBe('NoIdentityPolicyAllows');
    const bySource = (s: string) => d.trace.filter((t) => t.source === s);
    expect(bySource('identity-policy')).toEqual([expect.objectContaining({ sid: 'UseKey', matched: false, detail: expect.stringContaining('action kms:Decrypt is not in Action [kms:Encrypt]') })]);
    expect(bySource('key-policy')).toEqual([
      expect.objectContaining({ sid: 'Enable IAM User Permissions', matched: true, detail: expect.stringContaining(`principal matched through its account (${A})`) }),
      expect.objectContaining({ sid: 'ViaS3', matched: false, detail: expect.stringContaining('condition kms:ViaService StringEquals "s3.us-east-1.amazonaws.com" failed: request has no value') }),
    ]);
    expect(bySource('grant')).toEqual([expect.objectContaining({ id: 'grant-1', matched: false, detail: expect.stringContaining('operation Decrypt is not in the grant') })]);
    const lines = explainDecision(d);
    expect(lines[0]).toBe(`DENIED (NoIdentityPolicyAllows): ${d.message}`);
    expect(lines).toContain(`  Key policy default [ViaS3]: does not apply: principal matched [${APP_ROLE}]; action kms:Decrypt matched; resource ${KEY} matched; condition kms:ViaService StringEquals "s3.us-east-1.amazonaws.com" failed: request has no value`);
    expect(lines.at(-1)).toBe('  => denied: because no identity-based policy allows the kms:Decrypt action');
  });

  it('explains an allow and how it was reached', () => {
    const iam = studyIam();
    const d = ac.authorize(request(iam, { caller: ADMIN, action: 'kms:Encrypt', keyPolicy: ac.defaultKeyPolicy(A) }), iam);
    const lines = explainDecision(d);
    expect(lines[0]).toBe('ALLOWED (by key-policy+iam)');
    expect(lines).toContain('  IAM policy arn:aws:iam::aws:policy/AdministratorAccess [Statement 1]: Allow statement applies: action kms:Encrypt matched; resource ' + KEY + ' matched');
  });

  it('reports a grant that is waiting for eventual consistency', () => {
    const iam = studyIam();
    const d = ac.authorize(request(iam, { caller: APP_SESSION, action: 'kms:Decrypt', keyPolicy: policy(rootStatement()), grants: [grant({ effectiveAt: T0 + 90_000 })] }), iam);
    expect(d.trace.find((t) => t.source === 'grant')!.detail).toContain('not effective yet (eventual consistency, 90s left)');
  });
});

describe('lazy explanation', () => {
  it('serialises a decision with its trace, and statement details read the same as an explained run', () => {
    const iam = studyIam();
    const d = ac.authorize(request(iam, { caller: ALICE, action: 'kms:Decrypt', keyPolicy: policy(rootStatement()) }), iam);
    const json = JSON.parse(JSON.stringify(d));
    expect(json).toMatchObject({ allowed: false, reason: 'NoIdentityPolicyAllows', message: d.message });
    expect(json.trace).toEqual(d.trace.map((t) => ({ ...t })));
    expect(json.trace[0]).toEqual({ source: 'key-policy', id: 'default', sid: 'Enable IAM User Permissions', effect: 'Allow', matched: true, detail: `principal matched through its account (${A}) in [arn:aws:iam::${A}:root]; action kms:Decrypt matched; resource ${KEY} matched` });
    const [r] = evaluatePolicy(parsePolicy(policy(rootStatement())), { action: 'kms:Encrypt', resource: KEY, principal: { arn: ALICE, accountId: A, type: 'IAMUser' }, context: {} });
    expect(JSON.parse(JSON.stringify(r))).toEqual({ index: 1, sid: 'Enable IAM User Permissions', effect: 'Allow', matched: true, principal: 'account', details: [expect.stringContaining('through its account'), 'action kms:Encrypt matched', `resource ${KEY} matched`] });
  });
});

describe('explicit deny message with the policy ARN (switch)', () => {
  function setup() {
    const iam = studyIam();
    iam.policies.push({ arn: `arn:aws:iam::${A}:policy/DenyDecrypt`, name: 'DenyDecrypt', accountId: A, versionId: 'v1', createDate: T0, document: policy({ Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*' }) });
    iam.users.find((u) => u.arn === ADMIN)!.attachedPolicies.push(`arn:aws:iam::${A}:policy/DenyDecrypt`);
    return iam;
  }
  it('appends ": <policy arn>" only when switched on', () => {
    const iam = setup();
    const req = request(iam, { caller: ADMIN, action: 'kms:Decrypt', keyPolicy: policy(rootStatement()) });
    expect(ac.authorize(req, iam).message).toBe(`User: ${ADMIN} is not authorized to perform: kms:Decrypt on resource: ${KEY} with an explicit deny in an identity-based policy`);
    expect(studyAccess({ accessDeniedWithPolicyArn: true }).authorize(req, iam).message).toBe(
      `User: ${ADMIN} is not authorized to perform: kms:Decrypt on resource: ${KEY} with an explicit deny in an identity-based policy: arn:aws:iam::${A}:policy/DenyDecrypt`,
    );
  });
  it('does not name an inline policy (it has no ARN)', () => {
    const iam = studyIam();
    withIdentityPolicy(iam, ADMIN, policy({ Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*' }));
    const d = studyAccess({ accessDeniedWithPolicyArn: true }).authorize(request(iam, { caller: ADMIN, action: 'kms:Decrypt', keyPolicy: policy(rootStatement()) }), iam);
    expect(d.message).toMatch(/identity-based policy$/);
  });
});

describe('aws:* keys the decision adds', () => {
  it('describes a user caller', () => {
    const iam = studyIam();
    const ctx = requestContext(request(iam, { caller: ALICE, action: 'kms:Decrypt', keyPolicy: '{}', sourceIp: '192.0.2.9' }), identityDirectory(iam));
    expect(ctx).toMatchObject({
      'aws:PrincipalArn': ALICE,
      'aws:PrincipalAccount': A,
      'aws:PrincipalOrgID': 'o-a1b2c3d4e5',
      'aws:PrincipalType': 'User',
      'aws:username': 'alice',
      'aws:userid': 'AIDAEXAMPLEALICE0001',
      'aws:SourceIp': '192.0.2.9',
      'aws:ViaAWSService': false,
      'aws:PrincipalIsAWSService': false,
      'aws:CurrentTime': '2026-01-15T12:00:00Z',
      'aws:EpochTime': T0 / 1000,
      'kms:CallerAccount': A,
    });
  });
  it('describes a role session called through a service (no aws:SourceIp) and lets the engine\'s keys win', () => {
    const iam = studyIam();
    const ctx = requestContext(request(iam, { caller: APP_SESSION, action: 'kms:Decrypt', keyPolicy: '{}', via: 's3.us-east-1.amazonaws.com', context: { 'kms:CallerAccount': B } }), identityDirectory(iam));
    expect(ctx).toMatchObject({ 'aws:PrincipalArn': APP_ROLE, 'aws:PrincipalType': 'AssumedRole', 'aws:userid': 'AROAEXAMPLEAPPROLE01:worker-1', 'aws:ViaAWSService': true, 'kms:ViaService': 's3.us-east-1.amazonaws.com', 'kms:CallerAccount': B });
    expect(ctx['aws:SourceIp']).toBeUndefined();
    expect(ctx['aws:username']).toBeUndefined();
  });
  it('has no organization for an account outside it, and the account id as userid for root', () => {
    const iam = studyIam();
    const ctx = requestContext(request(iam, { caller: 'arn:aws:iam::555566667777:root', action: 'kms:ListKeys', resource: '*' }), identityDirectory(iam));
    expect(ctx['aws:PrincipalOrgID']).toBeUndefined();
    expect(ctx).toMatchObject({ 'aws:PrincipalType': 'Account', 'aws:userid': '555566667777', 'aws:SourceIp': DEFAULT_SOURCE_IP });
    expect(ctx['kms:CallerAccount']).toBeUndefined(); // no key resource
  });
});

describe('evaluatePolicy', () => {
  const doc = parsePolicy(policy(
    { Sid: 'NotApp', Effect: 'Deny', NotPrincipal: { AWS: APP_ROLE }, Action: 'kms:Decrypt', Resource: '*' },
    { Sid: 'Service', Effect: 'Allow', Principal: { Service: 'logs.us-east-1.amazonaws.com' }, Action: 'kms:Encrypt', Resource: '*' },
    { Sid: 'OtherKey', Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: 'arn:aws:kms:us-east-1:111122223333:key/other' },
  ));
  it('excludes NotPrincipal principals and matches everyone else', () => {
    const app = evaluatePolicy(doc, { action: 'kms:Decrypt', resource: KEY, principal: { arn: APP_SESSION, accountId: A, type: 'AssumedRole', roleArn: APP_ROLE }, context: {} });
    expect(app[0]).toMatchObject({ matched: false, failedOn: 'principal' });
    const alice = evaluatePolicy(doc, { action: 'kms:Decrypt', resource: KEY, principal: { arn: ALICE, accountId: A, type: 'IAMUser' }, context: {} });
    expect(alice[0]).toMatchObject({ matched: true, principal: 'direct' });
    expect(alice[2]).toMatchObject({ matched: false, failedOn: 'resource' });
  });
  it('matches a service principal only for that service', () => {
    const svc = evaluatePolicy(doc, { action: 'kms:Encrypt', resource: KEY, principal: { arn: 'logs.us-east-1.amazonaws.com', accountId: '', type: 'AWSService' }, context: {} });
    expect(svc[1]).toMatchObject({ matched: true, principal: 'direct' });
    const user = evaluatePolicy(doc, { action: 'kms:Encrypt', resource: KEY, principal: { arn: ALICE, accountId: A, type: 'IAMUser' }, context: {} });
    expect(user[1]).toMatchObject({ matched: false, failedOn: 'principal' });
  });
  it('a service principal in the key policy authorizes the service directly', () => {
    const iam = studyIam();
    const req = request(iam, { caller: ALICE, action: 'kms:Encrypt', keyPolicy: policy(rootStatement(), { Effect: 'Allow', Principal: { Service: 'logs.us-east-1.amazonaws.com' }, Action: 'kms:Encrypt', Resource: '*' }) });
    req.caller = { principal: { type: 'AWSService', arn: 'logs.us-east-1.amazonaws.com', accountId: '' }, accountId: '', region: 'us-east-1' };
    expect(ac.authorize(req, iam)).toMatchObject({ allowed: true, allowedBy: 'key-policy' });
    expect(requestContext(req, identityDirectory(iam))).toMatchObject({ 'aws:PrincipalIsAWSService': true, 'aws:PrincipalServiceName': 'logs.us-east-1.amazonaws.com' });
  });
});

describe('validateKeyPolicy', () => {
  const iam = studyIam();
  const bad = (doc: string) => {
    try {
      ac.validateKeyPolicy(doc, A, iam);
    } catch (e) {
      expect(e).toBeInstanceOf(KeyPolicyError);
      return (e as Error).message;
    }
    throw new Error('expected MalformedPolicyDocumentException');
  };
  it('accepts the default policy, known principals and principals of accounts it does not know', () => {
    expect(() => ac.validateKeyPolicy(ac.defaultKeyPolicy(A), A, iam)).not.toThrow();
    expect(() => ac.validateKeyPolicy(policy({ Effect: 'Allow', Principal: { AWS: [APP_ROLE, ALICE, 'arn:aws:iam::999988887777:role/x', B] }, Action: 'kms:*', Resource: '*' }), A, iam)).not.toThrow();
  });
  it('wraps syntax errors', () => {
    expect(bad(policy({ Effect: 'Permit', Principal: '*', Action: 'kms:*', Resource: '*' }))).toBe('Statement 1: Effect must be Allow or Deny');
  });
  it('rejects principals that do not exist', () => {
    expect(bad(policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:role/ghost` }, Action: 'kms:*', Resource: '*' }))).toBe(
      `Policy contains a statement with one or more invalid principals. (Statement 1: arn:aws:iam::${A}:role/ghost)`,
    );
    expect(bad(policy({ Effect: 'Allow', Principal: { Service: 'not a service' }, Action: 'kms:*', Resource: '*' }))).toContain('invalid principals');
  });
  it('rejects a policy over 32 KB', () => {
    const big = policy({ Sid: 'x'.repeat(33_000), Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' });
    expect(bad(big)).toContain('larger than 32768 bytes');
  });
});

describe('policies AWS writes', () => {
  it('default key policy: Id key-default-1, account root, kms:* on *', () => {
    expect(JSON.parse(ac.defaultKeyPolicy(B))).toEqual({
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: 'kms:*', Resource: '*' }],
    });
  });
  it('AWS managed key policy: via the service and the caller account only', () => {
    const doc = JSON.parse(ac.awsManagedKeyPolicy(A, 'ebs', 'eu-west-1'));
    expect(doc.Id).toBe('auto-ebs-2');
    expect(doc.Statement[0].Condition.StringEquals).toEqual({ 'kms:CallerAccount': A, 'kms:ViaService': 'ec2.eu-west-1.amazonaws.com' });
    expect(doc.Statement[1].Action).toEqual(['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant']);
    expect(() => ac.validateKeyPolicy(JSON.stringify(doc), A, studyIam())).not.toThrow();
  });
  it('aws/s3 policy: no grant permissions, S3 in the Sid', () => {
    const doc = JSON.parse(ac.awsManagedKeyPolicy(A, 's3', 'us-east-1'));
    expect(doc.Statement[0].Sid).toBe('Allow access through S3 for all principals in the account that are authorized to use S3');
    expect(doc.Statement[0].Action).toEqual(['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey']);
    expect(doc.Statement[0].Condition.StringEquals['kms:ViaService']).toBe('s3.us-east-1.amazonaws.com');
    expect(doc.Statement[1].Action).toEqual(['kms:Describe*', 'kms:Get*', 'kms:List*']);
  });
});
