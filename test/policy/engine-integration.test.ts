// The KMS engine with the real access control (createAccessControl) and the study identities: Decrypt
// without KeyId authorized on the key inside the blob, denied calls in the audit log, the PutKeyPolicy
// lockout check, and a new grant used with its token before the propagation delay has passed.
import { describe, expect, it } from '@jest/globals';
import { ServiceException } from '../../src/aws/errors.js';
import { ManualClock } from '../../src/aws/ports.js';
import type { Caller } from '../../src/aws/caller.js';
import { aWorld } from '../helpers/world.js';
import { A, ADMIN, ALICE, APP_ROLE, APP_SESSION, policy, rootStatement, studyIam, withIdentityPolicy } from './fixtures.js';

const bytes = (s: string) => new TextEncoder().encode(s);

function setup() {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const { world } = aWorld({ clock, seed: 'engine-integration', bare: true });
  world.iam.state = studyIam();
  const engine = world.kms;
  const as = (arn: string): Caller => {
    const principal = world.principal(arn);
    return { principal, accountId: principal.accountId, region: 'us-east-1' };
  };
  const run = (op: string, req: Record<string, unknown>, caller = as(ADMIN)) => engine.execute(op, req, caller);
  const error = (fn: () => unknown): ServiceException => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(ServiceException);
      return e as ServiceException;
    }
    throw new Error('expected a KmsException');
  };
  const keyArn = (run('CreateKey', {}).KeyMetadata as { Arn: string }).Arn;
  return { world, engine, as, run, error, keyArn };
}

describe('engine + access control', () => {
  it('authorizes Decrypt without KeyId against the key inside the ciphertext', () => {
    const { run, as, error, keyArn, world } = setup();
    const blob = run('Encrypt', { KeyId: keyArn, Plaintext: bytes('secret') }).CiphertextBlob;
    expect(run('Decrypt', { CiphertextBlob: blob })).toMatchObject({ KeyId: keyArn });
    // alice is in the account (default policy delegates) but has no IAM policy.
    const e = error(() => run('Decrypt', { CiphertextBlob: blob }, as(ALICE)));
    expect(e.code).toBe('AccessDeniedException');
    expect(e.message).toBe(`User: ${ALICE} is not authorized to perform: kms:Decrypt on resource: ${keyArn} because no identity-based policy allows the kms:Decrypt action`);
    withIdentityPolicy(world.iam.state, ALICE, policy({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: keyArn }));
    expect(run('Decrypt', { CiphertextBlob: blob }, as(ALICE))).toMatchObject({ KeyId: keyArn });
  });

  it('records a denied call in the audit log with errorCode AccessDenied', () => {
    const { run, as, error, keyArn, engine } = setup();
    const e = error(() => run('DescribeKey', { KeyId: keyArn }, as(APP_SESSION)));
    const event = engine.audit.at(-1)!;
    expect(event).toMatchObject({ eventName: 'DescribeKey', errorCode: 'AccessDenied', errorMessage: e.message });
    expect(e.message).toContain('because no identity-based policy allows the kms:DescribeKey action');
  });

  it('runs the lockout check with the proposed policy', () => {
    const { run, error, keyArn } = setup();
    const lockout = policy({ Effect: 'Allow', Principal: { AWS: APP_ROLE }, Action: 'kms:*', Resource: '*' });
    const e = error(() => run('PutKeyPolicy', { KeyId: keyArn, PolicyName: 'default', Policy: lockout }));
    expect(e.code).toBe('MalformedPolicyDocumentException');
    expect(e.message).toBe('The new key policy will not allow you to update the key policy in the future.');
    expect(run('PutKeyPolicy', { KeyId: keyArn, PolicyName: 'default', Policy: lockout, BypassPolicyLockoutSafetyCheck: true })).toBeDefined();
    // Now even the admin is locked out: the key policy no longer delegates to the account.
    expect(error(() => run('DescribeKey', { KeyId: keyArn })).message).toContain('because no resource-based policy allows the kms:DescribeKey action');
  });

  it('rejects a malformed key policy with what is wrong', () => {
    const { run, error, keyArn } = setup();
    const e = error(() => run('PutKeyPolicy', { KeyId: keyArn, PolicyName: 'default', Policy: policy(rootStatement(), { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:role/ghost` }, Action: 'kms:*', Resource: '*' }) }));
    expect(e.code).toBe('MalformedPolicyDocumentException');
    expect(e.message).toContain('invalid principals');
  });

  it('a new grant works at once with its token and on its own after the propagation delay', () => {
    const { run, as, error, keyArn, engine } = setup();
    const blob = run('Encrypt', { KeyId: keyArn, Plaintext: bytes('x'), EncryptionContext: { Dept: 'IT' } }).CiphertextBlob;
    const { GrantToken } = run('CreateGrant', { KeyId: keyArn, GranteePrincipal: APP_ROLE, Operations: ['Decrypt'], Constraints: { EncryptionContextSubset: { Dept: 'IT' } } }) as { GrantToken: string };
    const app = as(APP_SESSION);
    expect(error(() => run('Decrypt', { CiphertextBlob: blob, EncryptionContext: { Dept: 'IT' } }, app)).code).toBe('AccessDeniedException');
    expect(run('Decrypt', { CiphertextBlob: blob, EncryptionContext: { Dept: 'IT' }, GrantTokens: [GrantToken] }, app)).toMatchObject({ KeyId: keyArn });
    engine.advance(engine.settings.grantPropagationMs);
    expect(run('Decrypt', { CiphertextBlob: blob, EncryptionContext: { Dept: 'IT' } }, app)).toMatchObject({ KeyId: keyArn });
    const d = engine.simulate('kms:Decrypt', keyArn, app, { encryptionContext: { Dept: 'IT' } });
    expect(d).toMatchObject({ allowed: true, allowedBy: 'grant' });
  });
});
