// One test per row of the allowed-states table: the operation is really called on a key in each state and must
// succeed or fail exactly as the row says (DisabledException / KMSInvalidStateException / UnsupportedOperationException).
import { describe, expect, it } from '@jest/globals';
import { KmsException } from '../../src/kms/errors.js';
import { ALLOWED_STATES, KEY_STATES, ruleFor, type KeyState, type Rule } from '../../src/kms/model/key-states.js';
import { ADMIN, anEngine, bytes, roleCaller, type Built } from './builder.js';

/**
 * Transcribed independently from the AWS table (columns En, Dis, PendDel, PendImp, Unavail, Creating, Updating):
 * . = succeeds, D = DisabledException, I = KMSInvalidStateException, U = UnsupportedOperationException.
 */
const AWS_TABLE: Record<string, string> = {
  CancelKeyDeletion: 'I I . I I I I',
  CreateAlias: '. . I . . . .',
  CreateGrant: '. D I I . I .',
  Encrypt: '. D I I I I .',
  Decrypt: '. D I I I I .',
  ReEncrypt: '. D I I I I .',
  GenerateDataKey: '. D I I I I .',
  GenerateDataKeyWithoutPlaintext: '. D I I I I .',
  DeleteAlias: '. . . . . . .',
  DescribeKey: '. . . . . . .',
  GetKeyPolicy: '. . . . . . .',
  ListAliases: '. . . . . . .',
  ListGrants: '. . . . . . .',
  ListKeyPolicies: '. . . . . . .',
  ListResourceTags: '. . . . . . .',
  PutKeyPolicy: '. . . . . . .',
  RetireGrant: '. . . . . . .',
  RevokeGrant: '. . . . . . .',
  DisableKey: '. . I I . I I',
  EnableKey: '. . I I . I I',
  EnableKeyRotation: '. D I U U I .',
  DisableKeyRotation: '. D I U U I .',
  RotateKeyOnDemand: '. D I I U I .',
  GetKeyLastUsage: '. . . . . . .',
  GetKeyRotationStatus: '. . . U U . .',
  ListKeyRotations: '. . . U U . .',
  ScheduleKeyDeletion: '. . I . . . I',
  TagResource: '. . I . . . .',
  UntagResource: '. . I . . . .',
  UpdateKeyDescription: '. . I . . . .',
  UpdateAlias: '. . . . . . .',
  'UpdateAlias:target': '. . I . . . .',
};
const COLUMNS: KeyState[] = ['Enabled', 'Disabled', 'PendingDeletion', 'PendingImport', 'Unavailable', 'Creating', 'Updating'];
const CODE: Record<string, string | undefined> = { '.': undefined, D: 'DisabledException', I: 'KMSInvalidStateException', U: 'UnsupportedOperationException' };

function awsExpectation(row: string, state: KeyState): string | undefined {
  const col = COLUMNS.indexOf(state === 'PendingReplicaDeletion' ? 'PendingDeletion' : state);
  return CODE[AWS_TABLE[row].split(' ')[col]];
}

const EXPECTED: Record<Rule, string | undefined> = {
  ok: undefined,
  disabled: 'DisabledException',
  pendingDeletion: 'KMSInvalidStateException',
  notPendingDeletion: 'KMSInvalidStateException',
  pendingImport: 'KMSInvalidStateException',
  unavailable: 'KMSInvalidStateException',
  creating: 'KMSInvalidStateException',
  updating: 'KMSInvalidStateException',
  originExternal: 'UnsupportedOperationException',
  unsupported: 'UnsupportedOperationException',
};

interface Fixture {
  built: Built;
  key: string;
  other: string;
  ciphertext: Uint8Array;
  grantId: string;
}

function fixture(state: KeyState): Fixture {
  const base = anEngine().withKey({ alias: 'alias/subject' }).withKey({ alias: 'alias/other' }).build();
  const [key, other] = base.keys;
  const ciphertext = base.exec('Encrypt', { KeyId: key, Plaintext: bytes('state table') }).CiphertextBlob as Uint8Array;
  const grantId = base.exec('CreateGrant', { KeyId: key, GranteePrincipal: ADMIN.principal.arn, RetiringPrincipal: ADMIN.principal.arn, Operations: ['Decrypt'] }).GrantId as string;
  base.exec('TagResource', { KeyId: key, Tags: [{ TagKey: 'a', TagValue: '1' }] });
  return { built: state === 'Enabled' ? base : base.force(key, state), key, other, ciphertext, grantId };
}

