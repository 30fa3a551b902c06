// IAM operations with IAM's field names, and every operation's errors (NoSuchEntity, EntityAlreadyExists,
// MalformedPolicyDocument, ValidationError). State is built fresh per test; ids come from a seeded Random.
import { describe, expect, it } from '@jest/globals';
import { SeededRandom } from '../../src/aws/ports.js';
import type { Caller } from '../../src/aws/caller.js';
import type { IamState } from '../../src/iam/types.js';
import { defaultIamState, executeIam, IAM_OPERATIONS, principalFromArn } from '../../src/iam/index.js';
import { ServiceException } from '../../src/aws/errors.js';

const NOW = Date.UTC(2026, 2, 1, 9, 30, 0);
const A = '111122223333';
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const KMS_DECRYPT = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] });

function setup(callerArn = `arn:aws:iam::${A}:user/admin`) {
  const state: IamState = defaultIamState();
  const principal = principalFromArn(state, callerArn);
  const caller: Caller = { principal, accountId: principal.accountId, region: 'us-east-1' };
  const ctx = { now: NOW, random: new SeededRandom('iam-test'), caller };
  const run = (op: string, req: Record<string, unknown> = {}) => executeIam(state, op, req, ctx);
  const fails = (op: string, req: Record<string, unknown>): { code: string; message: string } => {
    try {
      run(op, req);
    } catch (e) {
      expect(e).toBeInstanceOf(ServiceException);
      return { code: (e as ServiceException).code, message: (e as Error).message };
    }
    throw new Error(`${op} should have failed`);
  };
  return { state, run, fails, ctx };
}

describe('IAM users', () => {
  it('CreateUser, GetUser, ListUsers', () => {
    const { run } = setup();
    const created = run('CreateUser', { UserName: 'bob', Path: '/dev/' });
    expect(created.User).toEqual({ Path: '/dev/', UserName: 'bob', UserId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/), Arn: `arn:aws:iam::${A}:user/dev/bob`, CreateDate: '2026-03-01T09:30:00Z' });
    expect(run('GetUser', { UserName: 'bob' })).toEqual(created);
    expect(run('GetUser').User).toMatchObject({ UserName: 'admin', Arn: `arn:aws:iam::${A}:user/admin` });
    expect((run('ListUsers').Users as { UserName: string }[]).map((u) => u.UserName)).toEqual(['admin', 'bob']);
    expect((run('ListUsers', { PathPrefix: '/dev/' }).Users as unknown[]).length).toBe(1);
  });
  it('errors', () => {
    const { run, fails } = setup();
    run('CreateUser', { UserName: 'bob' });
    expect(fails('CreateUser', { UserName: 'BOB' })).toEqual({ code: 'EntityAlreadyExists', message: 'User with name BOB already exists.' });
    expect(fails('CreateUser', {})).toMatchObject({ code: 'ValidationError', message: expect.stringContaining("Value null at 'userName'") });
    expect(fails('CreateUser', { UserName: 'bad name!' })).toMatchObject({ code: 'ValidationError', message: expect.stringContaining('regular expression pattern') });
    expect(fails('CreateUser', { UserName: 'x'.repeat(65) })).toMatchObject({ code: 'ValidationError', message: expect.stringContaining('length between 1 and 64') });
    expect(fails('CreateUser', { UserName: 'carol', Path: 'dev' })).toMatchObject({ code: 'ValidationError' });
    expect(fails('GetUser', { UserName: 'nobody' })).toEqual({ code: 'NoSuchEntity', message: 'The user with name nobody cannot be found.' });
  });
  it('GetUser without UserName needs user credentials', () => {
    const { state, ctx } = setup();
    state.roles.push({ name: 'app', arn: `arn:aws:iam::${A}:role/app`, roleId: 'AROAEXAMPLEAPPROLE01', accountId: A, createDate: NOW, assumeRolePolicyDocument: TRUST, inlinePolicies: {}, attachedPolicies: [] });
    const p = principalFromArn(state, `arn:aws:iam::${A}:role/app`);
    expect(() => executeIam(state, 'GetUser', {}, { ...ctx, caller: { principal: p, accountId: A, region: 'us-east-1' } })).toThrow('Must specify userName when calling with non-User credentials');
  });
  it('only the caller\'s account is visible', () => {
    const { state, ctx } = setup();
    const other = principalFromArn(state, 'arn:aws:iam::444455556666:root');
    const octx = { ...ctx, caller: { principal: other, accountId: other.accountId, region: 'us-east-1' } };
    expect(executeIam(state, 'ListUsers', {}, octx)).toEqual({ Users: [], IsTruncated: false });
    expect(() => executeIam(state, 'GetUser', { UserName: 'admin' }, octx)).toThrow('The user with name admin cannot be found.');
    executeIam(state, 'CreateUser', { UserName: 'admin' }, octx); // same name, other account
    expect(state.users.filter((u) => u.name === 'admin').map((u) => u.accountId)).toEqual([A, '444455556666']);
  });
});

