// End to end: the built binary (`npm test` builds it in pretest), one process per command, state carried
// between processes in KMS_STUDY_HOME. Create, alias, encrypt, rotate, schedule deletion, advance the
// sandbox clock past the window, and the old ciphertext no longer decrypts; a corrupt state file is reported.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLE } from '../helpers/shipped.js';

const BIN = BUNDLE;

function cli(home: string, args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: home,
    env: { PATH: process.env.PATH ?? '', KMS_STUDY_HOME: home, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000, // generous: under a loaded parallel test run a cold node start can take seconds
  });
  if (r.error) throw new Error(`kms-study ${args.join(' ')} did not finish: ${r.error.message}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kms-study aws (built binary, separate processes)', () => {
  it('is built', () => {
    expect(existsSync(BIN)).toBe(true);
  });

  it('runs the key lifecycle across processes and loses the data after deletion', () => {
    const home = mkdtempSync(join(tmpdir(), 'kms-study-e2e-'));
    const created = cli(home, ['aws', 'kms', 'create-key', '--description', 'e2e key', '--query', 'KeyMetadata.KeyId', '--output', 'text']);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const keyId = created.stdout.trim();
    expect(keyId).toMatch(/^[0-9a-f-]{36}$/);

    expect(cli(home, ['aws', 'kms', 'create-alias', '--alias-name', 'alias/e2e', '--target-key-id', keyId]).code).toBe(0);
    const enc = cli(home, ['aws', 'kms', 'encrypt', '--key-id', 'alias/e2e', '--plaintext', 'top secret', '--cli-binary-format', 'raw-in-base64-out', '--encryption-context', 'app=e2e', '--query', 'CiphertextBlob', '--output', 'text']);
    expect(enc.code).toBe(0);
    const blob = enc.stdout.trim();
    writeFileSync(join(home, 'ct.bin'), Buffer.from(blob, 'base64'));

    expect(cli(home, ['aws', 'kms', 'enable-key-rotation', '--key-id', keyId]).code).toBe(0);
    expect(cli(home, ['aws', 'kms', 'rotate-key-on-demand', '--key-id', keyId]).code).toBe(0);
    const rotations = cli(home, ['aws', 'kms', 'list-key-rotations', '--key-id', keyId, '--query', 'length(Rotations)']);
    expect(rotations.stdout.trim()).toBe('1');

    // Old ciphertext still decrypts after rotation (the blob names its key material), read with fileb://.
    const dec = cli(home, ['aws', 'kms', 'decrypt', '--ciphertext-blob', 'fileb://ct.bin', '--encryption-context', 'app=e2e', '--query', 'Plaintext', '--output', 'text']);
    expect(dec.code).toBe(0);
    expect(Buffer.from(dec.stdout.trim(), 'base64').toString()).toBe('top secret');

    const sched = cli(home, ['aws', 'kms', 'schedule-key-deletion', '--key-id', keyId, '--pending-window-in-days', '7']);
    expect(sched.code).toBe(0);
    expect(JSON.parse(sched.stdout).KeyState).toBe('PendingDeletion');
    const pending = cli(home, ['aws', 'kms', 'decrypt', '--ciphertext-blob', blob, '--encryption-context', 'app=e2e']);
    expect(pending.code).toBe(254);
    expect(pending.stderr).toMatch(/An error occurred \(KMSInvalidStateException\) when calling the Decrypt operation/);

    const status = JSON.parse(cli(home, ['sandbox', 'status', '--json']).stdout);
    expect(status.keysByState).toEqual({ PendingDeletion: 1 });

    const adv = cli(home, ['sandbox', 'clock', 'advance', '8d']);
    expect(adv.code).toBe(0);
    expect(adv.stdout).toMatch(/DeleteKey\s+arn:aws:kms:us-east-1:111122223333:key\//);

    const gone = cli(home, ['aws', 'kms', 'decrypt', '--ciphertext-blob', blob, '--encryption-context', 'app=e2e']);
    expect(gone.code).toBe(254);
    expect(gone.stdout).toBe('');
    expect(gone.stderr).toMatch(/^\nAn error occurred \((AccessDeniedException|NotFoundException)\) when calling the Decrypt operation: /);
    expect(cli(home, ['aws', 'kms', 'list-aliases', '--query', 'Aliases[?AliasName==`alias/e2e`]', '--output', 'json']).stdout.trim()).toBe('[]');

    const deleted = cli(home, ['aws', 'cloudtrail', 'lookup-events', '--lookup-attributes', 'AttributeKey=EventName,AttributeValue=DeleteKey', '--query', 'Events[].EventName', '--output', 'text']);
    expect(deleted.stdout.trim()).toBe('DeleteKey');
  }, 300_000);

  it('exits 252 on a bad command line and 254 on a service error', () => {
    const home = mkdtempSync(join(tmpdir(), 'kms-study-e2e-'));
    const bad = cli(home, ['aws', 'kms', 'encrypt', '--key-id', 'alias/x', '--plaintext', 'not base64!']);
    expect(bad.code).toBe(252);
    expect(bad.stderr).toMatch(/fileb:\/\//);
    expect(cli(home, ['aws', 'kms', 'describe-key', '--key-id', 'alias/x']).code).toBe(254);
  }, 120_000);

  it('moves a corrupt state file aside and says so', () => {
    const home = mkdtempSync(join(tmpdir(), 'kms-study-e2e-'));
    expect(cli(home, ['aws', 'kms', 'create-key']).code).toBe(0);
    writeFileSync(join(home, 'sandbox', 'state.json'), 'garbage{');
    const r = cli(home, ['sandbox', 'status']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/could not be read .* moved to .*state\.json\.corrupt-.* fresh sandbox/);
    expect(r.stdout).toMatch(/Keys:\s+none/);
    expect(readdirSync(join(home, 'sandbox')).some((f) => f.startsWith('state.json.corrupt-'))).toBe(true);
  }, 120_000);
});

describe('services that use KMS, across sandbox commands', () => {
  it('keeps an S3 object uploaded with SSE-KMS (whose only CloudTrail event is a read-only GenerateDataKey) for the next command', () => {
    const home = mkdtempSync(join(tmpdir(), 'kms-study-e2e-s3-'));
    const key = cli(home, ['aws', 'kms', 'create-key', '--query', 'KeyMetadata.Arn', '--output', 'text']).stdout.trim();
    expect(cli(home, ['aws', 's3', 'mb', 's3://e2e-reports']).code).toBe(0);
    writeFileSync(join(home, 'report.csv'), 'total,42\n');
    const up = cli(home, ['aws', 's3', 'cp', 'report.csv', 's3://e2e-reports/2026/report.csv', '--sse', 'aws:kms', '--sse-kms-key-id', key]);
    expect(up).toMatchObject({ code: 0, stderr: '' });
    const head = cli(home, ['aws', 's3api', 'head-object', '--bucket', 'e2e-reports', '--key', '2026/report.csv', '--query', 'SSEKMSKeyId', '--output', 'text']);
    expect({ code: head.code, out: head.stdout.trim() }).toEqual({ code: 0, out: key });
    const got = cli(home, ['aws', 's3api', 'get-object', '--bucket', 'e2e-reports', '--key', '2026/report.csv', 'copy.csv']);
    expect(got.code).toBe(0);
    expect(readdirSync(home)).toContain('copy.csv');
  });
});
