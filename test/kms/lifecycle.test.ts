import { describe, expect, it } from '@jest/globals';
import { ACCOUNT, anEngine, bytes, DAY, expectKmsError, T0, text } from './builder.js';

describe('ScheduleKeyDeletion / CancelKeyDeletion and the simulated clock', () => {
  it('schedules with the default 30 days and rejects windows outside 7–30', () => {
    const { exec, keys } = anEngine().withKey().withKey().build();
    const r = exec('ScheduleKeyDeletion', { KeyId: keys[0] });
    expect(r).toEqual({ KeyId: keys[0], DeletionDate: new Date(T0 + 30 * DAY), KeyState: 'PendingDeletion', PendingWindowInDays: 30 });
    expect(exec('DescribeKey', { KeyId: keys[0] }).KeyMetadata).toMatchObject({ KeyState: 'PendingDeletion', Enabled: false, DeletionDate: new Date(T0 + 30 * DAY) });
    for (const days of [6, 31, 0]) {
      const e = expectKmsError(() => exec('ScheduleKeyDeletion', { KeyId: keys[1], PendingWindowInDays: days }), 'ValidationException');
      expect(e.message).toBe('PendingWindowInDays must be between 7 and 30');
    }
    expect(exec('ScheduleKeyDeletion', { KeyId: keys[1], PendingWindowInDays: 7 }).PendingWindowInDays).toBe(7);
  });

  it('blocks crypto while pending and rejects a second schedule', () => {
    const { exec, keys } = anEngine().withKey().build();
    exec('ScheduleKeyDeletion', { KeyId: keys[0], PendingWindowInDays: 7 });
    expect(expectKmsError(() => exec('Encrypt', { KeyId: keys[0], Plaintext: bytes('x') }), 'KMSInvalidStateException').message).toBe(`${keys[0]} is pending deletion.`);
    expectKmsError(() => exec('ScheduleKeyDeletion', { KeyId: keys[0] }), 'KMSInvalidStateException');
  });

  it('cancels into Disabled (not Enabled), and cancelling a key not pending deletion fails', () => {
    const { exec, keys } = anEngine().withKey().build();
    expect(expectKmsError(() => exec('CancelKeyDeletion', { KeyId: keys[0] }), 'KMSInvalidStateException').message).toBe(`${keys[0]} is not pending deletion.`);
    exec('ScheduleKeyDeletion', { KeyId: keys[0], PendingWindowInDays: 7 });
    expect(exec('CancelKeyDeletion', { KeyId: keys[0] })).toEqual({ KeyId: keys[0] });
    const md = exec('DescribeKey', { KeyId: keys[0] }).KeyMetadata;
    expect(md).toMatchObject({ KeyState: 'Disabled', Enabled: false });
    expect(md).not.toHaveProperty('DeletionDate');
  });

  it('deletes the key, its aliases and material when simulated time passes DeletionDate, and not before', () => {
    const { engine, exec, keys } = anEngine().withKey({ alias: 'alias/doomed' }).build();
    const blob = exec('Encrypt', { KeyId: keys[0], Plaintext: bytes('gone') }).CiphertextBlob;
    exec('ScheduleKeyDeletion', { KeyId: keys[0], PendingWindowInDays: 7 });
    engine.advance(7 * DAY - 1);
    expect(exec('DescribeKey', { KeyId: keys[0] }).KeyMetadata).toMatchObject({ KeyState: 'PendingDeletion' });
    engine.advance(1);
    expect(expectKmsError(() => exec('DescribeKey', { KeyId: keys[0] }), 'NotFoundException').message).toBe(`Key '${keys[0]}' does not exist`);
    expectKmsError(() => exec('DescribeKey', { KeyId: 'alias/doomed' }), 'NotFoundException');
    expect((exec('ListAliases', {}).Aliases as { TargetKeyId?: string }[]).filter((a) => a.TargetKeyId !== undefined)).toEqual([]);
    expect(exec('ListKeys', {}).Keys).toEqual([]);
    expectKmsError(() => exec('Decrypt', { CiphertextBlob: blob }), 'AccessDeniedException');
    const del = engine.audit.filter((e) => e.eventName === 'DeleteKey');
    expect(del).toHaveLength(1);
    expect(del[0]).toMatchObject({ eventType: 'AwsServiceEvent', eventTime: new Date(T0 + 7 * DAY).toISOString().replace('.000', ''), resources: [{ ARN: keys[0], type: 'AWS::KMS::Key', accountId: ACCOUNT }] });
    expect(engine.inspectKey(keys[0], ACCOUNT, 'us-east-1')).toBeUndefined();
  });

  it('also deletes lazily when the wall clock passes DeletionDate before the next call', () => {
    const { engine, clock, exec, keys } = anEngine().withKey().build();
    exec('ScheduleKeyDeletion', { KeyId: keys[0], PendingWindowInDays: 7 });
    clock.advance(8 * DAY);
    expectKmsError(() => exec('DescribeKey', { KeyId: keys[0] }), 'NotFoundException');
    expect(engine.audit.map((e) => e.eventName)).toEqual(['CreateKey', 'ScheduleKeyDeletion', 'DeleteKey', 'DescribeKey']);
  });

  it('keeps simulated time monotonic and rejects negative advances', () => {
    const { engine, clock } = anEngine().build();
    engine.advance(DAY);
    expect(engine.now()).toBe(T0 + DAY);
    clock.set(T0 - 5 * DAY);
    expect(engine.now()).toBe(T0 + DAY);
    expect(() => engine.advance(-1)).toThrow(RangeError);
    engine.advance(DAY);
    expect(engine.now()).toBe(T0 + 2 * DAY);
  });
});

