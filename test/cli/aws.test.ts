// `kms-study aws` and `kms-study sandbox` in-process: state carried between calls, profiles, the clock,
// reset, and a corrupt state file moved aside and reported.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempHome } from '../helpers/cli.js';

const words = (line: string) => line.split(' ');

async function session() {
  const home = tempHome();
  const run = (line: string) => runCli(words(line), { home });
  return { home, run };
}

describe('kms-study aws', () => {
  it('keeps keys and aliases between calls, and lists them', async () => {
    const { run, home } = await session();
    const created = await run('aws kms create-key --description demo');
    expect(created.code).toBe(0);
    const keyId = JSON.parse(created.stdout).KeyMetadata.KeyId as string;
    expect((await run(`aws kms create-alias --alias-name alias/demo --target-key-id ${keyId}`)).code).toBe(0);
    const listed = await run('aws kms list-aliases --query Aliases[?AliasName==`alias/demo`].TargetKeyId --output text');
    expect(listed).toEqual({ code: 0, stdout: `${keyId}\n`, stderr: '' });
    expect(existsSync(join(home, 'sandbox', 'state.json'))).toBe(true);
  });

  it('prints usage errors with exit 252 and service errors with exit 254', async () => {
    const { run } = await session();
    expect(await run('aws kms describe-key')).toEqual({ code: 252, stdout: '', stderr: 'aws: error: the following arguments are required: --key-id\n' });
    const missing = await run('aws kms describe-key --key-id 1234abcd-12ab-34cd-56ef-1234567890ab');
    expect(missing.code).toBe(254);
    expect(missing.stderr).toMatch(/^\nAn error occurred \(NotFoundException\) when calling the DescribeKey operation: /);
  });

  it('uses the profile of the sandbox or --profile, and refuses an unknown one', async () => {
    const { run } = await session();
    const who = await run('aws sts get-caller-identity --profile auditor --query Arn --output text');
    expect(who.stdout).toBe('arn:aws:iam::111122223333:user/auditor\n');
    expect((await run('aws kms list-keys --profile dev')).stderr).toMatch(/AccessDeniedException/);
    expect((await run('sandbox use-profile dev')).code).toBe(0);
    expect((await run('aws sts get-caller-identity --query Arn --output text')).stdout).toBe('arn:aws:iam::111122223333:user/dev\n');
    expect((await run('aws sts get-caller-identity --profile nobody')).code).toBe(253);
    const bad = await run('sandbox use-profile nobody');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no profile 'nobody'/);
  });

  it('advances the clock so a scheduled deletion happens, and reports status', async () => {
    const { run } = await session();
    const keyId = JSON.parse((await run('aws kms create-key')).stdout).KeyMetadata.KeyId as string;
    await run(`aws kms schedule-key-deletion --key-id ${keyId} --pending-window-in-days 7`);
    const status = JSON.parse((await run('sandbox status --json')).stdout);
    expect(status.keysByState).toEqual({ PendingDeletion: 1 });
    expect(status.pendingEvents).toHaveLength(1);
    expect(status.pendingEvents[0]).toMatchObject({ event: 'DeleteKey' });
    const advanced = await run('sandbox clock advance 8d');
    expect(advanced.stdout).toMatch(/Simulated time is now 2026-11-09T12:00:00\.000Z/);
    expect(advanced.stdout).toMatch(/DeleteKey/);
    expect((await run(`aws kms describe-key --key-id ${keyId}`)).stderr).toMatch(/NotFoundException/);
    expect((await run('sandbox clock advance soon')).code).toBe(2);
  });

  it('reports automatic rotations that happen while the clock moves', async () => {
    const { run } = await session();
    const keyId = JSON.parse((await run('aws kms create-key')).stdout).KeyMetadata.KeyId as string;
    await run(`aws kms enable-key-rotation --key-id ${keyId} --rotation-period-in-days 90`);
    const status = JSON.parse((await run('sandbox status --json')).stdout);
    expect(status.pendingEvents).toEqual([expect.objectContaining({ event: 'RotateKey' })]);
    const advanced = await run('sandbox clock advance 91d');
    expect(advanced.stdout).toMatch(/RotateKey {2}arn:aws:kms:us-east-1:111122223333:key\/.* \(1 new key material\)/);
    expect((await run('sandbox clock show')).stdout).toBe('2027-01-31T12:00:00.000Z\n');
    const rotations = await run(`aws kms list-key-rotations --key-id ${keyId} --query Rotations[].RotationType --output text`);
    expect(rotations.stdout).toBe('AUTOMATIC\n');
  });

  it('reads file:// relative to the working directory and ~ from HOME', async () => {
    const home = tempHome();
    writeFileSync(join(home, 'desc.txt'), 'from a file');
    const opts = { home, cwd: home, env: { HOME: home } };
    const a = await runCli(words('aws kms create-key --description file://desc.txt --query KeyMetadata.Description --output text'), opts);
    expect(a.stdout).toBe('from a file\n');
    const b = await runCli(words('aws kms create-key --description file://~/desc.txt --query KeyMetadata.Description --output text'), opts);
    expect(b.stdout).toBe('from a file\n');
  });

  it('lists profiles and resets the sandbox', async () => {
    const { run } = await session();
    const profiles = JSON.parse((await run('sandbox profiles --json')).stdout);
    expect(Object.keys(profiles.profiles)).toEqual(['default', 'dev', 'auditor', 'analytics']);
    expect(profiles.current).toBe('default');
    await run('aws kms create-key');
    expect((await run('sandbox reset')).code).toBe(0);
    expect(JSON.parse((await run('aws kms list-keys')).stdout)).toEqual({ Keys: [] });
  });

  it('leaves a state file from a newer version alone and says so', async () => {
    const { run, home } = await session();
    await run('aws kms create-key');
    const file = join(home, 'sandbox', 'state.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...doc, version: 99 }));
    const r = await run('aws kms list-keys');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/written by a newer kms-study; it was left as it is/);
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(99);
    expect((await run('sandbox reset')).code).toBe(0);
    expect((await run('aws kms list-keys')).code).toBe(0);
  });

  it('moves a corrupt state file aside, says so on stderr and starts fresh', async () => {
    const { run, home } = await session();
    await run('aws kms create-key');
    writeFileSync(join(home, 'sandbox', 'state.json'), '{"format": "kms-study-sandbox", ');
    const r = await run('aws kms list-keys');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/could not be read \(not valid JSON.*moved to .*state\.json\.corrupt-/);
    expect(JSON.parse(r.stdout)).toEqual({ Keys: [] });
    expect(readdirSync(join(home, 'sandbox')).filter((f) => f.startsWith('state.json.corrupt-'))).toHaveLength(1);
  });
});
