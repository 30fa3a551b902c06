// A world (src/sim) with real access control, a manual clock and seeded randomness.
import { ManualClock } from '../../src/aws/ports.js';
import type { Caller } from '../../src/aws/caller.js';
import { aWorld } from '../helpers/world.js';
import { runAws } from '../../src/awscli/run.js';
import { splitCommandLine } from '../../src/awscli/index.js';

export const ADMIN: Caller = {
  principal: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/admin', accountId: '111122223333', name: 'admin', principalId: 'AIDAEXAMPLEADMIN0001' },
  accountId: '111122223333',
  region: 'us-east-1',
};

export function aSimulator(seed = 'sim-test') {
  const clock = new ManualClock(Date.UTC(2026, 10, 28, 13, 48, 25, 123));
  const { world } = aWorld({ clock, seed });
  const sim = world;
  const engine = world.kms;
  const files = new Map<string, Uint8Array>();
  const io = {
    cwd: '/work',
    readFile(path: string): Uint8Array {
      const f = files.get(path);
      if (!f) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return f;
    },
  };
  const aws = (line: string, caller: Caller = ADMIN) => runAws(sim, splitCommandLine(line.replace(/^aws\s+/, '')), caller, io);
  return { clock, engine, sim, files, io, aws };
}