describe('IAM roles', () => {
  it('CreateRole, GetRole, ListRoles', () => {
    const { run } = setup();
    const created = run('CreateRole', { RoleName: 'app', AssumeRolePolicyDocument: TRUST, Description: 'the app' });
    expect(created.Role).toEqual({ Path: '/', RoleName: 'app', RoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}$/), Arn: `arn:aws:iam::${A}:role/app`, CreateDate: '2026-03-01T09:30:00Z', AssumeRolePolicyDocument: TRUST, MaxSessionDuration: 3600, Description: 'the app' });
    expect(run('GetRole', { RoleName: 'app' })).toEqual(created);
    expect(run('ListRoles')).toEqual({ Roles: [created.Role], IsTruncated: false });
  });
  it('errors', () => {
    const { run, fails } = setup();
    run('CreateRole', { RoleName: 'app', AssumeRolePolicyDocument: TRUST });
    expect(fails('CreateRole', { RoleName: 'app', AssumeRolePolicyDocument: TRUST })).toEqual({ code: 'EntityAlreadyExists', message: 'Role with name app already exists.' });
    expect(fails('CreateRole', { RoleName: 'r2' })).toMatchObject({ code: 'ValidationError', message: expect.stringContaining("'assumeRolePolicyDocument'") });
    expect(fails('CreateRole', { RoleName: 'r2', AssumeRolePolicyDocument: KMS_DECRYPT })).toEqual({ code: 'MalformedPolicyDocument', message: 'Statement 1: Principal is required in a trust policy' });
    expect(fails('GetRole', { RoleName: 'ghost' })).toEqual({ code: 'NoSuchEntity', message: 'The role with name ghost cannot be found.' });
  });
});

describe.each(['User', 'Role'] as const)('%s inline policies', (kind) => {
  const field = `${kind}Name`;
  const prepare = () => {
    const t = setup();
    if (kind === 'User') t.run('CreateUser', { UserName: 'e1' });
    else t.run('CreateRole', { RoleName: 'e1', AssumeRolePolicyDocument: TRUST });
    return t;
  };
  it(`Put/Get/List/Delete${kind}Policy`, () => {
    const { run } = prepare();
    expect(run(`Put${kind}Policy`, { [field]: 'e1', PolicyName: 'decrypt', PolicyDocument: KMS_DECRYPT })).toEqual({});
    expect(run(`Get${kind}Policy`, { [field]: 'e1', PolicyName: 'decrypt' })).toEqual({ [field]: 'e1', PolicyName: 'decrypt', PolicyDocument: KMS_DECRYPT });
    expect(run(`List${kind}Policies`, { [field]: 'e1' })).toEqual({ PolicyNames: ['decrypt'], IsTruncated: false });
    expect(run(`Delete${kind}Policy`, { [field]: 'e1', PolicyName: 'decrypt' })).toEqual({});
    expect(run(`List${kind}Policies`, { [field]: 'e1' })).toEqual({ PolicyNames: [], IsTruncated: false });
  });
  it('errors', () => {
    const { fails } = prepare();
    const lower = kind.toLowerCase();
    expect(fails(`Put${kind}Policy`, { [field]: 'ghost', PolicyName: 'p', PolicyDocument: KMS_DECRYPT })).toEqual({ code: 'NoSuchEntity', message: `The ${lower} with name ghost cannot be found.` });
    expect(fails(`Put${kind}Policy`, { [field]: 'e1', PolicyName: 'p', PolicyDocument: '{"Statement":{"Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*"}}' })).toEqual({ code: 'MalformedPolicyDocument', message: 'Statement 1: Principal is not allowed in an identity-based policy' });
    expect(fails(`Put${kind}Policy`, { [field]: 'e1', PolicyName: 'p', PolicyDocument: 'not json' })).toMatchObject({ code: 'MalformedPolicyDocument', message: expect.stringContaining('Policy: is not valid JSON') });
    expect(fails(`Put${kind}Policy`, { [field]: 'e1', PolicyName: 'p' })).toMatchObject({ code: 'ValidationError' });
    expect(fails(`Get${kind}Policy`, { [field]: 'e1', PolicyName: 'p' })).toEqual({ code: 'NoSuchEntity', message: `The ${lower} policy with name p cannot be found.` });
    expect(fails(`Delete${kind}Policy`, { [field]: 'e1', PolicyName: 'p' })).toEqual({ code: 'NoSuchEntity', message: `The ${lower} policy with name p cannot be found.` });
    expect(fails(`List${kind}Policies`, { [field]: 'ghost' })).toMatchObject({ code: 'NoSuchEntity' });
  });
  it(`Attach/Detach/ListAttached${kind}Policies`, () => {
    const { run, fails } = prepare();
    const arn = 'arn:aws:iam::aws:policy/AdministratorAccess';
    expect(run(`Attach${kind}Policy`, { [field]: 'e1', PolicyArn: arn })).toEqual({});
    run(`Attach${kind}Policy`, { [field]: 'e1', PolicyArn: arn }); // attaching twice is a no-op
    expect(run(`ListAttached${kind}Policies`, { [field]: 'e1' })).toEqual({ AttachedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: arn }], IsTruncated: false });
    expect(fails(`Attach${kind}Policy`, { [field]: 'e1', PolicyArn: `arn:aws:iam::${A}:policy/none` })).toEqual({ code: 'NoSuchEntity', message: `Policy arn:aws:iam::${A}:policy/none does not exist or is not attachable.` });
    expect(fails(`Attach${kind}Policy`, { [field]: 'ghost', PolicyArn: arn })).toMatchObject({ code: 'NoSuchEntity' });
    expect(run(`Detach${kind}Policy`, { [field]: 'e1', PolicyArn: arn })).toEqual({});
    expect(fails(`Detach${kind}Policy`, { [field]: 'e1', PolicyArn: arn })).toEqual({ code: 'NoSuchEntity', message: `Policy ${arn} was not found.` });
    expect(fails(`ListAttached${kind}Policies`, { [field]: 'ghost' })).toMatchObject({ code: 'NoSuchEntity' });
  });
});

