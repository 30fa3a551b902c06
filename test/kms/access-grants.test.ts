import { describe, expect, it } from '@jest/globals';
import { allowAllAccess } from '../helpers/world.js';
import type { AccessControl, AuthzRequest } from '../../src/aws/access.js';
import { ACCOUNT, ADMIN, anEngine, bytes, DAY, expectKmsError, roleCaller, T0, text, userCaller } from './builder.js';

/** An AccessControl that records every request and denies what `deny` says. */
function recording(deny: (r: AuthzRequest) => boolean = () => false): AccessControl & { seen: AuthzRequest[] } {
  const seen: AuthzRequest[] = [];
  return {
    ...allowAllAccess,
    seen,
    authorize(req) {
      seen.push(req);
      return deny(req)
        ? { allowed: false, reason: 'NoResourcePolicyAllows', message: `denied ${req.action} on ${req.resourceArn}`, trace: [] }
        : { allowed: true, reason: 'Allowed', trace: [] };
    },
  };
}

describe('authorization order and requests', () => {
  it('authorizes before the key-state check: a denied caller learns nothing about a disabled key', () => {
    const access = recording((r) => r.caller.principal.name === 'mallory');
    const { exec, keys } = anEngine().withAccess(access).withKey({ state: 'Disabled' }).build();
    const e = expectKmsError(() => exec('Encrypt', { KeyId: keys[0], Plaintext: bytes('x') }, userCaller('mallory')), 'AccessDeniedException');
    expect(e.message).toBe(`denied kms:Encrypt on ${keys[0]}`);
    expectKmsError(() => exec('Encrypt', { KeyId: keys[0], Plaintext: bytes('x') }), 'DisabledException');
  });

  it('authorizes Decrypt against the key inside the ciphertext, with the encryption context and condition keys', () => {
    const access = recording();
    const { exec, keys } = anEngine().withAccess(access).withKey({ alias: 'alias/app' }).build();
    const blob = exec('Encrypt', { KeyId: 'alias/app', Plaintext: bytes('x'), EncryptionContext: { Dept: 'IT' } }).CiphertextBlob;
    access.seen.length = 0;
    exec('Decrypt', { CiphertextBlob: blob, EncryptionContext: { Dept: 'IT' }, GrantTokens: ['tok'] });
    expect(access.seen).toHaveLength(1);
    const r = access.seen[0];
    expect(r).toMatchObject({ action: 'kms:Decrypt', resourceArn: keys[0], keyAccountId: ACCOUNT, keyRegion: 'us-east-1', keyManager: 'CUSTOMER', encryptionContext: { Dept: 'IT' }, grantTokens: ['tok'], now: T0 });
    expect(r.keyPolicy).toContain('key-default-1');
    expect(r.context).toMatchObject({ 'kms:CallerAccount': ACCOUNT, 'kms:EncryptionContext:Dept': 'IT', 'kms:EncryptionContextKeys': ['Dept'], 'kms:ResourceAliases': ['alias/app'] });
  });

  it('authorizes ReEncrypt as ReEncryptFrom on the source and ReEncryptTo on the destination', () => {
    const access = recording();
    const { exec, keys } = anEngine().withAccess(access).withKey().withKey().build();
    const blob = exec('Encrypt', { KeyId: keys[0], Plaintext: bytes('x') }).CiphertextBlob;
    access.seen.length = 0;
    exec('ReEncrypt', { CiphertextBlob: blob, DestinationKeyId: keys[0] });
    exec('ReEncrypt', { CiphertextBlob: blob, DestinationKeyId: keys[1] });
    expect(access.seen.map((r) => [r.action, r.resourceArn, r.context['kms:ReEncryptOnSameKey']])).toEqual([
      ['kms:ReEncryptFrom', keys[0], undefined], ['kms:ReEncryptTo', keys[0], true], ['kms:ReEncryptFrom', keys[0], undefined], ['kms:ReEncryptTo', keys[1], false],
    ]);
  });

  it('passes kms:RequestAlias when the caller names the key by alias, and * for keyless actions', () => {
    const access = recording();
    const { exec } = anEngine().withAccess(access).withKey({ alias: 'alias/app' }).build();
    access.seen.length = 0;
    exec('Encrypt', { KeyId: 'alias/app', Plaintext: bytes('x') });
    expect(access.seen[0].context['kms:RequestAlias']).toBe('alias/app');
    exec('ListKeys', {});
    expect(access.seen[1]).toMatchObject({ action: 'kms:ListKeys', resourceArn: '*' });
  });

  it('asks for kms:TagResource too when CreateKey carries tags, with the tag condition keys', () => {
    const access = recording((r) => r.action === 'kms:TagResource');
    const { exec } = anEngine().withAccess(access).build();
    exec('CreateKey', {});
    expectKmsError(() => exec('CreateKey', { Tags: [{ TagKey: 'team', TagValue: 'ops' }] }), 'AccessDeniedException');
    expect(access.seen[access.seen.length - 1].context).toMatchObject({ 'aws:TagKeys': ['team'], 'aws:RequestTag/team': 'ops' });
  });

  it('logs a denied call with errorCode AccessDenied and no responseElements', () => {
    const access = recording(() => true);
    const { engine, exec } = anEngine().withAccess(access).build();
    expectKmsError(() => exec('CreateKey', {}), 'AccessDeniedException');
    const ev = engine.audit[engine.audit.length - 1];
    expect(ev).toMatchObject({ eventName: 'CreateKey', errorCode: 'AccessDenied', errorMessage: 'denied kms:CreateKey on *', responseElements: null });
  });

  it('simulate() returns the decision without side effects or audit', () => {
    const access = recording((r) => r.action === 'kms:Decrypt');
    const { engine, keys } = anEngine().withAccess(access).withKey({ alias: 'alias/app' }).build();
    const before = engine.audit.length;
    expect(engine.simulate('kms:Decrypt', 'alias/app', ADMIN, { encryptionContext: { a: 'b' } }).allowed).toBe(false);
    expect(engine.simulate('kms:Encrypt', keys[0], ADMIN).allowed).toBe(true);
    expect(access.seen[access.seen.length - 2]).toMatchObject({ resourceArn: keys[0], encryptionContext: { a: 'b' } });
    expect(access.seen[access.seen.length - 2].context['kms:RequestAlias']).toBe('alias/app');
    expect(engine.simulate('kms:Encrypt', 'alias/none', ADMIN).allowed).toBe(false);
    expect(engine.audit.length).toBe(before);
  });
});

