// Validation as KMS does it, table-driven per operation (parameters x documented errors), and the operations added
// since the first engine: GetKeyLastUsage, grants to AWS service principals, DeriveSharedSecret, custom key stores.
import { createECDH } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { createAccessControl } from '../../src/policy/decision.js';
import { identityDirectory } from '../../src/iam/directory.js';
import { defaultIamState } from '../../src/iam/state.js';
import type { Caller } from '../../src/aws/caller.js';
import { ACCOUNT, anEngine, bytes, expectKmsError, userCaller } from './builder.js';

type Row = [string, Record<string, unknown>, string, RegExp?];
/** it.each passes a done callback when a row is shorter than the test function: give every row four cells. */
const full = (rows: Row[]) => rows.map((r) => [r[0], r[1], r[2], r[3] ?? null] as [string, Record<string, unknown>, string, RegExp | null]);

// https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html (KeyUsage, KeySpec, Tags, Origin, Description)
const CREATE_KEY: Row[] = [
  ['KeyUsage missing for an asymmetric spec', { KeySpec: 'RSA_2048' }, 'ValidationException', /^You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys\.$/],
  ['KeyUsage missing for HMAC', { KeySpec: 'HMAC_256' }, 'ValidationException', /You must specify a KeyUsage/],
  ['KeyUsage missing for ML-DSA', { KeySpec: 'ML_DSA_65' }, 'ValidationException', /You must specify a KeyUsage/],
  ['ECC with ENCRYPT_DECRYPT', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'ENCRYPT_DECRYPT' }, 'ValidationException', /^KeyUsage ENCRYPT_DECRYPT is not compatible with KeySpec ECC_NIST_P256$/],
  ['secp256k1 with KEY_AGREEMENT', { KeySpec: 'ECC_SECG_P256K1', KeyUsage: 'KEY_AGREEMENT' }, 'ValidationException', /not compatible/],
  ['symmetric with SIGN_VERIFY', { KeyUsage: 'SIGN_VERIFY' }, 'ValidationException', /KeyUsage SIGN_VERIFY is not compatible with KeySpec SYMMETRIC_DEFAULT/],
  ['ML-DSA with ENCRYPT_DECRYPT', { KeySpec: 'ML_DSA_44', KeyUsage: 'ENCRYPT_DECRYPT' }, 'ValidationException', /not compatible/],
  ['HMAC with ENCRYPT_DECRYPT', { KeySpec: 'HMAC_512', KeyUsage: 'ENCRYPT_DECRYPT' }, 'ValidationException', /not compatible/],
  ['SM2 outside the China Regions', { KeySpec: 'SM2', KeyUsage: 'SIGN_VERIFY' }, 'UnsupportedOperationException', /^KeySpec SM2 is not supported in this Region$/],
  ['unknown KeySpec', { KeySpec: 'RSA_1024', KeyUsage: 'SIGN_VERIFY' }, 'ValidationException', /at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: \[RSA_2048, /],
  ['unknown KeyUsage', { KeyUsage: 'WRAP' }, 'ValidationException', /at 'keyUsage'.*\[SIGN_VERIFY, ENCRYPT_DECRYPT, GENERATE_VERIFY_MAC, KEY_AGREEMENT\]/],
  ['ML-DSA is not a CustomerMasterKeySpec', { CustomerMasterKeySpec: 'ML_DSA_44', KeyUsage: 'SIGN_VERIFY' }, 'ValidationException', /at 'customerMasterKeySpec'/],
  ['KeySpec and CustomerMasterKeySpec', { KeySpec: 'RSA_2048', CustomerMasterKeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }, 'ValidationException', /CustomerMasterKeySpec is deprecated/],
  ['unknown Origin', { Origin: 'SOMEWHERE' }, 'ValidationException', /at 'origin'/],
  ['Description over 8192', { Description: 'd'.repeat(8193) }, 'ValidationException', /at 'description'.*less than or equal to 8192/],
  ['Policy over 131072', { Policy: 'p'.repeat(131_073) }, 'ValidationException', /at 'policy'/],
  ['a custom key store the account does not have', { CustomKeyStoreId: 'cks-1234567890abcdef0' }, 'CustomKeyStoreNotFoundException'],
  ['tag key over 128 (TagResource limits)', { Tags: [{ TagKey: 'k'.repeat(129), TagValue: 'v' }] }, 'ValidationException', /at 'tags\.1\.member\.tagKey' failed to satisfy constraint: Member must have length less than or equal to 128/],
  ['empty tag key', { Tags: [{ TagKey: '', TagValue: 'v' }] }, 'ValidationException', /tags\.1\.member\.tagKey.*greater than or equal to 1/],
  ['tag value over 256', { Tags: [{ TagKey: 'a', TagValue: 'x' }, { TagKey: 'b', TagValue: 'v'.repeat(257) }] }, 'ValidationException', /tags\.2\.member\.tagValue/],
  ['reserved aws: tag prefix', { Tags: [{ TagKey: 'aws:owner', TagValue: 'v' }] }, 'TagException', /^Tags beginning with aws: are reserved$/],
  ['duplicate tag keys', { Tags: [{ TagKey: 'a', TagValue: '1' }, { TagKey: 'a', TagValue: '2' }] }, 'TagException'],
  ['more than 50 tags', { Tags: Array.from({ length: 51 }, (_, i) => ({ TagKey: `t${i}`, TagValue: '' })) }, 'TagException'],
];

