// file:// and fileb:// read only regular files and no more than the parameter can hold: a device, FIFO or
// directory is refused at once with a line naming it; an oversized blob reaches the service's own limit check.
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRegularFile, NotAFileError } from '../../src/storage/regular-file.js';
import { runCli, tempHome } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'kms-study-files-'));

async function withKey() {
  const home = tempHome();
  const run = (argv: string[]) => runCli(argv, { home, cwd: dir });
  const created = await run(['aws', 'kms', 'create-key']);
  const keyId = JSON.parse(created.stdout).KeyMetadata.KeyId as string;
  return { run, keyId };
}

describe('file:// and fileb:// parameters', () => {
  it('refuses fileb:///dev/zero at once, naming the path', async () => {
    const { run, keyId } = await withKey();
    const started = Date.now();
    const r = await run(['aws', 'kms', 'encrypt', '--key-id', keyId, '--plaintext', 'fileb:///dev/zero']);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r).toEqual({
      code: 252,
      stdout: '',
      stderr: "aws: error: Error parsing parameter '--plaintext': Unable to load paramfile fileb:///dev/zero: /dev/zero is a character device, not a regular file\n",
    });
  });

  it('refuses a FIFO without waiting for a writer, and a directory', async () => {
    const fifo = join(dir, 'pipe.bin');
    execFileSync('mkfifo', [fifo]);
    mkdirSync(join(dir, 'folder'));
    const { run, keyId } = await withKey();
    const r = await run(['aws', 'kms', 'encrypt', '--key-id', keyId, '--plaintext', 'fileb://pipe.bin']);
    expect(r.code).toBe(252);
    expect(r.stderr).toContain(`${fifo} is a FIFO (named pipe), not a regular file`);
    const d = await run(['aws', 'kms', 'put-key-policy', '--key-id', keyId, '--policy', 'file://folder']);
    expect(d.code).toBe(252);
    expect(d.stderr).toContain(`${join(dir, 'folder')} is a directory, not a regular file`);
  });

  it("lets the service refuse a plaintext over 4096 bytes with its own error, reading no more than 4097", async () => {
    writeFileSync(join(dir, 'big.bin'), Buffer.alloc(1024 * 1024, 7));
    writeFileSync(join(dir, 'ok.bin'), Buffer.alloc(4096, 7));
    const { run, keyId } = await withKey();
    const r = await run(['aws', 'kms', 'encrypt', '--key-id', keyId, '--plaintext', 'fileb://big.bin']);
    expect(r.code).toBe(254);
    expect(r.stderr).toMatch(/\(ValidationException\)/);
    expect((await run(['aws', 'kms', 'encrypt', '--key-id', keyId, '--plaintext', 'fileb://ok.bin'])).code).toBe(0);
  });

  it('refuses a policy file larger than any policy can be, naming the limit', async () => {
    writeFileSync(join(dir, 'huge.json'), `{"Version":"2012-10-17","Statement":[${'{"Effect":"Allow"},'.repeat(10_000)}]}`);
    const { run, keyId } = await withKey();
    const r = await run(['aws', 'kms', 'put-key-policy', '--key-id', keyId, '--policy', 'file://huge.json']);
    expect(r).toEqual({ code: 252, stdout: '', stderr: expect.stringMatching(/Unable to load paramfile file:\/\/huge\.json: the file is larger than the 32768 characters Policy can hold\n$/) });
  });

  it('caps members without a listed limit (1 MiB)', async () => {
    writeFileSync(join(dir, 'tags.json'), `[${'{"TagKey":"k","TagValue":"v"},'.repeat(40_000)}{"TagKey":"k","TagValue":"v"}]`);
    const { run } = await withKey();
    const r = await run(['aws', 'kms', 'create-key', '--tags', 'file://tags.json']);
    expect(r.code).toBe(252);
    expect(r.stderr).toMatch(/the file is larger than 1048576 bytes, more than this parameter takes\n$/);
  });

  it('reads at most maxBytes + 1 bytes', () => {
    writeFileSync(join(dir, 'ten.bin'), Buffer.alloc(10, 1));
    expect(readRegularFile(join(dir, 'ten.bin'), 3)).toHaveLength(4);
    expect(readRegularFile(join(dir, 'ten.bin'), 100)).toHaveLength(10);
    expect(() => readRegularFile('/dev/null', 10)).toThrow(NotAFileError);
  });
});

describe('lab --script', () => {
  it('refuses a device at once and a script over 1 MiB, naming it', async () => {
    const r = await runCli(['lab', 'key-deletion', '--script', '/dev/zero'], { home: tempHome() });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'kms-study: --script: cannot read /dev/zero (/dev/zero is a character device, not a regular file)\n' });
    writeFileSync(join(dir, 'long.txt'), 'status\n'.repeat(200_000));
    const big = await runCli(['lab', 'key-deletion', '--script', 'long.txt'], { home: tempHome(), cwd: dir });
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(/--script: cannot read long\.txt \(long\.txt is larger than 1048576 bytes\)\n$/);
  });
});
