// The AWS CLI side of S3: `aws s3api ...` (streaming --body and get-object's outfile, --query, --output,
// pagination, exit codes) and the high-level `aws s3 ls|cp|mb|rb|rm` lines as the CLI prints them.
import { describe, expect, it } from '@jest/globals';
import { runAwsLine, type AwsIo } from '../../src/awscli/run.js';
import { callerFor, DEFAULT_PROFILES } from '../../src/awscli/profiles.js';
import { createKey, s3World } from './helpers.js';

function cli() {
  const w = s3World();
  const files: Record<string, Uint8Array> = { 'report.txt': new TextEncoder().encode('quarterly numbers') };
  const io: AwsIo = {
    cwd: '.',
    readFile: (path) => {
      const f = files[path.replace(/^\.\//, '')];
      if (!f) throw new Error(`no such file: ${path}`);
      return f;
    },
    writeFile: (path, bytes) => void (files[path.replace(/^\.\//, '')] = bytes),
  };
  const run = (line: string) => runAwsLine(w.world, line, (g) => callerFor(w.world, DEFAULT_PROFILES, g.profile ?? 'default', g.region), io);
  return { ...w, files, run };
}

describe('aws s3api', () => {
  it('uploads from a file path, downloads into an outfile and prints the metadata without the body', async () => {
    const { run, files } = cli();
    expect((await run('aws s3api create-bucket --bucket reports')).stdout).toContain('"Location": "/reports"');
    const put = await run('aws s3api put-object --bucket reports --key q1/report.txt --body report.txt');
    expect(put.exitCode).toBe(0);
    expect(JSON.parse(put.stdout)).toMatchObject({ ServerSideEncryption: 'AES256' });
    const got = await run('aws s3api get-object --bucket reports --key q1/report.txt out.txt');
    expect(got.exitCode).toBe(0);
    expect(JSON.parse(got.stdout)).toMatchObject({ ContentLength: 17, ServerSideEncryption: 'AES256', AcceptRanges: 'bytes' });
    expect(got.stdout).not.toContain('Body');
    expect(new TextDecoder().decode(files['out.txt'])).toBe('quarterly numbers');
  });

  it('needs the outfile of get-object (exit 252) and reports S3 errors with exit 254', async () => {
    const { run } = cli();
    await run('aws s3api create-bucket --bucket reports');
    const missing = await run('aws s3api get-object --bucket reports --key a');
    expect([missing.exitCode, missing.stderr.trim()]).toEqual([252, 'aws: error: the following arguments are required: outfile']);
    const nokey = await run('aws s3api get-object --bucket reports --key a out');
    expect(nokey.exitCode).toBe(254);
    expect(nokey.stderr.trim()).toBe('An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.');
    const head = await run('aws s3api head-object --bucket reports --key a');
    expect(head.stderr.trim()).toBe('An error occurred (404) when calling the HeadObject operation: Not Found');
    const nobucket = await run('aws s3api list-objects-v2 --bucket nope');
    expect(nobucket.stderr.trim()).toBe('An error occurred (NoSuchBucket) when calling the ListObjectsV2 operation: The specified bucket does not exist');
  });

  it('takes the SSE-KMS options, --query and --output text', async () => {
    const { run, world, admin } = cli();
    const key = createKey(world, admin);
    await run('aws s3api create-bucket --bucket reports');
    const ctx = Buffer.from('{"team":"finance"}').toString('base64');
    const put = await run(
      `aws s3api put-object --bucket reports --key a --body report.txt --server-side-encryption aws:kms --ssekms-key-id ${key} --ssekms-encryption-context ${ctx} --bucket-key-enabled --query '[ServerSideEncryption,SSEKMSKeyId,BucketKeyEnabled]' --output text`,
    );
    expect(put.stdout.trim()).toBe(`aws:kms\t${key}\tTrue`);
    const enc = await run(
      `aws s3api put-bucket-encryption --bucket reports --server-side-encryption-configuration '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"${key}"},"BucketKeyEnabled":true}]}'`,
    );
    expect(enc.exitCode).toBe(0);
    const get = await run('aws s3api get-bucket-encryption --bucket reports --query ServerSideEncryptionConfiguration.Rules[0].BucketKeyEnabled');
    expect(get.stdout.trim()).toBe('true');
    const bad = await run('aws s3api put-object --bucket reports --key a --server-side-encryption aws:rsa');
    expect(bad.exitCode).toBe(252);
  });

  it('pages list-objects-v2 and list-buckets with --max-items and --starting-token', async () => {
    const { run } = cli();
    for (const b of ['b1', 'b2', 'b3']) await run(`aws s3api create-bucket --bucket ${b}x`);
    for (const k of ['a', 'b', 'c', 'd', 'e']) await run(`aws s3api put-object --bucket b1x --key ${k} --body report.txt`);
    const first = JSON.parse((await run('aws s3api list-objects-v2 --bucket b1x --max-items 2')).stdout);
    expect(first.Contents.map((o: { Key: string }) => o.Key)).toEqual(['a', 'b']);
    const next = JSON.parse((await run(`aws s3api list-objects-v2 --bucket b1x --max-items 2 --starting-token ${first.NextToken}`)).stdout);
    expect(next.Contents.map((o: { Key: string }) => o.Key)).toEqual(['c', 'd']);
    const paged = JSON.parse((await run('aws s3api list-objects-v2 --bucket b1x --page-size 2')).stdout);
    expect(paged.Contents).toHaveLength(5);
    const buckets = await run('aws s3api list-buckets --max-buckets 1 --query Buckets[].Name --output text');
    expect(buckets.stdout.trim()).toBe('b1x');
    const all = await run('aws s3api list-buckets --query Buckets[].Name --output text');
    expect(all.stdout.trim()).toBe('b1x\tb2x\tb3x');
  });

  it('has help for s3api and its operations', async () => {
    const { run } = cli();
    expect((await run('aws s3api help')).stdout).toContain('put-bucket-encryption');
    const help = await run('aws s3api put-object help');
    expect(help.stdout).toContain('--ssekms-key-id');
    expect(help.stdout).toContain('--bucket-key-enabled');
  });
});

describe('aws s3 (high-level)', () => {
  it('cp uploads and downloads as the CLI prints it, with --sse aws:kms --sse-kms-key-id', async () => {
    const { run, files, world, admin } = cli();
    const key = createKey(world, admin);
    expect((await run('aws s3 mb s3://reports')).stdout).toBe('make_bucket: reports\n');
    const up = await run(`aws s3 cp report.txt s3://reports/2026/ --sse aws:kms --sse-kms-key-id ${key}`);
    expect([up.exitCode, up.stdout]).toEqual([0, 'upload: ./report.txt to s3://reports/2026/report.txt\n']);
    expect(world.call('s3', 'HeadObject', { Bucket: 'reports', Key: '2026/report.txt' }, admin)).toMatchObject({ SSEKMSKeyId: key });
    const down = await run('aws s3 cp s3://reports/2026/report.txt copy.txt');
    expect(down.stdout).toBe('download: s3://reports/2026/report.txt to ./copy.txt\n');
    expect(new TextDecoder().decode(files['copy.txt'])).toBe('quarterly numbers');
    const missing = await run('aws s3 cp s3://reports/none.txt x');
    expect([missing.exitCode, missing.stderr]).toEqual([
      1,
      'fatal error: An error occurred (404) when calling the HeadObject operation: Key "none.txt" does not exist\n',
    ]);
  });

  it('cp reports a download that KMS refuses as "download failed" with S3\'s AccessDenied, exit 1', async () => {
    const { run, world, admin } = cli();
    const key = createKey(world, admin);
    await run('aws s3 mb s3://reports');
    await run(`aws s3 cp report.txt s3://reports/r.txt --sse aws:kms --sse-kms-key-id ${key}`);
    world.call(
      's3',
      'PutBucketPolicy',
      {
        Bucket: 'reports',
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/dev' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' },
          ],
        }),
      },
      admin,
    );
    const r = await run('aws s3 cp s3://reports/r.txt out.txt --profile dev');
    expect([r.exitCode, r.stderr]).toEqual([
      1,
      'download failed: s3://reports/r.txt to ./out.txt An error occurred (AccessDenied) when calling the GetObject operation: Access Denied\n',
    ]);
  });

  it('ls lists buckets, then objects and prefixes under a prefix', async () => {
    const { run } = cli();
    await run('aws s3 mb s3://reports');
    await run('aws s3 cp report.txt s3://reports/2026/q1.txt');
    await run('aws s3 cp report.txt s3://reports/top.txt');
    expect((await run('aws s3 ls')).stdout).toBe('2026-11-28 13:48:25 reports\n');
    expect((await run('aws s3 ls s3://reports')).stdout).toBe(`${'PRE'.padStart(30)} 2026/\n2026-11-28 13:48:25         17 top.txt\n`);
    expect((await run('aws s3 ls s3://reports/2026/')).stdout).toBe('2026-11-28 13:48:25         17 q1.txt\n');
    expect((await run('aws s3 ls s3://reports --recursive')).stdout).toContain('17 2026/q1.txt');
    expect((await run('aws s3 help')).stdout).toContain('cp SOURCE TARGET');
    expect((await run('aws s3 sync . s3://reports')).exitCode).toBe(252);
    expect((await run('aws s3 rb s3://reports')).stderr).toBe(
      'remove_bucket failed: s3://reports An error occurred (BucketNotEmpty) when calling the DeleteBucket operation: The bucket you tried to delete is not empty\n',
    );
  });
});