describe('CreateKey validation (API_CreateKey)', () => {
  it.each(full(CREATE_KEY))('%s', (_name, req, code, message) => {
    const { exec } = anEngine().build();
    const e = expectKmsError(() => exec('CreateKey', req), code);
    if (message instanceof RegExp) expect(e.message).toMatch(message);
  });

  it('accepts every documented KeySpec/KeyUsage pair and defaults only the symmetric key', () => {
    const { exec } = anEngine().build();
    expect((exec('CreateKey', {}).KeyMetadata as { KeyUsage: string }).KeyUsage).toBe('ENCRYPT_DECRYPT');
    for (const [KeySpec, KeyUsage] of [['RSA_2048', 'ENCRYPT_DECRYPT'], ['ECC_NIST_P384', 'KEY_AGREEMENT'], ['HMAC_224', 'GENERATE_VERIFY_MAC'], ['ECC_NIST_EDWARDS25519', 'SIGN_VERIFY']]) {
      expect(exec('CreateKey', { KeySpec, KeyUsage }).KeyMetadata).toMatchObject({ KeySpec, KeyUsage });
    }
    const cn: Caller = { ...userCaller(), region: 'cn-north-1' };
    expect(exec('CreateKey', { KeySpec: 'SM2', KeyUsage: 'SIGN_VERIFY' }, cn).KeyMetadata).toMatchObject({ KeySpec: 'SM2' });
  });
});

// https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html and API_UntagResource.html
describe('TagResource / UntagResource validation', () => {
  const rows: Row[] = [
    ['TagResource', { Tags: [{ TagKey: 'k'.repeat(129), TagValue: '' }] }, 'ValidationException', /tags\.1\.member\.tagKey/],
    ['TagResource', { Tags: [{ TagKey: 'AWS:x', TagValue: '' }] }, 'TagException', /reserved/],
    ['TagResource', {}, 'ValidationException', /Value null at 'tags'/],
    ['UntagResource', { TagKeys: ['aws:x'] }, 'TagException'],
    ['UntagResource', { TagKeys: ['k'.repeat(129)] }, 'ValidationException', /tagKeys\.1\.member/],
  ];
  it.each(full(rows))('%s %j -> %s', (op, req, code, message) => {
    const { exec, keys } = anEngine().withKey().build();
    const e = expectKmsError(() => exec(op, { KeyId: keys[0], ...req }), code);
    if (message instanceof RegExp) expect(e.message).toMatch(message);
  });
});

// Enumerations are validated by KMS (the AWS CLI v2 sends any value): ValidationException naming the member.
describe('enumerations are KMS ValidationExceptions', () => {
  const rows: [string, Record<string, unknown>, string][] = [
    ['Encrypt', { Plaintext: bytes('x'), EncryptionAlgorithm: 'AES' }, 'encryptionAlgorithm'],
    ['GenerateDataKey', { KeySpec: 'AES_512' }, 'keySpec'],
    ['GenerateDataKeyPair', { KeyPairSpec: 'RSA_1024' }, 'keyPairSpec'],
    ['Sign', { Message: bytes('m'), SigningAlgorithm: 'MD5' }, 'signingAlgorithm'],
    ['Sign', { Message: bytes('m'), SigningAlgorithm: 'ECDSA_SHA_256', MessageType: 'HASH' }, 'messageType'],
    ['GenerateMac', { Message: bytes('m'), MacAlgorithm: 'HMAC_SHA_1' }, 'macAlgorithm'],
    ['GetParametersForImport', { WrappingAlgorithm: 'RSA_AES_KEY_WRAP_SHA_9', WrappingKeySpec: 'RSA_2048' }, 'wrappingAlgorithm'],
    ['CreateGrant', { GranteePrincipal: `arn:aws:iam::${ACCOUNT}:role/r`, Operations: ['Fly'] }, 'operations'],
    ['ListKeyRotations', { IncludeKeyMaterial: 'SOME' }, 'includeKeyMaterial'],
    ['DeriveSharedSecret', { KeyAgreementAlgorithm: 'X25519', PublicKey: bytes('p') }, 'keyAgreementAlgorithm'],
  ];
  it.each(rows)('%s with a bad %s', (op, req, member) => {
    const { exec, keys } = anEngine().withKey().build();
    expect(expectKmsError(() => exec(op, { KeyId: keys[0], ...req }), 'ValidationException').message).toMatch(new RegExp(`at '${member}' failed to satisfy constraint: Member must satisfy (constraint: \\[Member must satisfy )?enum value set`));
  });
});

