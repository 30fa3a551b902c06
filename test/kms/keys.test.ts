import { describe, expect, it } from '@jest/globals';
import { ManualClock } from '../../src/aws/ports.js';
import type { AccessControl } from '../../src/aws/access.js';
import { aWorld, allowAllAccess } from '../helpers/world.js';
import { ACCOUNT, ADMIN, anEngine, expectKmsError, OTHER_ACCOUNT, T0, userCaller } from './builder.js';

describe('CreateKey', () => {
  it('returns full KeyMetadata for a default symmetric key', () => {
    const { exec } = anEngine().build();
    const md = exec('CreateKey', { Description: 'app data', Tags: [{ TagKey: 'team', TagValue: 'ops' }] }).KeyMetadata as Record<string, unknown>;
    expect(md).toMatchObject({
      AWSAccountId: ACCOUNT, Enabled: true, Description: 'app data', KeyUsage: 'ENCRYPT_DECRYPT', KeyState: 'Enabled', Origin: 'AWS_KMS',
      KeyManager: 'CUSTOMER', CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT', KeySpec: 'SYMMETRIC_DEFAULT', EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'], MultiRegion: false,
    });
    expect(md.KeyId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(md.Arn).toBe(`arn:aws:kms:us-east-1:${ACCOUNT}:key/${md.KeyId}`);
    expect(md.CreationDate).toEqual(new Date(T0));
    expect(md.CurrentKeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    expect(md).not.toHaveProperty('DeletionDate');
  });

  it('gives the same key ids for the same seed and different ones for another seed', () => {
    const ids = (seed: string) => {
      const e = aWorld({ clock: new ManualClock(T0), seed, access: allowAllAccess, bare: true }).world.kms;
      return [1, 2, 3].map(() => (e.execute('CreateKey', {}, ADMIN).KeyMetadata as { KeyId: string }).KeyId);
    };
    expect(ids('s1')).toEqual(ids('s1'));
    expect(ids('s1')).not.toEqual(ids('s2'));
  });

  it('records MultiRegion keys with an mrk- id, EXTERNAL keys as PendingImport without material', () => {
    const { exec } = anEngine().build();
    const mrk = exec('CreateKey', { MultiRegion: true }).KeyMetadata as Record<string, unknown>;
    expect(mrk.KeyId).toMatch(/^mrk-[0-9a-f]{32}$/);
    expect(mrk.MultiRegion).toBe(true);
    const ext = exec('CreateKey', { Origin: 'EXTERNAL' }).KeyMetadata as Record<string, unknown>;
    expect(ext).toMatchObject({ KeyState: 'PendingImport', Enabled: false, Origin: 'EXTERNAL' });
    expect(ext).not.toHaveProperty('CurrentKeyMaterialId');
  });

  it('validates KeyUsage/KeySpec/Origin/Description', () => {
    const { exec } = anEngine().build();
    expectKmsError(() => exec('CreateKey', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'ENCRYPT_DECRYPT' }), 'ValidationException');
    expectKmsError(() => exec('CreateKey', { KeySpec: 'AES_256' }), 'ValidationException');
    expectKmsError(() => exec('CreateKey', { KeyUsage: 'WRAP' }), 'ValidationException');
    expectKmsError(() => exec('CreateKey', { Origin: 'SOMEWHERE' }), 'ValidationException');
    expectKmsError(() => exec('CreateKey', { Origin: 'AWS_CLOUDHSM' }), 'CustomKeyStoreNotFoundException');
    expectKmsError(() => exec('CreateKey', { Description: 'x'.repeat(8193) }), 'ValidationException');
    expectKmsError(() => exec('CreateKey', { Tags: [{ TagKey: 'aws:x', TagValue: '1' }] }), 'TagException');
    const md = exec('CreateKey', { KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }).KeyMetadata as Record<string, unknown>;
    expect(md.SigningAlgorithms).toContain('RSASSA_PSS_SHA_256');
  });

  it('uses the access control default policy, validates a given policy and applies the lockout safety check', () => {
    const { exec } = anEngine().build();
    const md = exec('CreateKey', {}).KeyMetadata as { Arn: string };
    expect(JSON.parse(exec('GetKeyPolicy', { KeyId: md.Arn }).Policy as string).Statement[0].Principal.AWS).toBe(`arn:aws:iam::${ACCOUNT}:root`);
    expectKmsError(() => exec('CreateKey', { Policy: 'not json' }), 'MalformedPolicyDocumentException');
    const denyPut: AccessControl = {
      ...allowAllAccess,
      authorize: (req) => ({ allowed: !(req.action === 'kms:PutKeyPolicy' && req.keyPolicy === '{"locked":true}'), reason: 'Allowed', trace: [] }),
    };
    const locked = anEngine().withAccess(denyPut).build();
    const err = expectKmsError(() => locked.exec('CreateKey', { Policy: '{"locked":true}' }), 'MalformedPolicyDocumentException');
    expect(err.message).toBe('The new key policy will not allow you to update the key policy in the future.');
    locked.exec('CreateKey', { Policy: '{"locked":true}', BypassPolicyLockoutSafetyCheck: true });
  });
});

