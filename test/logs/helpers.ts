// A world with the monitoring services and a typed `aws ...` line runner, for the logs, sns, events and cloudwatch tests.
import { ManualClock } from '../../src/aws/ports.js';
import { callerFor, DEFAULT_PROFILES } from '../../src/awscli/profiles.js';
import { runAwsLine } from '../../src/awscli/run.js';
import { aWorld } from '../helpers/world.js';

export const ACCOUNT = '111122223333';
export const OTHER = '444455556666';

export function monitorWorld() {
  const clock = new ManualClock(Date.UTC(2026, 10, 28, 13, 0, 0, 0));
  const { world } = aWorld({ clock, seed: 'monitor' });
  const io = {
    cwd: '/work',
    readFile: (p: string): Uint8Array => {
      throw new Error(`ENOENT: ${p}`);
    },
  };
  const aws = (line: string, profile = 'default') => runAwsLine(world, line, callerFor(world, DEFAULT_PROFILES, profile), io);
  const json = async (line: string, profile = 'default') => {
    const r = await aws(line, profile);
    if (r.exitCode !== 0) throw new Error(`${line}\n${r.stderr}`);
    return r.stdout.trim() === '' ? {} : (JSON.parse(r.stdout) as Record<string, unknown>);
  };
  /** A customer managed key whose policy is the root statement plus `extra` statements; returns its ARN. */
  const keyWith = async (...extra: object[]) => {
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Sid: 'Root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }, ...extra],
    };
    const out = await json(`aws kms create-key --policy '${JSON.stringify(policy)}'`);
    return String((out.KeyMetadata as { Arn: string }).Arn);
  };
  return { world, clock, aws, json, keyWith };
}

export const logsStatement = (condition?: object) => ({
  Sid: 'Logs',
  Effect: 'Allow',
  Principal: { Service: 'logs.us-east-1.amazonaws.com' },
  Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
  Resource: '*',
  ...(condition ? { Condition: condition } : {}),
});

type Json = (line: string, profile?: string) => Promise<Record<string, unknown>>;

/**
 * Creates the log group `group` and a logging trail "audit" that sends the account's events to it (through the AWS CLI:
 * a bucket with CloudTrail's bucket policy, the role CloudTrail assumes with logs:CreateLogStream and logs:PutLogEvents).
 */
export async function trailToLogs(json: Json, group: string): Promise<void> {
  const trail = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/audit`;
  const bucket = `trail-${ACCOUNT}`;
  const bucketPolicy = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: `arn:aws:s3:::${bucket}` },
      {
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${bucket}/AWSLogs/${ACCOUNT}/*`,
        Condition: { StringEquals: { 'aws:SourceArn': trail } },
      },
    ],
  };
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
  const write = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${group}:log-stream:*` },
    ],
  };
  await json(`aws logs create-log-group --log-group-name ${group}`);
  await json(`aws s3api create-bucket --bucket ${bucket}`);
  await json(`aws s3api put-bucket-policy --bucket ${bucket} --policy '${JSON.stringify(bucketPolicy)}'`);
  await json(`aws iam create-role --role-name trail-to-logs --assume-role-policy-document '${JSON.stringify(trust)}'`);
  await json(`aws iam put-role-policy --role-name trail-to-logs --policy-name write --policy-document '${JSON.stringify(write)}'`);
  await json(
    `aws cloudtrail create-trail --name audit --s3-bucket-name ${bucket} --cloud-watch-logs-log-group-arn arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${group}:* --cloud-watch-logs-role-arn arn:aws:iam::${ACCOUNT}:role/trail-to-logs`,
  );
  await json('aws cloudtrail start-logging --name audit');
}
