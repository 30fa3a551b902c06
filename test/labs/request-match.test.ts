// command_ran can match the parsed API request (not the typed text): shorthand and JSON forms of an option
// both count, other values do not, and a `request` that is not a mapping is refused at its position.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseLab } from '../../src/labs/parse.js';
import { requestMatches } from '../../src/labs/checks.js';
import { LabRun } from '../../src/labs/runner.js';
import { PACKAGE_ROOT } from '../helpers/cli.js';

const text = readFileSync(`${PACKAGE_ROOT}/labs/envelope-encryption.yaml`, 'utf8');
const lab = parseLab(text, 'labs/envelope-encryption.yaml').lab!;
const io = { wallNow: () => 0 };
const FAIL = 'Generate a data key under alias/backup with --encryption-context job=nightly-backup.';

async function dataKeyCheckAfter(line: string): Promise<boolean> {
  const run = await LabRun.start(lab, 'request-test', io);
  const at = lab.steps.findIndex((s) => s.id === 'data-key');
  for (let i = 0; i < at; i++) for (const l of run.step(i)!.solution) await run.input(l);
  await run.input(line);
  const results = run.checkResults(at);
  return !results.some((c) => !c.ok && c.message === FAIL);
}

describe('command_ran request matching', () => {
  it('compares members as subsets, lists exactly, scalars as text', () => {
    expect(requestMatches({ PendingWindowInDays: 7 }, { KeyId: 'k', PendingWindowInDays: 7 })).toBe(true);
    expect(requestMatches({ PendingWindowInDays: '7' }, { PendingWindowInDays: 7 })).toBe(true);
    expect(requestMatches({ PendingWindowInDays: 7 }, { PendingWindowInDays: 30 })).toBe(false);
    expect(requestMatches({ PendingWindowInDays: 7 }, { KeyId: 'k' })).toBe(false);
    expect(requestMatches({ EncryptionContext: { job: 'a' } }, { EncryptionContext: { job: 'a', x: 'y' } })).toBe(true);
    expect(requestMatches({ EncryptionContext: { job: 'a' } }, { EncryptionContext: { job: 'ab' } })).toBe(false);
    expect(requestMatches({ Operations: ['Decrypt'] }, { Operations: ['Decrypt', 'Encrypt'] })).toBe(false);
  });

  it.each([
    ['the shorthand form', 'aws kms generate-data-key --key-id alias/backup --key-spec AES_256 --encryption-context job=nightly-backup', true],
    ['the JSON form', `aws kms generate-data-key --key-id alias/backup --key-spec AES_256 --encryption-context '{"job":"nightly-backup"}'`, true],
    ['another context value containing the text', 'aws kms generate-data-key --key-id alias/backup --key-spec AES_256 --encryption-context job=nightly-backup-old', false],
    ['no context', 'aws kms generate-data-key --key-id alias/backup --key-spec AES_256', false],
  ])('the envelope lab accepts %s: %s', async (_what, line, ok) => {
    expect(await dataKeyCheckAfter(line)).toBe(ok);
  });

  it('refuses a request that is not a mapping, at its line', () => {
    const bad = text.replace('request: {EncryptionContext: {job: nightly-backup}}', 'request: job=nightly-backup');
    const line = bad.split('\n').findIndex((l) => l.includes('request: job=nightly-backup')) + 1;
    const msgs = parseLab(bad, 'labs/envelope-encryption.yaml').errors.map((e) => e.message);
    expect(msgs).toEqual([expect.stringMatching(new RegExp(`^labs/envelope-encryption\\.yaml:${line}:\\d+: .*expected "request" to be a mapping of API request members`))]);
  });
});