/** How each operation is called against the key under test. */
const CALLS: Record<string, (f: Fixture) => [string, Record<string, unknown>]> = {
  CancelKeyDeletion: (f) => ['CancelKeyDeletion', { KeyId: f.key }],
  CreateAlias: (f) => ['CreateAlias', { AliasName: 'alias/new', TargetKeyId: f.key }],
  CreateGrant: (f) => ['CreateGrant', { KeyId: f.key, GranteePrincipal: roleCaller('app', 's').principal.roleArn, Operations: ['Encrypt'] }],
  Encrypt: (f) => ['Encrypt', { KeyId: f.key, Plaintext: bytes('x') }],
  Decrypt: (f) => ['Decrypt', { CiphertextBlob: f.ciphertext }],
  ReEncrypt: (f) => ['ReEncrypt', { CiphertextBlob: f.ciphertext, DestinationKeyId: f.key }],
  GenerateDataKey: (f) => ['GenerateDataKey', { KeyId: f.key, KeySpec: 'AES_256' }],
  GenerateDataKeyWithoutPlaintext: (f) => ['GenerateDataKeyWithoutPlaintext', { KeyId: f.key, NumberOfBytes: 16 }],
  DeleteAlias: () => ['DeleteAlias', { AliasName: 'alias/subject' }],
  GetKeyLastUsage: (f) => ['GetKeyLastUsage', { KeyId: f.key }],
  DescribeKey: (f) => ['DescribeKey', { KeyId: f.key }],
  GetKeyPolicy: (f) => ['GetKeyPolicy', { KeyId: f.key, PolicyName: 'default' }],
  ListAliases: (f) => ['ListAliases', { KeyId: f.key }],
  ListGrants: (f) => ['ListGrants', { KeyId: f.key }],
  ListKeyPolicies: (f) => ['ListKeyPolicies', { KeyId: f.key }],
  ListResourceTags: (f) => ['ListResourceTags', { KeyId: f.key }],
  PutKeyPolicy: (f) => ['PutKeyPolicy', { KeyId: f.key, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [] }), BypassPolicyLockoutSafetyCheck: true }],
  RetireGrant: (f) => ['RetireGrant', { KeyId: f.key, GrantId: f.grantId }],
  RevokeGrant: (f) => ['RevokeGrant', { KeyId: f.key, GrantId: f.grantId }],
  DisableKey: (f) => ['DisableKey', { KeyId: f.key }],
  EnableKey: (f) => ['EnableKey', { KeyId: f.key }],
  EnableKeyRotation: (f) => ['EnableKeyRotation', { KeyId: f.key }],
  DisableKeyRotation: (f) => ['DisableKeyRotation', { KeyId: f.key }],
  RotateKeyOnDemand: (f) => ['RotateKeyOnDemand', { KeyId: f.key }],
  GetKeyRotationStatus: (f) => ['GetKeyRotationStatus', { KeyId: f.key }],
  ListKeyRotations: (f) => ['ListKeyRotations', { KeyId: f.key }],
  ScheduleKeyDeletion: (f) => ['ScheduleKeyDeletion', { KeyId: f.key, PendingWindowInDays: 7 }],
  TagResource: (f) => ['TagResource', { KeyId: f.key, Tags: [{ TagKey: 'b', TagValue: '2' }] }],
  UntagResource: (f) => ['UntagResource', { KeyId: f.key, TagKeys: ['a'] }],
  UpdateKeyDescription: (f) => ['UpdateKeyDescription', { KeyId: f.key, Description: 'new' }],
  UpdateAlias: (f) => ['UpdateAlias', { AliasName: 'alias/subject', TargetKeyId: f.other }],
  'UpdateAlias:target': (f) => ['UpdateAlias', { AliasName: 'alias/other', TargetKeyId: f.key }],
};

const implemented = new Set(anEngine().build().engine.operations());
/** Rows that need a key of another spec, tested the same way in test/kms/asymmetric-mac-states.test.ts and import.test.ts. */
const ELSEWHERE = ['DeriveSharedSecret', 'GenerateMac', 'VerifyMac', 'Sign', 'Verify', 'GetPublicKey', 'GetParametersForImport', 'ImportKeyMaterial', 'DeleteImportedKeyMaterial', 'ReplicateKey', 'UpdatePrimaryRegion', 'GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext'];
const rows = Object.keys(ALLOWED_STATES).filter((row) => implemented.has(row.split(':')[0]) && !ELSEWHERE.includes(row));

describe('allowed key states per operation (AWS key-state table)', () => {
  it('covers every implemented operation that takes a key', () => {
    const keyless = ['CreateKey', 'ListKeys', 'GenerateRandom', 'ListRetirableGrants', 'DescribeCustomKeyStores', 'CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DisconnectCustomKeyStore', 'DeleteCustomKeyStore', 'UpdateCustomKeyStore'];
    for (const op of implemented) if (!keyless.includes(op)) expect(Object.keys(ALLOWED_STATES)).toContain(op);
    expect(rows.sort()).toEqual(Object.keys(CALLS).sort());
    expect(rows.sort()).toEqual(Object.keys(AWS_TABLE).sort());
  });

  it.each(rows)('%s', (row) => {
    for (const state of KEY_STATES) {
      const f = fixture(state);
      const [op, req] = CALLS[row](f);
      const expected = EXPECTED[ruleFor(row, state)];
      let code: string | undefined;
      try {
        f.built.exec(op, req);
      } catch (e) {
        if (!(e instanceof KmsException)) throw e;
        code = e.code;
        if (expected) expect(e.message).toContain(f.key);
      }
      expect({ state, code }).toEqual({ state, code: expected });
      expect({ state, code }).toEqual({ state, code: awsExpectation(row, state) });
    }
  });
});