describe('DescribeKey, ListKeys, UpdateKeyDescription, EnableKey, DisableKey', () => {
  it('describes by id, ARN, alias name and alias ARN', () => {
    const { exec, keys } = anEngine().withKey({ alias: 'alias/a' }).build();
    for (const ref of [keys[0].split('/')[1], keys[0], 'alias/a', `arn:aws:kms:us-east-1:${ACCOUNT}:alias/a`]) {
      expect((exec('DescribeKey', { KeyId: ref }).KeyMetadata as { Arn: string }).Arn).toBe(keys[0]);
    }
    expectKmsError(() => exec('DescribeKey', {}), 'ValidationException');
  });

  it('pages ListKeys with Limit/Marker and rejects a bad marker', () => {
    const b = anEngine();
    for (let i = 0; i < 5; i++) b.withKey();
    const { exec, keys } = b.build();
    exec('CreateKey', {}, userCaller('admin', OTHER_ACCOUNT));
    const p1 = exec('ListKeys', { Limit: 2 });
    expect(p1).toMatchObject({ Truncated: true });
    const p2 = exec('ListKeys', { Limit: 2, Marker: p1.NextMarker });
    const p3 = exec('ListKeys', { Limit: 2, Marker: p2.NextMarker });
    expect(p3).toMatchObject({ Truncated: false });
    expect(p3).not.toHaveProperty('NextMarker');
    const all = [p1, p2, p3].flatMap((p) => (p.Keys as { KeyArn: string }[]).map((k) => k.KeyArn));
    expect(all).toEqual(keys);
    expect((exec('ListKeys', {}).Keys as unknown[]).length).toBe(5);
    expectKmsError(() => exec('ListKeys', { Marker: 'bogus' }), 'InvalidMarkerException');
    expectKmsError(() => exec('ListKeys', { Limit: 0 }), 'ValidationException');
    expectKmsError(() => exec('ListKeys', { Limit: 1001 }), 'ValidationException');
  });

  it('updates the description and toggles Enabled/Disabled', () => {
    const { exec, keys } = anEngine().withKey().build();
    exec('UpdateKeyDescription', { KeyId: keys[0], Description: 'new' });
    expect(exec('DescribeKey', { KeyId: keys[0] }).KeyMetadata).toMatchObject({ Description: 'new' });
    exec('DisableKey', { KeyId: keys[0] });
    expect(exec('DescribeKey', { KeyId: keys[0] }).KeyMetadata).toMatchObject({ KeyState: 'Disabled', Enabled: false });
    const e = expectKmsError(() => exec('Encrypt', { KeyId: keys[0], Plaintext: new Uint8Array(1) }), 'DisabledException');
    expect(e.message).toBe(`${keys[0]} is disabled.`);
    exec('EnableKey', { KeyId: keys[0] });
    expect(exec('DescribeKey', { KeyId: keys[0] }).KeyMetadata).toMatchObject({ KeyState: 'Enabled', Enabled: true });
    expectKmsError(() => exec('UpdateKeyDescription', { KeyId: keys[0] }), 'ValidationException');
  });

  it('accepts only key id or ARN for management operations', () => {
    const { exec } = anEngine().withKey({ alias: 'alias/a' }).build();
    expectKmsError(() => exec('DisableKey', { KeyId: 'alias/a' }), 'NotFoundException');
  });

  it('lets a key ARN name another account key for DescribeKey but not for management operations', () => {
    const { exec, keys } = anEngine().withKey().build();
    const other = userCaller('etl', OTHER_ACCOUNT);
    expect((exec('DescribeKey', { KeyId: keys[0] }, other).KeyMetadata as { Arn: string }).Arn).toBe(keys[0]);
    expectKmsError(() => exec('DescribeKey', { KeyId: keys[0].split('/')[1] }, other), 'NotFoundException');
    expectKmsError(() => exec('ScheduleKeyDeletion', { KeyId: keys[0] }, other), 'AccessDeniedException');
  });

  it('hands out copies: mutating a response or a key view does not change the engine', () => {
    const { engine, exec, keys } = anEngine().withKey().build();
    exec('CreateGrant', { KeyId: keys[0], GranteePrincipal: 'arn:aws:iam::111122223333:role/app', Operations: ['Decrypt'] });
    (exec('DescribeKey', { KeyId: keys[0] }).KeyMetadata as { EncryptionAlgorithms: string[] }).EncryptionAlgorithms.push('X');
    const view = engine.inspectKey(keys[0], ACCOUNT, 'us-east-1')!;
    view.Grants[0].Operations.push('Encrypt');
    view.Tags.push({ TagKey: 'x', TagValue: 'y' });
    expect(exec('DescribeKey', { KeyId: keys[0] }).KeyMetadata).toMatchObject({ EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'] });
    expect(engine.inspectKey(keys[0], ACCOUNT, 'us-east-1')).toMatchObject({ Tags: [], Grants: [{ Operations: ['Decrypt'] }] });
  });

  it('lists its operations and answers UnknownOperationException for others', () => {
    const { engine, exec } = anEngine().build();
    expect(engine.operations()).toEqual(expect.arrayContaining(['CreateKey', 'Encrypt', 'ListKeyRotations', 'RetireGrant']));
    expectKmsError(() => exec('NoSuchOperation', {}), 'UnknownOperationException');
  });
});