describe('grants', () => {
  const app = roleCaller('app', 'worker');
  const ops = roleCaller('ops', 'oncall');

  it('creates a grant that lists without its token and becomes effective after the propagation delay', () => {
    const { engine, exec, keys } = anEngine().withKey().build();
    engine.advance(5);
    const g = exec('CreateGrant', {
      KeyId: keys[0], GranteePrincipal: app.principal.roleArn, RetiringPrincipal: ops.principal.roleArn, Operations: ['Decrypt', 'Encrypt'],
      Constraints: { EncryptionContextEquals: { Dept: 'IT' } }, Name: 'batch',
    });
    expect(g.GrantId).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof g.GrantToken).toBe('string');
    const listed = exec('ListGrants', { KeyId: keys[0] });
    expect(listed).toEqual({
      Grants: [{
        KeyId: keys[0], GrantId: g.GrantId, Name: 'batch', CreationDate: new Date(T0 + 5), GranteePrincipal: app.principal.roleArn,
        RetiringPrincipal: ops.principal.roleArn, IssuingAccount: `arn:aws:iam::${ACCOUNT}:root`, Operations: ['Decrypt', 'Encrypt'],
        Constraints: { EncryptionContextEquals: { Dept: 'IT' } },
      }],
      Truncated: false,
    });
    expect(engine.inspectKey(keys[0], ACCOUNT, 'us-east-1')!.Grants[0]).toMatchObject({ token: g.GrantToken, effectiveAt: T0 + 5 + 60_000 });
    engine.settings.grantPropagationMs = 0;
    const g2 = exec('CreateGrant', { KeyId: keys[0], GranteePrincipal: app.principal.roleArn, Operations: ['Decrypt'] });
    expect(engine.inspectKey(keys[0], ACCOUNT, 'us-east-1')!.Grants.find((x) => x.GrantId === g2.GrantId)!.effectiveAt).toBe(T0 + 5);
    expect(exec('CreateGrant', {
      KeyId: keys[0], GranteePrincipal: app.principal.roleArn, RetiringPrincipal: ops.principal.roleArn, Operations: ['Decrypt', 'Encrypt'],
      Constraints: { EncryptionContextEquals: { Dept: 'IT' } }, Name: 'batch',
    }).GrantId).toBe(g.GrantId);
  });

  it('validates CreateGrant and filters ListGrants', () => {
    const { exec, keys } = anEngine().withKey().build();
    expectKmsError(() => exec('CreateGrant', { KeyId: keys[0], GranteePrincipal: 'x', Operations: ['Fly'] }), 'ValidationException');
    expectKmsError(() => exec('CreateGrant', { KeyId: keys[0], GranteePrincipal: 'x', Operations: [] }), 'ValidationException');
    expectKmsError(() => exec('CreateGrant', { KeyId: keys[0], Operations: ['Decrypt'] }), 'ValidationException');
    expectKmsError(() => exec('CreateGrant', { KeyId: keys[0], GranteePrincipal: 'x', Operations: ['Decrypt'], Constraints: { Other: {} } }), 'ValidationException');
    expectKmsError(() => exec('CreateGrant', { KeyId: keys[0], GranteePrincipal: 'x', Operations: ['Decrypt'], DryRun: true }), 'DryRunOperationException');
    const a = exec('CreateGrant', { KeyId: keys[0], GranteePrincipal: 'arn:aws:iam::111122223333:role/a', Operations: ['Decrypt'] });
    exec('CreateGrant', { KeyId: keys[0], GranteePrincipal: 'arn:aws:iam::111122223333:role/b', Operations: ['Decrypt'] });
    expect((exec('ListGrants', { KeyId: keys[0], GrantId: a.GrantId }).Grants as unknown[]).length).toBe(1);
    expect((exec('ListGrants', { KeyId: keys[0], GranteePrincipal: 'arn:aws:iam::111122223333:role/b' }).Grants as unknown[]).length).toBe(1);
    const p = exec('ListGrants', { KeyId: keys[0], Limit: 1 });
    expect(p.Truncated).toBe(true);
    expect((exec('ListGrants', { KeyId: keys[0], Limit: 1, Marker: p.NextMarker }).Grants as unknown[]).length).toBe(1);
    expectKmsError(() => exec('ListGrants', { KeyId: keys[0], Limit: 101 }), 'ValidationException');
  });

  it('retires by token, by the retiring principal, by a grantee allowed to retire, by the issuing account, and refuses others', () => {
    const { exec, keys } = anEngine().withAccess(recording((r) => r.action === 'kms:RetireGrant')).withKey().build();
    const root = { principal: { type: 'Root' as const, arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT }, accountId: ACCOUNT, region: 'us-east-1' };
    const mk = (extra: Record<string, unknown> = {}) =>
      exec('CreateGrant', { KeyId: keys[0], GranteePrincipal: app.principal.roleArn, RetiringPrincipal: ops.principal.roleArn, Operations: ['Decrypt'], ...extra });
    const g1 = mk();
    exec('RetireGrant', { GrantToken: g1.GrantToken }, ops);
    expectKmsError(() => exec('RetireGrant', { GrantToken: g1.GrantToken }, ops), 'InvalidGrantTokenException');
    const g2 = mk();
    expect((exec('ListRetirableGrants', { RetiringPrincipal: ops.principal.roleArn }).Grants as { GrantId: string }[]).map((g) => g.GrantId)).toEqual([g2.GrantId]);
    expectKmsError(() => exec('RetireGrant', { KeyId: keys[0], GrantId: g2.GrantId }, app), 'AccessDeniedException');
    expectKmsError(() => exec('RetireGrant', { KeyId: keys[0], GrantId: g2.GrantId }, userCaller('x', '444455556666')), 'AccessDeniedException');
    exec('RetireGrant', { KeyId: keys[0], GrantId: g2.GrantId }, ops);
    const g3 = mk({ Operations: ['Decrypt', 'RetireGrant'] });
    exec('RetireGrant', { KeyId: keys[0], GrantId: g3.GrantId }, app);
    const g4 = mk();
    expectKmsError(() => exec('RetireGrant', { KeyId: keys[0], GrantId: g4.GrantId }, ADMIN), 'AccessDeniedException');
    expectKmsError(() => exec('RetireGrant', { KeyId: keys[0], GrantId: g4.GrantId, DryRun: true }, root), 'DryRunOperationException');
    exec('RetireGrant', { KeyId: keys[0], GrantId: g4.GrantId }, root);
    expect(exec('ListGrants', { KeyId: keys[0] }).Grants).toEqual([]);
    expectKmsError(() => exec('RetireGrant', { KeyId: keys[0], GrantId: 'f'.repeat(64) }), 'NotFoundException');
    expectKmsError(() => exec('RetireGrant', { KeyId: keys[0], GrantId: 'nope' }), 'InvalidGrantIdException');
    expectKmsError(() => exec('RetireGrant', { KeyId: keys[0] }), 'ValidationException');
    expectKmsError(() => exec('ListRetirableGrants', {}), 'ValidationException');
    expectKmsError(() => exec('ListRetirableGrants', { RetiringPrincipal: ops.principal.roleArn, Limit: 101 }), 'ValidationException');
  });

  it('revokes a grant', () => {
    const { exec, keys } = anEngine().withKey().build();
    const g = exec('CreateGrant', { KeyId: keys[0], GranteePrincipal: app.principal.roleArn, Operations: ['Decrypt'] });
    expectKmsError(() => exec('RevokeGrant', { KeyId: keys[0], GrantId: g.GrantId, DryRun: true }), 'DryRunOperationException');
    exec('RevokeGrant', { KeyId: keys[0], GrantId: g.GrantId });
    expect(exec('ListGrants', { KeyId: keys[0] }).Grants).toEqual([]);
    expectKmsError(() => exec('RevokeGrant', { KeyId: keys[0], GrantId: g.GrantId }), 'NotFoundException');
  });
});