// https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateGrant.html , API_GrantConstraints.html
describe('CreateGrant validation', () => {
  const ROLE = `arn:aws:iam::${ACCOUNT}:role/app`;
  const SOURCE = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/Orders`;
  const pairs = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
  const rows: [string, 'symmetric' | 'sign' | 'mac', Record<string, unknown>, string][] = [
    ['Sign on a symmetric key', 'symmetric', { GranteePrincipal: ROLE, Operations: ['Sign'] }, 'ValidationException'],
    ['GenerateDataKey on a signing key', 'sign', { GranteePrincipal: ROLE, Operations: ['GenerateDataKey'] }, 'ValidationException'],
    ['Decrypt on an HMAC key', 'mac', { GranteePrincipal: ROLE, Operations: ['Decrypt'] }, 'ValidationException'],
    ['encryption context constraint on a signing key', 'sign', { GranteePrincipal: ROLE, Operations: ['Sign'], Constraints: { EncryptionContextSubset: { a: 'b' } } }, 'ValidationException'],
    ['9 encryption context pairs', 'symmetric', { GranteePrincipal: ROLE, Operations: ['Decrypt'], Constraints: { EncryptionContextEquals: pairs(9) } }, 'ValidationException'],
    ['over 384 characters', 'symmetric', { GranteePrincipal: ROLE, Operations: ['Decrypt'], Constraints: { EncryptionContextSubset: { k: 'v'.repeat(384) } } }, 'ValidationException'],
    ['both Equals and Subset', 'symmetric', { GranteePrincipal: ROLE, Operations: ['Decrypt'], Constraints: { EncryptionContextEquals: { a: 'b' }, EncryptionContextSubset: { a: 'b' } } }, 'ValidationException'],
    ['no grantee', 'symmetric', { Operations: ['Decrypt'] }, 'ValidationException'],
    ['both grantees', 'symmetric', { GranteePrincipal: ROLE, GranteeServicePrincipal: 'dynamodb.amazonaws.com', Operations: ['Decrypt'], RetiringPrincipal: ROLE, Constraints: { SourceArn: SOURCE } }, 'ValidationException'],
    ['service grantee without SourceArn', 'symmetric', { GranteeServicePrincipal: 'dynamodb.amazonaws.com', RetiringPrincipal: ROLE, Operations: ['Decrypt'] }, 'ValidationException'],
    ['service grantee without a retiring principal', 'symmetric', { GranteeServicePrincipal: 'dynamodb.amazonaws.com', Operations: ['Decrypt'], Constraints: { SourceArn: SOURCE } }, 'ValidationException'],
    ['both retiring principals', 'symmetric', { GranteePrincipal: ROLE, RetiringPrincipal: ROLE, RetiringServicePrincipal: 'dynamodb.amazonaws.com', Operations: ['Decrypt'] }, 'ValidationException'],
    ['a service principal that is not one', 'symmetric', { GranteeServicePrincipal: 'arn:aws:iam::1:role/x', RetiringPrincipal: ROLE, Operations: ['Decrypt'], Constraints: { SourceArn: SOURCE } }, 'ValidationException'],
    ['a bad grant Name', 'symmetric', { GranteePrincipal: ROLE, Operations: ['Decrypt'], Name: 'no spaces' }, 'ValidationException'],
    ['no Operations', 'symmetric', { GranteePrincipal: ROLE }, 'ValidationException'],
  ];
  it.each(rows)('%s', (_name, kind, req, code) => {
    const spec = kind === 'sign' ? { keySpec: 'ECC_NIST_P256', keyUsage: 'SIGN_VERIFY' } : kind === 'mac' ? { keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' } : {};
    const { exec, keys } = anEngine().withKey(spec).build();
    expectKmsError(() => exec('CreateGrant', { KeyId: keys[0], ...req }), code);
  });

  it('accepts 8 pairs, SourceArn on any key type, and a retry with the same Name returns the same GrantId and a new token', () => {
    const { exec, keys } = anEngine().withKey().withKey({ keySpec: 'ECC_NIST_P256', keyUsage: 'SIGN_VERIFY' }).build();
    exec('CreateGrant', { KeyId: keys[0], GranteePrincipal: ROLE, Operations: ['Decrypt'], Constraints: { EncryptionContextEquals: pairs(8) } });
    exec('CreateGrant', { KeyId: keys[1], GranteePrincipal: ROLE, Operations: ['Sign', 'GetPublicKey'], Constraints: { SourceArn: SOURCE } });
    const req = { KeyId: keys[0], GranteePrincipal: ROLE, Operations: ['Encrypt'], Name: 'retry-me' };
    const a = exec('CreateGrant', req);
    const b = exec('CreateGrant', req);
    expect(b.GrantId).toBe(a.GrantId);
    expect(b.GrantToken).not.toBe(a.GrantToken);
    expect((exec('ListGrants', { KeyId: keys[0] }).Grants as unknown[]).length).toBe(2);
    // Either token identifies the grant: retiring with the retry's token removes it.
    exec('RetireGrant', { GrantToken: b.GrantToken });
    expect((exec('ListGrants', { KeyId: keys[0] }).Grants as { GrantId: string }[]).map((g) => g.GrantId)).not.toContain(a.GrantId);
  });
});

describe('grants to AWS service principals (March 2026)', () => {
  const SOURCE = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/Orders`;
  const service = (principal: string, sourceArn?: string): Caller => ({
    principal: { type: 'AWSService', arn: principal, accountId: '' }, accountId: ACCOUNT, region: 'us-east-1', sourceArn,
  });

  it('ListGrants shows GranteeServicePrincipal instead of GranteePrincipal; the decision honours the grant for that service and source', () => {
    const { exec, keys } = anEngine().withAccess(createAccessControl({ identities: identityDirectory(defaultIamState()) })).withKey().build();
    const { GrantToken } = exec('CreateGrant', {
      KeyId: keys[0], GranteeServicePrincipal: 'dynamodb.amazonaws.com', RetiringServicePrincipal: 'dynamodb.amazonaws.com',
      Operations: ['Encrypt', 'Decrypt'], Constraints: { SourceArn: SOURCE },
    });
    const [g] = exec('ListGrants', { KeyId: keys[0] }).Grants as Record<string, unknown>[];
    expect(g).toMatchObject({ GranteeServicePrincipal: 'dynamodb.amazonaws.com', RetiringServicePrincipal: 'dynamodb.amazonaws.com', Constraints: { SourceArn: SOURCE } });
    expect(g).not.toHaveProperty('GranteePrincipal');
    const enc = (caller: Caller) => exec('Encrypt', { KeyId: keys[0], Plaintext: bytes('row'), GrantTokens: [GrantToken] }, caller);
    expect(enc(service('dynamodb.amazonaws.com', SOURCE)).CiphertextBlob).toBeInstanceOf(Uint8Array);
    expectKmsError(() => enc(service('dynamodb.amazonaws.com', `${SOURCE}-other`)), 'AccessDeniedException');
    expectKmsError(() => enc(service('s3.amazonaws.com', SOURCE)), 'AccessDeniedException');
    expectKmsError(() => enc(userCaller('bob')), 'AccessDeniedException');
    const retirable = (req: Record<string, unknown>) => exec('ListRetirableGrants', req).Grants as unknown[];
    expect(retirable({ RetiringServicePrincipal: 'dynamodb.amazonaws.com' })).toHaveLength(1);
    expect(retirable({ RetiringServicePrincipal: 's3.amazonaws.com' })).toHaveLength(0);
    expectKmsError(() => retirable({}), 'ValidationException');
  });
});