describe('managed policies', () => {
  it('CreatePolicy, GetPolicy, GetPolicyVersion, attachment count', () => {
    const { run } = setup();
    const created = run('CreatePolicy', { PolicyName: 'KmsDecrypt', PolicyDocument: KMS_DECRYPT, Description: 'decrypt only' });
    const arn = `arn:aws:iam::${A}:policy/KmsDecrypt`;
    expect(created.Policy).toEqual({ PolicyName: 'KmsDecrypt', PolicyId: expect.stringMatching(/^ANPA[A-Z2-7]{17}$/), Arn: arn, Path: '/', DefaultVersionId: 'v1', AttachmentCount: 0, PermissionsBoundaryUsageCount: 0, IsAttachable: true, CreateDate: '2026-03-01T09:30:00Z', UpdateDate: '2026-03-01T09:30:00Z', Description: 'decrypt only' });
    run('AttachUserPolicy', { UserName: 'admin', PolicyArn: arn });
    expect((run('GetPolicy', { PolicyArn: arn }).Policy as { AttachmentCount: number }).AttachmentCount).toBe(1);
    expect(run('GetPolicyVersion', { PolicyArn: arn, VersionId: 'v1' })).toEqual({ PolicyVersion: { Document: KMS_DECRYPT, VersionId: 'v1', IsDefaultVersion: true, CreateDate: '2026-03-01T09:30:00Z' } });
    expect(run('GetPolicy', { PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }).Policy).toMatchObject({ PolicyName: 'AdministratorAccess', AttachmentCount: 1 });
  });
  it('errors', () => {
    const { run, fails } = setup();
    run('CreatePolicy', { PolicyName: 'P', PolicyDocument: KMS_DECRYPT });
    expect(fails('CreatePolicy', { PolicyName: 'P', PolicyDocument: KMS_DECRYPT })).toEqual({ code: 'EntityAlreadyExists', message: 'A policy called P already exists. Duplicate names are not allowed.' });
    expect(fails('CreatePolicy', { PolicyName: 'Q', PolicyDocument: '{"Statement":[]}' })).toEqual({ code: 'MalformedPolicyDocument', message: 'Policy: Statement must contain at least one statement' });
    expect(fails('CreatePolicy', { PolicyDocument: KMS_DECRYPT })).toMatchObject({ code: 'ValidationError' });
    expect(fails('GetPolicy', { PolicyArn: `arn:aws:iam::${A}:policy/none` })).toEqual({ code: 'NoSuchEntity', message: `Policy arn:aws:iam::${A}:policy/none was not found.` });
    expect(fails('GetPolicy', {})).toMatchObject({ code: 'ValidationError' });
    expect(fails('GetPolicyVersion', { PolicyArn: `arn:aws:iam::${A}:policy/P`, VersionId: 'v2' })).toMatchObject({ code: 'NoSuchEntity', message: expect.stringContaining('version v2') });
    expect(fails('GetPolicyVersion', { PolicyArn: `arn:aws:iam::${A}:policy/none`, VersionId: 'v1' })).toMatchObject({ code: 'NoSuchEntity' });
  });
});

describe('executeIam', () => {
  it('supports the listed operations and rejects others', () => {
    expect(IAM_OPERATIONS).toHaveLength(23);
    const { fails } = setup();
    expect(fails('DeleteUser', { UserName: 'admin' })).toMatchObject({ code: 'UnknownOperationException' });
    expect(fails('toString', {})).toMatchObject({ code: 'UnknownOperationException' });
  });
  it('is deterministic for the same seed', () => {
    const a = setup().run('CreateUser', { UserName: 'bob' });
    const b = setup().run('CreateUser', { UserName: 'bob' });
    expect(a).toEqual(b);
  });
});
