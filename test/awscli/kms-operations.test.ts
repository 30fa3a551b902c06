// `aws kms help` lists every operation of the current KMS API (the service model's 54 operations, late 2026).
import { describe, expect, it } from '@jest/globals';
import { operationHelp } from '../../src/awscli/help.js';

const API = [
  'CancelKeyDeletion', 'ConnectCustomKeyStore', 'CreateAlias', 'CreateCustomKeyStore', 'CreateGrant', 'CreateKey', 'Decrypt', 'DeleteAlias',
  'DeleteCustomKeyStore', 'DeleteImportedKeyMaterial', 'DeriveSharedSecret', 'DescribeCustomKeyStores', 'DescribeKey', 'DisableKey',
  'DisableKeyRotation', 'DisconnectCustomKeyStore', 'EnableKey', 'EnableKeyRotation', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext', 'GenerateDataKeyWithoutPlaintext', 'GenerateMac', 'GenerateRandom', 'GetKeyLastUsage', 'GetKeyPolicy',
  'GetKeyRotationStatus', 'GetParametersForImport', 'GetPublicKey', 'ImportKeyMaterial', 'ListAliases', 'ListGrants', 'ListKeyPolicies',
  'ListKeyRotations', 'ListKeys', 'ListResourceTags', 'ListRetirableGrants', 'PutKeyPolicy', 'ReEncrypt', 'ReplicateKey', 'RetireGrant',
  'RevokeGrant', 'RotateKeyOnDemand', 'ScheduleKeyDeletion', 'Sign', 'TagResource', 'UntagResource', 'UpdateAlias', 'UpdateCustomKeyStore',
  'UpdateKeyDescription', 'UpdatePrimaryRegion', 'Verify', 'VerifyMac',
];
const kebab = (n: string) => n.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

describe('aws kms help', () => {
  it('lists every operation of the KMS API', () => {
    const help = operationHelp('kms', '');
    const listed = [...help.matchAll(/^ {2}([a-z-]+) /gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(API.map(kebab).sort());
  });

  it('documents the new CreateGrant members and the enum of DeriveSharedSecret', () => {
    expect(operationHelp('kms', 'create-grant')).toMatch(/--grantee-service-principal \(string, optional\)/);
    expect(operationHelp('kms', 'derive-shared-secret')).toMatch(/one of: ECDH/);
  });
});