// https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyLastUsage.html
describe('GetKeyLastUsage', () => {
  it('is empty for an unused key, then names the last successful cryptographic call with its CloudTrail event ID', () => {
    const { exec, keys, engine, clock } = anEngine().withKey().withKey().build();
    const first = exec('GetKeyLastUsage', { KeyId: keys[0] });
    expect(first).not.toHaveProperty('KeyLastUsage');
    expect(first.KeyId).toBe(keys[0].split('/')[1]);
    expect(first.TrackingStartDate).toEqual(first.KeyCreationDate);
    clock.advance(60_000);
    const ct = exec('Encrypt', { KeyId: keys[0], Plaintext: bytes('x') }).CiphertextBlob;
    const encryptEvent = engine.audit.filter((e) => e.eventName === 'Encrypt').at(-1)!;
    expect(exec('GetKeyLastUsage', { KeyId: keys[0] }).KeyLastUsage).toEqual({
      Operation: 'Encrypt', Timestamp: new Date(engine.now()), CloudTrailEventId: encryptEvent.eventID, KmsRequestId: encryptEvent.requestID,
    });
    // A failed call is not a use; DescribeKey is not a cryptographic operation.
    expectKmsError(() => exec('Decrypt', { CiphertextBlob: ct, EncryptionContext: { wrong: 'context' } }), 'InvalidCiphertextException');
    exec('DescribeKey', { KeyId: keys[0] });
    expect((exec('GetKeyLastUsage', { KeyId: keys[0] }).KeyLastUsage as { Operation: string }).Operation).toBe('Encrypt');
    // ReEncrypt records both keys.
    // GetKeyLastUsage is itself logged in CloudTrail (a read-only management event).
    expect(engine.audit.filter((e) => e.eventName === 'GetKeyLastUsage').every((e) => e.readOnly)).toBe(true);
    exec('ReEncrypt', { CiphertextBlob: ct, DestinationKeyId: keys[1] });
    for (const k of keys) expect((exec('GetKeyLastUsage', { KeyId: k }).KeyLastUsage as { Operation: string }).Operation).toBe('ReEncrypt');
  });

  it('takes a key ID or key ARN only, answers in every key state, and tracks each multi-Region key on its own', () => {
    const { exec, keys } = anEngine().withKey({ alias: 'alias/app', state: 'Disabled' }).build();
    expectKmsError(() => exec('GetKeyLastUsage', { KeyId: 'alias/app' }), 'NotFoundException');
    expectKmsError(() => exec('GetKeyLastUsage', {}), 'ValidationException');
    expect(exec('GetKeyLastUsage', { KeyId: keys[0] }).KeyId).toBeDefined();
    const arn = (exec('CreateKey', { MultiRegion: true }).KeyMetadata as { Arn: string }).Arn;
    exec('ReplicateKey', { KeyId: arn, ReplicaRegion: 'us-west-2' });
    exec('Encrypt', { KeyId: arn, Plaintext: bytes('x') });
    expect(exec('GetKeyLastUsage', { KeyId: arn })).toHaveProperty('KeyLastUsage');
    const west = { ...userCaller(), region: 'us-west-2' };
    expect(exec('GetKeyLastUsage', { KeyId: arn.replace('us-east-1', 'us-west-2') }, west)).not.toHaveProperty('KeyLastUsage');
  });
});

