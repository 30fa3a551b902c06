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
