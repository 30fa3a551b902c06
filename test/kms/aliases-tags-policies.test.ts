import { describe, expect, it } from '@jest/globals';
import { allowAllAccess } from '../helpers/world.js';
import type { AccessControl } from '../../src/aws/access.js';
import { ACCOUNT, anEngine, expectKmsError, T0, userCaller } from './builder.js';

describe('aliases', () => {
  it('creates, lists (with KeyId filter and paging), updates and deletes aliases', () => {
    const { engine, exec, keys } = anEngine().withKey().withKey().build();
    exec('CreateAlias', { AliasName: 'alias/app', TargetKeyId: keys[0] });
    exec('CreateAlias', { AliasName: 'alias/app-2', TargetKeyId: keys[0].split('/')[1] });
    exec('CreateAlias', { AliasName: 'alias/other', TargetKeyId: keys[1] });
    const all = exec('ListAliases', {}).Aliases as Record<string, unknown>[];
    expect(all[0]).toEqual({
      AliasName: 'alias/app', AliasArn: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/app`, TargetKeyId: keys[0].split('/')[1],
      CreationDate: new Date(T0), LastUpdatedDate: new Date(T0),
    });
    expect((exec('ListAliases', { KeyId: keys[1] }).Aliases as { AliasName: string }[]).map((a) => a.AliasName)).toEqual(['alias/other']);
    const p1 = exec('ListAliases', { Limit: 2 });
    expect(p1.Truncated).toBe(true);
    // The next page holds the third customer alias, then the predefined alias/aws/... names (no TargetKeyId yet).
    const p2 = exec('ListAliases', { Limit: 2, Marker: p1.NextMarker }).Aliases as { AliasName: string; TargetKeyId?: string }[];
    expect(p2[0].TargetKeyId).toBeDefined();
    expect(p2[1]).toEqual({ AliasName: 'alias/aws/acm', AliasArn: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/aws/acm` });
    expectKmsError(() => exec('ListAliases', { Limit: 101 }), 'ValidationException');
    expectKmsError(() => exec('ListAliases', { Marker: 'nope' }), 'InvalidMarkerException');
    engine.advance(1000);
    exec('UpdateAlias', { AliasName: 'alias/app', TargetKeyId: keys[1] });
    expect(engine.inspectKey('alias/app', ACCOUNT, 'us-east-1')?.KeyMetadata.Arn).toBe(keys[1]);
    expect((exec('ListAliases', {}).Aliases as { LastUpdatedDate: Date }[])[0].LastUpdatedDate).toEqual(new Date(T0 + 1000));
    exec('DeleteAlias', { AliasName: 'alias/app' });
    expectKmsError(() => exec('DescribeKey', { KeyId: 'alias/app' }), 'NotFoundException');
    expect(exec('ListAliases', { KeyId: keys[1] }).Aliases).toHaveLength(1);
  });

  it('keeps aliases per account and Region', () => {
    const { exec, keys } = anEngine().withKey({ alias: 'alias/app' }).build();
    const eu = userCaller('admin', ACCOUNT, 'eu-west-1');
    const euKey = (exec('CreateKey', {}, eu).KeyMetadata as { Arn: string }).Arn;
    exec('CreateAlias', { AliasName: 'alias/app', TargetKeyId: euKey }, eu);
    expect((exec('DescribeKey', { KeyId: 'alias/app' }, eu).KeyMetadata as { Arn: string }).Arn).toBe(euKey);
    expect((exec('DescribeKey', { KeyId: 'alias/app' }).KeyMetadata as { Arn: string }).Arn).toBe(keys[0]);
  });

  it('enforces the name rules and AWS wording', () => {
    const { exec, keys } = anEngine().withKey({ alias: 'alias/app' }).build();
    expect(expectKmsError(() => exec('CreateAlias', { AliasName: 'app', TargetKeyId: keys[0] }), 'ValidationException').message).toBe(
      'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
    );
    expectKmsError(() => exec('CreateAlias', { AliasName: 'alias/bad name', TargetKeyId: keys[0] }), 'ValidationException');
    expectKmsError(() => exec('CreateAlias', { AliasName: `alias/${'x'.repeat(251)}`, TargetKeyId: keys[0] }), 'ValidationException');
    expectKmsError(() => exec('CreateAlias', { AliasName: 'alias/aws/mine', TargetKeyId: keys[0] }), 'NotAuthorizedException');
    expect(expectKmsError(() => exec('CreateAlias', { AliasName: 'alias/app', TargetKeyId: keys[0] }), 'AlreadyExistsException').message).toBe(
      `An alias with the name arn:aws:kms:us-east-1:${ACCOUNT}:alias/app already exists`,
    );
    expect(expectKmsError(() => exec('DeleteAlias', { AliasName: 'alias/none' }), 'NotFoundException').message).toBe(`Alias arn:aws:kms:us-east-1:${ACCOUNT}:alias/none is not found.`);
    expectKmsError(() => exec('UpdateAlias', { AliasName: 'alias/none', TargetKeyId: keys[0] }), 'NotFoundException');
    expectKmsError(() => exec('CreateAlias', { AliasName: 'alias/x', TargetKeyId: 'alias/app' }), 'NotFoundException');
  });

  it('refuses an UpdateAlias target of another key type', () => {
    const { exec, keys } = anEngine().withKey({ alias: 'alias/app' }).withKey({ keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' }).build();
    expectKmsError(() => exec('UpdateAlias', { AliasName: 'alias/app', TargetKeyId: keys[1] }), 'ValidationException');
  });
});

describe('tags', () => {
  it('tags, overwrites, lists with paging and untags', () => {
    const { exec, keys } = anEngine().withKey().build();
    exec('TagResource', { KeyId: keys[0], Tags: [{ TagKey: 'a', TagValue: '1' }, { TagKey: 'b', TagValue: '' }] });
    exec('TagResource', { KeyId: keys[0], Tags: [{ TagKey: 'a', TagValue: '2' }] });
    expect(exec('ListResourceTags', { KeyId: keys[0] })).toEqual({ Tags: [{ TagKey: 'a', TagValue: '2' }, { TagKey: 'b', TagValue: '' }], Truncated: false });
    expect(exec('ListResourceTags', { KeyId: keys[0], Limit: 1 })).toMatchObject({ Tags: [{ TagKey: 'a', TagValue: '2' }], Truncated: true });
    exec('UntagResource', { KeyId: keys[0], TagKeys: ['a'] });
    expect(exec('ListResourceTags', { KeyId: keys[0] }).Tags).toEqual([{ TagKey: 'b', TagValue: '' }]);
  });

  it('applies the TagException rules', () => {
    const { exec, keys } = anEngine().withKey().build();
    const t = (k: string, v = 'v') => ({ TagKey: k, TagValue: v });
    expect(expectKmsError(() => exec('TagResource', { KeyId: keys[0], Tags: [t('a'), t('a')] }), 'TagException').message).toBe('Duplicate tag key a');
    expect(expectKmsError(() => exec('TagResource', { KeyId: keys[0], Tags: [t('aws:x')] }), 'TagException').message).toBe('Tags beginning with aws: are reserved');
    expectKmsError(() => exec('TagResource', { KeyId: keys[0], Tags: [t('')] }), 'ValidationException');
    expectKmsError(() => exec('TagResource', { KeyId: keys[0], Tags: [t('k'.repeat(129))] }), 'ValidationException');
    expectKmsError(() => exec('TagResource', { KeyId: keys[0], Tags: [t('k', 'v'.repeat(257))] }), 'ValidationException');
    exec('TagResource', { KeyId: keys[0], Tags: [t('k'.repeat(128), 'v'.repeat(256))] });
    exec('TagResource', { KeyId: keys[0], Tags: Array.from({ length: 49 }, (_, i) => t(`t${i}`)) });
    expect(expectKmsError(() => exec('TagResource', { KeyId: keys[0], Tags: [t('one-more')] }), 'TagException').message).toBe('A KMS key can have at most 50 tags.');
    expectKmsError(() => exec('UntagResource', { KeyId: keys[0], TagKeys: ['aws:x'] }), 'TagException');
  });
});

describe('key policies: lockout safety check on PutKeyPolicy', () => {
  it('refuses a policy that would not let the caller call PutKeyPolicy again, unless bypassed', () => {
    const access: AccessControl = {
      ...allowAllAccess,
      authorize: (req) => ({ allowed: !(req.action === 'kms:PutKeyPolicy' && (req.keyPolicy ?? '').includes('"nobody"')), reason: 'Allowed', trace: [] }),
    };
    const { exec, keys } = anEngine().withAccess(access).withKey().build();
    const before = exec('GetKeyPolicy', { KeyId: keys[0] }).Policy;
    const locked = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'nobody', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:Decrypt', Resource: '*' }] });
    const e = expectKmsError(() => exec('PutKeyPolicy', { KeyId: keys[0], Policy: locked }), 'MalformedPolicyDocumentException');
    expect(e.message).toBe('The new key policy will not allow you to update the key policy in the future.');
    expect(exec('GetKeyPolicy', { KeyId: keys[0] }).Policy).toBe(before);
    exec('PutKeyPolicy', { KeyId: keys[0], Policy: locked, BypassPolicyLockoutSafetyCheck: true });
    expect(exec('GetKeyPolicy', { KeyId: keys[0] }).Policy).toBe(locked);
  });
});

describe('key policies', () => {
  it('puts, gets and lists the one "default" policy', () => {
    const { exec, keys } = anEngine().withKey().build();
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }] });
    exec('PutKeyPolicy', { KeyId: keys[0], PolicyName: 'default', Policy: policy });
    expect(exec('GetKeyPolicy', { KeyId: keys[0], PolicyName: 'default' })).toEqual({ Policy: policy, PolicyName: 'default' });
    expect(exec('GetKeyPolicy', { KeyId: keys[0] }).Policy).toBe(policy);
    expect(exec('ListKeyPolicies', { KeyId: keys[0] })).toEqual({ PolicyNames: ['default'], Truncated: false });
    expectKmsError(() => exec('GetKeyPolicy', { KeyId: keys[0], PolicyName: 'other' }), 'NotFoundException');
    expectKmsError(() => exec('PutKeyPolicy', { KeyId: keys[0], Policy: '{' }), 'MalformedPolicyDocumentException');
    expectKmsError(() => exec('PutKeyPolicy', { KeyId: keys[0], Policy: JSON.stringify({ pad: 'x'.repeat(32_800) }) }), 'LimitExceededException');
    expectKmsError(() => exec('PutKeyPolicy', { KeyId: keys[0] }), 'ValidationException');
  });
});