describe('key states and listings', () => {
  it('a new replica is Creating in the ReplicateKey response and a primary waiting for replicas shows PendingDeletionWindowInDays', () => {
    const { exec } = anEngine().build();
    const arn = (exec('CreateKey', { MultiRegion: true }).KeyMetadata as { Arn: string }).Arn;
    const rep = exec('ReplicateKey', { KeyId: arn, ReplicaRegion: 'eu-west-1' }).ReplicaKeyMetadata as Record<string, unknown>;
    expect(rep).toMatchObject({ KeyState: 'Creating', Enabled: false });
    // UpdatePrimaryRegion: both keys pass through Updating and are back to Enabled by the next request.
    const eu = { ...userCaller(), region: 'eu-west-1' };
    exec('UpdatePrimaryRegion', { KeyId: arn, PrimaryRegion: 'eu-west-1' });
    expect((exec('DescribeKey', { KeyId: arn }).KeyMetadata as Record<string, unknown>).KeyState).toBe('Enabled');
    exec('UpdatePrimaryRegion', { KeyId: arn.replace('us-east-1', 'eu-west-1'), PrimaryRegion: 'us-east-1' }, eu);
    exec('ScheduleKeyDeletion', { KeyId: arn, PendingWindowInDays: 9 });
    const md = exec('DescribeKey', { KeyId: arn }).KeyMetadata as Record<string, unknown>;
    expect(md).toMatchObject({ KeyState: 'PendingReplicaDeletion', PendingDeletionWindowInDays: 9 });
    expect(md).not.toHaveProperty('DeletionDate');
  });

  it('ListAliases lists alias/aws/<service> without TargetKeyId until the AWS managed key exists', () => {
    const { exec } = anEngine().build();
    const find = () => (exec('ListAliases', { Limit: 100 }).Aliases as Record<string, unknown>[]).find((a) => a.AliasName === 'alias/aws/s3');
    expect(find()).toEqual({ AliasName: 'alias/aws/s3', AliasArn: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/aws/s3` });
    exec('DescribeKey', { KeyId: 'alias/aws/s3' });
    expect(find()).toHaveProperty('TargetKeyId');
  });
});

// https://docs.aws.amazon.com/kms/latest/APIReference/API_DeriveSharedSecret.html
describe('DeriveSharedSecret', () => {
  it.each([['ECC_NIST_P256', 'prime256v1'], ['ECC_NIST_P384', 'secp384r1'], ['ECC_NIST_P521', 'secp521r1']])('%s agrees with node:crypto ECDH', (spec, curve) => {
    const { exec, keys } = anEngine().withKey({ keySpec: spec, keyUsage: 'KEY_AGREEMENT' }).build();
    expect((exec('DescribeKey', { KeyId: keys[0] }).KeyMetadata as Record<string, unknown>).KeyAgreementAlgorithms).toEqual(['ECDH']);
    const kmsSpki = exec('GetPublicKey', { KeyId: keys[0] }).PublicKey as Uint8Array;
    const peer = createECDH(curve);
    peer.generateKeys();
    const point = peer.getPublicKey();
    const prefix = kmsSpki.subarray(0, kmsSpki.length - point.length);
    const peerSpki = new Uint8Array([...prefix, ...point]);
    const out = exec('DeriveSharedSecret', { KeyId: keys[0], KeyAgreementAlgorithm: 'ECDH', PublicKey: peerSpki });
    const expected = peer.computeSecret(Buffer.from(kmsSpki.subarray(prefix.length)));
    expect(Buffer.from(out.SharedSecret as Uint8Array).equals(expected)).toBe(true);
    expect(out).toMatchObject({ KeyId: keys[0], KeyAgreementAlgorithm: 'ECDH', KeyOrigin: 'AWS_KMS' });
    expectKmsError(() => exec('DeriveSharedSecret', { KeyId: keys[0], KeyAgreementAlgorithm: 'ECDH', PublicKey: bytes('not a key') }), 'ValidationException');
  });

  it('refuses keys that are not KEY_AGREEMENT, and disabled keys', () => {
    const { exec, keys } = anEngine().withKey().withKey({ keySpec: 'ECC_NIST_P256', keyUsage: 'KEY_AGREEMENT', state: 'Disabled' }).build();
    expectKmsError(() => exec('DeriveSharedSecret', { KeyId: keys[0], KeyAgreementAlgorithm: 'ECDH', PublicKey: bytes('p') }), 'InvalidKeyUsageException');
    expectKmsError(() => exec('DeriveSharedSecret', { KeyId: keys[1], KeyAgreementAlgorithm: 'ECDH', PublicKey: bytes('p') }), 'DisabledException');
  });
});

describe('custom key stores', () => {
  it('the account has none, and creating one is refused', () => {
    const { exec } = anEngine().build();
    expect(exec('DescribeCustomKeyStores', {})).toEqual({ CustomKeyStores: [], Truncated: false });
    expectKmsError(() => exec('DescribeCustomKeyStores', { CustomKeyStoreId: 'cks-1234567890abcdef0' }), 'CustomKeyStoreNotFoundException');
    expect(expectKmsError(() => exec('CreateCustomKeyStore', { CustomKeyStoreName: 'hsm' }), 'UnsupportedOperationException').message).toMatch(/does not model custom key stores/);
    expectKmsError(() => exec('CreateCustomKeyStore', {}), 'ValidationException');
    expectKmsError(() => exec('GenerateRandom', { NumberOfBytes: 8, CustomKeyStoreId: 'cks-1234567890abcdef0' }), 'CustomKeyStoreNotFoundException');
    for (const op of ['ConnectCustomKeyStore', 'DisconnectCustomKeyStore', 'DeleteCustomKeyStore', 'UpdateCustomKeyStore']) {
      expectKmsError(() => exec(op, { CustomKeyStoreId: 'cks-1234567890abcdef0' }), 'CustomKeyStoreNotFoundException');
    }
  });
});
