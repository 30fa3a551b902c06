// The real AWS SDK for JavaScript v3 against the simulated endpoint: the wire format, typed exceptions,
// identities from access key ids, and state shared with the sandbox.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
// The SDK ships CommonJS for Node; under Jest's ESM loader its named exports are read from the default export.
import * as sdkModule from '@aws-sdk/client-kms';
const sdk = ((sdkModule as unknown as { default?: typeof sdkModule }).default ?? sdkModule) as typeof sdkModule;
const {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisabledException,
  DisableKeyCommand,
  EnableKeyCommand,
  EncryptCommand,
  GetKeyRotationStatusCommand,
  InvalidCiphertextException,
  KMSClient,
  KMSInvalidStateException,
  ListAliasesCommand,
  NotFoundException,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
} = sdk;
type DisabledException = InstanceType<typeof sdk.DisabledException>;
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type Running } from './helpers.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

let srv: Running;
const client = (accessKeyId = 'default', region = 'us-east-1') =>
  new KMSClient({ endpoint: srv.url, region, credentials: { accessKeyId, secretAccessKey: 'not-checked' }, maxAttempts: 1 });

beforeAll(async () => {
  srv = await startServer();
});
afterAll(async () => {
  await srv.close();
});

describe('kms-study serve with @aws-sdk/client-kms', () => {
  it('runs create, alias, encrypt, rotate, decrypt and schedule deletion', async () => {
    const kms = client();
    const created = await kms.send(new CreateKeyCommand({ Description: 'sdk test', Tags: [{ TagKey: 'env', TagValue: 'test' }] }));
    const meta = created.KeyMetadata!;
    expect(meta.KeyState).toBe('Enabled');
    expect(meta.CreationDate).toBeInstanceOf(Date);
    expect(meta.Arn).toBe(`arn:aws:kms:us-east-1:111122223333:key/${meta.KeyId}`);

    await kms.send(new CreateAliasCommand({ AliasName: 'alias/sdk', TargetKeyId: meta.KeyId }));
    const aliases = await kms.send(new ListAliasesCommand({ KeyId: meta.KeyId }));
    expect(aliases.Aliases?.map((a) => a.AliasName)).toEqual(['alias/sdk']);

    const plaintext = new TextEncoder().encode('hello from the SDK');
    const enc = await kms.send(new EncryptCommand({ KeyId: 'alias/sdk', Plaintext: plaintext, EncryptionContext: { app: 'sdk' } }));
    expect(enc.CiphertextBlob).toBeInstanceOf(Uint8Array);

    const rotated = await kms.send(new RotateKeyOnDemandCommand({ KeyId: meta.KeyId }));
    expect(rotated.KeyId).toContain(meta.KeyId!);
    const status = await kms.send(new GetKeyRotationStatusCommand({ KeyId: meta.KeyId }));
    expect(status.KeyRotationEnabled).toBe(false);

    const dec = await kms.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob, EncryptionContext: { app: 'sdk' } }));
    expect(new TextDecoder().decode(dec.Plaintext)).toBe('hello from the SDK');
    expect(dec.KeyId).toBe(meta.Arn);

    const sched = await kms.send(new ScheduleKeyDeletionCommand({ KeyId: meta.KeyId, PendingWindowInDays: 7 }));
    expect(sched.KeyState).toBe('PendingDeletion');
    expect(sched.DeletionDate!.getTime()).toBe(srv.clock.t + 7 * 86_400_000);
    await expect(kms.send(new EncryptCommand({ KeyId: meta.KeyId, Plaintext: plaintext }))).rejects.toBeInstanceOf(KMSInvalidStateException);
  });

  it('raises the SDK\'s typed exceptions for the common errors', async () => {
    const kms = client();
    await expect(kms.send(new DescribeKeyCommand({ KeyId: 'alias/none' }))).rejects.toBeInstanceOf(NotFoundException);
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const keyId = KeyMetadata!.KeyId!;
    // ValidationException is a common error the SDK does not model: it arrives as a service exception by name.
    await expect(kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 3 }))).rejects.toMatchObject({ name: 'ValidationException' });
    const enc = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: new Uint8Array([1, 2, 3]), EncryptionContext: { a: 'bc' } }));
    await expect(kms.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob, EncryptionContext: { ab: 'c' } }))).rejects.toBeInstanceOf(InvalidCiphertextException);
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    const err = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: new Uint8Array([1]) })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DisabledException);
    expect((err as DisabledException).message).toBe(`${KeyMetadata!.Arn} is disabled.`);
    expect((err as DisabledException).$metadata.httpStatusCode).toBe(400);
    await kms.send(new EnableKeyCommand({ KeyId: keyId }));
    const denied = await client('dev').send(new EncryptCommand({ KeyId: keyId, Plaintext: new Uint8Array([1]) })).catch((e: unknown) => e);
    expect(denied).toMatchObject({ name: 'AccessDeniedException', $fault: 'client' });
    expect((denied as Error).message).toMatch(/user\/dev is not authorized to perform: kms:Encrypt .* because no identity-based policy allows the kms:Encrypt action/);
  });

  it('resolves keys per Region from the signature scope', async () => {
    const { KeyMetadata } = await client().send(new CreateKeyCommand({}));
    await expect(client('default', 'eu-west-1').send(new DescribeKeyCommand({ KeyId: KeyMetadata!.KeyId }))).rejects.toBeInstanceOf(NotFoundException);
  });

  it('an access key id that names no profile acts as the default profile, said once per key id', async () => {
    const before = srv.logs.length;
    const { KeyMetadata } = await client('test').send(new CreateKeyCommand({}));
    expect(KeyMetadata!.Arn).toMatch(/^arn:aws:kms:us-east-1:111122223333:key\//);
    await client('test').send(new DescribeKeyCommand({ KeyId: KeyMetadata!.KeyId }));
    await client('AKIAIOSFODNN7EXAMPLE').send(new DescribeKeyCommand({ KeyId: KeyMetadata!.KeyId }));
    const notices = srv.logs.slice(before).filter((l) => l.includes('names no sandbox profile'));
    expect(notices).toEqual([
      'kms-study serve: access key id "test" names no sandbox profile: it acts as the default profile (default, dev, auditor, analytics pick their own)',
      'kms-study serve: access key id "AKIAIOSFODNN7EXAMPLE" names no sandbox profile: it acts as the default profile (default, dev, auditor, analytics pick their own)',
    ]);
    // A known profile name still picks that profile: dev has no KMS permissions.
    const denied = await client('dev').send(new DescribeKeyCommand({ KeyId: KeyMetadata!.KeyId })).catch((e: { name: string }) => e);
    expect((denied as { name: string }).name).toBe('AccessDeniedException');
  });

  it('writes the state to the sandbox file and logs one line per request', async () => {
    srv.backend.flush();
    const state = JSON.parse(readFileSync(join(srv.home, 'sandbox', 'state.json'), 'utf8'));
    expect(state.format).toBe('kms-study-sandbox');
    expect(srv.logs.join('\n')).toMatch(/ default CreateKey 200 /);
    expect(srv.logs.some((l) => / dev Encrypt 400 AccessDeniedException /.test(l))).toBe(true);
  });
});
