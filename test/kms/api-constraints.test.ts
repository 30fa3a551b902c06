// Model constraints of every KMS operation the engine implements (required members, lengths, ranges), one table:
// each row is answered with ValidationException before the key is looked up, as the AWS JSON protocol does.
// Source: the Request Parameters section of each page under https://docs.aws.amazon.com/kms/latest/APIReference/
import { describe, expect, it } from '@jest/globals';
import { anEngine, bytes, expectKmsError } from './builder.js';

const LONG_ID = 'k'.repeat(2049);
const KEY_ID_OPS = [
  'DescribeKey', 'EnableKey', 'DisableKey', 'ScheduleKeyDeletion', 'CancelKeyDeletion', 'EnableKeyRotation', 'DisableKeyRotation',
  'GetKeyRotationStatus', 'RotateKeyOnDemand', 'ListKeyRotations', 'GetKeyPolicy', 'ListKeyPolicies', 'ListResourceTags', 'ListGrants',
  'GetPublicKey', 'GetKeyLastUsage', 'UpdateKeyDescription',
];

describe('KeyId is required and at most 2048 characters', () => {
  it.each(KEY_ID_OPS)('%s', (op) => {
    const { exec } = anEngine().build();
    expect(expectKmsError(() => exec(op, { Description: 'd' }), 'ValidationException').message).toMatch(/Value null at 'keyId' failed to satisfy constraint: Member must not be null/);
    expect(expectKmsError(() => exec(op, { KeyId: LONG_ID, Description: 'd' }), 'ValidationException').message).toMatch(/at 'keyId'.*less than or equal to 2048/);
  });
});

type Row = [string, string, Record<string, unknown>, RegExp];
const ROWS: Row[] = [
  ['API_Encrypt', 'Encrypt', { Plaintext: new Uint8Array(4097) }, /'plaintext'.*less than or equal to 4096/],
  ['API_Encrypt', 'Encrypt', { Plaintext: new Uint8Array(0) }, /'plaintext'.*greater than or equal to 1/],
  ['API_Encrypt', 'Encrypt', { Plaintext: bytes('x'), GrantTokens: Array.from({ length: 11 }, () => 't') }, /'grantTokens'.*less than or equal to 10/],
  ['API_Decrypt', 'Decrypt', {}, /Value null at 'ciphertextBlob'/],
  ['API_Decrypt', 'Decrypt', { CiphertextBlob: new Uint8Array(6145) }, /'ciphertextBlob'.*less than or equal to 6144/],
  ['API_GenerateDataKey', 'GenerateDataKey', { NumberOfBytes: 1025 }, /'numberOfBytes'.*less than or equal to 1024/],
  ['API_GenerateDataKey', 'GenerateDataKey', { NumberOfBytes: 0 }, /'numberOfBytes'.*greater than or equal to 1/],
  ['API_GenerateRandom', 'GenerateRandom', { NumberOfBytes: 1025 }, /'numberOfBytes'.*less than or equal to 1024/],
  ['API_ScheduleKeyDeletion', 'ScheduleKeyDeletion', { PendingWindowInDays: 6 }, /PendingWindowInDays|pendingWindowInDays/],
  ['API_ScheduleKeyDeletion', 'ScheduleKeyDeletion', { PendingWindowInDays: 31 }, /PendingWindowInDays|pendingWindowInDays/],
  ['API_EnableKeyRotation', 'EnableKeyRotation', { RotationPeriodInDays: 89 }, /'rotationPeriodInDays'.*greater than or equal to 90/],
  ['API_EnableKeyRotation', 'EnableKeyRotation', { RotationPeriodInDays: 2561 }, /'rotationPeriodInDays'.*less than or equal to 2560/],
  ['API_ListKeys', 'ListKeys', { Limit: 1001 }, /'limit'.*less than or equal to 1000/],
  ['API_ListAliases', 'ListAliases', { Limit: 0 }, /'limit'.*greater than or equal to 1/],
  ['API_ListGrants', 'ListGrants', { Limit: 101 }, /'limit'.*less than or equal to 100/],
  ['API_ListResourceTags', 'ListResourceTags', { Limit: 51 }, /'limit'.*less than or equal to 50/],
  ['API_UpdateKeyDescription', 'UpdateKeyDescription', { Description: 'd'.repeat(8193) }, /'description'.*less than or equal to 8192/],
  ['API_CreateAlias', 'CreateAlias', { AliasName: 'alias/bad name' }, /'aliasName'.*regular expression/],
  ['API_CreateAlias', 'CreateAlias', { AliasName: 'noprefix' }, /must start with the prefix "alias\/"/],
  ['API_CreateGrant', 'CreateGrant', { GranteePrincipal: 'p'.repeat(257), Operations: ['Decrypt'] }, /'granteePrincipal'.*less than or equal to 256/],
  ['API_CreateGrant', 'CreateGrant', { GranteePrincipal: 'arn:aws:iam::111122223333:root', Operations: [] }, /'operations'.*greater than or equal to 1/],
  ['API_Sign', 'Sign', { Message: new Uint8Array(4097), SigningAlgorithm: 'ECDSA_SHA_256' }, /'message'.*less than or equal to 4096/],
  ['API_GenerateMac', 'GenerateMac', { Message: new Uint8Array(4097), MacAlgorithm: 'HMAC_SHA_256' }, /'message'.*less than or equal to 4096/],
  ['API_DeriveSharedSecret', 'DeriveSharedSecret', { KeyAgreementAlgorithm: 'ECDH' }, /Value null at 'publicKey'/],
];

describe('parameter constraints per operation', () => {
  it.each(ROWS)('%s: %s %j', (_page, op, req, message) => {
    const { exec, keys } = anEngine().withKey().build();
    const withKey = op === 'CreateAlias' ? { TargetKeyId: keys[0] } : op === 'GenerateRandom' || op === 'ListKeys' || op === 'ListAliases' || op === 'Decrypt' ? {} : { KeyId: keys[0] };
    expect(expectKmsError(() => exec(op, { ...withKey, ...req }), 'ValidationException').message).toMatch(message);
  });
});