describe('rotation', () => {
  it('enables with the default 365 days, validates 90–2560, reports status and disables', () => {
    const { exec, keys } = anEngine().withKey().build();
    expect(exec('GetKeyRotationStatus', { KeyId: keys[0] })).toEqual({ KeyId: keys[0], KeyRotationEnabled: false });
    exec('EnableKeyRotation', { KeyId: keys[0] });
    expect(exec('GetKeyRotationStatus', { KeyId: keys[0] })).toEqual({ KeyId: keys[0], KeyRotationEnabled: true, RotationPeriodInDays: 365, NextRotationDate: new Date(T0 + 365 * DAY) });
    for (const p of [89, 2561]) expectKmsError(() => exec('EnableKeyRotation', { KeyId: keys[0], RotationPeriodInDays: p }), 'ValidationException');
    exec('EnableKeyRotation', { KeyId: keys[0], RotationPeriodInDays: 180 });
    expect(exec('GetKeyRotationStatus', { KeyId: keys[0] })).toMatchObject({ RotationPeriodInDays: 180, NextRotationDate: new Date(T0 + 180 * DAY) });
    exec('DisableKeyRotation', { KeyId: keys[0] });
    expect(exec('GetKeyRotationStatus', { KeyId: keys[0] })).toEqual({ KeyId: keys[0], KeyRotationEnabled: false });
  });

  it('keeps the schedule anchor when only the period changes', () => {
    const { engine, exec, keys } = anEngine().withKey({ rotation: 365 }).build();
    engine.advance(100 * DAY);
    exec('EnableKeyRotation', { KeyId: keys[0], RotationPeriodInDays: 200 });
    expect(exec('GetKeyRotationStatus', { KeyId: keys[0] }).NextRotationDate).toEqual(new Date(T0 + 200 * DAY));
  });

  it('rotates automatically when time passes NextRotationDate, keeps the key id, and old ciphertext decrypts after three rotations', () => {
    const { engine, exec, keys } = anEngine().withKey({ rotation: 90 }).build();
    const blobs: unknown[] = [];
    const materials: string[] = [];
    for (let i = 0; i < 4; i++) {
      blobs.push(exec('Encrypt', { KeyId: keys[0], Plaintext: bytes(`gen ${i}`) }).CiphertextBlob);
      materials.push((exec('DescribeKey', { KeyId: keys[0] }).KeyMetadata as { CurrentKeyMaterialId: string }).CurrentKeyMaterialId);
      engine.advance(90 * DAY);
    }
    expect(new Set(materials).size).toBe(4);
    blobs.forEach((b, i) => {
      const d = exec('Decrypt', { CiphertextBlob: b });
      expect(text(d.Plaintext)).toBe(`gen ${i}`);
      expect(d.KeyMaterialId).toBe(materials[i]);
      expect(d.KeyId).toBe(keys[0]);
    });
    const rot = engine.audit.filter((e) => e.eventName === 'RotateKey');
    expect(rot.map((e) => e.eventTime)).toEqual([1, 2, 3, 4].map((n) => new Date(T0 + n * 90 * DAY).toISOString().replace('.000', '')));
    const list = exec('ListKeyRotations', { KeyId: keys[0] }).Rotations as { RotationType: string }[];
    expect(list).toHaveLength(4);
    expect(list.every((r) => r.RotationType === 'AUTOMATIC')).toBe(true);
  });

  it('does not rotate a disabled key, and runs events in time order across keys', () => {
    const { engine, exec, keys } = anEngine().withKey({ rotation: 90 }).withKey({ rotation: 100 }).build();
    exec('DisableKey', { KeyId: keys[0] });
    exec('ScheduleKeyDeletion', { KeyId: keys[1], PendingWindowInDays: 30 });
    engine.advance(200 * DAY);
    expect(engine.audit.filter((e) => e.eventType === 'AwsServiceEvent').map((e) => e.eventName)).toEqual(['DeleteKey']);
    const b = anEngine().withKey({ rotation: 100 }).withKey({ rotation: 90 }).build();
    b.engine.advance(200 * DAY);
    expect(b.engine.audit.filter((e) => e.eventName === 'RotateKey').map((e) => e.resources![0].ARN)).toEqual([b.keys[1], b.keys[0], b.keys[1], b.keys[0]]); // days 90, 100, 180, 200
  });

  it('rotates on demand up to 25 times, then LimitExceededException', () => {
    const { exec, keys } = anEngine().withKey().build();
    for (let i = 0; i < 25; i++) expect(exec('RotateKeyOnDemand', { KeyId: keys[0] })).toEqual({ KeyId: keys[0] });
    const e = expectKmsError(() => exec('RotateKeyOnDemand', { KeyId: keys[0] }), 'LimitExceededException');
    expect(e.message).toContain(keys[0]);
    const all = exec('ListKeyRotations', { KeyId: keys[0], IncludeKeyMaterial: 'ALL_KEY_MATERIAL', Limit: 1000 }).Rotations as { KeyMaterialState: string }[];
    expect(all).toHaveLength(26);
    expect(all.filter((r) => r.KeyMaterialState === 'CURRENT')).toHaveLength(1);
    const page = exec('ListKeyRotations', { KeyId: keys[0], Limit: 10 });
    expect(page).toMatchObject({ Truncated: true });
  });

  it('answers ConflictException for an on-demand rotation within 20 minutes of an automatic one', () => {
    const { engine, exec, keys } = anEngine().withKey({ rotation: 90 }).build();
    engine.advance(90 * DAY - 10 * 60_000);
    expectKmsError(() => exec('RotateKeyOnDemand', { KeyId: keys[0] }), 'ConflictException');
    engine.advance(10 * 60_000);
    exec('RotateKeyOnDemand', { KeyId: keys[0] });
  });

  it('refuses rotation for asymmetric, HMAC and EXTERNAL keys', () => {
    const { exec, keys } = anEngine().withKey({ keySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY' }).withKey({ keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' }).withKey({ origin: 'EXTERNAL', state: 'PendingImport' }).build();
    for (const k of keys.slice(0, 2)) {
      expectKmsError(() => exec('EnableKeyRotation', { KeyId: k }), 'UnsupportedOperationException');
      expectKmsError(() => exec('RotateKeyOnDemand', { KeyId: k }), 'UnsupportedOperationException');
      expectKmsError(() => exec('GetKeyRotationStatus', { KeyId: k }), 'UnsupportedOperationException');
    }
    expectKmsError(() => exec('EnableKeyRotation', { KeyId: keys[2] }), 'UnsupportedOperationException');
  });

  it('reports rotation off while pending deletion and restores it on cancel', () => {
    const { exec, keys } = anEngine().withKey({ rotation: 365 }).build();
    exec('ScheduleKeyDeletion', { KeyId: keys[0] });
    expect(exec('GetKeyRotationStatus', { KeyId: keys[0] }).KeyRotationEnabled).toBe(false);
    exec('CancelKeyDeletion', { KeyId: keys[0] });
    expect(exec('GetKeyRotationStatus', { KeyId: keys[0] }).KeyRotationEnabled).toBe(true);
  });
});