describe('AWS managed keys', () => {
  it('creates the key behind alias/aws/<service> on first use, rotating yearly, with the managed policy', () => {
    const { engine, exec } = anEngine().build();
    expect((exec('ListAliases', {}).Aliases as { TargetKeyId?: string }[]).filter((a) => a.TargetKeyId !== undefined)).toEqual([]);
    const md = exec('DescribeKey', { KeyId: 'alias/aws/s3' }).KeyMetadata as Record<string, unknown>;
    expect(md).toMatchObject({ KeyManager: 'AWS', KeyState: 'Enabled' });
    expect(exec('GetKeyRotationStatus', { KeyId: md.Arn })).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 365 });
    expect(exec('GetKeyPolicy', { KeyId: md.Arn }).Policy).toContain('s3.us-east-1.amazonaws.com');
    expect((exec('ListAliases', {}).Aliases as { AliasName: string; TargetKeyId?: string }[]).filter((a) => a.TargetKeyId).map((a) => a.AliasName)).toEqual(['alias/aws/s3']);
    const blob = exec('Encrypt', { KeyId: 'alias/aws/s3', Plaintext: bytes('x') }).CiphertextBlob;
    expect(text(exec('Decrypt', { CiphertextBlob: blob }).Plaintext)).toBe('x');
    expect((exec('DescribeKey', { KeyId: 'alias/aws/s3' }).KeyMetadata as { Arn: string }).Arn).toBe(md.Arn);
    engine.advance(366 * DAY);
    expect(engine.audit.some((e) => e.eventName === 'RotateKey')).toBe(true);
    expectKmsError(() => exec('DescribeKey', { KeyId: 'alias/aws/not-a-service' }), 'NotFoundException');
  });

  it('refuses changes to its policy, rotation, state, deletion and aliases', () => {
    const { exec } = anEngine().build();
    const arn = (exec('DescribeKey', { KeyId: 'alias/aws/ebs' }).KeyMetadata as { Arn: string }).Arn;
    for (const [op, req] of [
      ['DisableKey', {}], ['EnableKey', {}], ['ScheduleKeyDeletion', {}], ['PutKeyPolicy', { Policy: '{}' }], ['EnableKeyRotation', {}],
      ['DisableKeyRotation', {}], ['RotateKeyOnDemand', {}], ['UpdateKeyDescription', { Description: 'x' }], ['TagResource', { Tags: [] }],
    ] as const) {
      expectKmsError(() => exec(op, { KeyId: arn, ...req }), 'AccessDeniedException');
    }
    expectKmsError(() => exec('CreateAlias', { AliasName: 'alias/mine', TargetKeyId: arn }), 'AccessDeniedException');
    expectKmsError(() => exec('DeleteAlias', { AliasName: 'alias/aws/ebs' }), 'NotAuthorizedException');
  });
});
