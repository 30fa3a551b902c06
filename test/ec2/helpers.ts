// A test world with the EC2/EBS service and a runner for `aws ...` lines as the study profiles (admin and dev in
// 111122223333, analyst in 444455556666), returning the CLI's output and the parsed JSON.
/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read the CLI's JSON output by member names */
import { runAwsLine } from '../../src/awscli/run.js';
import type { Caller } from '../../src/aws/caller.js';
import type { World } from '../../src/sim/world.js';
import { aWorld } from '../helpers/world.js';

export const A = '111122223333';
export const B = '444455556666';
const PROFILES: Record<string, string> = {
  admin: `arn:aws:iam::${A}:user/admin`,
  dev: `arn:aws:iam::${A}:user/dev`,
  analyst: `arn:aws:iam::${B}:user/analyst`,
};

export interface Out {
  stdout: string;
  stderr: string;
  exitCode: number;
  json: Record<string, any>;
}

export function ebsWorld(): { world: World; aws: (line: string, profile?: string) => Promise<Out>; caller: (profile: string, region?: string) => Caller } {
  const { world } = aWorld();
  const caller = (profile: string, region = 'us-east-1') => world.callerOf(PROFILES[profile] ?? profile, region);
  const aws = async (line: string, profile = 'admin'): Promise<Out> => {
    const r = await runAwsLine(world, line, (g) => caller(profile, g.region ?? 'us-east-1'), { readFile: () => new Uint8Array(), cwd: '.' });
    let json: Record<string, any> = {};
    try {
      json = r.stdout.trim() ? JSON.parse(r.stdout) : {};
    } catch {
      json = {};
    }
    return { ...r, json };
  };
  return { world, aws, caller };
}

/** The error code in the CLI's "An error occurred (<Code>)" line. */
export function errorCode(o: Out): string | undefined {
  return /An error occurred \(([\w.]+)\)/.exec(o.stderr)?.[1];
}

export function ec2State(world: World): any {
  return world.serviceState('ec2');
}
