import { describe, expect, it } from '@jest/globals';
import { KmsException } from '../../src/kms/errors.js';
import { KEY_STATES, ruleFor } from '../../src/kms/model/key-states.js';
import { anEngine, bytes, DAY, expectKmsError, text, userCaller, type Built } from './builder.js';

const WEST = userCaller('admin', undefined, 'us-west-2');
const EU = userCaller('admin', undefined, 'eu-west-1');

function mrk(): { b: Built; arn: string; id: string } {
  const b = anEngine().build();
  const md = b.exec('CreateKey', { MultiRegion: true, Description: 'primary' }).KeyMetadata as Record<string, unknown>;
  return { b, arn: md.Arn as string, id: md.KeyId as string };
}
const md = (b: Built, arn: string, caller = userCaller()) => b.exec('DescribeKey', { KeyId: arn }, caller).KeyMetadata as Record<string, unknown>;

describe('multi-Region keys', () => {
  it('CreateKey MultiRegion gives an mrk- id and a PRIMARY configuration', () => {
    const { b, arn, id } = mrk();
    expect(id).toMatch(/^mrk-[0-9a-f]{32}$/);
    expect(md(b, arn)).toMatchObject({ MultiRegion: true, MultiRegionConfiguration: { MultiRegionKeyType: 'PRIMARY', PrimaryKey: { Arn: arn, Region: 'us-east-1' }, ReplicaKeys: [] } });
  });

  it('ReplicateKey: same id and material, own policy/tags/description/state; ciphertext decrypts in the other Region', () => {
    const { b, arn, id } = mrk();
    const out = b.exec('ReplicateKey', { KeyId: arn, ReplicaRegion: 'us-west-2', Description: 'replica', Tags: [{ TagKey: 'env', TagValue: 'dr' }] });
    const rep = out.ReplicaKeyMetadata as Record<string, unknown>;
    const repArn = `arn:aws:kms:us-west-2:111122223333:key/${id}`;
    // ReplicateKey returns the replica in the Creating state; by the next request it is Enabled.
    expect(rep).toMatchObject({ KeyId: id, Arn: repArn, KeyState: 'Creating', Enabled: false, Description: 'replica', MultiRegionConfiguration: { MultiRegionKeyType: 'REPLICA', PrimaryKey: { Arn: arn, Region: 'us-east-1' } } });
    expect(md(b, repArn, WEST).KeyState).toBe('Enabled');
    expect(out.ReplicaTags).toEqual([{ TagKey: 'env', TagValue: 'dr' }]);
    expect(typeof out.ReplicaPolicy).toBe('string');
    expect(md(b, arn).MultiRegionConfiguration).toMatchObject({ ReplicaKeys: [{ Arn: repArn, Region: 'us-west-2' }] });
    expect(md(b, arn).Description).toBe('primary');
    const ct = b.exec('Encrypt', { KeyId: arn, Plaintext: bytes('from east') }).CiphertextBlob;
    const dec = b.exec('Decrypt', { CiphertextBlob: ct }, WEST);
    expect(text(dec.Plaintext)).toBe('from east');
    expect(dec.KeyId).toBe(repArn);
    const back = b.exec('Encrypt', { KeyId: repArn, Plaintext: bytes('from west') }, WEST).CiphertextBlob;
    expect(text(b.exec('Decrypt', { CiphertextBlob: back }).Plaintext)).toBe('from west');
    // Not replicated to eu-west-1: the ciphertext is unknown there.
    expectKmsError(() => b.exec('Decrypt', { CiphertextBlob: ct }, EU), 'AccessDeniedException');
    // State is per Region.
    b.exec('DisableKey', { KeyId: repArn }, WEST);
    expectKmsError(() => b.exec('Decrypt', { CiphertextBlob: ct }, WEST), 'DisabledException');
    expect(text(b.exec('Decrypt', { CiphertextBlob: ct }).Plaintext)).toBe('from east');
  });

  it('refusals: a second replica in a Region, replicating a replica, a single-Region key', () => {
    const { b, arn, id } = mrk();
    b.exec('ReplicateKey', { KeyId: arn, ReplicaRegion: 'us-west-2' });
    expectKmsError(() => b.exec('ReplicateKey', { KeyId: arn, ReplicaRegion: 'us-west-2' }), 'AlreadyExistsException');
    const repArn = `arn:aws:kms:us-west-2:111122223333:key/${id}`;
    const e = expectKmsError(() => b.exec('ReplicateKey', { KeyId: repArn, ReplicaRegion: 'eu-west-1' }, WEST), 'UnsupportedOperationException');
    expect(e.message).toBe(`${repArn} is not a multi-region primary key.`);
    const single = b.exec('CreateKey', {}).KeyMetadata as Record<string, unknown>;
    expectKmsError(() => b.exec('ReplicateKey', { KeyId: single.Arn, ReplicaRegion: 'us-west-2' }), 'UnsupportedOperationException');
    expectKmsError(() => b.exec('ReplicateKey', { KeyId: arn, ReplicaRegion: 'not a region' }), 'ValidationException');
  });

  it('rotation is set on the primary and carried to replicas; EnableKeyRotation on a replica is refused', () => {
    const { b, arn, id } = mrk();
    b.exec('ReplicateKey', { KeyId: arn, ReplicaRegion: 'us-west-2' });
    const repArn = `arn:aws:kms:us-west-2:111122223333:key/${id}`;
    expectKmsError(() => b.exec('EnableKeyRotation', { KeyId: repArn }, WEST), 'UnsupportedOperationException');
    b.exec('EnableKeyRotation', { KeyId: arn, RotationPeriodInDays: 90 });
    b.engine.advance(91 * DAY);
    const ct = b.exec('Encrypt', { KeyId: arn, Plaintext: bytes('rotated') }).CiphertextBlob;
    const dec = b.exec('Decrypt', { CiphertextBlob: ct }, WEST);
    expect(text(dec.Plaintext)).toBe('rotated');
    expect(b.engine.inspectKey(repArn, '111122223333', 'us-west-2')?.KeyMaterialIds).toEqual(b.engine.inspectKey(arn, '111122223333', 'us-east-1')?.KeyMaterialIds);
    b.exec('RotateKeyOnDemand', { KeyId: arn });
    expect(b.engine.inspectKey(repArn, '111122223333', 'us-west-2')?.KeyMaterialIds).toHaveLength(3);
  });

  it('UpdatePrimaryRegion swaps the roles', () => {
    const { b, arn, id } = mrk();
    b.exec('ReplicateKey', { KeyId: arn, ReplicaRegion: 'us-west-2' });
    const repArn = `arn:aws:kms:us-west-2:111122223333:key/${id}`;
    expectKmsError(() => b.exec('UpdatePrimaryRegion', { KeyId: arn, PrimaryRegion: 'eu-west-1' }), 'NotFoundException');
    b.exec('UpdatePrimaryRegion', { KeyId: arn, PrimaryRegion: 'us-west-2' });
    expect(md(b, arn).MultiRegionConfiguration).toMatchObject({ MultiRegionKeyType: 'REPLICA', PrimaryKey: { Region: 'us-west-2' }, ReplicaKeys: [{ Region: 'us-east-1' }] });
    expect(md(b, repArn, WEST).MultiRegionConfiguration).toMatchObject({ MultiRegionKeyType: 'PRIMARY' });
    expectKmsError(() => b.exec('ReplicateKey', { KeyId: arn, ReplicaRegion: 'eu-west-1' }), 'UnsupportedOperationException');
  });

  it('a primary with replicas waits in PendingReplicaDeletion; its window starts when the last replica is deleted', () => {
    const { b, arn, id } = mrk();
    b.exec('ReplicateKey', { KeyId: arn, ReplicaRegion: 'us-west-2' });
    const repArn = `arn:aws:kms:us-west-2:111122223333:key/${id}`;
    const out = b.exec('ScheduleKeyDeletion', { KeyId: arn, PendingWindowInDays: 7 });
    expect(out).toMatchObject({ KeyState: 'PendingReplicaDeletion' });
    expect(out.DeletionDate).toBeUndefined();
    expectKmsError(() => b.exec('Encrypt', { KeyId: arn, Plaintext: bytes('x') }), 'KMSInvalidStateException');
    b.engine.advance(40 * DAY);
    expect(md(b, arn).KeyState).toBe('PendingReplicaDeletion');
    b.exec('ScheduleKeyDeletion', { KeyId: repArn, PendingWindowInDays: 7 }, WEST);
    b.engine.advance(7 * DAY + 1);
    expect(b.engine.inspectKey(repArn, '111122223333', 'us-west-2')).toBeUndefined();
    expect(md(b, arn)).toMatchObject({ KeyState: 'PendingDeletion', MultiRegionConfiguration: { ReplicaKeys: [] } });
    b.engine.advance(7 * DAY + 1);
    expect(b.engine.inspectKey(arn, '111122223333', 'us-east-1')).toBeUndefined();
  });

  it('the configuration and shared material survive the state document', () => {
    const { b, arn, id } = mrk();
    b.exec('ReplicateKey', { KeyId: arn, ReplicaRegion: 'us-west-2' });
    const ct = b.exec('Encrypt', { KeyId: arn, Plaintext: bytes('saved') }).CiphertextBlob;
    const copy = b.force(arn, 'Enabled');
    expect(text(copy.exec('Decrypt', { CiphertextBlob: ct }, WEST).Plaintext)).toBe('saved');
    expect(md(copy, `arn:aws:kms:us-west-2:111122223333:key/${id}`, WEST).MultiRegionConfiguration).toMatchObject({ MultiRegionKeyType: 'REPLICA' });
  });

  it('state rows: ReplicateKey and UpdatePrimaryRegion follow the one table', () => {
    for (const op of ['ReplicateKey', 'UpdatePrimaryRegion']) {
      for (const state of KEY_STATES) {
        const { b, arn } = mrk();
        b.exec('ReplicateKey', { KeyId: arn, ReplicaRegion: 'eu-west-1' });
        const f = state === 'Enabled' ? b : b.force(arn, state);
        let code: string | undefined;
        try {
          f.exec(op, op === 'ReplicateKey' ? { KeyId: arn, ReplicaRegion: 'us-west-2' } : { KeyId: arn, PrimaryRegion: 'eu-west-1' });
        } catch (e) {
          if (!(e instanceof KmsException)) throw e;
          code = e.code;
        }
        const rule = ruleFor(op, state);
        const expected = rule === 'ok' ? undefined : rule === 'disabled' ? 'DisabledException' : 'KMSInvalidStateException';
        expect({ op, state, code }).toEqual({ op, state, code: expected });
      }
    }
  });
});
