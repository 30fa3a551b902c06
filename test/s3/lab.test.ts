// The s3-sse-kms lab as a learner meets it: S3's bare "Access Denied", the KMS event that explains it, and the
// Bucket Key step's count (one GenerateDataKey for three uploads), in every variant.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLab } from '../../src/labs/parse.js';
import { LabRun } from '../../src/labs/runner.js';
import { PACKAGE_ROOT } from '../helpers/cli.js';

const { lab } = parseLab(readFileSync(join(PACKAGE_ROOT, 'labs', 's3-sse-kms.yaml'), 'utf8'), 'labs/s3-sse-kms.yaml');
const io = { wallNow: () => 0 };

describe.each(['key-policy', 'iam', 'via-service'])('lab s3-sse-kms, variant %s', (variant) => {
  it("shows S3's AccessDenied for the download while CloudTrail holds KMS's reason", async () => {
    const run = await LabRun.start(lab!, 't', io, variant);
    await run.input('profile app');
    const out = await run.input('aws s3api get-object --bucket reports-prod --key exports/report.bin out.bin');
    expect(out.text).toContain('An error occurred (AccessDenied) when calling the GetObject operation: Access Denied');
    const head = await run.input('aws s3api head-object --bucket reports-prod --key exports/report.bin');
    expect(head.text).toContain('"ServerSideEncryption": "aws:kms"');
    const denied = run
      .context()
      .world.trail.events.filter((e) => e.eventName === 'Decrypt' && e.errorCode === 'AccessDenied')
      .at(-1)!;
    expect(denied.userIdentity.invokedBy).toBe('s3.amazonaws.com');
    expect(denied.requestParameters?.encryptionContext).toEqual({ 'aws:s3:arn': 'arn:aws:s3:::reports-prod/exports/report.bin' });
    expect(denied.errorMessage).toContain(variant === 'key-policy' ? 'no resource-based policy allows' : 'no identity-based policy allows');
  });
});

describe('lab s3-sse-kms, Bucket Key step', () => {
  it('the three uploads of the reference solution cost one GenerateDataKey, with the bucket ARN as context', async () => {
    const run = await LabRun.start(lab!, 't', io, 'iam');
    const at = lab!.steps.findIndex((s) => s.id === 'bucket-key');
    for (let i = 0; i < at; i++) for (const line of run.step(i)!.solution) await run.input(line);
    const before = run.context().world.trail.events.length;
    for (const line of run.step(at)!.solution) await run.input(line);
    const gdk = run
      .context()
      .world.trail.events.slice(before)
      .filter((e) => e.eventName === 'GenerateDataKey');
    expect(gdk).toHaveLength(1);
    expect(gdk[0].requestParameters?.encryptionContext).toEqual({ 'aws:s3:arn': 'arn:aws:s3:::reports-prod' });
  });
});
